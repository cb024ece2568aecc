/**
 * Validation latency: each VALIDATED state change in the window, with the MAPPED change it
 * validated (however long before the window that was) and the hours between.
 *
 * @module
 */

import { type DataFrame, type DataType, pl } from "../deps.ts";
import { type ActivityWindow, inActivityWindow } from "./activity_window.ts";
import { attributeToMapping, hoursBetween } from "./mapping_attribution.ts";

/** One validation, as `records()` gives it. */
export interface ValidationLatencyRow {
  /** The project. */
  projectId: number;
  /** The task, within its project. */
  taskId: number;
  /** The VALIDATED row's `historyId`. */
  historyId: number;
  /** The mapper of the MAPPED change validated; null when the log holds none. */
  mappedBy: string | null;
  /** When the undone or validated MAPPED change was made. */
  mappedAt: Date | null;
  /** The validator. */
  validatedBy: string | null;
  /** When the task was validated. */
  validatedAt: Date;
  /** Hours from the MAPPED change to the validation. */
  hoursToValidate: number | null;
}

/** The columns of {@link validationLatencyOf} and their dtypes. */
export const VALIDATION_LATENCY_COLUMNS: Readonly<Record<keyof ValidationLatencyRow, DataType>> = {
  projectId: pl.Int64,
  taskId: pl.Int64,
  historyId: pl.Int64,
  mappedBy: pl.Utf8,
  mappedAt: pl.Datetime("us", "UTC"),
  validatedBy: pl.Utf8,
  validatedAt: pl.Datetime("us", "UTC"),
  hoursToValidate: pl.Float64,
};

/**
 * The validations in the window of an activity frame (with `projectId`), oldest first. The
 * frame must hold each task's history before the window too.
 *
 * @example Ben mapped task 4 at 10:00, Vic validated it at 16:00
 * ```ts
 * import { validationLatencyOf } from "./validation_latency.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const activity = pl.DataFrame({
 *   projectId: [1, 1], historyId: [2, 1], taskId: [4, 4],
 *   action: ["STATE_CHANGE", "STATE_CHANGE"], actionText: ["VALIDATED", "MAPPED"],
 *   actionBy: ["vic", "ben"],
 *   actionDate: [new Date("2024-02-02T16:00:00Z"), new Date("2024-02-02T10:00:00Z")],
 * }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
 * const [row] = validationLatencyOf(activity, {}).toRecords();
 * assert.equal(row!.mappedBy, "ben");
 * assert.equal(row!.hoursToValidate, 6);
 * ```
 */
export function validationLatencyOf(activity: DataFrame, window: ActivityWindow): DataFrame {
  return attributeToMapping(activity.withColumns(inActivityWindow(window).alias("inWindow")))
    .filter(pl.col("inWindow").and(pl.col("actionText").eq(pl.lit("VALIDATED"))))
    .select(
      pl.col("projectId"),
      pl.col("taskId"),
      pl.col("historyId"),
      pl.col("mappedBy"),
      pl.col("mappedAt"),
      pl.col("actionBy").alias("validatedBy"),
      pl.col("actionDate").alias("validatedAt"),
    )
    .withColumns(hoursBetween("mappedAt", "validatedAt").alias("hoursToValidate"))
    .sort(["validatedAt", "historyId"]);
}
