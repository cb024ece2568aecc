/**
 * One task with its history, `GET /projects/{id}/tasks/{taskId}/` (reference 3.9). The task
 * grid `GET /projects/{id}/tasks/` (3.8) is the `TaskCollection` of `project.ts`.
 *
 * @module
 */

import { z } from "../deps.ts";
import { orNull, TmDateTime } from "./common.ts";
import { TaskStatusField } from "./enum_fields.ts";
import { Activity } from "./activities.ts";

/**
 * One history row of a task, newest first, comments included: an activity row whose `taskId`
 * TM sends as `null`.
 *
 * @example
 * ```ts
 * import { TaskHistoryEntry } from "./tasks.ts";
 * import assert from "node:assert/strict";
 *
 * const row = TaskHistoryEntry.parse({
 *   historyId: 1, taskId: null, action: "COMMENT", actionText: "hello", actionDate: "2024-05-01T12:34:56Z",
 *   actionBy: "ana", pictureUrl: null, issues: null,
 * });
 * assert.equal(row.action, "COMMENT");
 * ```
 */
export const TaskHistoryEntry = Activity.extend({ taskId: orNull(z.number().int()) });
/** One history row of a task. */
export type TaskHistoryEntry = z.infer<typeof TaskHistoryEntry>;

/**
 * The whole task object of `/projects/{id}/tasks/{taskId}/`.
 *
 * @example
 * ```ts
 * import { TaskDetail } from "./tasks.ts";
 * import assert from "node:assert/strict";
 *
 * const task = TaskDetail.parse({
 *   taskId: 3, projectId: 7, taskStatus: "MAPPED", lockHolder: null, taskHistory: [], taskAnnotation: [],
 *   perTaskInstructions: null, autoUnlockSeconds: 7200, lastUpdated: "2024-05-01T12:34:56+00:00Z", numberOfComments: null,
 * });
 * assert.equal(task.taskStatus, "MAPPED");
 * ```
 */
export const TaskDetail = z.object({
  taskId: z.number().int(),
  projectId: z.number().int(),
  taskStatus: orNull(TaskStatusField),
  lockHolder: orNull(z.string()),
  taskHistory: z.array(TaskHistoryEntry),
  taskAnnotation: orNull(z.array(z.record(z.string(), z.unknown()))),
  perTaskInstructions: orNull(z.string()),
  autoUnlockSeconds: orNull(z.number()),
  lastUpdated: orNull(TmDateTime),
  numberOfComments: orNull(z.number().int()),
});
/** The whole task object. */
export type TaskDetail = z.infer<typeof TaskDetail>;
