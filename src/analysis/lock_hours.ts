/**
 * Lock durations as hours: TM writes the length of a lock into the `actionText` of its
 * `LOCKED_FOR_*` row when the lock ends (`HH:MM:SS[.ffffff]`, Python's `time.isoformat()`;
 * `null` while it is open), and `02:00:00` on the `AUTO_UNLOCKED_FOR_*` row that replaces an
 * expired lock. TM's own mapping and validation times add up both kinds (reference 3.4).
 *
 * @module
 */

import { pl } from "../deps.ts";

/** Actions whose `actionText` is a mapping lock's duration. */
export const MAPPING_LOCKS = ["LOCKED_FOR_MAPPING", "AUTO_UNLOCKED_FOR_MAPPING"] as const;
/** Actions whose `actionText` is a validation lock's duration. */
export const VALIDATION_LOCKS = ["LOCKED_FOR_VALIDATION", "AUTO_UNLOCKED_FOR_VALIDATION"] as const;

/**
 * The hours of a `HH:MM:SS[.ffffff]` text column (null stays null), as Float64.
 *
 * @example
 * ```ts
 * import { durationHours } from "./lock_hours.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = pl.DataFrame({ actionText: ["01:30:00", "00:00:36.000000", null] });
 * assert.deepEqual(frame.select(durationHours("actionText").alias("h")).getColumn("h").toArray(), [1.5, 0.01, null]);
 * ```
 */
export function durationHours(column: string): pl.Expr {
  const text = pl.col(column);
  return text.str.slice(0, 2).cast(pl.Float64)
    .add(text.str.slice(3, 2).cast(pl.Float64).div(60))
    .add(text.str.slice(6).cast(pl.Float64).div(3600));
}

/**
 * Hours of the locks of the given actions (0 for other rows and for open locks), as Float64.
 *
 * @example
 * ```ts
 * import { lockHours, MAPPING_LOCKS } from "./lock_hours.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = pl.DataFrame({
 *   action: ["LOCKED_FOR_MAPPING", "LOCKED_FOR_MAPPING", "STATE_CHANGE", "AUTO_UNLOCKED_FOR_MAPPING"],
 *   actionText: ["00:30:00", null, "MAPPED", "02:00:00"],
 * });
 * const hours = frame.select(lockHours(MAPPING_LOCKS).alias("h")).getColumn("h").toArray();
 * assert.deepEqual(hours, [0.5, 0, 0, 2]);
 * ```
 */
export function lockHours(actions: readonly string[]): pl.Expr {
  return pl.when(pl.col("action").isIn([...actions]))
    .then(durationHours("actionText").fillNull(0))
    .otherwise(pl.lit(0));
}
