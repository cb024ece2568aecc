/**
 * Per-user figures: `GET /users/{username}/statistics/` (reference 3.13, token required),
 * `GET /projects/queries/{username}/touched/` (3.10) and
 * `GET /projects/{id}/statistics/queries/{username}/` (3.4). Times are seconds.
 *
 * @module
 */

import { z } from "../deps.ts";
import { Geometry, orNull } from "./common.ts";
import { TmDay } from "./day.ts";
import { ProjectStatusField } from "./enum_fields.ts";

const Count = z.number().int();

/** A country a user contributed to. */
export const CountryContribution = z.object({
  name: orNull(z.string()),
  mapped: orNull(Count),
  validated: orNull(Count),
  total: orNull(Count),
});
/** A country a user contributed to. */
export type CountryContribution = z.infer<typeof CountryContribution>;

/** State changes of a user on one day (`date` read as `YYYY-MM-DD`). */
export const UserDayContribution = z.object({ date: TmDay, count: Count });
/** State changes of a user on one day. */
export type UserDayContribution = z.infer<typeof UserDayContribution>;

/** Projects of an interest a user worked on. */
export const InterestContribution = z.object({
  id: Count,
  name: z.string(),
  countProjects: orNull(Count),
});
/** Projects of an interest a user worked on. */
export type InterestContribution = z.infer<typeof InterestContribution>;

/**
 * `GET /users/{username}/statistics/`. The key `ContributionsByInterest` (capital C) is read
 * as `contributionsByInterest`.
 *
 * @example
 * ```ts
 * import { UserStatistics } from "./users.ts";
 * import assert from "node:assert/strict";
 *
 * const stats = UserStatistics.parse({
 *   totalTimeSpent: 10, timeSpentMapping: 10, timeSpentValidating: 0, projectsMapped: 1,
 *   countriesContributed: { countries: [], total: 0 },
 *   contributionsByDay: [{ date: "2025-04-30T00:00:00", count: 2 }],
 *   tasksMapped: 1, tasksValidated: 0, tasksInvalidated: 0, tasksInvalidatedByOthers: 0, tasksValidatedByOthers: 0,
 *   ContributionsByInterest: [],
 * });
 * assert.equal(stats.contributionsByDay[0]?.date, "2025-04-30");
 * ```
 */
export const UserStatistics = z.object({
  totalTimeSpent: orNull(z.number()),
  timeSpentMapping: orNull(z.number()),
  timeSpentValidating: orNull(z.number()),
  projectsMapped: orNull(Count),
  countriesContributed: z.object({
    countries: z.array(CountryContribution),
    total: orNull(Count),
  }),
  contributionsByDay: z.array(UserDayContribution),
  tasksMapped: orNull(Count),
  tasksValidated: orNull(Count),
  tasksInvalidated: orNull(Count),
  tasksInvalidatedByOthers: orNull(Count),
  tasksValidatedByOthers: orNull(Count),
  ContributionsByInterest: orNull(z.array(InterestContribution)),
}).transform(({ ContributionsByInterest: contributionsByInterest, ...rest }) => ({
  ...rest,
  contributionsByInterest,
}));
/** `GET /users/{username}/statistics/`. */
export type UserStatistics = z.infer<typeof UserStatistics>;

/**
 * One project a user touched, with the tasks they currently own there.
 *
 * @example
 * ```ts
 * import { TouchedProject } from "./users.ts";
 * import assert from "node:assert/strict";
 *
 * const row = TouchedProject.parse({
 *   projectId: 7, name: "Roads", tasksMapped: 2, tasksValidated: 0, status: "PUBLISHED",
 *   centroid: { type: "Point", coordinates: [85.3, 27.7] },
 * });
 * assert.equal(row.tasksMapped, 2);
 * ```
 */
export const TouchedProject = z.object({
  projectId: Count,
  name: orNull(z.string()),
  tasksMapped: orNull(Count),
  tasksValidated: orNull(Count),
  status: orNull(ProjectStatusField),
  centroid: orNull(Geometry),
});
/** One project a user touched. */
export type TouchedProject = z.infer<typeof TouchedProject>;

/** The body of `/projects/queries/{username}/touched/`. */
export const TouchedProjectList = z.object({ mappedProjects: z.array(TouchedProject) });
/** The body of `/projects/queries/{username}/touched/`. */
export type TouchedProjectList = z.infer<typeof TouchedProjectList>;

/**
 * Time one user spent on one project, in seconds.
 *
 * @example
 * ```ts
 * import { ProjectUserStatistics } from "./users.ts";
 * import assert from "node:assert/strict";
 *
 * const t = ProjectUserStatistics.parse({ timeSpentMapping: 754.0, timeSpentValidating: 0, totalTimeSpent: 754.0 });
 * assert.equal(t.totalTimeSpent, 754);
 * ```
 */
export const ProjectUserStatistics = z.object({
  timeSpentMapping: orNull(z.number()),
  timeSpentValidating: orNull(z.number()),
  totalTimeSpent: orNull(z.number()),
});
/** Time one user spent on one project. */
export type ProjectUserStatistics = z.infer<typeof ProjectUserStatistics>;
