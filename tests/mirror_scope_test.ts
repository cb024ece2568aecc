/**
 * Scopes and shards of a mirror: shards synced into one folder hold what a whole sync holds;
 * a list of ids marks a project TM now refuses; bad arguments throw before any request.
 */

import assert from "node:assert/strict";
import { createClient, type DataFrame } from "../mod.ts";
import { startEmulator } from "../emulator.ts";
import { mirror, MIRROR_TABLES, openMirror } from "../mirror.ts";

function sorted(frame: DataFrame): DataFrame {
  return frame.sort([frame.columns.at(-1)!, frame.columns[0]!]);
}

Deno.test("two shards synced into one folder hold what one whole sync holds", async () => {
  const emulator = await startEmulator({ port: 0, seed: 9, projects: 16 });
  const [whole, shared] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const all = await mirror(tm, whole, "all").sync();
    const first = await mirror(tm, shared, "all", { shard: { index: 0, count: 2 } }).sync();
    const second = await mirror(tm, shared, "all", { shard: { index: 1, count: 2 } }).sync();
    assert.equal(first.listed + second.listed, all.listed);
    assert.ok(first.fetched.every(({ projectId }) => projectId % 2 === 0));
    const [a, b] = [await openMirror(whole), await openMirror(shared)];
    for (const table of MIRROR_TABLES) {
      assert.ok(
        sorted(await a[table]!.collect()).frameEqual(sorted(await b[table]!.collect()), true),
        table,
      );
    }
    await Deno.stat(`${shared}/_mirror/state.shard-0-of-2.json`);
    await Deno.stat(`${shared}/_mirror/state.shard-1-of-2.json`);
  } finally {
    await emulator.close();
    await Deno.remove(whole, { recursive: true });
    await Deno.remove(shared, { recursive: true });
  }
});

Deno.test("a project of a list of ids that became private is marked, not kept as current", async () => {
  const emulator = await startEmulator({ port: 0, seed: 9, projects: 16 });
  const dir = await Deno.makeTempDir();
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const ids = emulator.world.projects.filter((p) => p.status === "PUBLISHED" && !p.private)
      .slice(0, 3).map((p) => p.id);
    await mirror(tm, dir, { projects: ids }).sync();
    emulator.world.projects.find((p) => p.id === ids[1])!.private = true;
    const report = await mirror(tm, dir, { projects: ids }).sync();
    assert.deepEqual(report.marked, [{ projectId: ids[1], mark: "private" }]);
    const projects = await (await openMirror(dir)).projects!.select("projectId", "mirrorState")
      .sort("projectId").collect();
    assert.deepEqual(
      projects.rows().map(([id, mark]) => [Number(id), mark]),
      ids.map((id) => [id, id === ids[1] ? "private" : "current"]),
    );
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ids TM refuses on a first sync are reported as refused, not silently skipped", async () => {
  const emulator = await startEmulator({ port: 0, seed: 9, projects: 16 });
  const dir = await Deno.makeTempDir();
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const visible = emulator.world.projects.find((p) => p.status === "PUBLISHED" && !p.private)!;
    const hidden = emulator.world.projects.find((p) => p.id !== visible.id)!;
    hidden.private = true;
    hidden.status = "PUBLISHED";
    const missing = Math.max(...emulator.world.projects.map((p) => p.id)) + 1;
    const report = await mirror(tm, dir, { projects: [visible.id, hidden.id, missing] }).sync();
    assert.deepEqual(report.fetched.map((f) => f.projectId), [visible.id]);
    assert.deepEqual(report.marked, []);
    assert.deepEqual(
      report.refused.toSorted((a, b) => a.projectId - b.projectId),
      [{ projectId: hidden.id, mark: "private" }, { projectId: missing, mark: "deleted" }]
        .toSorted((a, b) => a.projectId - b.projectId),
    );
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("bad arguments throw before any request, naming the value", async () => {
  const emulator = await startEmulator({ port: 0, projects: 3 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    assert.throws(
      () => mirror(tm, "", "all"),
      /Cannot mirror into folder "": it must be a folder path/,
    );
    assert.throws(
      () => mirror(tm, "m", { projects: [0] }),
      /Cannot mirror scope \{"projects":\[0\]\}/,
    );
    assert.throws(
      () => mirror(tm, "m", "all", { shard: { index: 2, count: 2 } }),
      /Cannot use shard/,
    );
    assert.throws(() => mirror(tm, "m", "all", { chunkSize: 0 }), /Cannot use chunkSize 0/);
    assert.equal(emulator.requests, 0);
  } finally {
    await emulator.close();
  }
});
