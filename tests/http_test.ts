/**
 * The HTTP layer over real HTTP: the emulator for TM's answers and faults, and a tiny local
 * Deno.serve on 127.0.0.1 for what the emulator does not do (HTML bodies, slow answers,
 * header echo).
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError, NetworkError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { VERSION } from "../src/version.ts";
import { Http } from "../src/http.ts";
import { Limiter } from "../src/limiter.ts";

const FAST_RETRY = { limit: 4, baseDelay: 5, backoffLimit: 20 };

/** A local server; `handler` decides each answer. */
async function withServer(
  handler: (request: Request, n: number) => Response | Promise<Response>,
  fn: (base: string) => Promise<void>,
): Promise<void> {
  let n = 0;
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    (request) => handler(request, ++n),
  );
  try {
    await fn(`http://127.0.0.1:${server.addr.port}/api/v2/`);
  } finally {
    await server.shutdown();
  }
}

/** A fetch that notes when each request starts, then sends it for real. */
function recording(times: number[]): typeof fetch {
  return (input: RequestInfo | URL, init?: RequestInit) => {
    times.push(Date.now());
    return fetch(input, init);
  };
}

function pageBody(): string {
  return JSON.stringify({ mapResults: {}, results: [] });
}

Deno.test("http sends Authorization: Token, User-Agent and Accept-Language, and no token in the URL", async () => {
  const seen: { url: string; headers: Headers }[] = [];
  await withServer((request) => {
    seen.push({ url: request.url, headers: new Headers(request.headers) });
    return new Response(pageBody(), { headers: { "content-type": "application/json" } });
  }, async (base) => {
    const tm = createClient({ baseUrl: base, token: "dG9rZW4=", language: "pt_BR" });
    assert.equal(await tm.projects().count(), 0);
  });
  assert.equal(seen.length, 1);
  const request = seen[0]!;
  assert.equal(request.headers.get("authorization"), "Token dG9rZW4=");
  assert.equal(request.headers.get("user-agent"), `tmframes/${VERSION}`);
  assert.equal(request.headers.get("accept-language"), "pt_BR");
  assert.equal(request.url.includes("dG9rZW4"), false);
  assert.match(request.url, /\/api\/v2\/projects\/\?omitMapResults=true$/);
});

Deno.test("http retries a proxy's HTML page, then reports it as a NetworkError of kind body", async () => {
  const html = () =>
    new Response("<html><body>502 Bad Gateway</body></html>", {
      headers: { "content-type": "text/html" },
    });
  await withServer((_, n) => (n === 1 ? html() : new Response(pageBody())), async (base) => {
    assert.equal(await createClient({ baseUrl: base, retry: FAST_RETRY }).projects().count(), 0);
  });
  let requests = 0;
  await withServer(() => (requests++, html()), async (base) => {
    const tm = createClient({ baseUrl: base, retry: { ...FAST_RETRY, limit: 2 } });
    await assert.rejects(tm.projects().count(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.failure, "body");
      assert.equal(error.attempts, 3);
      assert.match(
        error.message,
        /^Cannot fetch http:\/\/127\.0\.0\.1:\d+\/api\/v2\/projects\/.*HTML page/,
      );
      return true;
    });
  });
  assert.equal(requests, 3);
});

Deno.test("http gives up on an answer slower than the timeout with a NetworkError of kind timeout", async () => {
  await withServer(async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return new Response(pageBody());
  }, async (base) => {
    const tm = createClient({ baseUrl: base, timeout: 50, retry: { ...FAST_RETRY, limit: 1 } });
    await assert.rejects(tm.projects().count(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.failure, "timeout");
      assert.equal(error.attempts, 2);
      return true;
    });
  });
});

Deno.test("http waits out a 429's Retry-After before retrying", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 3 });
  try {
    const times: number[] = [];
    const recordingFetch = recording(times);
    const tm = createClient({ baseUrl: emulator.url, retry: FAST_RETRY, fetch: recordingFetch });
    const expected = await tm.projects().count();
    emulator.setFaults({ rate: 1, kinds: ["429"], retryAfterSeconds: 1, maxConsecutive: 1 });
    times.length = 0;
    assert.equal(await tm.projects().count(), expected);
    assert.equal(times.length, 2);
    // A lower bound (cannot flake): the backoff alone would be at most 20 ms; Retry-After says 1 s.
    assert.ok(times[1]! - times[0]! >= 900, `retried after ${times[1]! - times[0]!} ms`);
  } finally {
    await emulator.close();
  }
});

Deno.test("http maps TM's 404 to ApiError at once, without retrying", async () => {
  const emulator = await startEmulator({ port: 0, projects: 10, seed: 3 });
  try {
    const tm = createClient({ baseUrl: emulator.url, retry: FAST_RETRY });
    const before = emulator.requests;
    await assert.rejects(tm.project(987654).detail().records(), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.equal(error.attempts, 1);
      assert.ok(error.serverMessage);
      assert.match(
        error.message,
        /^Cannot fetch http:\/\/127\.0\.0\.1:\d+\/api\/v2\/projects\/987654\/: HTTP 404/,
      );
      return true;
    });
    assert.equal(emulator.requests - before, 1);
  } finally {
    await emulator.close();
  }
});

Deno.test("http follows TM's 307 slash redirect", async () => {
  const emulator = await startEmulator({ port: 0, projects: 10, seed: 3 });
  try {
    const slashless = new URL("projects", emulator.url);
    const response = await fetch(slashless, { redirect: "manual" });
    await response.body?.cancel();
    assert.equal(response.status, 307, "the emulator redirects slash-less paths");
    const http = new Http({
      token: undefined,
      language: undefined,
      userAgent: "test",
      timeout: 5000,
      retry: { limit: 0, baseDelay: 1, backoffLimit: 1, maxRetryAfter: 1 },
      fetch: undefined,
      limiter: new Limiter({ concurrency: 1 }),
    });
    const body = await http.getJson(slashless) as { results: unknown[] };
    assert.ok(Array.isArray(body.results));
  } finally {
    await emulator.close();
  }
});
