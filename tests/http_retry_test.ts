/**
 * ky's retry as the one retry policy, over real HTTP on 127.0.0.1: a request in backoff holds
 * no limiter slot, a `Retry-After` pauses the whole client, the per-attempt deadline covers the
 * body, a body cut off is retried, and the caller's signal ends a request at once with its
 * reason, in flight or in backoff.
 */
import assert from "node:assert/strict";
import { NetworkError } from "../src/errors.ts";
import { Http } from "../src/http.ts";
import { Limiter } from "../src/limiter.ts";
import type { RetryPolicy } from "../src/retry.ts";

const BODY = JSON.stringify({ results: [] });

function http(
  options: { concurrency?: number; timeout?: number; retry?: Partial<RetryPolicy> } = {},
): { http: Http; limiter: Limiter } {
  const limiter = new Limiter({ concurrency: options.concurrency ?? 1 });
  const retry = { limit: 3, baseDelay: 5, backoffLimit: 20, maxRetryAfter: 5000 };
  return {
    limiter,
    http: new Http({
      token: "c2VjcmV0",
      language: undefined,
      userAgent: "test",
      timeout: options.timeout ?? 5000,
      retry: { ...retry, ...options.retry },
      fetch: undefined,
      limiter,
    }),
  };
}

/** A local server; `handler` decides each answer; each request's path and time are noted. */
async function withServer(
  handler: (path: string, n: number) => Response | Promise<Response>,
  fn: (base: string, log: { path: string; at: number }[]) => Promise<void>,
): Promise<void> {
  const log: { path: string; at: number }[] = [];
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, (request) => {
    const path = new URL(request.url).pathname;
    log.push({ path, at: performance.now() });
    return handler(path, log.filter((entry) => entry.path === path).length);
  });
  try {
    await fn(`http://127.0.0.1:${server.addr.port}/`, log);
  } finally {
    await server.shutdown();
  }
}

/** A body that sends `first`, then waits `ms` before the rest (or forever, for `Infinity`). */
function slowBody(first: string, ms: number, rest = ""): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(first));
      if (ms === Infinity) return;
      timer = setTimeout(() => {
        controller.enqueue(encoder.encode(rest));
        controller.close();
      }, ms);
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

Deno.test("a request in backoff holds no limiter slot", async () => {
  await withServer(
    (
      path,
      n,
    ) => (path === "/a" && n === 1 ? new Response("busy", { status: 503 }) : new Response(BODY)),
    async (base, log) => {
      // Concurrency 1 and a backoff of at least 300 ms: /b gets the only slot while /a waits to retry.
      const { http: client, limiter } = http({ retry: { baseDelay: 600, backoffLimit: 600 } });
      const a = client.getJson(new URL("a", base));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await client.getJson(new URL("b", base));
      const bDone = performance.now();
      await a;
      const aRetried = log.filter((entry) => entry.path === "/a")[1]!.at;
      assert.ok(bDone < aRetried, "/b was answered while /a was in backoff");
      assert.equal(limiter.active, 0);
    },
  );
});

/** A server that answers /a's first request with a 429 and `Retry-After: 1`, the rest with a page. */
function slowDownOnceOnA(path: string, n: number): Response {
  return path === "/a" && n === 1
    ? new Response("slow down", { status: 429, headers: { "retry-after": "1" } })
    : new Response(BODY);
}

