/**
 * Lock-only activity: a lock taken and released between two syncs moves no `lastUpdated` and
 * may leave the listing's counts as they were, yet the next sync (within 24 hours) finds it
 * through TM's list of recently active projects and fetches the project's new rows.
 */

import assert from "node:assert/strict";
import { createClient, pl } from "../mod.ts";
import { startEmulator } from "../emulator.ts";
import { createWorld } from "../src/emulator/world.ts";
import { withId } from "../src/emulator/simulate.ts";
import { mirror, openMirror } from "../mirror.ts";

Deno.test("a lock taken and released between syncs is found by the next sync", async () => {
  const world = createWorld({ seed: 21, projects: 30, now: Date.now() * 1000 });
  const emulator = await startEmulator({ port: 0, world });
  const dir = await Deno.makeTempDir({ prefix: "tmframes-mirror-lock-" });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const target = mirror(tm, dir, "all");
    const first = await target.sync();
    assert.equal(first.activeHours, null);
    // A quiet published project: no lock open, a task that is not locked, a past contributor.
    const project = world.projects.find((p) =>
      p.status === "PUBLISHED" && !p.private && p.history.length > 0 &&
      p.tasks.every((t) => t.lockedBy === null) &&
      !p.history.some((h) => h.actionDate >= world.now - 3 * 3600e6)
    )!;
    const task = project.tasks[0]!;
    const user = project.history.find((h) => h.action === "STATE_CHANGE")?.userId ??
      project.history[0]!.userId;
    const lastUpdated = project.lastUpdated;
    const row = withId(world, {
      projectId: project.id,
      taskId: task.id,
      action: "LOCKED_FOR_MAPPING",
      actionText: "00:04:10.250000",
      actionDate: world.now + 5_000_000,
      userId: user,
    });
    project.history.push(row);
    world.now += 10 * 60_000_000;
    assert.equal(project.lastUpdated, lastUpdated);

    const next = await target.sync();
    assert.equal(next.activeHours, 1);
    assert.ok(
      next.fetched.some((f) => f.projectId === project.id && f.reason === "activity"),
      JSON.stringify(next.fetched),
    );
    assert.ok(next.requests <= next.bound.total, `${next.requests} > ${next.bound.total}`);
    const { activities } = await openMirror(dir);
    const held = await activities!.filter(pl.col("projectId").eq(pl.lit(project.id))).collect();
    assert.ok((held.getColumn("historyId").toArray() as number[]).map(Number).includes(row.id));
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
});
