/**
 * `GET /projects/{id}/contributions/` and `/contributions/queries/day/` (reference 3.7).
 * The by-day keys are snake_case on the wire and camelCase here: `cumulative_mapped` →
 * `cumulativeMapped`, `cumulative_validated` → `cumulativeValidated`, `total_tasks` →
 * `totalTasks`.
 *
 * @module
 */

import { z } from "../deps.ts";
import { orNull } from "./common.ts";
import { TmDay } from "./day.ts";

const TaskIds = z.array(z.number().int());

/**
 * One user's contribution to a project (current task ownership).
 *
 * @example
 * ```ts
 * import { UserContribution } from "./contributions.ts";
 * import assert from "node:assert/strict";
 *
 * const row = UserContribution.parse({
 *   username: "ana", mappingLevel: "BEGINNER", pictureUrl: null, mapped: 2, validated: 0, badImagery: 0,
 *   total: 2, mappedTasks: [1, 4], validatedTasks: [], badImageryTasks: [], name: null, dateRegistered: "2020-01-31",
 * });
 * assert.deepEqual(row.mappedTasks, [1, 4]);
 * ```
 */
export const UserContribution = z.object({
  username: z.string(),
  mappingLevel: orNull(z.string()),
  pictureUrl: orNull(z.string()),
  mapped: orNull(z.number().int()),
  validated: orNull(z.number().int()),
  badImagery: orNull(z.number().int()),
  total: orNull(z.number().int()),
  mappedTasks: orNull(TaskIds),
  validatedTasks: orNull(TaskIds),
  badImageryTasks: orNull(TaskIds),
  name: orNull(z.string()),
  dateRegistered: orNull(TmDay),
});
/** One user's contribution to a project. */
export type UserContribution = z.infer<typeof UserContribution>;

/**
 * The body of `/contributions/`.
 *
 * @example
 * ```ts
 * import { ContributionList } from "./contributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(ContributionList.parse({ userContributions: [] }).userContributions, []);
 * ```
 */
export const ContributionList = z.object({ userContributions: z.array(UserContribution) });
/** The body of `/contributions/`. */
export type ContributionList = z.infer<typeof ContributionList>;

/**
 * One day of a project's contributions, with camelCase keys.
 *
 * @example
 * ```ts
 * import { DayContribution } from "./contributions.ts";
 * import assert from "node:assert/strict";
 *
 * const day = DayContribution.parse({
 *   date: "2025-04-30", mapped: 3, validated: 1, cumulative_mapped: 10, cumulative_validated: 4, total_tasks: 20,
 * });
 * assert.deepEqual(day, {
 *   date: "2025-04-30", mapped: 3, validated: 1, cumulativeMapped: 10, cumulativeValidated: 4, totalTasks: 20,
 * });
 * ```
 */
export const DayContribution = z.object({
  date: TmDay,
  mapped: z.number().int(),
  validated: z.number().int(),
  cumulative_mapped: orNull(z.number().int()),
  cumulative_validated: orNull(z.number().int()),
  total_tasks: orNull(z.number().int()),
}).transform((day) => ({
  date: day.date,
  mapped: day.mapped,
  validated: day.validated,
  cumulativeMapped: day.cumulative_mapped,
  cumulativeValidated: day.cumulative_validated,
  totalTasks: day.total_tasks,
}));
/** One day of a project's contributions. */
export type DayContribution = z.infer<typeof DayContribution>;

/**
 * The body of `/contributions/queries/day/`.
 *
 * @example
 * ```ts
 * import { ContributionsByDay } from "./contributions.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(ContributionsByDay.parse({ stats: [] }).stats, []);
 * ```
 */
export const ContributionsByDay = z.object({ stats: z.array(DayContribution) });
/** The body of `/contributions/queries/day/`. */
export type ContributionsByDay = z.infer<typeof ContributionsByDay>;
