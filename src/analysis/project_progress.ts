/**
 * Progress of projects on one scale: each project's cumulative mapped and validated tasks per
 * day (`/contributions/queries/day/`) as percentages of its tasks, with its name (from
 * `/queries/summary/`). TM's own percentages leave bad-imagery tasks out of the whole, so a
 * project's last point can sit a little below its summary's `percentMapped`.
 *
 * @module
 */

import { type DataFrame, type DataType, pl } from "../deps.ts";

/** One project's progress on one day, as `records()` gives it. */
export interface ProgressRow {
  /** The project. */
  projectId: number;
  /** The project's name (its default locale's). */
  name: string | null;
  /** The day (UTC). */
  date: Date;
  /** Tasks mapped up to that day (TM's count). */
  cumulativeMapped: number;
  /** Tasks validated up to that day (TM's count). */
  cumulativeValidated: number;
  /** The project's tasks now. */
  totalTasks: number;
  /** cumulativeMapped / totalTasks × 100; null when the project has no tasks. */
  percentMapped: number | null;
  /** cumulativeValidated / totalTasks × 100; null when the project has no tasks. */
  percentValidated: number | null;
}

/** The columns of {@link projectProgressOf} and their dtypes. */
export const PROGRESS_COLUMNS: Readonly<Record<keyof ProgressRow, DataType>> = {
  projectId: pl.Int64,
  name: pl.Utf8,
  date: pl.Date,
  cumulativeMapped: pl.Int64,
  cumulativeValidated: pl.Int64,
  totalTasks: pl.Int64,
  percentMapped: pl.Float64,
  percentValidated: pl.Float64,
};

function percentOf(column: string): pl.Expr {
  const total = pl.col("totalTasks").cast(pl.Float64);
  return pl.when(total.gt(pl.lit(0)))
    .then(pl.col(column).cast(pl.Float64).div(total).mul(100))
    .otherwise(pl.lit(null));
}

/**
 * Contributions by day (with `projectId`) joined to the summaries' names, with percentages,
 * in the order of the projects and then of the days.
 *
 * @example Project 7 reaches half its 4 tasks mapped
 * ```ts
 * import { projectProgressOf } from "./project_progress.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const byDay = pl.DataFrame({
 *   projectId: [7], date: [new Date("2024-01-02")], mapped: [2], validated: [1],
 *   cumulativeMapped: [2], cumulativeValidated: [1], totalTasks: [4],
 * });
 * const summaries = pl.DataFrame({ projectId: [7], name: ["Flood map"] });
 * const [row] = projectProgressOf(byDay, summaries).toRecords();
 * assert.equal(row!.name, "Flood map");
 * assert.equal(row!.percentMapped, 50);
 * assert.equal(row!.percentValidated, 25);
 * ```
 */
export function projectProgressOf(byDay: DataFrame, summaries: DataFrame): DataFrame {
  const names = summaries.select(pl.col("projectId").cast(pl.Int64), pl.col("name"));
  return byDay
    .withColumns(pl.col("projectId").cast(pl.Int64))
    .withRowIndex("order")
    .join(names, { on: "projectId", how: "left" })
    .sort("order")
    .withColumns(
      percentOf("cumulativeMapped").alias("percentMapped"),
      percentOf("cumulativeValidated").alias("percentValidated"),
    );
}
