/**
 * The time window of an activity query: `since`/`until` (epoch milliseconds, since included,
 * until excluded, see `window.ts`) and `lastDays(n, { from })`. `lastDays(n)` from `"now"` is
 * `since(now − n days)`, fixed when it is called; from `"data"` it is the `n` days up to each
 * log's newest row, which the first page of the log tells (TM sends activity newest first).
 *
 * @module
 */

import { requirePositiveInteger, show } from "../args.ts";
import { pl } from "../deps.ts";
import type { DisplayRow } from "../display.ts";
import type { Activity } from "../schemas/activities.ts";
import { describeWindow, type TimeWindow, withBounds } from "../window.ts";

const DAY_MS = 86_400_000;

/** A {@link TimeWindow} that may also end at the newest row of the log. */
export interface ActivityWindow extends TimeWindow {
  /** Keep the rows of the last this many days up to the log's newest row. */
  readonly daysBeforeNewest?: number | undefined;
}

/** Where `lastDays(n)` counts from. */
export interface LastDaysOptions {
  /**
   * `"now"`: the `n` days up to the moment `lastDays` is called. `"data"`: the `n` days up to
   * the newest row of each project's log (the first page tells it).
   * @default "now"
   */
  readonly from?: "now" | "data";
}

/**
 * The window with `lastDays(days, options)` applied; throws before any request on a bad
 * argument. `now` is the clock, in epoch milliseconds.
 *
 * @example
 * ```ts
 * import { withLastDays } from "./activity_window.ts";
 * import assert from "node:assert/strict";
 *
 * const now = Date.UTC(2026, 4, 31);
 * assert.deepEqual(withLastDays({}, 30, {}, now), { since: Date.UTC(2026, 4, 1) });
 * assert.deepEqual(withLastDays({}, 30, { from: "data" }, now), { daysBeforeNewest: 30 });
 * assert.throws(() => withLastDays({}, 0, {}, now), /lastDays days/);
 * assert.throws(() => withLastDays({}, 7, { from: "today" as "now" }, now), /"now" or "data"/);
 * assert.throws(() => withLastDays({}, 7, "data" as never, now), /lastDays options/);
 * ```
 */
export function withLastDays(
  window: ActivityWindow,
  days: number,
  options: LastDaysOptions,
  now: number,
): ActivityWindow {
  requirePositiveInteger("lastDays days", days);
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot use lastDays options ${show(options)}: pass { from: "now" } or { from: "data" }`,
    );
  }
  const from = options.from ?? "now";
  if (from !== "now" && from !== "data") {
    throw new RangeError(
      `Cannot use lastDays from ${show(from)}: from must be "now" or "data"`,
    );
  }
  if (from === "data") return Object.freeze({ ...window, daysBeforeNewest: days });
  return withBounds(window, { since: now - days * DAY_MS });
}

/**
 * The window in words for a display: `since`/`until`, and the data-anchored days.
 *
 * @example
 * ```ts
 * import { describeActivityWindow } from "./activity_window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(describeActivityWindow({ daysBeforeNewest: 90 }), [
 *   ["window", "the last 90 days up to the newest row of each project's log"],
 * ]);
 * ```
 */
export function describeActivityWindow(window: ActivityWindow): DisplayRow[] {
  const rows = describeWindow("window", window);
  const days = window.daysBeforeNewest;
  if (days === undefined) return rows;
  const last = `the last ${days} days up to the newest row of each project's log`;
  return [["window", rows.length ? `${rows[0]![1]}, and ${last}` : last]];
}

/**
 * The window without its start: what a query must read to see every row newer than the
 * window's start as well (`until` is dropped too: the log is read from its newest row anyway).
 *
 * @example
 * ```ts
 * import { withoutEnd } from "./activity_window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(withoutEnd({ since: 1, until: 2, daysBeforeNewest: 3 }), { since: 1, daysBeforeNewest: 3 });
 * ```
 */
