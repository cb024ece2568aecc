/**
 * One project's rows of one table: written whole or not at all (a temporary file in the same
 * folder, then a rename), so a reader never sees a half-written partition.
 *
 * @module
 */

import { writeAtomically } from "../atomic_write.ts";
import { type DataFrame, pl } from "../deps.ts";
import { type MirrorTable, partitionFile } from "./layout.ts";

/**
 * Writes `frame` (without a `projectId` column: the folder names it) as the project's
 * partition of `table`, replacing the one before.
 *
 * @example
 * ```ts
 * import { readPartition, writePartition } from "./partition.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   await writePartition(dir, "tasks", 7, pl.DataFrame({ taskId: [1, 2] }));
 *   assert.deepEqual((await readPartition(dir, "tasks", 7))?.getColumn("taskId").toArray(), [1, 2]);
 *   assert.equal(await readPartition(dir, "tasks", 8), undefined);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function writePartition(
  dir: string,
  table: MirrorTable,
  projectId: number,
  frame: DataFrame,
): Promise<void> {
  const rows = frame.columns.includes("projectId") ? frame.drop("projectId") : frame;
  await writeAtomically(partitionFile(dir, table, projectId), (temp) => {
    rows.writeParquet(temp);
  }, `the ${table} of project ${projectId}`);
}

/** The project's partition of `table`, or `undefined` when the mirror holds none. */
export async function readPartition(
  dir: string,
  table: MirrorTable,
  projectId: number,
): Promise<DataFrame | undefined> {
  const file = partitionFile(dir, table, projectId);
  try {
    await Deno.stat(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
  return pl.readParquet(file);
}
