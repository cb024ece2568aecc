/**
 * Temporary files a killed sync left behind. Every file of a mirror is written through a
 * temporary file in its folder, `.<name>.<uuid>.tmp` (`atomic_write.ts`), then renamed; a sync
 * killed between the two leaves the temporary file. The next sync of the same shard removes
 * those of its own files only: its projects' partitions, its state file, its sync records.
 * Other shards' files, and any other file, are left alone.
 *
 * @module
 */

import { MIRROR_TABLES, type Shard, stateFile, syncFile } from "./layout.ts";
import { inShard } from "./shard.ts";

/** The name `writeAtomically` gives the temporary file of `name`, as a pattern. */
const TEMP = /^\.(.+)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function entries(path: string): Promise<Deno.DirEntry[]> {
  const found: Deno.DirEntry[] = [];
  try {
    for await (const entry of Deno.readDir(path)) found.push(entry);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return found;
}

/** Removes the temporary files in `folder` whose target name passes `ours`; counts them. */
async function sweepFolder(folder: string, ours: (name: string) => boolean): Promise<number> {
  let removed = 0;
  for (const entry of await entries(folder)) {
    const target = TEMP.exec(entry.name)?.[1];
    if (!entry.isFile || target === undefined || !ours(target)) continue;
    await Deno.remove(`${folder}/${entry.name}`).catch((error) => {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    });
    removed++;
  }
  return removed;
}

/**
 * Removes the temporary files of `shard` that a killed sync left in `dir`; returns how many.
 * Call it before the sync writes anything: no write of this shard is under way then.
 *
 * @example
 * ```ts
 * import { sweepTemps } from "./sweep.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const part = `${dir}/tasks/projectId=7`;
 *   await Deno.mkdir(part, { recursive: true });
 *   const stale = `${part}/.data.parquet.0b8f2a9e-3c41-4d6a-9f0e-2a7c5b1d8e93.tmp`;
 *   await Deno.writeTextFile(stale, "half");
 *   await Deno.writeTextFile(`${part}/notes.tmp`, "someone else's");
 *   assert.equal(await sweepTemps(dir, { index: 0, count: 1 }), 1);
 *   await assert.rejects(Deno.stat(stale));
 *   await Deno.stat(`${part}/notes.tmp`);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function sweepTemps(dir: string, shard: Shard): Promise<number> {
  let removed = 0;
  for (const table of MIRROR_TABLES) {
    for (const entry of await entries(`${dir}/${table}`)) {
      const id = /^projectId=(\d+)$/.exec(entry.name)?.[1];
      if (!entry.isDirectory || id === undefined || !inShard(Number(id), shard)) continue;
      removed += await sweepFolder(`${dir}/${table}/${entry.name}`, (n) => n === "data.parquet");
    }
  }
  const state = stateFile(dir, shard);
  removed += await sweepFolder(
    `${dir}/_mirror`,
    (n) => n === state.slice(state.lastIndexOf("/") + 1),
  );
  // A sync record's name: its start, then this shard's suffix.
  const example = syncFile(dir, shard, new Date(0));
  const suffix = example.slice(example.lastIndexOf("Z") + 1);
  const record = new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z${escape(suffix)}$`);
  removed += await sweepFolder(`${dir}/_mirror/syncs`, (n) => record.test(n));
  return removed;
}