Deno.test("a Retry-After pauses every request of the client, not just the one told", async () => {
  await withServer(
    slowDownOnceOnA,
    async (base, log) => {
      const { http: client } = http({ concurrency: 2 });
      await client.getJson(new URL("a", base));
      const told = log[0]!.at;
      // /a's retry came after the pause; a request sent right after waits the pause out too.
      assert.ok(log[1]!.at - told >= 900, `/a retried after ${log[1]!.at - told} ms`);
      await client.getJson(new URL("b", base));
      assert.equal(log.length, 3);
    },
  );
  await withServer(
    slowDownOnceOnA,
    async (base, log) => {
      const { http: client } = http({ concurrency: 2 });
      const a = client.getJson(new URL("a", base));
      while (log.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await client.getJson(new URL("b", base));
      const b = log.find((entry) => entry.path === "/b")!.at;
      assert.ok(b - log[0]!.at >= 900, `/b was sent ${b - log[0]!.at} ms after the 429`);
      await a;
    },
  );
});

Deno.test("the per-attempt deadline covers the body, and every attempt is counted", async () => {
  await withServer(
    () => new Response(slowBody('{"results": [', 1000, "]}")),
    async (base, log) => {
      const { http: client, limiter } = http({ timeout: 150, retry: { limit: 2 } });
      const started = performance.now();
      await assert.rejects(client.getJson(new URL("slow", base)), (error: unknown) => {
        assert.ok(error instanceof NetworkError, String(error));
        assert.equal(error.failure, "timeout");
        assert.equal(error.attempts, 3);
        assert.match(error.message, /no complete answer within 150 ms/);
        return true;
      });
      assert.equal(log.length, 3);
      assert.ok(performance.now() - started < 900, "each attempt stopped at its deadline");
      assert.equal(limiter.active, 0);
    },
  );
});

/**
 * A raw TCP server: the first `cut` connections get headers promising 100 bytes, then fewer and
 * a closed connection; later ones a whole body.
 */
function cuttingServer(cut: number): { base: string; served: () => number; close(): void } {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let served = 0;
  (async () => {
    for await (const conn of listener) {
      const n = ++served;
      (async () => {
        await conn.read(new Uint8Array(4096));
        const body = n <= cut ? '{"results": [1, 2' : BODY;
        const length = n <= cut ? 100 : body.length;
        const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n` +
          `content-length: ${length}\r\nconnection: close\r\n\r\n`;
        await conn.write(new TextEncoder().encode(head + body));
        conn.close();
      })().catch(() => {});
    }
  })().catch(() => {});
  return {
    base: `http://127.0.0.1:${(listener.addr as Deno.NetAddr).port}/`,
    served: () => served,
    close: () => listener.close(),
  };
}

Deno.test("a body cut off after the headers is retried, then reported as kind body", async () => {
  const twice = cuttingServer(2);
  try {
    const { http: client } = http();
    assert.deepEqual(await client.getJson(new URL("cut", twice.base)), { results: [] });
    assert.equal(twice.served(), 3);
  } finally {
    twice.close();
  }
  const always = cuttingServer(Infinity);
  try {
    const { http: client, limiter } = http({ retry: { limit: 1 } });
    await assert.rejects(client.getJson(new URL("cut", always.base)), (error: unknown) => {
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(error.failure, "body");
      assert.equal(error.attempts, 2);
      assert.equal(error.status, 200);
      assert.match(error.message, /the body was cut off/);
      assert.ok(!Deno.inspect(error, { depth: 10 }).includes("c2VjcmV0"));
      return true;
    });
    assert.equal(always.served(), 2);
    assert.equal(limiter.active, 0);
  } finally {
    always.close();
  }
});

Deno.test("the caller's signal rejects with its reason, in flight and in backoff", async () => {
  await withServer(
    (path) =>
      path === "/hang"
        ? new Response(slowBody('{"results": [', Infinity))
        : new Response("busy", { status: 503 }),
    async (base, log) => {
      const { http: client, limiter } = http({
        retry: { baseDelay: 60_000, backoffLimit: 60_000 },
      });
      for (const path of ["hang", "busy"]) {
        const controller = new AbortController();
        const reason = new Error(`stop ${path}`);
        const answer = client.getJson(new URL(path, base), controller.signal);
        const before = log.length;
        while (log.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, 50));
        controller.abort(reason);
        await assert.rejects(answer, (error: unknown) => error === reason);
        assert.equal(limiter.active, 0, `no slot held after ${path}`);
      }
      assert.equal(log.filter((entry) => entry.path === "/busy").length, 1, "never retried");
    },
  );
});
