import assert from "node:assert/strict";
import { ProvenanceSchema } from "../src/provenance.ts";
import { readSnapshot } from "../src/snapshot.ts";
import { type Emulator, startEmulator } from "../src/emulator/server.ts";
import { buildReport, type ReportOptions, type ReportSummary } from "../src/report/build.ts";
import { emulatorRoot, routedFetch } from "../src/report/route.ts";

const SEED = 42;
const PROJECTS = 150;
const SECTIONS = ["overview", "progress", "activity", "contributors", "tasks", "snapshots"];

function emulatorOptions(emulator: Emulator | undefined, dir: string): ReportOptions {
  return {
    baseUrl: emulatorRoot(SEED),
    ...(emulator ? { fetch: routedFetch(emulatorRoot(SEED), new URL(emulator.url)) } : {}),
    cache: `${dir}/cache`,
    progress: false,
    activityProjects: 3,
  };
}

/** Every file under `dir` (but not `skip`), by path relative to `dir`, as bytes. */
async function filesUnder(dir: string, skip = "cache"): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  async function walk(sub: string): Promise<void> {
    for await (const entry of Deno.readDir(`${dir}/${sub}`)) {
      const path = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (path === skip) continue;
      if (entry.isDirectory) await walk(path);
      else files.set(path, await Deno.readFile(`${dir}/${path}`));
    }
  }
  await walk("");
  return files;
}

/** Asserts two report folders hold the same files, byte for byte but the `Generated at` line. */
async function assertSameReport(a: string, b: string): Promise<void> {
  const [left, right] = [await filesUnder(a), await filesUnder(b)];
  assert.deepEqual([...right.keys()].sort(), [...left.keys()].sort());
  assert.ok(left.has("report.html") && left.has("provenance.json"));
  const decoder = new TextDecoder();
  for (const [path, bytes] of left) {
    const other = right.get(path) as Uint8Array;
    if (path !== "report.html") {
      assert.deepEqual(other, bytes, `${path} differs`);
      continue;
    }
    const [one, two] = [decoder.decode(bytes).split("\n"), decoder.decode(other).split("\n")];
    assert.equal(two.length, one.length);
    const differing = one.flatMap((line, index) => line === two[index] ? [] : [line]);
    assert.equal(differing.length, 1, "only the Generated at line may differ");
    assert.match(differing[0] ?? "", /^<p class="generated">Generated at /);
  }
}

Deno.test("report: every section, five inline charts, escaped names, provenance, snapshots, no token", async () => {
  const emulator = await startEmulator({ port: 0, seed: SEED, projects: PROJECTS });
  const dir = await Deno.makeTempDir();
  try {
    const token = emulator.tokens[0]!.token;
    const summary = await buildReport({
      ...emulatorOptions(emulator, dir),
      out: `${dir}/out`,
      organisation: "Map & Data <Lab>",
      token,
    });
    assert.equal(summary.organisation, "Map & Data <Lab>");
    assert.ok(summary.projects > 0 && summary.sent > 0);
    const html = await Deno.readTextFile(summary.report);
    for (const id of [...SECTIONS, "provenance"]) {
      assert.match(html, new RegExp(`<section id="${id}">`));
    }
    assert.equal(html.match(/<svg/g)?.length, 5);
    assert.match(html, /<h1>Map &amp; Data &lt;Lab&gt;: a Tasking Manager report<\/h1>/);
    assert.ok(!html.includes("<Lab>"), "the raw name never reaches the page, SVG text included");
    assert.ok(!html.includes("<script"), "no script");
    // The provenance section: requests with URL, status, time, cache flag, bytes and hash.
    const section = html.slice(html.indexOf('<section id="provenance">'));
    assert.match(section, /<dd>v5\.5\.2<\/dd>/);
    assert.match(section, /<td>projects\/\?[^<]*organisationName=Map\+%26\+Data\+%3CLab%3E/);
    assert.equal(section.match(/<tr><td>/g)?.length, summary.answers);
    const provenance = ProvenanceSchema.parse(
      JSON.parse(await Deno.readTextFile(summary.provenance)),
    );
    assert.equal(provenance.servers[0]?.release, "v5.5.2");
    assert.equal(provenance.requests.length, summary.answers);
    assert.ok(provenance.requests.every((request) => request.fromCache && request.authenticated));
    assert.ok(
      provenance.requests.every((request) => section.includes(request.sha256.slice(0, 16))),
    );
    // Every frame as a Parquet snapshot that reads back, with its provenance.
    assert.equal(summary.snapshots.length, 5); // no organisations ranking: the name was given
    for (const path of summary.snapshots) {
      const name = path.slice(path.lastIndexOf("/") + 1, -".parquet".length);
      const snapshot = await readSnapshot(`${dir}/out/snapshots`, name);
      assert.ok(snapshot.frame.height > 0, name);
      assert.ok((snapshot.provenance?.requests.length ?? 0) > 0, name);
      assert.match(html, new RegExp(`snapshots/${name}\\.parquet`));
    }
    // The token is in no file written: report, provenance, snapshots, cache.
    for (const [path, bytes] of await filesUnder(dir, "")) {
      assert.ok(!new TextDecoder().decode(bytes).includes(token), `the token is in ${path}`);
    }
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("report: a second run from the same cache, and an offline run with the emulator closed, write the same files", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const emulator = await startEmulator({ port: 0, seed: SEED, projects: PROJECTS });
    let first: ReportSummary, second: ReportSummary;
    try {
      first = await buildReport({
        ...emulatorOptions(emulator, dir),
        out: `${dir}/one`,
        generatedAt: new Date("2025-01-01T00:00:00Z"),
      });
      const sent = emulator.requests;
      second = await buildReport({
        ...emulatorOptions(emulator, dir),
        out: `${dir}/two`,
        generatedAt: new Date("2025-06-01T00:00:00Z"),
      });
      assert.equal(emulator.requests, sent, "the second run sends nothing");
    } finally {
      await emulator.close();
    }
    assert.ok(first.sent > 0);
    assert.equal(second.sent, 0);
    assert.equal(first.snapshots.length, 6); // with the organisations ranking
    assert.deepEqual({ ...second, report: "", provenance: "", snapshots: [], sent: 0 }, {
      ...first,
      report: "",
      provenance: "",
      snapshots: [],
      sent: 0,
    });
    await assertSameReport(`${dir}/one`, `${dir}/two`);

    const offline = await buildReport({
      ...emulatorOptions(undefined, dir),
      out: `${dir}/three`,
      offline: true,
      fetch: () => Promise.reject(new Error("offline: nothing may be sent")),
      generatedAt: new Date("2026-01-01T00:00:00Z"),
    });
    assert.equal(offline.sent, 0);
    await assertSameReport(`${dir}/one`, `${dir}/three`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("report: offline without a cache says what is missing", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assert.rejects(
      buildReport({ ...emulatorOptions(undefined, dir), out: `${dir}/out`, offline: true }),
      /cache/i,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
