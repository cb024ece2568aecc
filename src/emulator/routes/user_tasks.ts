/**
 * `GET /users/{user_id}/tasks/` (token): the tasks a user has acted on, one row per task with
 * the task's current state and the user's latest action on it (`UserService.get_tasks_dto`,
 * DTOs `UserTaskDTOs`, `TaskDTO`), `{"tasks", "pagination"}`, 10 per page by default.
 *
 * Snake_case parameters, read as TM does:
 * - `status`: a `TaskStatus` name (any case) matched against the user's rows' `action_text`
 *   (so only state changes match); an unknown name raises `KeyError`, which the route does not
 *   catch (500). `project_status` likewise (a `ProjectStatus` name, else 500).
 * - `start_date` / `end_date`: parsed by dateutil, compared with `>=` / `<=`; a value it cannot
 *   parse answers 200 `{"tasks": [], "pagination": {"total": 0}}`. The emulator understands
 *   ISO dates and date-times (`YYYY-MM-DD[THH:MM[:SS[.ffffff]]]`, the zone dropped) and treats
 *   anything else as unparsable.
 * - `project_id` (int, 0 = none), `sort_by` (`-action_date` default, `action_date`,
 *   `project_id`, `-project_id`; anything else leaves the order to the database, here
 *   project and task id), `page` (1), `page_size` (10): a page below 1 or a negative size is a
 *   negative OFFSET/LIMIT (500); `page_size=0` divides by zero in `Pagination` (500).
 *
 * Unknown user: 404 `USER_NOT_FOUND` (`details.user_id`), before any parameter is parsed.
 * `numberOfComments` counts everyone's COMMENT rows on the task; `autoUnlockSeconds` is
 * `timedelta.total_seconds()`, a float (7200.0).
 *
 * @module
 */

import type { Micros, Project, Task } from "../model.ts";
import type { Route, RouteContext } from "../router.ts";
import { queryValue } from "../router.ts";
import { float, type JsonValue } from "../json.ts";
import { internalError, jsonResponse, tmError } from "../errors.ts";
import { isoZ } from "../dates.ts";
import { pagination } from "./common.ts";

