/**
 * Two public per-user project routes:
 * `GET /projects/{project_id}/statistics/queries/{username}/` (reference 3.4,
 * `ProjectUserStatsDTO`) and `GET /projects/queries/{username}/touched/` (3.10,
 * `UserMappedProjectsDTO`).
 *
 * Times are Python floats (`754.0`) once a sum is not zero, because TM assigns
 * `timedelta.total_seconds()` to `int` fields without re-validation; a zero sum stays the int
 * `0`, and `totalTimeSpent` is a float as soon as either part is.
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { float, type JsonValue } from "../json.ts";
import { jsonResponse, projectNotFound, tmError } from "../errors.ts";
import { touchedProjects, userProjectTimes } from "../figures_user_projects.ts";
import { centroid } from "../geography.ts";
import { infoFor } from "./common.ts";
import { pathParam } from "./analytics_common.ts";

const STATS_PATTERN = "/api/v2/projects/{project_id}/statistics/queries/{username}/";
const TOUCHED_PATTERN = "/api/v2/projects/queries/{username}/touched/";

function seconds(value: number): JsonValue {
  return value > 0 ? float(value) : 0;
}

function userProjectStats(ctx: RouteContext): Response {
  const id = ctx.params["project_id"] ?? 0;
  const project = ctx.index.project(id);
  if (project === undefined) return projectNotFound(id);
  const username = pathParam(STATS_PATTERN, ctx.url, "username");
  const user = ctx.index.usersByName.get(username);
  if (user === undefined) return tmError(404, "USER_NOT_FOUND", { username });
  const t = userProjectTimes(project, user.id);
  const total = t.mapping + t.validation;
  return jsonResponse({
    timeSpentMapping: seconds(t.mapping),
    timeSpentValidating: seconds(t.validation),
    totalTimeSpent: seconds(total),
  });
}

function touched(ctx: RouteContext): Response {
  const username = pathParam(TOUCHED_PATTERN, ctx.url, "username");
  const user = ctx.index.usersByName.get(username);
  if (user === undefined) return tmError(404, "USER_NOT_FOUND", { username });
  const locale = ctx.headers.get("accept-language") || "en";
  const mappedProjects: JsonValue[] = touchedProjects(ctx.world, user.id).map((row) => ({
    projectId: row.project.id,
    name: infoFor(row.project, locale).name,
    tasksMapped: row.tasksMapped,
    tasksValidated: row.tasksValidated,
    status: row.project.status,
    centroid: { type: "Point", coordinates: centroid(row.project.aoi) },
  }));
  return jsonResponse({ mappedProjects });
}

/** Time one user spent on one project (public; 404 for an unknown project, then user). */
export const projectUserStatisticsRoute: Route = {
  pattern: STATS_PATTERN,
  auth: "public",
  intParams: ["project_id"],
  handle: userProjectStats,
};

/** Projects a user touched (public; 404 `USER_NOT_FOUND`); list it before `/projects/{id}/…`. */
export const touchedProjectsRoute: Route = {
  pattern: TOUCHED_PATTERN,
  auth: "public",
  handle: touched,
};
