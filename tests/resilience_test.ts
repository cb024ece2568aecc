/**
 * Resilience at scale, over real HTTP on 127.0.0.1: a 2,000-page crawl through 10 % injected
 * faults, continuous insertion while paging, a server that never answers, and hostile bodies.
 * Latency is 0 and retries are fast; the emulator's `Retry-After` (whole seconds, as servers
 * send it) is capped by `maxRetryAfter`, so a 429 waits 50 ms here.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError, NetworkError, SchemaError, TmError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";
import type { Progress } from "../src/paginate.ts";
import type { DataFrame } from "../src/deps.ts";

const FAST_RETRY = { limit: 6, baseDelay: 2, backoffLimit: 20, maxRetryAfter: 50 };

/** SHA-256 (hex) of the frame's rows in `historyId` order. */
async function frameHash(frame: DataFrame): Promise<string> {
  const text = JSON.stringify(frame.sort("historyId").toRecords());
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function historyIds(frame: DataFrame): number[] {
  return frame.getColumn("historyId").toArray() as unknown as number[];
}

Deno.test("a 2,000-page crawl through 10 % faults gives the fault-free frame", async () => {
  const emulator = await startEmulator({ port: 0, projects: 10, hugeProjectHistoryRows: 20_000 });
  try {
    const id = emulator.world.hugeProjectId!;
    const tm = createClient({
      baseUrl: emulator.url,
      concurrency: 8,
      retry: FAST_RETRY,
      progress: false,
    });
    const query = tm.project(id).activities();
    const start = emulator.requests;
    const clean = await query.frame();
    const cleanRequests = emulator.requests - start;
    assert.ok(cleanRequests >= 2_000, `a 2,000-page crawl (${cleanRequests} pages)`);

    emulator.setFaults({
      rate: 0.1,
      kinds: ["429", "500", "502", "503", "504", "reset", "truncate"],
      retryAfterSeconds: 1,
    });
    const before = emulator.requests;
    const faulty = await query.frame();
    const failed = emulator.requests - before - cleanRequests;
    assert.ok(failed > cleanRequests * 0.05, `faults were injected (${failed} retried requests)`);
    assert.equal(faulty.height, clean.height);
    assert.equal(new Set(historyIds(faulty)).size, faulty.height, "no duplicate historyId");
    assert.equal(await frameHash(faulty), await frameHash(clean));
    assert.ok(faulty.frameEqual(clean));
  } finally {
    await emulator.close();
  }
});

Deno.test("activity inserted all through the crawl: every row exactly once", async () => {
  const emulator = await startEmulator({ port: 0, projects: 10, hugeProjectHistoryRows: 5_000 });
  try {
    const id = emulator.world.hugeProjectId!;
    const project = emulator.world.projects.find((p) => p.id === id)!;
    const initial = project.history.filter((row) => row.action !== "COMMENT").length;
    const every = 7;
    emulator.setFaults({ insertActivity: { everyRequests: every, projectId: id } });
    const tm = createClient({ baseUrl: emulator.url, concurrency: 8, progress: false });
    let last: Progress | undefined;
    const frame = await tm.project(id).activities().frame({
      onProgress: (progress) => (last = progress),
    });
    const answered = emulator.requests;

    const ids = historyIds(frame);
    assert.equal(new Set(ids).size, ids.length, "no duplicate historyId");
    assert.equal(frame.height, last?.total, "the height is the final pagination.total");
    const world = project.history.filter((row) => row.action !== "COMMENT").map((row) => row.id);
    assert.ok(world.length - initial > 50, `rows kept arriving (${world.length - initial})`);
    // The frame is the world's history as of the last answer: the emulator inserts after it
    // answers, so the very last answer may have been followed by one more insertion, which no
    // request saw (rows get increasing ids, so those are the newest).
    const seen = new Set(ids);
    const unseen = world.filter((historyId) => !seen.has(historyId));
    const newest = Math.max(...ids);
    assert.ok(unseen.every((historyId) => historyId > newest), "only rows newer than the crawl");
    assert.equal(unseen.length, answered % every === 0 ? 2 : 0);
    assert.deepEqual([...ids].sort((a, b) => a - b), world.filter((h) => seen.has(h)));
  } finally {
    await emulator.close();
  }
});

/** A TCP server that accepts connections and never answers. */
function silentServer(): { port: number; close(): void } {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const conns: Deno.Conn[] = [];
  (async () => {
    try {
      for await (const conn of listener) conns.push(conn);
    } catch { /* closed */ }
  })();
  return {
    port: listener.addr.port,
    close() {
      for (const conn of conns) {
        try {
          conn.close();
        } catch { /* already closed by the peer */ }
      }
      listener.close();
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...await filesUnder(path));
    else found.push(path);
  }
  return found;
}

Deno.test("a server that never answers: a timeout after every retry, no cache entry", async () => {
  const server = silentServer();
  const dir = await Deno.makeTempDir({ prefix: "tmframes-silent-" });
  try {
    const tm = createClient({
      baseUrl: `http://127.0.0.1:${server.port}/api/v2/`,
      timeout: 100,
      retry: FAST_RETRY,
      cache: { dir, mode: "use" },
      progress: false,
    });
    await assert.rejects(tm.projects().frame(), (error: unknown) => {
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(error.failure, "timeout");
      assert.equal(error.attempts, FAST_RETRY.limit + 1);
      assert.ok(error.message.includes(`127.0.0.1:${server.port}/api/v2/projects/`));
      return true;
    });
    assert.deepEqual(await filesUnder(dir), [], "no entry and no .tmp file was left");
  } finally {
    server.close();
    await Deno.remove(dir, { recursive: true });
  }
});

const HUGE_BYTES = 50 * 2 ** 20;

/** Bodies a broken server or proxy sends, by the first path segment. */
function hostileResponse(kind: string): Response {
  const json = { "content-type": "application/json" };
  const html = { "content-type": "text/html; charset=utf-8" };
  const pagination = {
    hasNext: false,
    hasPrev: false,
    nextNum: null,
    page: 1,
    pages: 1,
    prevNum: null,
    perPage: 14,
    total: 1,
  };
  switch (kind) {
    case "invalid-json":
      return new Response('{"mapResults": {}, "results": [{"projectId": 1,', { headers: json });
    case "wrong-types":
      return Response.json({ mapResults: {}, results: [{ projectId: "abc" }], pagination });
    case "missing-keys":
      return Response.json({ pagination });
    case "huge": {
      // 50 MB of junk: valid JSON of the wrong shape.
      const junk = "x".repeat(HUGE_BYTES);
      return new Response(`{"pagination": ${JSON.stringify(pagination)}, "results": "${junk}"}`, {
        headers: json,
      });
    }
    case "proxy-502":
      return new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", {
        status: 502,
        headers: html,
      });
    case "proxy-200":
      return new Response("<!doctype html><html><body>Please log in</body></html>", {
        headers: html,
      });
    default:
      return new Response("not found", { status: 404 });
  }
}

