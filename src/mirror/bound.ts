/**
 * The most requests an incremental sync should take: the heartbeat, the scope's listing (with
 * TM's list of recently active projects, when the sync asks it), the
 * activity pages it needs (the new ones, and one that reaches past the rows held), a small
 * constant per project fetched again (summary, tasks, contributions, contributions by day),
 * and one per project that left the listing.
 *
 * @module
 */

/** The bound, and how it adds up. */
export interface RequestBound {
  /** The most requests. */
  total: number;
  /** `"1 heartbeat + 3 search pages + 12 activity pages + 4 × 5 projects + 1 vanished"`. */
  text: string;
}

/** Requests per project fetched again, besides its activity pages. */
export const REQUESTS_PER_PROJECT = 4;

/**
 * Adds up the bound.
 *
 * @example
 * ```ts
 * import { requestBound } from "./bound.ts";
 * import assert from "node:assert/strict";
 *
 * const bound = requestBound({ search: 3, activityPages: 12, changed: 5, vanished: 1 });
 * assert.equal(bound.total, 37);
 * assert.equal(bound.text, "1 heartbeat + 3 listing + 12 activity pages + 4 × 5 projects + 1 vanished");
 * ```
 */
export function requestBound(
  parts: { search: number; activityPages: number; changed: number; vanished: number },
): RequestBound {
  const total = 1 + parts.search + parts.activityPages + REQUESTS_PER_PROJECT * parts.changed +
    parts.vanished;
  const text = `1 heartbeat + ${parts.search} listing + ${parts.activityPages} activity pages + ` +
    `${REQUESTS_PER_PROJECT} × ${parts.changed} projects + ${parts.vanished} vanished`;
  return { total, text };
}
