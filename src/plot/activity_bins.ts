/**
 * Actions counted per UTC day, week (from Monday, as polars' `dt.truncate("1w")`) or month and
 * per kind, for {@link activityOverTime}'s bars and lines.
 *
 * @module
 */

/** The width of one bin. */
export type BinInterval = "day" | "week" | "month";

/** The actions of one kind in one interval (or, cumulative, up to its end). */
export interface Bin {
  /** The interval's first instant (midnight UTC). */
  start: Date;
  /** The next interval's first instant. */
  end: Date;
  /** The kind of action, e.g. `→ MAPPED`. */
  kind: string;
  /** How many actions. */
  count: number;
}

/** One action to count: its time in ms and its kind. */
export interface CountedAction {
  /** Milliseconds since the epoch. */
  time: number;
  /** The kind of action. */
  kind: string;
}

const DAY = 86_400_000;

/**
 * The start of the UTC day, week (from Monday, as polars' `truncate("1w")`) or month of an
 * instant, in ms.
 */
function intervalStart(time: number, interval: BinInterval): number {
  const day = Math.floor(time / DAY);
  if (interval === "day") return day * DAY;
  if (interval === "week") return (day - ((day + 3) % 7 + 7) % 7) * DAY; // 1970-01-05 was a Monday
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextStart(start: number, interval: BinInterval): number {
  if (interval === "day") return start + DAY;
  if (interval === "week") return start + 7 * DAY;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * The interval that suits a span of times: days up to 120 days, weeks up to two years, months
 * beyond.
 *
 * @example
 * ```ts
 * import { pickInterval } from "./activity_bins.ts";
 * import assert from "node:assert/strict";
 *
 * const day = 86_400_000;
 * assert.equal(pickInterval([0, 30 * day]), "day");
 * assert.equal(pickInterval([0, 400 * day]), "week");
 * assert.equal(pickInterval([0, 1000 * day]), "month");
 * ```
 */
export function pickInterval(times: readonly number[]): BinInterval {
  const days = (Math.max(...times) - Math.min(...times)) / DAY;
  return !(days > 120) ? "day" : days <= 730 ? "week" : "month";
}

/** Counts per interval and kind, with a zero for every interval and kind without any. */
function binned(
  rows: readonly { time: number; kind: string }[],
  interval: BinInterval,
  keys: readonly string[],
): Bin[] {
  if (rows.length === 0) return [];
  const counts = new Map<string, number>();
  for (const { time, kind } of rows) {
    const key = `${intervalStart(time, interval)} ${kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const times = rows.map(({ time }) => time);
  const last = intervalStart(Math.max(...times), interval);
  const bins: Bin[] = [];
  for (
    let start = intervalStart(Math.min(...times), interval);
    start <= last;
    start = nextStart(start, interval)
  ) {
    for (const kind of keys) {
      const count = counts.get(`${start} ${kind}`) ?? 0;
      bins.push({ start: new Date(start), end: new Date(nextStart(start, interval)), kind, count });
    }
  }
  return bins;
}

/** The same bins with each kind's count summed up to and including its interval. */
function accumulated(bins: readonly Bin[]): Bin[] {
  const sums = new Map<string, number>();
  return bins.map((bin) => {
    const count = (sums.get(bin.kind) ?? 0) + bin.count;
    sums.set(bin.kind, count);
    return { ...bin, count };
  });
}

/** Options of {@link activityBins}. */
export interface ActivityBinOptions {
  /** The width of a bin. */
  interval: BinInterval;
  /** The kinds, in order: each interval gets one bin per kind, 0 when it has none. */
  keys: readonly string[];
  /** Count up to the end of each interval rather than within it. @default false */
  cumulative?: boolean;
}

/**
 * The actions counted per interval (UTC; weeks from Monday) and kind, from the interval of the
 * first action to that of the last, one bin per kind in each, zeros included; `cumulative`
 * gives running totals per kind.
 *
 * @example Weeks start on Monday
 * ```ts
 * import { activityBins } from "./activity_bins.ts";
 * import assert from "node:assert/strict";
 *
 * const actions = ["2026-05-31T23:00:00Z", "2026-06-01T00:00:00Z", "2026-06-07T12:00:00Z"]
 *   .map((text) => ({ time: Date.parse(text), kind: "→ MAPPED" }));
 * const bins = activityBins(actions, { interval: "week", keys: ["→ MAPPED"] });
 * assert.deepEqual(
 *   bins.map((bin) => [bin.start.toISOString().slice(0, 10), bin.count]),
 *   [["2026-05-25", 1], ["2026-06-01", 2]],
 * );
 * const totals = activityBins(actions, { interval: "week", keys: ["→ MAPPED"], cumulative: true });
 * assert.deepEqual(totals.map((bin) => bin.count), [1, 3]);
 * ```
 */
export function activityBins(
  actions: readonly CountedAction[],
  options: ActivityBinOptions,
): Bin[] {
  const counted = binned(actions, options.interval, options.keys);
  return options.cumulative ? accumulated(counted) : counted;
}
