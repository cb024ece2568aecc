/**
 * `openMirror(dir)`: polars LazyFrames over a mirror's tables, read with hive partitioning, so
 * filters and projections are pushed down to the files.
 *
 * @module
 */

import { show } from "../args.ts";
import { type DataFrame, pl } from "../deps.ts";
import { MIRROR_TABLES, type MirrorTable, tableGlob } from "./layout.ts";

/** A lazy polars frame, as `pl.scanParquet` and `DataFrame.lazy()` return it. */
export type LazyFrame = ReturnType<DataFrame["lazy"]>;

/**
 * The tables of the mirror in `dir`, each a LazyFrame with a `projectId` column (from the
 * folder names) after the endpoint's own. `projects.mirrorState` says whether a project's rows
 * are `"current"`, or why not (`"outOfScope"`, `"private"`, `"deleted"`). A table the mirror
 * holds no file of yet is absent.
 *
 * @example
 * ```ts
 * import { createClient, pl } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { mirror } from "./mirror.ts";
 * import { openMirror } from "./open.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 10 });
 * const dir = await Deno.makeTempDir();
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, progress: false });
 *   await mirror(tm, dir, "all").sync();
 *   const tables = await openMirror(dir);
 *   const validated = await tables.activities!
 *     .filter(pl.col("actionText").eq(pl.lit("VALIDATED")))
 *     .groupBy("projectId").agg(pl.len().alias("validated"))
 *     .collect();
 *   assert.ok(validated.height > 0);
 * } finally {
 *   await emulator.close();
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function openMirror(dir: string): Promise<Partial<Record<MirrorTable, LazyFrame>>> {
  if (typeof dir !== "string" || dir.trim() === "") {
    throw new TypeError(`Cannot open mirror ${show(dir)}: it must be a folder path`);
  }
  const tables: Partial<Record<MirrorTable, LazyFrame>> = {};
  for (const table of MIRROR_TABLES) {
    if (!(await holdsFiles(`${dir}/${table}`))) continue;
    tables[table] = pl.scanParquet(tableGlob(dir, table), { hivePartitioning: true } as never);
  }
  return tables;
}

async function holdsFiles(folder: string): Promise<boolean> {
  try {
    for await (const entry of Deno.readDir(folder)) {
      if (entry.isDirectory && entry.name.startsWith("projectId=")) return true;
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
  return false;
}
