/**
 * Time that works with JS: datetime and day literals in the dtypes of tmframes' frames, and a
 * safe way to read one cell of a temporal column.
 *
 * tmframes' timestamps are `Datetime("us", "UTC")` and its days `Date`. A JS `Date` given to
 * polars as it is becomes `Datetime("ms")`, and polars refuses to compare the two
 * (`could not evaluate '>=' comparison between ... Datetime('μs', 'UTC') and ...
 * Datetime('ms')`); {@link utc} makes the literal in the column's dtype instead. And
 * nodejs-polars' `Series.get(i)` throws on Date and Datetime columns; {@link valueAt} reads
 * them as JS `Date`s.
 *
 * @module
 */

import { show, toDay } from "./args.ts";
import { type DataFrame, type Expr, pl, type Series } from "./deps.ts";

/** A moment: a `Date`, a `"YYYY-MM-DD"` day (its midnight, UTC) or an ISO 8601 date-time. */
export type Moment = Date | string;

/** The unit of a polars Datetime column. */
export type TimeUnit = "ms" | "us" | "ns";

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const UNITS: readonly TimeUnit[] = ["ms", "us", "ns"];

/**
 * The instant of a moment, for an argument called `name`: a `Date` as it is, a `"YYYY-MM-DD"`
 * day at midnight UTC, an ISO date-time (UTC when it has no offset). Throws `TypeError` or
 * `RangeError` naming the argument and the value.
 *
 * @example
 * ```ts
 * import { toInstant } from "./time.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toInstant("from", "2026-05-01").toISOString(), "2026-05-01T00:00:00.000Z");
 * assert.equal(toInstant("from", "2026-05-01T12:00").toISOString(), "2026-05-01T12:00:00.000Z");
 * assert.throws(() => toInstant("from", "May"), /Cannot use from "May"/);
 * ```
 */
export function toInstant(name: string, when: unknown): Date {
  if (when instanceof Date) {
    if (!Number.isNaN(when.getTime())) return when;
    throw new RangeError(`Cannot use ${name} ${show(when)}: it is not a valid date`);
  }
  if (typeof when === "string" && DATE_TIME.test(when)) {
    const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(when) ? when : `${when}Z`;
    const date = new Date(zoned);
    if (!Number.isNaN(date.getTime())) return date;
    throw new RangeError(`Cannot use ${name} ${show(when)}: it is not a valid date-time`);
  }
  if (typeof when === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(when)) {
    throw new RangeError(
      `Cannot use ${name} ${show(when)}: it must be a Date, a "YYYY-MM-DD" day or an ISO ` +
        'date-time such as "2026-05-01T12:00:00Z"',
    );
  }
  return new Date(`${toDay(name, when)}T00:00:00Z`);
}

/**
 * A polars literal of the moment `when` as `Datetime(unit, "UTC")`, the dtype of tmframes'
 * timestamps (`unit` `"us"` by default), to compare with a datetime column. `when` is a `Date`,
 * a `"YYYY-MM-DD"` day (midnight UTC) or an ISO date-time (UTC when it has no offset). Throws
 * `TypeError`/`RangeError` naming a value it cannot read.
 *
 * @example Keep the actions of May 2026
 * ```ts
 * import { utc } from "./time.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const actions = pl.DataFrame({
 *   actionDate: [new Date("2026-04-30T23:59:59Z"), new Date("2026-05-01T00:00:00Z")],
 * }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
 * const may = actions.filter(
 *   pl.col("actionDate").gtEq(utc("2026-05-01")).and(pl.col("actionDate").lt(utc("2026-06-01"))),
 * );
 * assert.equal(may.height, 1);
 * assert.throws(() => utc("1 May"), /Cannot use when "1 May"/);
 * ```
 */
export function utc(when: Moment, unit: TimeUnit = "us"): Expr {
  if (!UNITS.includes(unit)) {
    throw new TypeError(`Cannot use unit ${show(unit)}: it must be "ms", "us" or "ns"`);
  }
  return pl.lit(toInstant("when", when)).cast(pl.Datetime(unit, "UTC"));
}

/**
 * A polars literal of the UTC day of `when` as `Date`, the dtype of tmframes' day columns
 * (`date` of `contributionsByDay()`), to compare with them.
 *
 * @example Keep the days from May 2026 on
 * ```ts
 * import { utcDay } from "./time.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const days = pl.DataFrame({ date: [new Date("2026-04-30"), new Date("2026-05-01")] })
 *   .withColumns(pl.col("date").cast(pl.Date));
 * assert.equal(days.filter(pl.col("date").gtEq(utcDay("2026-05-01"))).height, 1);
 * ```
 */
export function utcDay(when: Moment): Expr {
  const day = toInstant("when", when).toISOString().slice(0, 10);
  return pl.lit(new Date(`${day}T00:00:00Z`)).cast(pl.Date);
}

/**
 * The value at `index` of a series (or of a frame's `column`), with Date and Datetime cells
 * as JS `Date`s (`null` when missing); a negative index counts from the end. nodejs-polars'
 * own `Series.get(index)` throws on Date and Datetime columns. Throws `RangeError` for an
 * index outside the series and `TypeError` for a column the frame lacks.
 *
 * @example The newest action
 * ```ts
 * import { valueAt } from "./time.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const actions = pl.DataFrame({ actionDate: [new Date("2026-05-01T10:00:00Z")] })
 *   .withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
 * const newest = valueAt(actions, "actionDate", -1);
 * assert.ok(newest instanceof Date);
 * assert.equal(newest.toISOString(), "2026-05-01T10:00:00.000Z");
 * assert.deepEqual(valueAt(actions.getColumn("actionDate"), 0), newest);
 * assert.throws(() => valueAt(actions, "actionDate", 1), /Cannot read index 1 of actionDate/);
 * ```
 */
export function valueAt(series: Series, index: number): unknown;
/** The value of `frame[column][index]`, as a JS value (a `Date` for temporal columns). */
export function valueAt(frame: DataFrame, column: string, index: number): unknown;
export function valueAt(
  source: Series | DataFrame,
  second: number | string,
  third?: number,
): unknown {
  const [series, index] = typeof second === "string"
    ? [columnOf(source as DataFrame, second), third]
    : [source as Series, second];
  if (!Number.isSafeInteger(index) || index! >= series.length || index! < -series.length) {
    throw new RangeError(
      `Cannot read index ${show(index)} of ${series.name}: it must be an integer from ` +
        `${-series.length} to ${series.length - 1}`,
    );
  }
  const at = index! < 0 ? series.length + index! : index!;
  return series.slice(at, 1).toArray()[0] ?? null;
}

function columnOf(frame: DataFrame, column: string): Series {
  if (!frame.columns.includes(column)) {
    throw new TypeError(
      `Cannot read column ${show(column)}: the frame has ${frame.columns.join(", ") || "none"}`,
    );
  }
  return frame.getColumn(column);
}
