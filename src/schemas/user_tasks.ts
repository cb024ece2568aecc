/**
 * `GET /users/{id}/tasks/`: the tasks a user has acted on, paged (`UserTaskDTOs`, `TaskDTO`).
 *
 * @module
 */

import { z } from "../deps.ts";
import { Pagination } from "./common.ts";

/**
 * One task with its current state and the user's latest action on it (`lastUpdated`, `…Z`).
 * `taskStatus` is a `TaskStatus` name (see `enums.ts`) read as a string; `taskHistory` is
 * always `[]` and `taskAnnotation` null here; `autoUnlockSeconds` is a float (`7200.0`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UserTask } from "./user_tasks.ts";
 * const t = UserTask.parse({
 *   taskId: 3, projectId: 120, taskStatus: "MAPPED", lockHolder: null, taskHistory: [],
 *   taskAnnotation: null, perTaskInstructions: null, autoUnlockSeconds: 7200.0,
 *   lastUpdated: "2024-05-01T12:34:56.123456Z", numberOfComments: 0,
 * });
 * assert.equal(t.taskStatus, "MAPPED");
 * ```
 */
export const UserTask = z.object({
  taskId: z.number().int().nullable(),
  projectId: z.number().int().nullable(),
  taskStatus: z.string().nullable(),
  lockHolder: z.string().nullable(),
  taskHistory: z.array(z.object({ historyId: z.number().int().nullable() })).nullable(),
  taskAnnotation: z.array(z.object({ taskId: z.number().int().nullable() })).nullable(),
  perTaskInstructions: z.string().nullable(),
  autoUnlockSeconds: z.number().nullable(),
  lastUpdated: z.string().nullable(),
  numberOfComments: z.number().int().nullable(),
});
/** One of a user's tasks. */
export type UserTask = z.infer<typeof UserTask>;

/**
 * The body: `{"tasks", "pagination"}`. When a date does not parse TM answers 200
 * `{"tasks": [], "pagination": {"total": 0}}`, hence the second pagination form.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UserTaskPage } from "./user_tasks.ts";
 * const page = UserTaskPage.parse({ tasks: [], pagination: { total: 0 } });
 * assert.equal(page.pagination.total, 0);
 * ```
 */
export const UserTaskPage = z.object({
  tasks: z.array(UserTask),
  pagination: z.union([Pagination, z.object({ total: z.number().int() })]),
});
/** The user tasks body. */
export type UserTaskPage = z.infer<typeof UserTaskPage>;
