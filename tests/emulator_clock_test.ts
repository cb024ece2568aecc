/**
 * The emulator's clock: `X-Emulator-Now` on every response, `startEmulator({ now })` and
 * `--now`, and a world whose activity runs up to that clock.
 */

import assert from "node:assert/strict";
import { startEmulator } from "../src/emulator/server.ts";
import { createWorld } from "../src/emulator/world.ts";
import { main } from "../src/emulator/cli.ts";
import { createClient } from "../mod.ts";

const DAY_MS = 86_400_000;

Deno.test("emulator clock: without now, the fixed world near 2026-06-01, told in a header", async () => {
  const emulator = await startEmulator({ port: 0, projects: 20 });
  try {
    const res = await fetch(`${emulator.url}projects/?omitMapResults=true`);
    const body = await res.json();
    const told = res.headers.get("X-Emulator-Now");
    assert.ok(told !== null);
    const at = Date.parse(told);
    assert.ok(Math.abs(at - Date.UTC(2026, 5, 1)) <= 3 * DAY_MS, told);
    assert.equal(Math.floor(emulator.world.now / 1000), at);
    // TM's body is as before: no clock in it.
    assert.ok(!JSON.stringify(body).includes(told.slice(0, 19)));
    assert.deepEqual(createWorld({ projects: 20 }), createWorld({ projects: 20 }));
  } finally {
    await emulator.close();
  }
});

Deno.test("emulator clock: every route and error tells the clock", async () => {
  const now = new Date("2026-11-29T12:34:56.789Z");
  const emulator = await startEmulator({ port: 0, projects: 5, now });
  try {
    for (const path of ["system/heartbeat/", "projects/999999/", "no-such-route/", "projects"]) {
      const res = await fetch(emulator.url + path, { redirect: "manual" });
      await res.body?.cancel();
      assert.equal(res.headers.get("X-Emulator-Now"), "2026-11-29T12:34:56.789000Z", path);
    }
  } finally {
    await emulator.close();
  }
});

Deno.test("emulator clock: startEmulator({ now }) gives activity in the 90 days before it", async () => {
  const now = new Date("2026-11-29T21:00:00Z");
  const emulator = await startEmulator({ port: 0, projects: 40, now });
  try {
    const nowMicros = now.getTime() * 1000;
    const rows = emulator.world.projects.flatMap((p) => p.history);
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.actionDate < nowMicros), "a row at or after the clock");
    const since = nowMicros - 90 * DAY_MS * 1000;
    const recent = emulator.world.projects
      .filter((p) => !p.private && p.status !== "DRAFT")
      .map((p) => ({ id: p.id, rows: p.history.filter((r) => r.actionDate >= since).length }))
      .filter((p) => p.rows > 0);
    assert.ok(recent.length >= 3, `only ${recent.length} projects active in the last 90 days`);
    // Through the library: the window's rows are there.
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const first = recent[0]!;
    const frame = await tm.project(first.id).activities()
      .since(new Date(now.getTime() - 90 * DAY_MS)).frame();
    assert.ok(frame.height > 0);
  } finally {
    await emulator.close();
  }
});

Deno.test("emulator clock: a bad now is refused before serving", async () => {
  await assert.rejects(
    () => startEmulator({ port: 0, now: new Date("nope") }),
    (e: unknown) =>
      e instanceof TypeError && /now must be a valid Date, got Invalid Date/.test(e.message),
  );
  await assert.rejects(
    () => startEmulator({ port: 0, projects: 1, now: new Date("2010-01-01") }),
    (e: unknown) => e instanceof RangeError && /now .*2017-01-01/.test(e.message),
  );
  assert.equal(await main(["--now", "yesterday"]), 2);
  assert.equal(await main(["--now", "2026-02-30T25:00"]), 2);
});