const TASK_STATUSES = new Set([
  "READY",
  "LOCKED_FOR_MAPPING",
  "MAPPED",
  "LOCKED_FOR_VALIDATION",
  "VALIDATED",
  "INVALIDATED",
  "BADIMAGERY",
  "SPLIT",
]);
const PROJECT_STATUSES = new Set(["ARCHIVED", "PUBLISHED", "DRAFT"]);
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO date or date-time as naive UTC micros, or `null` when it does not parse.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseIsoMicros } from "./user_tasks.ts";
 * assert.equal(parseIsoMicros("2024-05-01"), Date.UTC(2024, 4, 1) * 1000);
 * assert.equal(parseIsoMicros("2024-05-01T10:00:00.5"), Date.UTC(2024, 4, 1, 10) * 1000 + 500_000);
 * assert.equal(parseIsoMicros("yesterday"), null);
 * ```
 */
export function parseIsoMicros(text: string): Micros | null {
  const m = ISO.exec(text.trim());
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  const back = new Date(ms);
  if (back.getUTCMonth() !== (mo ?? 1) - 1 || back.getUTCDate() !== d || (h ?? 0) > 23) {
    return null;
  }
  return ms * 1000 + Number((m[7] ?? "").padEnd(6, "0"));
}

interface Row {
  project: Project;
  task: Task;
  last: Micros;
  comments: number;
}

function rowsOf(ctx: RouteContext, userId: number, status: string | null, range: Micros[]) {
  const [start, end] = range;
  const out: Row[] = [];
  for (const project of ctx.world.projects) {
    const last = new Map<number, Micros>();
    const comments = new Map<number, number>();
    for (const h of project.history) {
      if (h.action === "COMMENT") comments.set(h.taskId, (comments.get(h.taskId) ?? 0) + 1);
      if (h.userId !== userId || (status !== null && h.actionText !== status)) continue;
      if (
        (start !== undefined && h.actionDate < start) || (end !== undefined && h.actionDate > end)
      ) {
        continue;
      }
      last.set(h.taskId, Math.max(last.get(h.taskId) ?? 0, h.actionDate));
    }
    for (const task of project.tasks) {
      const at = last.get(task.id);
      if (at !== undefined) {
        out.push({ project, task, last: at, comments: comments.get(task.id) ?? 0 });
      }
    }
  }
  return out;
}

const ORDERS: Record<string, (a: Row, b: Row) => number> = {
  "action_date": (a, b) => a.last - b.last,
  "-action_date": (a, b) => b.last - a.last,
  "project_id": (a, b) => a.project.id - b.project.id,
  "-project_id": (a, b) => b.project.id - a.project.id,
};

function handle(ctx: RouteContext): Response {
  const userId = ctx.params["user_id"] ?? 0;
  if (!ctx.index.users.has(userId)) return tmError(404, "USER_NOT_FOUND", { user_id: userId });
  const range: Micros[] = [];
  for (const name of ["start_date", "end_date"]) {
    const raw = queryValue(ctx.url, name) ?? "";
    if (raw === "") continue;
    const at = parseIsoMicros(raw);
    if (at === null) return jsonResponse({ tasks: [], pagination: { total: 0 } });
    range[name === "start_date" ? 0 : 1] = at;
  }
  const statusRaw = queryValue(ctx.url, "status") ?? "";
  const status = statusRaw === "" ? null : statusRaw.toUpperCase();
  if (status !== null && !TASK_STATUSES.has(status)) return internalError();
  const projectStatusRaw = queryValue(ctx.url, "project_status") ?? "";
  const projectStatus = projectStatusRaw === "" ? null : projectStatusRaw.toUpperCase();
  if (projectStatus !== null && !PROJECT_STATUSES.has(projectStatus)) return internalError();
  const projectId = ctx.ints["project_id"] ?? 0;
  const page = ctx.ints["page"] ?? 1;
  const pageSize = ctx.ints["page_size"] ?? 10;
  if (page < 1 || pageSize <= 0) return internalError();
  const byIds = (a: Row, b: Row) => a.project.id - b.project.id || a.task.id - b.task.id;
  const order = ORDERS[queryValue(ctx.url, "sort_by") ?? "-action_date"];
  const rows = rowsOf(ctx, userId, status, range)
    .filter((r) => projectStatus === null || r.project.status === projectStatus)
    .filter((r) => projectId === 0 || r.project.id === projectId)
    .sort((a, b) => (order?.(a, b) ?? 0) || byIds(a, b));
  const tasks: JsonValue[] = rows.slice((page - 1) * pageSize, page * pageSize).map((r) => ({
    taskId: r.task.id,
    projectId: r.project.id,
    taskStatus: r.task.status,
    lockHolder: ctx.index.username(r.task.lockedBy),
    taskHistory: [],
    taskAnnotation: null,
    perTaskInstructions: null,
    autoUnlockSeconds: float(7200),
    lastUpdated: isoZ(r.last),
    numberOfComments: r.comments,
  }));
  return jsonResponse({ tasks, pagination: pagination(page, pageSize, rows.length) });
}

/**
 * One user's tasks across projects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { userTasksRoute } from "./user_tasks.ts";
 * assert.equal(userTasksRoute.pattern, "/api/v2/users/{user_id}/tasks/");
 * ```
 */
export const userTasksRoute: Route = {
  pattern: "/api/v2/users/{user_id}/tasks/",
  auth: "required",
  intParams: ["user_id"],
  query: [
    { name: "project_id", kind: "int" },
    { name: "page", kind: "int" },
    { name: "page_size", kind: "int" },
  ],
  handle,
};