Deno.test("hostile bodies give typed errors that name the URL", async (t) => {
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    (request) => hostileResponse(new URL(request.url).pathname.split("/")[1] ?? ""),
  );
  const origin = `http://127.0.0.1:${server.addr.port}`;
  function client(kind: string, extra: { maxBodyBytes?: number } = {}) {
    return createClient({
      baseUrl: `${origin}/${kind}/api/v2/`,
      retry: FAST_RETRY,
      progress: false,
      ...extra,
    });
  }
  const cases: [string, (error: unknown) => void][] = [
    ["invalid-json", (error) => {
      assert.ok(error instanceof NetworkError && error.failure === "body");
      assert.match(error.message, /not valid JSON/);
      assert.equal(error.attempts, FAST_RETRY.limit + 1);
    }],
    ["wrong-types", (error) => {
      assert.ok(error instanceof SchemaError);
      assert.match(error.message, /results\.0\.projectId/);
    }],
    ["missing-keys", (error) => {
      assert.ok(error instanceof SchemaError);
      assert.match(error.message, /results/);
    }],
    ["huge", (error) => {
      assert.ok(error instanceof SchemaError);
      assert.match(error.message, /results/);
    }],
    ["proxy-502", (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 502);
      assert.equal(error.attempts, FAST_RETRY.limit + 1);
    }],
    ["proxy-200", (error) => {
      assert.ok(error instanceof NetworkError && error.failure === "body");
      assert.match(error.message, /HTML page/);
    }],
  ];
  try {
    for (const [kind, check] of cases) {
      await t.step(kind, async () => {
        await assert.rejects(client(kind).projects().frame(), (error: unknown) => {
          check(error);
          assert.ok(error instanceof TmError);
          assert.ok(
            error.message.includes(`${origin}/${kind}/api/v2/projects/`),
            `the message names the URL: ${error.message.slice(0, 300)}`,
          );
          assert.ok(error.message.length < 2_000, "the message stays short");
          return true;
        });
      });
    }
    await t.step("huge, over maxBodyBytes: refused at once, not retried", async () => {
      const capped = client("huge", { maxBodyBytes: 2 ** 20 });
      await assert.rejects(capped.projects().frame(), (error: unknown) => {
        assert.ok(error instanceof NetworkError && error.failure === "body");
        assert.equal(error.attempts, 1);
        assert.match(error.message, /larger than 1048576 bytes.*maxBodyBytes/);
        assert.ok(error.message.includes(`${origin}/huge/api/v2/projects/`));
        return true;
      });
    });
  } finally {
    await server.shutdown();
  }
});
