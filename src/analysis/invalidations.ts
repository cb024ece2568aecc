/**
 * Invalidations with attribution: each INVALIDATED state change in the window, with the
 * mapper whose MAPPED change it undid (however long before the window that was), the
 * validator, when, and the hours between.
 *
 * @module
 */

import { type DataFrame, type DataType, pl } from "../deps.ts";
import { type ActivityWindow, inActivityWindow } from "./activity_window.ts";
import { attributeToMapping, hoursBetween } from "./mapping_attribution.ts";

/** One invalidation, as `records()` gives it. */
export interface InvalidationRow {
  /** The project. */
  projectId: number;
  /** The task, within its project. */
  taskId: number;
  /** The INVALIDATED row's `historyId`. */
  historyId: number;
  /** When the task was invalidated. */
  invalidatedAt: Date;
  /** The validator who invalidated the task. */
  invalidatedBy: string | null;
  /** The mapper of the MAPPED change undone; null when the log holds none. */
  mappedBy: string | null;
  /** When the undone or validated MAPPED change was made. */
  mappedAt: Date | null;
  /** Hours from the MAPPED change to the invalidation. */
  hoursSinceMapped: number | null;
}

/** The columns of {@link invalidationsOf} and their dtypes. */
export const INVALIDATION_COLUMNS: Readonly<Record<keyof InvalidationRow, DataType>> = {
  projectId: pl.Int64,
  taskId: pl.Int64,
  historyId: pl.Int64,
  invalidatedAt: pl.Datetime("us", "UTC"),
  invalidatedBy: pl.Utf8,
  mappedBy: pl.Utf8,
  mappedAt: pl.Datetime("us", "UTC"),
  hoursSinceMapped: pl.Float64,
};

/**
 * The invalidations in the window of an activity frame (with `projectId`), oldest first.
 * The frame must hold each task's history before the window too, for the attribution.
 *
 * @example Ana mapped task 3 before the window; Vic invalidated it inside
 * ```ts
 * import { invalidationsOf } from "./invalidations.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const activity = pl.DataFrame({
 *   projectId: [1, 1], historyId: [2, 1], taskId: [3, 3],
 *   action: ["STATE_CHANGE", "STATE_CHANGE"], actionText: ["INVALIDATED", "MAPPED"],
 *   actionBy: ["vic", "ana"], actionDate: [new Date("2024-02-02"), new Date("2024-01-31")],
 * }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
 * const [row] = invalidationsOf(activity, { since: Date.UTC(2024, 1, 1) }).toRecords();
 * assert.equal(row!.mappedBy, "ana");
 * assert.equal(row!.invalidatedBy, "vic");
 * assert.equal(row!.hoursSinceMapped, 48);
 * ```
 */
export function invalidationsOf(activity: DataFrame, window: ActivityWindow): DataFrame {
  return attributeToMapping(activity.withColumns(inActivityWindow(window).alias("inWindow")))
    .filter(pl.col("inWindow").and(pl.col("actionText").eq(pl.lit("INVALIDATED"))))
    .select(
      pl.col("projectId"),
      pl.col("taskId"),
      pl.col("historyId"),
      pl.col("actionDate").alias("invalidatedAt"),
      pl.col("actionBy").alias("invalidatedBy"),
      pl.col("mappedBy"),
      pl.col("mappedAt"),
    )
    .withColumns(hoursBetween("mappedAt", "invalidatedAt").alias("hoursSinceMapped"))
    .sort(["invalidatedAt", "historyId"]);
}