export function withoutEnd(window: ActivityWindow): ActivityWindow {
  const { until: _until, ...rest } = window;
  return Object.freeze(rest);
}

/** Milliseconds of a row's `actionDate` (TM's timestamp, truncated to milliseconds). */
type Instant = (row: Activity) => number;

/**
 * The row filter and the end-of-crawl test of a window, for a newest-first log. With
 * `daysBeforeNewest`, the first row the crawl sees (the newest: page 1 is read first) fixes
 * the start, so a fresh pair is needed for each crawl.
 *
 * @example
 * ```ts
 * import { activityBounds } from "./activity_window.ts";
 * import assert from "node:assert/strict";
 *
 * const day = (d: number) => Date.UTC(2026, 0, d);
 * const bounds = activityBounds({ daysBeforeNewest: 2 }, (row) => row as unknown as number);
 * const keep = bounds.keep!;
 * assert.deepEqual([day(10), day(9), day(8), day(7)].map((at) => keep(at as never)), [true, true, true, false]);
 * assert.equal(bounds.isPastEnd!([day(7) as never]), true);
 * ```
 */
export function activityBounds(window: ActivityWindow, instantOf: Instant): {
  keep?: (row: Activity) => boolean;
  isPastEnd?: (rows: readonly Activity[]) => boolean;
} {
  const { until, daysBeforeNewest } = window;
  let since = window.since;
  if (since === undefined && until === undefined && daysBeforeNewest === undefined) return {};
  let anchored = daysBeforeNewest === undefined;
  const start = (at: number): number | undefined => {
    if (!anchored) {
      anchored = true;
      const fromData = at - daysBeforeNewest! * DAY_MS;
      since = since === undefined ? fromData : Math.max(since, fromData);
    }
    return since;
  };
  const keep = (row: Activity) => {
    const at = instantOf(row);
    const first = start(at);
    return (first === undefined || at >= first) && (until === undefined || at < until);
  };
  if (since === undefined && daysBeforeNewest === undefined) return { keep };
  const isPastEnd = (rows: readonly Activity[]) => {
    const last = rows[rows.length - 1];
    if (last === undefined) return true;
    const first = start(instantOf(rows[0]!));
    return first !== undefined && instantOf(last) < first;
  };
  return { keep, isPastEnd };
}

/**
 * Whether a row's `actionDate` lies in the window, as a polars expression on an activity
 * frame; `daysBeforeNewest` counts back from the newest row of each project (`projectId`).
 *
 * @example
 * ```ts
 * import { inActivityWindow } from "./activity_window.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = pl.DataFrame({
 *   projectId: [1, 1, 2],
 *   actionDate: [new Date("2026-01-10"), new Date("2026-01-01"), new Date("2025-06-01")],
 * }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
 * assert.equal(frame.filter(inActivityWindow({ daysBeforeNewest: 3 })).height, 2);
 * assert.equal(frame.filter(inActivityWindow({ since: Date.UTC(2026, 0, 5) })).height, 1);
 * ```
 */
export function inActivityWindow(window: ActivityWindow): pl.Expr {
  const at = pl.col("actionDate");
  let inside = pl.lit(true);
  if (window.since !== undefined) inside = inside.and(at.gtEq(utcLiteral(window.since)));
  if (window.until !== undefined) inside = inside.and(at.lt(utcLiteral(window.until)));
  if (window.daysBeforeNewest !== undefined) {
    const micros = window.daysBeforeNewest * DAY_MS * 1000;
    const start = at.cast(pl.Int64).max().over("projectId").sub(pl.lit(micros));
    inside = inside.and(at.cast(pl.Int64).gtEq(start));
  }
  return inside;
}

/** An instant (epoch milliseconds) as a literal in the frames' unit, `Datetime("us", "UTC")`. */
export function utcLiteral(at: number): pl.Expr {
  return pl.lit(new Date(at)).cast(pl.Datetime("us", "UTC"));
}
