/**
 * Time windows, one style everywhere: `since(start)` is inclusive, `until(end)` exclusive,
 * and `between(start, end)` is both (so `between("2024-01-01", "2024-02-01")` is January).
 * A bound is a {@link Day}: a `Date` (that instant) or a `"YYYY-MM-DD"` day (its midnight UTC).
 * Endpoints that TM filters by whole days (the project search, task statistics) take only
 * midnights: a `Date` in the middle of a day is refused rather than silently rounded.
 *
 * @module
 */

import { type Day, show, toDay } from "./args.ts";
import type { DisplayRow } from "./display.ts";

const DAY_MS = 86_400_000;

/** A half-open window `[since, until)` in epoch milliseconds; either bound may be open. */
export interface TimeWindow {
  /** The first instant in the window, in epoch milliseconds. */
  readonly since?: number | undefined;
  /** The first instant after the window, in epoch milliseconds. */
  readonly until?: number | undefined;
}

/**
 * A bound as epoch milliseconds: a `Date`'s instant, or a day's midnight UTC.
 *
 * @example
 * ```ts
 * import { instantOf } from "./window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(instantOf("since", "2024-02-01"), Date.UTC(2024, 1, 1));
 * assert.throws(() => instantOf("since", "2024-02-30"), /no such day/);
 * ```
 */
export function instantOf(name: string, value: Day): number {
  if (value instanceof Date) {
    toDay(name, value); // the same checks as a day: a valid date in years 0000-9999
    return value.getTime();
  }
  return Date.parse(`${toDay(name, value)}T00:00:00Z`);
}

/**
 * A bound of a window that TM applies by whole days: a day, or a `Date` at midnight UTC.
 *
 * @example
 * ```ts
 * import { midnightOf } from "./window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(midnightOf("since", new Date(Date.UTC(2024, 0, 1))), Date.UTC(2024, 0, 1));
 * assert.throws(() => midnightOf("since", new Date(Date.UTC(2024, 0, 1, 12))), /whole days/);
 * ```
 */
export function midnightOf(name: string, value: Day): number {
  const at = instantOf(name, value);
  if (at % DAY_MS !== 0) {
    throw new RangeError(
      `Cannot use ${name} ${show(value)}: TM filters these by whole days; give a "YYYY-MM-DD" ` +
        "day or a Date at midnight UTC",
    );
  }
  return at;
}

/**
 * The window with a bound set; `RangeError` when it would end before it begins.
 *
 * @example
 * ```ts
 * import { withBounds } from "./window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(withBounds({ since: 10 }, { until: 20 }), { since: 10, until: 20 });
 * assert.throws(() => withBounds({ since: 20 }, { until: 10 }), /later than since/);
 * ```
 */
export function withBounds(window: TimeWindow, patch: TimeWindow): TimeWindow {
  const merged = Object.freeze({ ...window, ...patch });
  if (merged.since !== undefined && merged.until !== undefined && merged.until <= merged.since) {
    throw new RangeError(
      `Cannot use the window since ${formatInstant(merged.since)} until ${
        formatInstant(merged.until)
      }: until must be later than since`,
    );
  }
  return merged;
}

/**
 * An instant as a day when it is a midnight, else as an ISO timestamp.
 *
 * @example
 * ```ts
 * import { formatInstant } from "./window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatInstant(Date.UTC(2024, 0, 1)), "2024-01-01");
 * assert.equal(formatInstant(Date.UTC(2024, 0, 1, 6)), "2024-01-01T06:00:00.000Z");
 * ```
 */
export function formatInstant(at: number): string {
  const iso = new Date(at).toISOString();
  return at % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/** The day (`YYYY-MM-DD`) `days` days after the midnight `at`. */
export function dayAfter(at: number, days: number): string {
  return new Date(at + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The window as a display row in words, or nothing when it is open on both sides.
 *
 * @example
 * ```ts
 * import { describeWindow } from "./window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(describeWindow("window", { since: Date.UTC(2024, 0, 1), until: Date.UTC(2024, 1, 1) }), [
 *   ["window", "since 2024-01-01 (included) until 2024-02-01 (excluded)"],
 * ]);
 * assert.deepEqual(describeWindow("window", {}), []);
 * ```
 */
export function describeWindow(label: string, window: TimeWindow): DisplayRow[] {
  const parts = [
    window.since === undefined ? undefined : `since ${formatInstant(window.since)} (included)`,
    window.until === undefined ? undefined : `until ${formatInstant(window.until)} (excluded)`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? [] : [[label, parts.join(" ")]];
}

/** How a bound is read: any instant, or only midnights ({@link midnightOf}). */
export type BoundReader = (name: string, value: Day) => number;

/**
 * The window from `start` on (included): `since(start)` of every windowed query.
 *
 * @example
 * ```ts
 * import { since } from "./window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(since({ until: Date.UTC(2024, 1, 1) }, "2024-01-01"), {
 *   until: Date.UTC(2024, 1, 1),
 *   since: Date.UTC(2024, 0, 1),
 * });
 * ```
 */
export function since(window: TimeWindow, start: Day, read: BoundReader = instantOf): TimeWindow {
  return withBounds(window, { since: read("since", start) });
}

/** The window before `end` (excluded): `until(end)` of every windowed query. */
export function until(window: TimeWindow, end: Day, read: BoundReader = instantOf): TimeWindow {
  return withBounds(window, { until: read("until", end) });
}

/**
 * The window from `start` (included) to `end` (excluded): `between(start, end)`.
 *
 * @example
 * ```ts
 * import { between } from "./window.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => between({}, "2024-02-01", "2024-01-01"), /until must be later than since/);
 * ```
 */
export function between(
  window: TimeWindow,
  start: Day,
  end: Day,
  read: BoundReader = instantOf,
): TimeWindow {
  return withBounds(window, {
    since: read("between start", start),
    until: read("between end", end),
  });
}
