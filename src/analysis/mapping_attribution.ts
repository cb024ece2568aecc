/**
 * Which MAPPED change a later state change of the same task answers: a validation or an
 * invalidation is about the task's latest MAPPED change before it (an INVALIDATED change ends
 * that mapping: a validation after it answers no earlier mapping).
 *
 * @module
 */

import { type DataFrame, pl } from "../deps.ts";

/**
 * The `STATE_CHANGE` rows of an activity frame (with `projectId`), oldest first per task,
 * with the MAPPED change each answers: `mappedHistoryId`, `mappedBy` and `mappedAt` (null
 * when the log holds no MAPPED change before it, or the last one was already invalidated).
 *
 * @example Task 5 mapped by ana, invalidated by vic, mapped by ben, validated by vic
 * ```ts
 * import { attributeToMapping } from "./mapping_attribution.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const activity = pl.DataFrame({
 *   projectId: [1, 1, 1, 1], historyId: [4, 3, 2, 1], taskId: [5, 5, 5, 5],
 *   action: ["STATE_CHANGE", "STATE_CHANGE", "STATE_CHANGE", "STATE_CHANGE"],
 *   actionText: ["VALIDATED", "MAPPED", "INVALIDATED", "MAPPED"],
 *   actionBy: ["vic", "ben", "vic", "ana"],
 *   actionDate: [new Date("2024-01-04"), new Date("2024-01-03"), new Date("2024-01-02"), new Date("2024-01-01")],
 * });
 * const changes = attributeToMapping(activity);
 * assert.deepEqual(changes.getColumn("mappedBy").toArray(), [null, "ana", null, "ben"]);
 * ```
 */
export function attributeToMapping(activity: DataFrame): DataFrame {
  const text = pl.col("actionText");
  const changes = activity
    .withColumns(...["projectId", "historyId", "taskId"].map((id) => pl.col(id).cast(pl.Int64)))
    .filter(pl.col("action").eq(pl.lit("STATE_CHANGE")))
    .sort(["projectId", "taskId", "actionDate", "historyId"])
    .withColumns(
      pl.when(text.eq(pl.lit("MAPPED"))).then(pl.col("historyId"))
        .when(text.eq(pl.lit("INVALIDATED"))).then(pl.lit(-1))
        .otherwise(pl.lit(null))
        .cast(pl.Int64)
        .forwardFill()
        .shift(1)
        .over("projectId", "taskId")
        .alias("mappedHistoryId"),
    )
    .withColumns(
      pl.when(pl.col("mappedHistoryId").eq(pl.lit(-1))).then(pl.lit(null))
        .otherwise(pl.col("mappedHistoryId")).cast(pl.Int64).alias("mappedHistoryId"),
    );
  const mappings = changes.filter(text.eq(pl.lit("MAPPED"))).select(
    pl.col("projectId"),
    pl.col("historyId").alias("mappedHistoryId"),
    pl.col("actionBy").alias("mappedBy"),
    pl.col("actionDate").alias("mappedAt"),
  );
  return changes.join(mappings, { on: ["projectId", "mappedHistoryId"], how: "left" });
}

/** Hours from `from` to `to` (two Datetime columns), as Float64. */
export function hoursBetween(from: string, to: string): pl.Expr {
  return pl.col(to).cast(pl.Int64).sub(pl.col(from).cast(pl.Int64)).cast(pl.Float64)
    .div(3_600_000_000);
}
