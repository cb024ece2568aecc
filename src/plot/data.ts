/**
 * Frames as Plot data: one plain object per row, with JS `Date`s for date and datetime columns
 * (Plot's time scales want `Date`s). The direction is frame → rows only; rows never go back into
 * `pl.DataFrame(records)`, which infers dtypes from the first rows.
 *
 * @module
 */

import type { DataFrame } from "../deps.ts";

/** One row for Plot: column name → value (`Date` for temporal columns, `null` when missing). */
export type PlotRow = Record<string, unknown>;

function isTemporal(variant: string): boolean {
  return variant === "Date" || variant === "Datetime";
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "string") return new Date(value);
  if (typeof value === "bigint") return new Date(Number(value));
  return null;
}

/**
 * The rows of `frame` (only `columns`, when given) as plain objects for Plot marks. Date and
 * Datetime columns hold `Date`s; other values are as polars' `toRecords()` gives them (lists
 * as arrays, structs as objects). Throws `TypeError` naming any column the frame lacks.
 *
 * @example
 * ```ts
 * import { plotRows } from "./data.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = pl.DataFrame({ day: [0, 86_400_000], n: [3, 5] })
 *   .withColumns(pl.col("day").cast(pl.Datetime("ms")));
 * const rows = plotRows(frame, ["day", "n"]);
 * assert.ok(rows[1]!.day instanceof Date);
 * assert.equal((rows[1]!.day as Date).toISOString(), "1970-01-02T00:00:00.000Z");
 * assert.equal(rows[0]!.n, 3);
 * ```
 */
export function plotRows(frame: DataFrame, columns?: readonly string[]): PlotRow[] {
  const names = columns ?? frame.columns;
  const missing = names.filter((name) => !frame.columns.includes(name));
  if (missing.length > 0) {
    throw new TypeError(
      `Cannot read column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}: the frame has ${
        frame.columns.join(", ") || "no columns"
      }`,
    );
  }
  const selected = frame.select(...names);
  const temporal = names.filter((name) => isTemporal(selected.getColumn(name).dtype.variant));
  const rows: PlotRow[] = selected.toRecords();
  if (temporal.length === 0) return rows;
  for (const row of rows) {
    for (const name of temporal) row[name] = toDate(row[name]);
  }
  return rows;
}
