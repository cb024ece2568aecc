/**
 * Calendar days as TM sends them (reference 2.5): `YYYY-MM-DD` (contributions by day,
 * `dateRegistered`, task statistics) and the midnight form `YYYY-MM-DDT00:00:00` of user
 * statistics. Frames turn both into polars `Date`.
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

/**
 * A `YYYY-MM-DD` day that exists.
 *
 * @example
 * ```ts
 * import { TmDay } from "./day.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TmDay.parse("2024-02-29"), "2024-02-29");
 * assert.equal(TmDay.safeParse("2023-02-29").success, false);
 * ```
 */
export const TmDay = z.string().refine(isRealDay, { message: "Expected a day like 2024-05-01" });
/** A `YYYY-MM-DD` day. */
export type TmDay = z.infer<typeof TmDay>;

/**
 * A day sent as midnight, `YYYY-MM-DDT00:00:00` (a SQL `DATE` coerced into a naive datetime),
 * read as its `YYYY-MM-DD` day.
 *
 * @example
 * ```ts
 * import { TmMidnight } from "./day.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TmMidnight.parse("2025-04-30T00:00:00"), "2025-04-30");
 * assert.equal(TmMidnight.safeParse("2025-04-30T12:00:00").success, false);
 * ```
 */
export const TmMidnight = z.string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}T00:00:00(\.0+)?Z?$/.test(value) && isRealDay(value.slice(0, 10)),
    {
      message: "Expected a midnight like 2025-04-30T00:00:00",
    },
  )
  .transform((value) => value.slice(0, 10));
/** A day sent as midnight, read as `YYYY-MM-DD`. */
export type TmMidnight = z.infer<typeof TmMidnight>;
