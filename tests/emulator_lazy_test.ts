/**
 * A world of TM's size (`size: "tm"`): built lazily, each project's tasks and history simulated
 * on first access, the same whenever simulated again, and moving with `advanceWorld` exactly
 * as it would had every project been read before.
 */

import assert from "node:assert/strict";
import { createWorld } from "../src/emulator/world.ts";
import { type Advance, advanceWorld } from "../src/emulator/advance.ts";
import type { World } from "../src/emulator/model.ts";
import { activeSince } from "../src/emulator/lazy.ts";
import { assertConsistent } from "./emulator_consistency.ts";

function everything(world: World): string {
  return JSON.stringify({ now: world.now, next: world.nextHistoryId, projects: world.projects });
}

Deno.test("a world of TM's size starts without simulating any history", () => {
  const world = createWorld({ seed: 5, size: "tm" });
  const lazy = world.lazy!;
  assert.equal(world.projects.length, 17_000);
  assert.equal(lazy.simulated, 0);
  const large = world.projects.filter((p) => (lazy.seed(p)?.quota ?? 0) > 0);
  assert.equal(large.length, 40);
  assert.ok(world.projects.every((p, i) => i === 0 || p.id > world.projects[i - 1]!.id));
  // A small project, simulated on first access, within its block of ids.
  const small = world.projects.find((p) => p.status === "PUBLISHED" && p.id > 5000)!;
  const seed = lazy.seed(small)!;
  assert.equal(small.tasks.length, seed.taskCount);
  assertConsistent(small);
  assert.ok(small.history.every((h) => h.id >= seed.idBase && h.id < seed.idBase + seed.idCap));
  assert.ok(small.history.every((h) => h.projectId === small.id && h.actionDate < world.now));
  assert.equal(lazy.simulated, 1);
  // A large one: tens of thousands of rows.
  const big = large[0]!;
  assert.ok(big.history.length >= 40_000, `${big.history.length} rows`);
  assert.ok(world.nextHistoryId! > lazy.seed(large.at(-1)!)!.idBase);
  // Fewer projects, large ones in proportion.
  const small2000 = createWorld({ seed: 5, size: "tm", projects: 2000 });
  assert.equal(small2000.projects.filter((p) => small2000.lazy!.seed(p)!.quota > 0).length, 5);
});

Deno.test("a lazy project evicted and simulated again is the same", () => {
  const world = createWorld({ seed: 9, size: "tm", projects: 80, largeProjects: 0, lazyBudget: 1 });
  const project = world.projects.find((p) => p.history.length > 20)!;
  const first = project.history;
  const text = JSON.stringify(project);
  for (const other of world.projects) void other.history.length;
  assert.notEqual(project.history, first, "evicted, so simulated again");
  assert.equal(JSON.stringify(project), text);
  assert.ok(world.lazy!.cached.bodies <= 1);
});

Deno.test("advancing a lazy world gives the same world whatever was read before", () => {
  const options = { seed: 3, size: "tm" as const, projects: 150, largeProjects: 0 };
  const [read, unread] = [createWorld(options), createWorld(options)];
  const built = read.now;
  const openAtStart = read.projects.filter((p) => p.tasks.some((t) => t.lockedBy !== null));
  assert.ok(openAtStart.length > 0);
  const changes: Advance[] = [];
  for (const step of [1, 2]) {
    for (const p of read.projects) void p.history.length;
    changes.push(advanceWorld(read, step));
    assert.deepEqual(advanceWorld(unread, step), changes.at(-1));
  }
  // Which projects were active lately, told without keeping their bodies, as their rows tell.
  const lazy = createWorld(options);
  for (const step of [1, 2]) advanceWorld(lazy, step);
  for (const hours of [24, 30 * 24, 400 * 24]) {
    const since = unread.now - hours * 3600e6;
    const told = lazy.projects.filter((p) => activeSince(lazy, p, since)).map((p) => p.id);
    const rows = unread.projects.filter((p) => p.history.some((h) => h.actionDate >= since));
    assert.deepEqual(told, rows.map((p) => p.id), `${hours} hours`);
    assert.ok(told.length > 0);
  }
  assert.equal(everything(read), everything(unread));
  const ids = new Set<number>();
  for (const project of unread.projects) {
    assertConsistent(project, true);
    for (const h of project.history) {
      assert.ok(!ids.has(h.id), `history id ${h.id} twice`);
      ids.add(h.id);
    }
  }
  // Locks open when the world was built expired at the first pass, lastUpdated unmoved.
  const expired = openAtStart.map((p) => unread.projects.find((q) => q.id === p.id)!).filter((p) =>
    !changes.some((c) =>
      [...c.mapped, ...c.archived, ...c.finished, ...c.madePrivate].includes(p.id)
    ) &&
    p.history.some((h) => h.action.startsWith("AUTO_UNLOCKED") && h.actionDate > built)
  );
  assert.ok(expired.length > 0);
  for (const p of expired) assert.ok(p.lastUpdated <= built);
  assert.ok(changes.every((c) => c.mapped.length > 0 && c.created.length > 0));
  for (const id of changes[1]!.mapped) {
    assert.ok(unread.projects.find((p) => p.id === id)!.lastUpdated > built);
  }
});

Deno.test("the command line refuses a world it does not know", async () => {
  const { main } = await import("../src/emulator/cli.ts");
  assert.equal(await main(["--world", "huge"]), 2);
});
