/**
 * tmframes mirror: a local copy of a scope of the Tasking Manager as a hive-partitioned
 * Parquet dataset (one table per kind of data, one folder per project), kept up to date by
 * incremental syncs that ask TM only for what changed, and read back lazily with polars (or
 * DuckDB, Spark ...). From the command line: `deno task mirror --dir DIR [--api URL]
 * [--organisation NAME | --campaign NAME | --projects 1,2,3] [--shard i/n]`.
 *
 * @example Mirror the emulator's projects, then ask the mirror a question
 * ```ts
 * import { createClient, pl } from "./mod.ts";
 * import { startEmulator } from "./emulator.ts";
 * import { mirror, openMirror } from "./mirror.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 12 });
 * const dir = await Deno.makeTempDir();
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, progress: false });
 *   const report = await mirror(tm, dir, "all").sync();
 *   assert.equal(report.failed.length, 0);
 *   const { tasks } = await openMirror(dir);
 *   const perStatus = await tasks!.groupBy("taskStatus").agg(pl.len().alias("tasks")).collect();
 *   assert.equal(perStatus.getColumn("tasks").sum(), report.rows.tasks);
 * } finally {
 *   await emulator.close();
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 *
 * @module
 */

export { Mirror, mirror, type MirrorOptions } from "./src/mirror/mirror.ts";
export { type LazyFrame, openMirror } from "./src/mirror/open.ts";
export type { ListedProject, MirrorScope } from "./src/mirror/scope.ts";
export type { SyncReport } from "./src/mirror/sync.ts";
export type { RequestBound } from "./src/mirror/bound.ts";
export { MIRROR_TABLES, type MirrorTable, type Shard } from "./src/mirror/layout.ts";
export { parseShard } from "./src/mirror/shard.ts";
export type { MirrorState, ProjectMark, ProjectState } from "./src/mirror/state.ts";
