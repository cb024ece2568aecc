import assert from "node:assert/strict";
import { formatReport, runDoctor } from "../src/doctor/doctor.ts";
import { saveBodies } from "../src/doctor/recorder.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { withEmulator } from "./emulator_helpers.ts";

Deno.test("doctor: against the emulator every endpoint is ok", async () => {
  await withEmulator({ projects: 20 }, async (emulator) => {
    const report = await runDoctor({ baseUrl: emulator.url, token: emulator.tokens[0]!.token });
    const lines = formatReport(report);
    assert.ok(report.results.length >= 20, lines.join("\n"));
    assert.deepEqual(report.results.filter((r) => r.outcome !== "ok"), [], lines.join("\n"));
    assert.ok(lines.includes("TM release: v5.5.2"));
    assert.equal(
      lines.at(-1),
      `requests: ${report.requests} (${report.results.length} ok or tolerated, 0 failed, 0 skipped)`,
    );
    assert.equal(report.requests, emulator.requests);
  });
});

Deno.test("doctor: against the emulator in TM4 mode it prints the tolerated drift", async () => {
  await withEmulator({ projects: 20, tmVersion: 4 }, async (emulator) => {
    const report = await runDoctor({ baseUrl: emulator.url, token: emulator.tokens[0]!.token });
    const lines = formatReport(report);
    assert.equal(report.release, "v4.8.5");
    assert.equal(report.results.filter((r) => r.outcome === "failed").length, 0, lines.join("\n"));
    const summary = lines.find((line) => /^drift +\/projects\/\d+\/queries\/summary\//.test(line));
    assert.match(summary ?? "", /absent keys .*rapidPowerUser/);
    const contributions = lines.find((line) => /\/contributions\/:/.test(line));
    assert.match(contributions ?? "", /^drift .*userContributions\[\]\.badImagery/);
  });
});

Deno.test("doctor: saved bodies replay as fixtures, with the same results, and hold no token", async () => {
  const dir = await Deno.makeTempDir();
  const emulator = await startEmulator({ projects: 12, tmVersion: 4 });
  const token = emulator.tokens[0]!.token;
  let first;
  try {
    first = await runDoctor({ baseUrl: emulator.url, token });
    await saveBodies(dir, first.bodies);
  } finally {
    await emulator.close();
  }
  const saved = new Map<string, { status: number; body: unknown }>();
  for (const entry of Deno.readDirSync(dir)) {
    const text = Deno.readTextFileSync(`${dir}/${entry.name}`);
    assert.equal(text.includes(token), false, `${entry.name} holds the token`);
    if (entry.name === "index.json") continue;
    const { url, status, body } = JSON.parse(text);
    const { pathname, search } = new URL(url);
    saved.set(pathname + search, { status, body });
  }
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const { pathname, search } = new URL(request.url);
    const hit = saved.get(pathname + search);
    return hit
      ? Response.json(hit.body, { status: hit.status })
      : new Response("missing", { status: 404 });
  });
  try {
    const replay = await runDoctor({
      baseUrl: `http://127.0.0.1:${server.addr.port}/api/v2/`,
      token: "replay",
    });
    assert.deepEqual(replay.results, first.results);
    assert.equal(replay.release, "v4.8.5");
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
