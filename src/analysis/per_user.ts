/**
 * Per-user activity in a window: state changes made (mapped, validated, invalidated, marked
 * bad imagery), what became of the user's mappings afterwards (later validated, later
 * invalidated, and by whom, whenever that came), mapping and validation hours from lock
 * durations, and the first and last action.
 *
 * @module
 */

import { type DataFrame, type DataType, pl } from "../deps.ts";
import { type ActivityWindow, inActivityWindow } from "./activity_window.ts";
import { lockHours, MAPPING_LOCKS, VALIDATION_LOCKS } from "./lock_hours.ts";
import { attributeToMapping } from "./mapping_attribution.ts";

/** One user's activity in the window, as `records()` gives it. */
export interface UserActivityRow {
  /** The user (TM username). */
  username: string;
  /** STATE_CHANGE to MAPPED made by the user in the window. */
  mapped: number;
  /** Of those, how many a later VALIDATED change answered (at any time after). */
  mappedLaterValidated: number;
  /** Of those, how many a later INVALIDATED change undid (at any time after). */
  mappedLaterInvalidated: number;
  /** Who invalidated them, each name once, in alphabetical order. */
  invalidatedBy: string[];
  /** STATE_CHANGE to VALIDATED made by the user in the window. */
  validated: number;
  /** STATE_CHANGE to INVALIDATED made by the user in the window. */
  invalidated: number;
  /** STATE_CHANGE to BADIMAGERY made by the user in the window. */
  badImagery: number;
  /** Hours of the user's mapping locks that began in the window (auto-unlocks count 2 h, as in TM). */
  mappingHours: number;
  /** Hours of the user's validation locks that began in the window. */
  validationHours: number;
  /** The user's first and last action in the window. */
  firstAction: Date;
  /** The user's last action in the window. */
  lastAction: Date;
}

/** The columns of {@link perUserActivityOf} and their dtypes. */
export const USER_ACTIVITY_COLUMNS: Readonly<Record<keyof UserActivityRow, DataType>> = {
  username: pl.Utf8,
  mapped: pl.Int64,
  mappedLaterValidated: pl.Int64,
  mappedLaterInvalidated: pl.Int64,
  invalidatedBy: pl.List(pl.Utf8),
  validated: pl.Int64,
  invalidated: pl.Int64,
  badImagery: pl.Int64,
  mappingHours: pl.Float64,
  validationHours: pl.Float64,
  firstAction: pl.Datetime("us", "UTC"),
  lastAction: pl.Datetime("us", "UTC"),
};

/** Each MAPPED change answered later: whether validated, whether invalidated, and by whom. */
function outcomes(changes: DataFrame): DataFrame {
  const text = pl.col("actionText");
  return changes
    .filter(pl.col("mappedHistoryId").isNotNull())
    .groupBy(["projectId", "mappedHistoryId"])
    .agg(
      text.eq(pl.lit("VALIDATED")).any().alias("laterValidated"),
      text.eq(pl.lit("INVALIDATED")).any().alias("laterInvalidated"),
      pl.when(text.eq(pl.lit("INVALIDATED"))).then(pl.col("actionBy")).otherwise(pl.lit(null))
        .min().alias("invalidator"),
    )
    .rename({ mappedHistoryId: "historyId" });
}

function changesTo(status: string): pl.Expr {
  return pl.col("action").eq(pl.lit("STATE_CHANGE")).and(pl.col("actionText").eq(pl.lit(status)));
}

/**
 * One row per user who acted in the window, most mappings first (then by name). The frame
 * (with `projectId`) must hold the rows after the window too, so that a mapping's later
 * validation or invalidation is seen.
 *
 * @example Ana maps two tasks; Vic validates one, invalidates the other
 * ```ts
 * import { perUserActivityOf } from "./per_user.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const at = (hour: number) => new Date(Date.UTC(2024, 0, 1, hour));
 * const activity = pl.DataFrame({
 *   projectId: [1, 1, 1, 1, 1], historyId: [5, 4, 3, 2, 1], taskId: [2, 1, 2, 1, 1],
 *   action: ["STATE_CHANGE", "STATE_CHANGE", "STATE_CHANGE", "STATE_CHANGE", "LOCKED_FOR_MAPPING"],
 *   actionText: ["INVALIDATED", "VALIDATED", "MAPPED", "MAPPED", "00:45:00"],
 *   actionBy: ["vic", "vic", "ana", "ana", "ana"],
 *   actionDate: [at(5), at(4), at(3), at(2), at(1)],
 * }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
 * const [ana, vic] = perUserActivityOf(activity, {}).toRecords();
 * assert.equal(ana!.mapped, 2);
 * assert.equal(ana!.mappedLaterValidated, 1);
 * assert.deepEqual(ana!.invalidatedBy, ["vic"]);
 * assert.equal(ana!.mappingHours, 0.75);
 * assert.equal(vic!.invalidated, 1);
 * ```
 */
export function perUserActivityOf(activity: DataFrame, window: ActivityWindow): DataFrame {
  const flagged = activity
    .withColumns(pl.col("projectId").cast(pl.Int64), pl.col("historyId").cast(pl.Int64))
    .withColumns(inActivityWindow(window).alias("inWindow"));
  const inWindow = flagged.filter(pl.col("inWindow"))
    .join(outcomes(attributeToMapping(flagged)), { on: ["projectId", "historyId"], how: "left" });
  const isMapped = changesTo("MAPPED");
  const count = (expr: pl.Expr) => expr.cast(pl.Int64).sum();
  return inWindow
    .filter(pl.col("actionBy").isNotNull())
    .groupBy("actionBy")
    .agg(
      count(isMapped).alias("mapped"),
      count(isMapped.and(pl.col("laterValidated").fillNull(false))).alias("mappedLaterValidated"),
      count(isMapped.and(pl.col("laterInvalidated").fillNull(false)))
        .alias("mappedLaterInvalidated"),
      pl.col("invalidator").dropNulls().unique().sort().alias("invalidatedBy"),
      count(changesTo("VALIDATED")).alias("validated"),
      count(changesTo("INVALIDATED")).alias("invalidated"),
      count(changesTo("BADIMAGERY")).alias("badImagery"),
      lockHours(MAPPING_LOCKS).sum().alias("mappingHours"),
      lockHours(VALIDATION_LOCKS).sum().alias("validationHours"),
      pl.col("actionDate").min().alias("firstAction"),
      pl.col("actionDate").max().alias("lastAction"),
    )
    .rename({ actionBy: "username" })
    .sort(["mapped", "username"], [true, false]);
}
