/**
 * `GET /projects/{project_id}/contributions/` and `/contributions/queries/day/`
 * (reference 3.7; the by-day keys are snake_case).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { jsonResponse, tmError } from "../errors.ts";
import { ymd } from "../dates.ts";
import { contributions, contributionsByDay } from "../figures.ts";
import { visibleProject } from "./common.ts";

function byUser(ctx: RouteContext): Response {
  const found = visibleProject(ctx.index, ctx.params["project_id"] ?? 0, ctx.user);
  if (found instanceof Response) return found;
  const userContributions: JsonValue[] = contributions(found).flatMap((c) => {
    const user = ctx.index.users.get(c.userId);
    if (user === undefined) return [];
    return [{
      username: user.username,
      mappingLevel: user.mappingLevel,
      pictureUrl: user.pictureUrl,
      mapped: c.mapped,
      validated: c.validated,
      badImagery: c.badImagery,
      total: c.total,
      mappedTasks: c.mappedTasks,
      validatedTasks: c.validatedTasks,
      badImageryTasks: c.badImageryTasks,
      name: user.name,
      dateRegistered: ymd(user.dateRegistered),
    }];
  });
  return jsonResponse({ userContributions });
}

function byDay(ctx: RouteContext): Response {
  const project = ctx.index.project(ctx.params["project_id"] ?? 0);
  if (project === undefined) return tmError(404, "Project not found");
  const stats: JsonValue[] = contributionsByDay(project).map((d) => ({
    date: d.date,
    mapped: d.mapped,
    validated: d.validated,
    cumulative_mapped: d.cumulativeMapped,
    cumulative_validated: d.cumulativeValidated,
    total_tasks: d.totalTasks,
  }));
  return jsonResponse({ stats });
}

/** The contributions-per-user route. */
export const contributionsRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/contributions/",
  auth: "optional",
  intParams: ["project_id"],
  handle: byUser,
};

/** The contributions-by-day route (public, no privacy check). */
export const contributionsByDayRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/contributions/queries/day/",
  auth: "public",
  intParams: ["project_id"],
  handle: byDay,
};
