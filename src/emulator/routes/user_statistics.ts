/**
 * `GET /users/{username}/statistics/` (reference 3.13): `UserStatsDTO`, auth required.
 * Figures come from `userStatistics` in `figures_users.ts`.
 *
 * Deviation from the reference's wording, following TM's SQL at the cited commit
 * (`UserService.get_contributions_by_day`): `contributionsByDay` counts every `STATE_CHANGE`
 * row of the user (BADIMAGERY and READY too), over the days after the clock's date minus one
 * year (`DATE(action_date) > CURRENT_DATE - INTERVAL '1 year'`).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { jsonResponse, tmError } from "../errors.ts";
import { userStatistics } from "../figures_users.ts";
import { pathParam } from "./analytics_common.ts";

const PATTERN = "/api/v2/users/{username}/statistics/";

function handle(ctx: RouteContext): Response {
  const username = pathParam(PATTERN, ctx.url, "username");
  const user = ctx.index.usersByName.get(username);
  if (user === undefined) {
    return tmError(404, "USER_NOT_FOUND", { username });
  }
  const s = userStatistics(ctx.world, user.id);
  const countries: JsonValue[] = s.countries.map((c) => ({
    name: c.name,
    mapped: c.mapped,
    validated: c.validated,
    total: c.total,
  }));
  const interests: JsonValue[] = s.interests.flatMap((i) => {
    const interest = ctx.world.interests.find((x) => x.id === i.interestId);
    if (interest === undefined) return [];
    return [{
      id: interest.id,
      name: interest.name,
      userSelected: null,
      countProjects: i.countProjects,
      countUsers: null,
    }];
  });
  return jsonResponse({
    totalTimeSpent: s.totalTimeSpent,
    timeSpentMapping: s.timeSpentMapping,
    timeSpentValidating: s.timeSpentValidating,
    projectsMapped: s.projectsMapped,
    countriesContributed: { countries, total: countries.length },
    contributionsByDay: s.contributionsByDay.map((d) => ({
      date: `${d.date}T00:00:00`,
      count: d.count,
    })),
    tasksMapped: s.tasksMapped,
    tasksValidated: s.tasksValidated,
    tasksInvalidated: s.tasksInvalidated,
    tasksInvalidatedByOthers: s.tasksInvalidatedByOthers,
    tasksValidatedByOthers: s.tasksValidatedByOthers,
    ContributionsByInterest: interests,
  });
}

/** The user statistics route (auth required; 404 `USER_NOT_FOUND` with `details.username`). */
export const userStatisticsRoute: Route = {
  pattern: PATTERN,
  auth: "required",
  handle,
};
