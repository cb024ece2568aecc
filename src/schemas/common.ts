/**
 * Schemas shared by several endpoints: the pagination object (reference 2.7), TM's
 * timestamps in all their forms (reference 2.5), campaign references and GeoJSON geometry.
 *
 * @module
 */

import { z } from "../deps.ts";
import { EQUIVALENT_CHECKS } from "../decode/checks.ts";
import { isTmTimestamp } from "../decode/timestamps.ts";

/**
 * The `pagination` object of paged endpoints.
 *
 * @example
 * ```ts
 * import { Pagination } from "./common.ts";
 * import assert from "node:assert/strict";
 *
 * const page = Pagination.parse({
 *   hasNext: true, hasPrev: false, nextNum: 2, page: 1, pages: 3, prevNum: null, perPage: 14, total: 40,
 * });
 * assert.equal(page.pages, 3);
 * ```
 */
export const Pagination = z.object({
  hasNext: z.boolean(),
  hasPrev: z.boolean(),
  nextNum: z.number().int().nullable(),
  page: z.number().int(),
  pages: z.number().int().nonnegative(),
  prevNum: z.number().int().nullable(),
  perPage: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
/** The `pagination` object of paged endpoints. */
export type Pagination = z.infer<typeof Pagination>;

/**
 * Every timestamp shape TM sends: with or without a fraction, with `Z`, `+00:00`, the
 * `+00:00Z` quirk, or naive (UTC by convention). Other offsets are refused, as are impossible
 * calendar values.
 */
export const TM_DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|\+00:00Z?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + value.charCodeAt(i) - 48;
  return n;
}

/**
 * Whether a string that matches {@link TM_DATE_TIME_PATTERN} names a real moment (no
 * February 30, no hour 24). The pattern fixes every field's position, so this reads the
 * digits in place: it runs once per timestamp of every page, and a `Date` per value would
 * cost more than the rest of the row's validation.
 */
function isCalendarTime(value: string): boolean {
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1] ?? 0;
  return day >= 1 && day <= days && digits(value, 11, 13) < 24 && digits(value, 14, 16) < 60 &&
    digits(value, 17, 19) < 60;
}

/**
 * A TM timestamp, kept as the string the server sent; frames turn it into Datetime (UTC).
 *
 * @example
 * ```ts
 * import { TmDateTime } from "./common.ts";
 * import assert from "node:assert/strict";
 *
 * for (const ok of ["2024-05-01T12:34:56Z", "2019-08-27T12:18:07.186897", "2024-05-01T12:34:56.123456+00:00Z"]) {
 *   assert.equal(TmDateTime.safeParse(ok).success, true);
 * }
 * assert.equal(TmDateTime.safeParse("2024-02-30T00:00:00Z").success, false);
 * assert.equal(TmDateTime.safeParse("2024-05-01T12:34:56+02:00").success, false);
 * ```
 */
export const TmDateTime = z.string()
  .regex(TM_DATE_TIME_PATTERN, {
    message: "Expected a UTC timestamp like 2024-05-01T12:34:56[.ffffff][Z]",
  })
  .refine(isCalendarTime, { message: "Expected a real calendar date and time" })
  // The pattern and the refinement in one pass, for the compiled decoder.
  .register(EQUIVALENT_CHECKS, { accepts: isTmTimestamp as (value: never) => boolean });
/** A TM timestamp string. */
export type TmDateTime = z.infer<typeof TmDateTime>;

/**
 * A task id: a number, or the digits TM4 sent (its `TaskHistoryDTO.task_id` was a
 * `StringType`, so activity rows carried `"taskId": "12"`), read as the number.
 *
 * @example
 * ```ts
 * import { TaskId } from "./common.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TaskId.parse(12), 12);
 * assert.equal(TaskId.parse("12"), 12);
 * assert.equal(TaskId.safeParse("twelve").success, false);
 * ```
 */
export const TaskId = z.union([
  z.number().int(),
  z.string().regex(/^\d+$/).transform(Number),
]);
/** A task id, read as a number. */
export type TaskId = z.infer<typeof TaskId>;

/**
 * A `{id, name}` campaign reference, as in search results and project detail.
 *
 * @example
 * ```ts
 * import { CampaignRef } from "./common.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(CampaignRef.parse({ id: 1, name: "Flood", logo: null }), { id: 1, name: "Flood" });
 * ```
 */
export const CampaignRef = z.object({ id: z.number().int(), name: z.string() });
/** A `{id, name}` campaign reference. */
export type CampaignRef = z.infer<typeof CampaignRef>;

/**
 * A GeoJSON geometry; coordinates are kept as sent.
 *
 * @example
 * ```ts
 * import { Geometry } from "./common.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(Geometry.parse({ type: "Point", coordinates: [85.3, 27.7] }).type, "Point");
 * ```
 */
export const Geometry = z.object({ type: z.string(), coordinates: z.array(z.unknown()) });
/** A GeoJSON geometry. */
export type Geometry = z.infer<typeof Geometry>;

/**
 * A field TM v5 always sends (null when unset) but TM4 could leave out: absent reads as null.
 *
 * @example
 * ```ts
 * import { z } from "../deps.ts";
 * import { orNull } from "./common.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(z.object({ a: orNull(z.string()) }).parse({}), { a: null });
 * ```
 */
export function orNull<T extends z.ZodType>(schema: T): z.ZodDefault<z.ZodNullable<T>> {
  return schema.nullable().default(null);
}
