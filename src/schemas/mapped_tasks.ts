/**
 * `GET /projects/{id}/tasks/queries/mapped/`: tasks now MAPPED, grouped by mapper
 * (`MappedTasksByUser` in TM's `validator_dto.py`).
 *
 * @module
 */

import { z } from "../deps.ts";

/**
 * One mapper's row. Datetimes are naive ISO strings without `Z` (UTC by convention);
 * `mappingLevel` is a level name (see `/levels/`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MappedTasksByUser } from "./mapped_tasks.ts";
 * const row = MappedTasksByUser.parse({
 *   username: "ana", mappedTaskCount: 2, tasksMapped: [3, 9], lastSeen: "2024-05-01T12:34:56.123456",
 *   mappingLevel: "BEGINNER", dateRegistered: "2021-01-02T03:04:05", lastValidationDate: null,
 * });
 * assert.deepEqual(row.tasksMapped, [3, 9]);
 * ```
 */
export const MappedTasksByUser = z.object({
  username: z.string().nullable(),
  mappedTaskCount: z.number().int().nullable(),
  tasksMapped: z.array(z.number().int()).nullable(),
  lastSeen: z.string().nullable(),
  mappingLevel: z.string().nullable(),
  dateRegistered: z.string(),
  lastValidationDate: z.string().nullable(),
});
/** One mapper's row. */
export type MappedTasksByUser = z.infer<typeof MappedTasksByUser>;

/**
 * The body: `{"mappedTasks": [...]}`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MappedTasks } from "./mapped_tasks.ts";
 * assert.deepEqual(MappedTasks.parse({ mappedTasks: [] }).mappedTasks, []);
 * ```
 */
export const MappedTasks = z.object({ mappedTasks: z.array(MappedTasksByUser) });
/** The mapped-tasks body. */
export type MappedTasks = z.infer<typeof MappedTasks>;
