/**
 * The name filters of the project search against the emulator's catalogues: loose names
 * resolved before the search, warnings once when a name matches nothing.
 */

import assert from "node:assert/strict";
import { startEmulator } from "../src/emulator/server.ts";
import { createClient } from "../mod.ts";

const TANZANIA = "United Republic of Tanzania";

Deno.test("name filters: a loose country is TM's name, found with one catalogue request", async () => {
  const emulator = await startEmulator({ port: 0, projects: 200 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const expected = emulator.world.projects.filter((p) =>
      p.status === "PUBLISHED" && !p.private && (p.countries ?? []).includes(TANZANIA)
    ).length;
    assert.ok(expected > 0);
    const query = tm.projects().country("tanzania", { match: "loose" });
    assert.equal(emulator.requests, 0);
    const frame = await query.frame();
    assert.equal(frame.height, expected);
    assert.equal(emulator.requests, 1 + Math.ceil(expected / 14));
    const named = await query.named();
    assert.equal(named.filters.country, TANZANIA);
    // The per-project queries of a search need TM's name first.
    assert.throws(() =>
      query.activities(), /loose country name before it is resolved/);
    assert.ok((await named.limit(1).activities().frame()).height >= 0);
    // Exact again: the name as given.
    assert.equal(query.country("Tanzania").url().searchParams.get("country"), "Tanzania");
  } finally {
    await emulator.close();
  }
});

Deno.test("name filters: a search by a name TM lacks finds nothing and warns once per run", async () => {
  const emulator = await startEmulator({ port: 0, projects: 60 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const query = tm.projects().campaign("Missing Map");
    assert.equal((await query.frame()).height, 0);
    assert.equal(emulator.requests, 2); // the search, then /campaigns/ for the warning
    assert.equal(await query.count(), 0);
    assert.equal(emulator.requests, 4); // each run that finds nothing warns once: count, /campaigns/
    assert.equal((await tm.projects().campaign("Missing Maps").limit(1).frame()).height, 1);
    assert.equal(emulator.requests, 5); // a search that finds something asks no catalogue
  } finally {
    await emulator.close();
  }
});

Deno.test("name filters: bad match options throw before any request", () => {
  const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
  assert.throws(
    () => tm.projects().country("Nepal", { match: "close" as "loose" }),
    (e: unknown) => e instanceof RangeError && /country match "close"/.test(e.message),
  );
  assert.throws(() => tm.projects().organisation("HOT", null as never), /organisation options/);
});
