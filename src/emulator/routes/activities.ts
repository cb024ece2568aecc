/**
 * `GET /projects/{project_id}/activities/` (reference 3.5, 10 per page) and
 * `/activities/latest/` (3.6).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { jsonResponse } from "../errors.ts";
import { isoZ } from "../dates.ts";
import { latestActivity } from "../figures.ts";
import { pagination, visibleProject } from "./common.ts";

const PER_PAGE = 10;

function activities(ctx: RouteContext): Response {
  const found = visibleProject(ctx.index, ctx.params["project_id"] ?? 0, ctx.user);
  if (found instanceof Response) return found;
  const page = ctx.ints["page"] ?? 1;
  const rows = ctx.index.activity(found);
  const slice = rows.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const activity: JsonValue[] = slice.map((r) => ({
    historyId: r.id,
    taskId: r.taskId,
    action: r.action,
    actionText: r.actionText,
    actionDate: isoZ(r.actionDate),
    actionBy: ctx.index.username(r.userId),
    pictureUrl: null,
    issues: null,
  }));
  return jsonResponse({ pagination: pagination(page, PER_PAGE, rows.length), activity });
}

function latest(ctx: RouteContext): Response {
  const found = visibleProject(ctx.index, ctx.params["project_id"] ?? 0, ctx.user);
  if (found instanceof Response) return found;
  const activity: JsonValue[] = latestActivity(found).map((a) => ({
    taskId: a.taskId,
    taskStatus: a.taskStatus,
    actionDate: a.actionDate === null ? null : isoZ(a.actionDate),
    actionBy: ctx.index.username(a.userId),
  }));
  return jsonResponse({ activity });
}

/** The paginated activity route. */
export const activitiesRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/activities/",
  auth: "optional",
  intParams: ["project_id"],
  query: [{ name: "page", kind: "int", ge: 1 }],
  handle: activities,
};

/** The latest-activity-per-task route. */
export const latestActivitiesRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/activities/latest/",
  auth: "optional",
  intParams: ["project_id"],
  handle: latest,
};
