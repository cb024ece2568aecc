/**
 * Where a mirror keeps what: one hive-partitioned table per kind of data, each project's rows
 * in `<dir>/<table>/projectId=<id>/data.parquet`, and the mirror's own files under `_mirror/`
 * (a leading `_` keeps Spark, DuckDB and polars globs of the tables away from them).
 *
 * @module
 */

/** The tables of a mirror, each partitioned by `projectId`. */
export const MIRROR_TABLES = [
  "projects",
  "activities",
  "tasks",
  "contributions",
  "contributions_by_day",
] as const;

/** One table of a mirror. */
export type MirrorTable = typeof MIRROR_TABLES[number];

/**
 * The file holding one project's rows of one table.
 *
 * @example
 * ```ts
 * import { partitionFile } from "./layout.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(partitionFile("m", "tasks", 7), "m/tasks/projectId=7/data.parquet");
 * ```
 */
export function partitionFile(dir: string, table: MirrorTable, projectId: number): string {
  return `${dir}/${table}/projectId=${projectId}/data.parquet`;
}

/**
 * The glob of every file of a table, as polars and DuckDB read it.
 *
 * @example
 * ```ts
 * import { tableGlob } from "./layout.ts";
 * import assert from "node:assert/strict";
 *
 * const glob = tableGlob("m", "activities");
 * assert.ok(glob.startsWith("m/activities/") && glob.endsWith(".parquet"));
 * ```
 */
export function tableGlob(dir: string, table: MirrorTable): string {
  return `${dir}/${table}/**/*.parquet`;
}

/** `""` for a whole mirror, `".shard-2-of-4"` for one shard of it. */
function shardSuffix(shard: Shard): string {
  return shard.count === 1 ? "" : `.shard-${shard.index}-of-${shard.count}`;
}

/** One of `count` disjoint sets of projects: those whose id modulo `count` is `index`. */
export interface Shard {
  /** This shard, from 0. */
  readonly index: number;
  /** How many shards share the crawl. */
  readonly count: number;
}

/**
 * The state file of a mirror (or of one shard of it).
 *
 * @example
 * ```ts
 * import { stateFile } from "./layout.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(stateFile("m", { index: 0, count: 1 }), "m/_mirror/state.json");
 * assert.equal(stateFile("m", { index: 1, count: 4 }), "m/_mirror/state.shard-1-of-4.json");
 * ```
 */
export function stateFile(dir: string, shard: Shard): string {
  return `${dir}/_mirror/state${shardSuffix(shard)}.json`;
}

/**
 * The provenance file of one sync, named by when it started.
 *
 * @example
 * ```ts
 * import { syncFile } from "./layout.ts";
 * import assert from "node:assert/strict";
 *
 * const file = syncFile("m", { index: 0, count: 1 }, new Date("2026-01-02T03:04:05.678Z"));
 * assert.equal(file, "m/_mirror/syncs/2026-01-02T03-04-05-678Z.json");
 * ```
 */
export function syncFile(dir: string, shard: Shard, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  return `${dir}/_mirror/syncs/${stamp}${shardSuffix(shard)}.json`;
}
