/**
 * `GET /tasks/statistics/` (reference 3.12): mapped, validated and bad-imagery state changes
 * per day (days with none are left out).
 *
 * @module
 */

import { z } from "../deps.ts";
import { TmDay } from "./day.ts";

/**
 * One day of task statistics.
 *
 * @example
 * ```ts
 * import { TaskStatisticsDay } from "./task_statistics.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TaskStatisticsDay.parse({ date: "2025-01-02", mapped: 4, validated: 1, badImagery: 0 }).mapped, 4);
 * ```
 */
export const TaskStatisticsDay = z.object({
  date: TmDay,
  mapped: z.number().int(),
  validated: z.number().int(),
  badImagery: z.number().int(),
});
/** One day of task statistics. */
export type TaskStatisticsDay = z.infer<typeof TaskStatisticsDay>;

/** The body of `/tasks/statistics/`. */
export const TaskStatisticsBody = z.object({ taskStats: z.array(TaskStatisticsDay) });
/** The body of `/tasks/statistics/`. */
export type TaskStatisticsBody = z.infer<typeof TaskStatisticsBody>;
