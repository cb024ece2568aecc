/**
 * One provenance record per sync, in `_mirror/syncs/`: the scope, the TM release, what changed,
 * the requests with their bytes and hashes (never the token: the library records none), and
 * the bound beside the actual count.
 *
 * @module
 */

import { writeAtomically } from "../atomic_write.ts";
import type { Provenance } from "../provenance.ts";
import { type Shard, syncFile } from "./layout.ts";

/**
 * Writes the record of one sync and returns its path.
 *
 * @example
 * ```ts
 * import { writeSyncRecord } from "./sync_record.ts";
 * import { ProvenanceRecorder } from "../provenance.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const file = await writeSyncRecord(dir, { index: 0, count: 1 }, new Date(), { scope: "all" },
 *     new ProvenanceRecorder().toJSON());
 *   assert.equal(JSON.parse(await Deno.readTextFile(file)).scope, "all");
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function writeSyncRecord(
  dir: string,
  shard: Shard,
  startedAt: Date,
  summary: object,
  provenance: Provenance,
): Promise<string> {
  const file = syncFile(dir, shard, startedAt);
  const record = {
    ...summary,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    provenance,
  };
  await writeAtomically(file, JSON.stringify(record, null, 1) + "\n", "the sync record");
  return file;
}
