/**
 * Correct under hostile servers and stale caches, over real HTTP to the emulator: no frame the
 * server never served, no endless crawl, no row dropped without a word. Each test prints its
 * figure (rows, requests).
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { DriftError, RequestLimitError } from "../src/errors.ts";
import { insertActivity } from "../src/emulator/activity.ts";
import { type Emulator, startEmulator } from "../src/emulator/server.ts";
import { withTempDir } from "./reproducible_helpers.ts";

const WORLD = { port: 0, projects: 60, seed: 12 };

/** Every row id the emulator serves now, read page by page with plain fetch (the oracle). */
async function servedIds(emulator: Emulator, path: string, key: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1;; page++) {
    const url = new URL(path, emulator.url);
    url.searchParams.set("page", String(page));
    const response = await fetch(url, { headers: { "accept-language": "" } });
    const body = await response.json();
    const rows = (body.results ?? body.activity) as Record<string, number>[];
    ids.push(...rows.map((row) => row[key]!));
    if (!body.pagination?.hasNext) return ids;
  }
}

/** A fetch that refuses to send more than `most` requests (so a runaway crawl ends). */
function cappedFetch(most: number): typeof fetch {
  let sent = 0;
  return (input, init) => {
    if (++sent > most) return Promise.reject(new Error(`more than ${most} requests`));
    return fetch(input, init);
  };
}

function log(figure: string): void {
  // deno-lint-ignore no-console
  console.log(`    figure: ${figure}`);
}

Deno.test("a resumed crawl never mixes a stale cached page 1 with fresh later pages", async () => {
  const emulator = await startEmulator(WORLD);
  try {
    await withTempDir(async (dir) => {
      const project = [...emulator.world.projects]
        .filter((p) => p.status === "PUBLISHED" && !p.private)
        .sort((a, b) => b.history.length - a.history.length)[0]!;
      const tm = createClient({ baseUrl: emulator.url, cache: { dir }, progress: false });
      // A preview caches page 1; then the log grows by 13 actions at its head.
      await tm.project(project.id).activities().limit(10).frame();
      for (let step = 1; step <= 13; step++) insertActivity(emulator.world, project.id, step);
      const path = `projects/${project.id}/activities/`;
      const truth = await servedIds(emulator, path, "historyId");
      const before = emulator.requests;
      const frame = await tm.project(project.id).activities().frame();
      const ids = frame.getColumn("historyId").toArray() as number[];
      log(`${ids.length} rows (server: ${truth.length}), ${emulator.requests - before} requests`);
      assert.deepEqual([...ids].sort((a, b) => a - b), [...truth].sort((a, b) => a - b));
      // The rerun reads that whole crawl back from the cache, without a request.
      const again = emulator.requests;
      const cached = await tm.project(project.id).activities().frame();
      assert.equal(emulator.requests, again);
      assert.equal(cached.height, truth.length);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("a server that claims a huge total ends the crawl with DriftError", async (t) => {
  const emulator = await startEmulator(WORLD);
  try {
    const truth = await servedIds(emulator, "projects/", "projectId");
    const pages = Math.ceil(truth.length / 14);
    for (const claim of [2 ** 53 - 1, { growBy: 14 }]) {
      await t.step(`claimedTotal ${JSON.stringify(claim)}`, async () => {
        emulator.setFaults({ claimedTotal: claim });
        const tm = createClient({ baseUrl: emulator.url, fetch: cappedFetch(1000) });
        const before = emulator.requests;
        await assert.rejects(tm.projects().frame({ progress: false }), (error: unknown) => {
          assert.ok(error instanceof DriftError, String(error));
          assert.equal(error.rows, truth.length);
          assert.ok(error.total > truth.length);
          assert.match(error.message, /claimed \d+ rows .* served \d+ distinct rows/);
          return true;
        });
        const requests = emulator.requests - before;
        log(`${truth.length} rows served, ${requests} requests (${pages} pages)`);
        // Pass 1 up to the first page that ends the data, and one repair scan: nothing more.
        assert.ok(requests <= 2 * pages + 33, `${requests} requests`);
      });
    }
  } finally {
    await emulator.close();
  }
});

Deno.test("maxRequestsPerQuery stops a crawl with a clear error", async () => {
  const emulator = await startEmulator(WORLD);
  try {
    const tm = createClient({ baseUrl: emulator.url, maxRequestsPerQuery: 2, concurrency: 1 });
    await assert.rejects(tm.projects().frame({ progress: false }), (error: unknown) => {
      assert.ok(error instanceof RequestLimitError);
      assert.match(error.message, /more than 2 page requests .* maxRequestsPerQuery/);
      return true;
    });
    log(`${emulator.requests} requests`);
    assert.ok(emulator.requests <= 2);
    assert.throws(() => createClient({ maxRequestsPerQuery: 0 }), /maxRequestsPerQuery 0/);
  } finally {
    await emulator.close();
  }
});

Deno.test("rows beyond the server's total are kept, and a last page's hasNext is followed", async (t) => {
  const emulator = await startEmulator(WORLD);
  try {
    const truth = await servedIds(emulator, "projects/", "projectId");
    assert.ok(truth.length > 14, "several pages");
    for (const claim of [5, 0, truth.length - 8]) {
      await t.step(`claimedTotal ${claim}`, async () => {
        emulator.setFaults({ claimedTotal: claim });
        const before = emulator.requests;
        const frame = await createClient({ baseUrl: emulator.url }).projects().frame({
          progress: false,
        });
        const ids = frame.getColumn("projectId").toArray() as number[];
        log(`${ids.length} rows of ${truth.length}, ${emulator.requests - before} requests`);
        assert.deepEqual(ids, truth);
      });
    }
  } finally {
    await emulator.close();
  }
});

Deno.test("a fan-out of gzip bombs stops each at maxBodyBytes, in bounded memory", async () => {
  const emulator = await startEmulator(WORLD);
  try {
    const cap = 16 * 2 ** 20;
    const concurrency = 8;
    emulator.setFaults({ rate: 1, kinds: ["gzipBomb"], bombBytes: 2 ** 30, maxConsecutive: 99 });
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "bench/bomb_child.ts", emulator.url, "8", `${concurrency}`, `${cap}`],
      stdout: "piped",
      stderr: "inherit",
    });
    const output = await child.output();
    assert.ok(output.success);
    const result = JSON.parse(new TextDecoder().decode(output.stdout));
    const growth = (result.rssPeak - result.rssBefore) / 2 ** 20;
    log(`8 bombs of 1 GiB, concurrency 8, cap 16 MiB: peak RSS growth ${growth.toFixed(0)} MiB`);
    assert.equal(result.tooLarge, 8);
    // concurrency × cap, and a fixed overhead for the HTTP client, the decoder and the GC
    assert.ok(growth < (concurrency * cap) / 2 ** 20 + 160, `peak RSS growth ${growth} MiB`);
  } finally {
    await emulator.close();
  }
});
