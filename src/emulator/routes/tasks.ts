/**
 * `GET /projects/{project_id}/tasks/` (reference 3.8) and `/tasks/{task_id}/` (3.9).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { queryValue } from "../router.ts";
import type { Project, Task } from "../model.ts";
import { type JsonValue, writeJson } from "../json.ts";
import { internalError, jsonResponse, routeError, tmError } from "../errors.ts";
import { isoZ, taskUpdatedIso } from "../dates.ts";
import { visibleProject } from "./common.ts";
import { taskCollection } from "./tasks_geojson.ts";

function pythonInt(text: string): number | null {
  const t = text.trim().replace(/_/g, "");
  return /^[+-]?\d+$/.test(t) ? Number(t) : null;
}

function projectTasks(ctx: RouteContext): Response {
  const found = visibleProject(ctx.index, ctx.params["project_id"] ?? 0, ctx.user, {
    draft: () => routeError(403, "ProjectNotFetched- Unable to fetch project"),
  });
  if (found instanceof Response) return found;
  let tasks: Task[] = found.tasks;
  const filter = queryValue(ctx.url, "tasks");
  if (filter !== null && filter !== "") {
    const ids = filter.split(",").map(pythonInt);
    if (ids.some((id) => id === null)) return internalError();
    const wanted = new Set(ids);
    tasks = tasks.filter((t) => wanted.has(t.id));
  }
  const body = taskCollection(tasks);
  if (ctx.bools["as_file"] !== true) return jsonResponse(body);
  return new Response(writeJson(body, 4), {
    headers: {
      "content-type": "application/geo+json",
      "content-disposition": `attachment; filename="${found.id}-tasks.geojson"`,
    },
  });
}

/**
 * TM's `get_per_task_instructions`: the requested locale's text, else the default locale's,
 * with `{x}`, `{y}`, `{z}` filled; `""` when there is none.
 */
function instructions(project: Project, task: Task, locale: string | null): string {
  const pick = (loc: string | null): string =>
    project.info.find((i) => i.locale === loc)?.perTaskInstructions ?? "";
  let text = pick(locale);
  if (text === "") text = pick(project.defaultLocale);
  if (text === "") return "";
  if (task.x === null || task.y === null || task.zoom === null) return text;
  return text.replaceAll("{x}", String(task.x)).replaceAll("{y}", String(task.y))
    .replaceAll("{z}", String(task.zoom));
}

function oneTask(ctx: RouteContext): Response {
  const projectId = ctx.params["project_id"] ?? 0;
  const taskId = ctx.params["task_id"] ?? 0;
  const project = ctx.index.project(projectId);
  const task = project?.tasks.find((t) => t.id === taskId);
  if (project === undefined || task === undefined) {
    return tmError(404, "TASK_NOT_FOUND", { project_id: projectId, task_id: taskId });
  }
  const rows = project.history.filter((r) => r.taskId === taskId).sort((a, b) =>
    b.actionDate - a.actionDate || b.id - a.id
  );
  const taskHistory: JsonValue[] = rows.map((r) => {
    const user = ctx.index.users.get(r.userId);
    return {
      historyId: r.id,
      taskId: null,
      action: r.action,
      actionText: r.actionText,
      actionDate: isoZ(r.actionDate),
      actionBy: user?.username ?? null,
      pictureUrl: user?.pictureUrl ?? null,
      issues: null,
    };
  });
  const newest = rows[0];
  return jsonResponse({
    taskId: task.id,
    projectId: project.id,
    taskStatus: task.status,
    lockHolder: ctx.index.username(task.lockedBy),
    taskHistory,
    taskAnnotation: [],
    perTaskInstructions: instructions(project, task, ctx.headers.get("accept-language")),
    autoUnlockSeconds: 7200,
    lastUpdated: newest === undefined ? null : taskUpdatedIso(newest.actionDate),
    numberOfComments: null,
  });
}

/** The task GeoJSON route. */
export const projectTasksRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/tasks/",
  auth: "optional",
  intParams: ["project_id"],
  query: [{ name: "as_file", kind: "bool" }],
  handle: projectTasks,
};

/** The one-task route (public, no privacy check). */
export const taskRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/tasks/{task_id}/",
  auth: "public",
  intParams: ["project_id", "task_id"],
  handle: oneTask,
};
