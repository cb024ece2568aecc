/**
 * `GET /projects/{id}/activities/` (reference 3.5: non-COMMENT history, newest first, 10 a
 * page) and `/activities/latest/` (3.6: one entry per task).
 *
 * @module
 */

import { z } from "../deps.ts";
import { orNull, Pagination, TaskId, TmDateTime } from "./common.ts";
import { TaskActionField, TaskStatusField } from "./enum_fields.ts";

/** A mapping issue counted on a history row (task detail fills these; activities send null). */
export const HistoryIssue = z.object({
  categoryId: z.number().int(),
  name: z.string(),
  count: z.number().int(),
});
/** A mapping issue counted on a history row. */
export type HistoryIssue = z.infer<typeof HistoryIssue>;

/**
 * One row of a project's activity.
 *
 * @example
 * ```ts
 * import { Activity } from "./activities.ts";
 * import assert from "node:assert/strict";
 *
 * const row = Activity.parse({
 *   historyId: 9, taskId: 3, action: "STATE_CHANGE", actionText: "MAPPED",
 *   actionDate: "2024-05-01T12:34:56.123456Z", actionBy: "ana", pictureUrl: null, issues: null,
 * });
 * assert.equal(row.actionText, "MAPPED");
 * ```
 */
export const Activity = z.object({
  historyId: z.number().int(),
  taskId: TaskId,
  action: orNull(TaskActionField),
  actionText: orNull(z.string()),
  actionDate: TmDateTime,
  actionBy: orNull(z.string()),
  pictureUrl: orNull(z.string()),
  issues: orNull(z.array(HistoryIssue)),
});
/** One row of a project's activity. */
export type Activity = z.infer<typeof Activity>;

/**
 * One page of activity.
 *
 * @example
 * ```ts
 * import { ActivityPage } from "./activities.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(ActivityPage.parse({ activity: [] }).activity, []);
 * ```
 */
export const ActivityPage = z.object({
  pagination: Pagination.nullish(),
  activity: z.array(Activity),
});
/** One page of activity. */
export type ActivityPage = z.infer<typeof ActivityPage>;

/**
 * A task's current status and its latest non-comment action.
 *
 * @example
 * ```ts
 * import { LatestActivity } from "./activities.ts";
 * import assert from "node:assert/strict";
 *
 * const row = LatestActivity.parse({ taskId: 1, taskStatus: "READY", actionDate: null, actionBy: null });
 * assert.equal(row.actionDate, null);
 * ```
 */
export const LatestActivity = z.object({
  taskId: z.number().int(),
  taskStatus: orNull(TaskStatusField),
  actionDate: orNull(TmDateTime),
  actionBy: orNull(z.string()),
});
/** A task's current status and its latest non-comment action. */
export type LatestActivity = z.infer<typeof LatestActivity>;

/**
 * The body of `/activities/latest/`.
 *
 * @example
 * ```ts
 * import { LatestActivityList } from "./activities.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(LatestActivityList.parse({ activity: [] }).activity.length, 0);
 * ```
 */
export const LatestActivityList = z.object({ activity: z.array(LatestActivity) });
/** The body of `/activities/latest/`. */
export type LatestActivityList = z.infer<typeof LatestActivityList>;
