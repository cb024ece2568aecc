/**
 * Frames of one project have no `projectId` column (a query over many projects has one
 * first); the analyses add it, so every answer names its project.
 *
 * @module
 */

import { type DataFrame, pl } from "../deps.ts";

/**
 * The frame with a `projectId` column: its own, or `projectId` for every row.
 *
 * @example
 * ```ts
 * import { withProjectId } from "./project_id_column.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = withProjectId(pl.DataFrame({ taskId: [1, 2] }), 7);
 * assert.deepEqual(frame.getColumn("projectId").toArray(), [7, 7]);
 * assert.equal(String(frame.getColumn("projectId").dtype), "DataType(Int64)");
 * ```
 */
export function withProjectId(frame: DataFrame, projectId: number | undefined): DataFrame {
  if (frame.columns.includes("projectId")) return frame;
  return frame.withColumns(pl.lit(projectId ?? null).cast(pl.Int64).alias("projectId"));
}
