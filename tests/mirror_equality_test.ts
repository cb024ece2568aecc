// deno-lint-ignore-file no-console -- the test prints its evidence: tables, rows, hashes
/**
 * A mirror synced over a moving world equals a fresh crawl of the final world: sync, advance,
 * sync, advance, sync; then each table, restricted to the projects the mirror marks current,
 * has the same columns, dtypes and rows (hashed after a stable sort) as the library's own
 * frames fetched fresh from the same emulator.
 */

import assert from "node:assert/strict";
import { createClient, type DataFrame, pl } from "../mod.ts";
import { startEmulator } from "../emulator.ts";
import { createWorld } from "../src/emulator/world.ts";
import type { World } from "../src/emulator/model.ts";
import { advanceWorld } from "../src/emulator/advance.ts";
import { mirror, openMirror } from "../mirror.ts";

/** Sort keys per table: the rows' identity. */
const KEYS: Record<string, string[]> = {
  projects: ["projectId"],
  activities: ["projectId", "historyId"],
  tasks: ["projectId", "taskId"],
  contributions: ["projectId", "username"],
  "contributions_by_day": ["projectId", "date"],
};

/** A SHA-256 of the rows, exact for timestamps (as integers) and nested values (as JSON). */
async function rowsHash(frame: DataFrame, keys: string[]): Promise<string> {
  const exact = frame.sort(keys).select(
    ...frame.columns.map((name) => {
      const variant = frame.getColumn(name).dtype.variant;
      return variant === "Datetime" || variant === "Date"
        ? pl.col(name).cast(pl.Int64)
        : pl.col(name);
    }),
  );
  const text = JSON.stringify(
    exact.toRecords(),
    (_key, value) => typeof value === "bigint" ? value.toString() : value,
  );
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function schemaOf(frame: DataFrame): string[] {
  return frame.columns.map((name) => `${name}: ${frame.getColumn(name).dtype}`);
}

Deno.test("a mirror synced over a moving world equals a fresh crawl of the final world", async () => {
  await syncedEqualsFresh(createWorld({ seed: 11, projects: 60 }));
});

Deno.test("the same over a lazily simulated world of TM's shape", async () => {
  await syncedEqualsFresh(createWorld({ seed: 11, size: "tm", projects: 60, largeProjects: 0 }));
});

async function syncedEqualsFresh(world: World): Promise<void> {
  const emulator = await startEmulator({ port: 0, world });
  const dir = await Deno.makeTempDir({ prefix: "tmframes-mirror-" });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const target = mirror(tm, dir, "all");
    const syncs = [];
    const advances = [];
    for (let step = 0; step < 3; step++) {
      if (step > 0) advances.push(advanceWorld(world, step));
      const before = emulator.requests;
      const report = await target.sync();
      const sent = emulator.requests - before;
      syncs.push(report);
      console.log(
        `sync ${
          step + 1
        }: ${sent} requests sent (bound ${report.bound.total} = ${report.bound.text}); ` +
          `fetched ${report.fetched.length}, probed ${report.probed}, marked ${
            report.marked.map((m) => `${m.projectId} ${m.mark}`).join(", ") || "none"
          }`,
      );
      assert.equal(report.failed.length, 0);
      assert.equal(sent, report.requests);
      if (step > 0) assert.ok(sent <= report.bound.total, `${sent} > ${report.bound.total}`);
    }
    // The world moved in every way the mirror must see: state changes, locks left open and
    // then auto-unlocked (rows TM deletes, lastUpdated unmoved), new, archived, private projects.
    assert.ok(
      advances.every((a) => a.mapped.length > 0 && a.created.length > 0 && a.locked.length > 0),
    );
    assert.ok(advances[1]!.autoUnlocked.length > 0 && advances[1]!.archived.length > 0);
    const madePrivate = advances.flatMap((a) => a.madePrivate);
    const marked = syncs.flatMap((s) => s.marked);
    for (const id of madePrivate) {
      assert.ok(marked.some((m) => m.projectId === id && m.mark === "private"));
    }

    // The oracle: the library's own frames, fetched fresh from the final world.
    const listed = await tm.projects().status("PUBLISHED", "ARCHIVED").records();
    const ids = listed.map((p) => p.projectId);
    const set = tm.projects(ids);
    const fresh: Record<string, DataFrame> = {
      projects: await set.summary().frame(),
      activities: await set.activities().frame(),
      tasks: await set.tasks().frame(),
      contributions: await set.contributions().frame(),
      "contributions_by_day": await set.contributionsByDay().frame(),
    };
    const tables = await openMirror(dir);
    const current = await tables.projects!.filter(pl.col("mirrorState").eq(pl.lit("current")))
      .select("projectId").collect();
    assert.deepEqual(
      (current.getColumn("projectId").toArray() as number[]).map(Number).sort((a, b) => a - b),
      [...ids].sort((a, b) => a - b),
    );
    console.log("table                 rows   sha256 (mirror = fresh crawl)");
    for (const [table, expected] of Object.entries(fresh)) {
      const held = await tables[table as keyof typeof tables]!.collect();
      const mine = held.join(current, { on: "projectId", how: "inner" }).select(
        ...expected.columns,
      );
      assert.deepEqual(schemaOf(mine), schemaOf(expected), table);
      assert.equal(mine.height, expected.height, table);
      const [a, b] = [await rowsHash(mine, KEYS[table]!), await rowsHash(expected, KEYS[table]!)];
      assert.equal(a, b, table);
      console.log(`${table.padEnd(22)}${String(mine.height).padStart(6)}   ${a}`);
    }
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
}
