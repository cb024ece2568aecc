/**
 * Provenance over real HTTP to the emulator: every answer is listed with its status, time,
 * bytes and SHA-256, whether it came from the cache, the TM release (asked once per client)
 * and the tmframes version; never the token.
 */
import assert from "node:assert/strict";
import { digestText } from "../src/cache.ts";
import { createClient } from "../src/client.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { type Provenance, ProvenanceRecorder, ProvenanceSchema } from "../src/provenance.ts";
import { VERSION } from "../src/version.ts";
import { withTempDir } from "./reproducible_helpers.ts";

const SMALL = { port: 0, projects: 120, seed: 7 };

Deno.test("provenance lists every request, the TM release and the tmframes version", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    const tm = createClient({ baseUrl: emulator.url });
    const recorder = new ProvenanceRecorder();
    const query = tm.projects();
    const frame = await query.frame({ provenance: recorder });
    const provenance = recorder.toJSON();
    assert.ok(ProvenanceSchema.safeParse(provenance).success);
    assert.equal(provenance.tmframes, VERSION);
    assert.equal(provenance.servers.length, 1);
    const server = provenance.servers[0]!;
    assert.equal(server.apiRoot, emulator.url);
    assert.equal(server.release, "v5.5.2");
    assert.equal(server.heartbeat?.url, `${emulator.url}system/heartbeat/`);

    // One record per data request; the heartbeat is the one other request.
    const pages = Math.ceil(frame.height / 14);
    assert.ok(pages >= 4);
    assert.equal(provenance.requests.length, pages);
    assert.equal(emulator.requests, pages + 1);
    const urls = provenance.requests.map((request) => new URL(request.url));
    const numbers = urls.map((url) => Number(url.searchParams.get("page") ?? 1)).sort((a, b) =>
      a - b
    );
    assert.deepEqual(numbers, Array.from({ length: pages }, (_, i) => i + 1));
    for (const request of provenance.requests) {
      assert.equal(request.status, 200);
      assert.equal(request.fromCache, false);
      assert.equal(request.authenticated, false);
      assert.equal(request.language, null);
      assert.ok(request.bytes > 0);
      assert.match(request.sha256, /^[0-9a-f]{64}$/);
      assert.ok(!Number.isNaN(Date.parse(request.fetchedAt)));
      assert.ok(request.url.startsWith(query.url().href.split("?")[0]!));
    }

    // The hash and size are those of the body the server sends.
    const first = provenance.requests.find((request) => !request.url.includes("page="))!;
    const body = await (await fetch(first.url, { headers: { "accept-language": "" } })).text();
    const digest = await digestText(body);
    assert.equal(first.sha256, digest.sha256);
    assert.equal(first.bytes, digest.bytes);
  } finally {
    await emulator.close();
  }
});

Deno.test("provenance marks cached answers, with the hashes the network gave", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const online = new ProvenanceRecorder();
      const tm = createClient({ baseUrl: emulator.url, cache: { dir } });
      await tm.projects().frame({ provenance: online });
      const sent = emulator.requests;

      const cached = new ProvenanceRecorder();
      const again = createClient({ baseUrl: emulator.url, cache: { dir } });
      await again.projects().frame({ provenance: cached });
      assert.equal(emulator.requests, sent, "no request: pages and heartbeat come from the cache");
      const before = online.toJSON();
      const after = cached.toJSON();
      assert.ok(after.requests.every((request) => request.fromCache));
      assert.equal(after.servers[0]?.heartbeat?.fromCache, true);
      assert.equal(after.servers[0]?.release, "v5.5.2");
      const byUrl = (p: Provenance) =>
        Object.fromEntries(p.requests.map((r) => [r.url, [r.sha256, r.bytes, r.fetchedAt]]));
      assert.deepEqual(byUrl(after), byUrl(before));
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("the heartbeat is asked once per client, and every verb records", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    const tm = createClient({ baseUrl: emulator.url });
    const one = new ProvenanceRecorder();
    assert.ok(await tm.projects().count({ provenance: one }) > 0);
    assert.equal(emulator.requests, 2); // heartbeat + page 1
    assert.equal(one.toJSON().requests.length, 1);

    const two = new ProvenanceRecorder();
    const records = await tm.projects().limit(20).records({ provenance: two });
    const id = records[0]!.projectId;
    await tm.project(id).statistics().frame({ provenance: two });
    assert.equal(emulator.requests, 2 + 2 + 1, "no second heartbeat");
    const seen = two.toJSON();
    assert.equal(seen.requests.length, 3);
    assert.equal(seen.servers.length, 1);
    assert.equal(seen.servers[0]?.release, "v5.5.2");
    assert.ok(seen.requests.some((request) => request.url.endsWith(`projects/${id}/statistics/`)));

    const other = createClient({ baseUrl: emulator.url });
    await other.projects().limit(1).records({ provenance: new ProvenanceRecorder() });
    assert.equal(emulator.requests, 5 + 2, "a new client asks for the heartbeat again");
  } finally {
    await emulator.close();
  }
});

Deno.test("provenance never holds the token", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    const token = emulator.tokens[0]!.token;
    const tm = createClient({ baseUrl: emulator.url, token });
    const recorder = new ProvenanceRecorder();
    await tm.projects().frame({ provenance: recorder });
    const text = JSON.stringify(recorder.toJSON());
    assert.ok(!text.includes(token));
    assert.ok(!text.includes(atob(token)));
    assert.ok(recorder.toJSON().requests.every((request) => request.authenticated));
  } finally {
    await emulator.close();
  }
});

Deno.test("offline without a recorded heartbeat: the frame builds, the release is null with the reason", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const frame = await createClient({ baseUrl: emulator.url, cache: { dir } }).projects()
        .frame();
      const sent = emulator.requests;
      const offline = createClient({ baseUrl: emulator.url, cache: { dir, mode: "offline" } });
      const recorder = new ProvenanceRecorder();
      assert.equal((await offline.projects().frame({ provenance: recorder })).height, frame.height);
      assert.equal(emulator.requests, sent);
      const server = recorder.toJSON().servers[0];
      assert.equal(server?.release, null);
      assert.match(server?.error ?? "", /system\/heartbeat\/ offline: no entry/);
    });
  } finally {
    await emulator.close();
  }
});
