/**
 * `GET /projects/{project_id}/tasks/queries/mapped/` (public): tasks now MAPPED, grouped by
 * their mapper (`Task.get_mapped_tasks_by_user`, DTO `MappedTasksByUser`).
 *
 * TM's SQL joins tasks in status MAPPED to their history rows whose `action_text` is `MAPPED`
 * and to the user in `tasks.mapped_by`, so `lastSeen` is the newest MAPPED row of those tasks
 * (whoever wrote it), and a task without such a row is left out. `tasksMapped` comes from
 * `JSONB_AGG(DISTINCT id)`, hence ascending. The body is a python-mode `model_dump`, so the
 * datetimes are naive `isoformat()` strings without `Z`. The groups have no `ORDER BY`; the
 * emulator sends them by username. Unknown project: 404 with sub_code "Project not found".
 *
 * @module
 */

import type { Project } from "../model.ts";
import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { jsonResponse, tmError } from "../errors.ts";
import { naiveIso } from "../dates.ts";
import { lastValidationDates } from "../user_profiles.ts";

interface Group {
  userId: number;
  tasks: Set<number>;
  lastSeen: number;
}

function groups(project: Project): Group[] {
  const mapperOf = new Map<number, number>();
  for (const t of project.tasks) {
    if (t.status === "MAPPED" && t.mappedBy !== null) mapperOf.set(t.id, t.mappedBy);
  }
  const byUser = new Map<number, Group>();
  for (const h of project.history) {
    const userId = mapperOf.get(h.taskId);
    if (userId === undefined || h.actionText !== "MAPPED") continue;
    const g = byUser.get(userId) ?? { userId, tasks: new Set<number>(), lastSeen: h.actionDate };
    g.tasks.add(h.taskId);
    g.lastSeen = Math.max(g.lastSeen, h.actionDate);
    byUser.set(userId, g);
  }
  return [...byUser.values()];
}

function handle(ctx: RouteContext): Response {
  const project = ctx.index.project(ctx.params["project_id"] ?? 0);
  if (project === undefined) return tmError(404, "Project not found");
  const validated = lastValidationDates(ctx.world);
  const rows = groups(project).flatMap((g) => {
    const user = ctx.index.users.get(g.userId);
    return user === undefined ? [] : [{ user, g }];
  }).sort((a, b) => (a.user.username < b.user.username ? -1 : 1));
  const mappedTasks: JsonValue[] = rows.map(({ user, g }) => {
    const lastValidation = validated.get(user.id);
    return {
      username: user.username,
      mappedTaskCount: g.tasks.size,
      tasksMapped: [...g.tasks].sort((a, b) => a - b),
      lastSeen: naiveIso(g.lastSeen),
      mappingLevel: user.mappingLevel,
      dateRegistered: naiveIso(user.dateRegistered),
      lastValidationDate: lastValidation === undefined ? null : naiveIso(lastValidation),
    };
  });
  return jsonResponse({ mappedTasks });
}

/**
 * The mapped-tasks-by-user route.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mappedTasksRoute } from "./mapped_tasks.ts";
 * assert.equal(mappedTasksRoute.pattern, "/api/v2/projects/{project_id}/tasks/queries/mapped/");
 * ```
 */
export const mappedTasksRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/tasks/queries/mapped/",
  auth: "public",
  intParams: ["project_id"],
  handle,
};
