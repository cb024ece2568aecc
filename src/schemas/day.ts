/**
 * Calendar days as TM sends them (reference 2.5): `YYYY-MM-DD` (contributions by day,
 * `dateRegistered`, task statistics, and TM4's user `contributionsByDay`) and the midnight
 * form `YYYY-MM-DDT00:00:00` of TM5's user statistics. Both read as `YYYY-MM-DD`; frames turn
 * them into polars `Date`.
 *
 * @module
 */

import { z } from "../deps.ts";

function isRealDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
}

/** `YYYY-MM-DD`, or the same day at midnight (`T00:00:00`, an optional zero fraction, `Z`). */
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}(T00:00:00(\.0+)?Z?)?$/;

/**
 * A day that exists, in either form TM sends: `YYYY-MM-DD` (TM4 everywhere; TM5 for
 * contributions by day, `dateRegistered`, task statistics) or midnight `YYYY-MM-DDT00:00:00`
 * (TM5 user `contributionsByDay`: a SQL `DATE` coerced into a naive datetime). Both read as
 * `YYYY-MM-DD`, so frames get the same `Date` column from TM4 and TM5.
 *
 * @example
 * ```ts
 * import { TmDay } from "./day.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TmDay.parse("2024-02-29"), "2024-02-29");
 * assert.equal(TmDay.parse("2025-04-30T00:00:00"), "2025-04-30");
 * assert.equal(TmDay.safeParse("2023-02-29").success, false);
 * assert.equal(TmDay.safeParse("2025-04-30T12:00:00").success, false);
 * ```
 */
export const TmDay = z.string()
  .refine((value) => DAY_PATTERN.test(value) && isRealDay(value.slice(0, 10)), {
    message: "Expected a day like 2024-05-01 or 2024-05-01T00:00:00",
  })
  .transform((value) => value.slice(0, 10));
/** A day, read as `YYYY-MM-DD`. */
export type TmDay = z.infer<typeof TmDay>;

/**
 * The same schema as {@link TmDay}, under the name it had when only user statistics sent
 * midnights (kept for `mod.ts`).
 *
 * @example
 * ```ts
 * import { TmMidnight } from "./day.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TmMidnight.parse("2025-04-30T00:00:00"), "2025-04-30");
 * assert.equal(TmMidnight.parse("2025-04-30"), "2025-04-30");
 * ```
 */
export const TmMidnight = TmDay;
/** A day, read as `YYYY-MM-DD`. */
export type TmMidnight = TmDay;
