/**
 * The validator backlog: the tasks whose status is MAPPED now, from `/activities/latest/`,
 * with how long they have waited since their latest action. That action is usually the
 * MAPPED change; when a validator locked the task and let it go without a verdict, it is that
 * lock, and the wait counts from there.
 *
 * @module
 */

import { type DataFrame, type DataType, pl } from "../deps.ts";
import { utcLiteral } from "./activity_window.ts";
import { hoursBetween } from "./mapping_attribution.ts";

/** One task waiting for validation, as `records()` gives it. */
export interface BacklogRow {
  /** The project. */
  projectId: number;
  /** The task, within its project. */
  taskId: number;
  /** Who acted last on the task (usually its mapper). */
  lastActionBy: string | null;
  /** When the latest action was (null when the task was never touched). */
  lastActionDate: Date | null;
  /** Hours from the latest action to `asOf`. */
  waitingHours: number | null;
}

/** The columns of {@link validatorBacklogOf} and their dtypes. */
export const BACKLOG_COLUMNS: Readonly<Record<keyof BacklogRow, DataType>> = {
  projectId: pl.Int64,
  taskId: pl.Int64,
  lastActionBy: pl.Utf8,
  lastActionDate: pl.Datetime("us", "UTC"),
  waitingHours: pl.Float64,
};

/**
 * The MAPPED tasks of a latest-activity frame (with `projectId`), longest waiting first;
 * `asOf` is the moment the waits are measured to, in epoch milliseconds.
 *
 * @example Task 2 has waited 36 hours
 * ```ts
 * import { validatorBacklogOf } from "./validator_backlog.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const latest = pl.DataFrame({
 *   projectId: [1, 1], taskId: [1, 2], taskStatus: ["VALIDATED", "MAPPED"],
 *   actionBy: ["vic", "ana"], actionDate: [new Date("2024-01-01"), new Date("2024-01-01T12:00:00Z")],
 * }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
 * const rows = validatorBacklogOf(latest, Date.UTC(2024, 0, 3)).toRecords();
 * assert.deepEqual(rows.map((row) => [row.taskId, row.waitingHours]), [[2, 36]]);
 * ```
 */
export function validatorBacklogOf(latest: DataFrame, asOf: number): DataFrame {
  return latest
    .filter(pl.col("taskStatus").eq(pl.lit("MAPPED")))
    .select(
      pl.col("projectId"),
      pl.col("taskId"),
      pl.col("actionBy").alias("lastActionBy"),
      pl.col("actionDate").alias("lastActionDate"),
      utcLiteral(asOf).alias("asOf"),
    )
    .withColumns(hoursBetween("lastActionDate", "asOf").alias("waitingHours"))
    .sort(["waitingHours", "projectId", "taskId"], [true, false, false], true);
}
