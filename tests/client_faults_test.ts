/**
 * Faults over real HTTP: the emulator's 5xx bursts, connection resets and truncated bodies are
 * survived with a result identical to a fault-free run; exhausted retries and every error
 * keep the token out of their messages.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError, NetworkError, TmError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";

const FAST_RETRY = { limit: 4, baseDelay: 5, backoffLimit: 40 };

Deno.test("5xx bursts, resets and truncated bodies give the same frame as a fault-free run", async () => {
  const emulator = await startEmulator({ port: 0, projects: 90, seed: 21 });
  try {
    const tm = createClient({ baseUrl: emulator.url, retry: FAST_RETRY, concurrency: 4 });
    const query = tm.projects().status("PUBLISHED", "ARCHIVED").orderBy("id");
    const start = emulator.requests;
    const clean = await query.frame();
    const cleanRequests = emulator.requests - start;
    emulator.setFaults({
      rate: 0.5,
      kinds: ["500", "502", "503", "504", "reset", "truncate"],
      maxConsecutive: 2,
    });
    const before = emulator.requests;
    const faulty = await query.frame();
    const faultyRequests = emulator.requests - before;
    assert.ok(
      faultyRequests > cleanRequests,
      `faults were injected (${faultyRequests} > ${cleanRequests})`,
    );
    assert.ok(clean.height > 14);
    assert.deepEqual(JSON.stringify(faulty.toRecords()), JSON.stringify(clean.toRecords()));
    assert.ok(faulty.frameEqual(clean));
  } finally {
    await emulator.close();
  }
});

Deno.test("exhausted retries report the last failure, typed, and never the token", async (t) => {
  const emulator = await startEmulator({ port: 0, projects: 10, seed: 4 });
  try {
    const token = emulator.tokens[0]!.token;
    const tm = createClient({ baseUrl: emulator.url, token, retry: { ...FAST_RETRY, limit: 2 } });
    const cases: [string, (error: unknown) => void][] = [
      ["503", (error) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.status, 503);
        assert.equal(error.attempts, 3);
      }],
      ["500", (error) => assert.ok(error instanceof ApiError && error.status === 500)],
      ["reset", (error) => assert.ok(error instanceof NetworkError && error.failure === "body")],
      ["truncate", (error) => assert.ok(error instanceof NetworkError && error.failure === "body")],
    ];
    for (const [kind, check] of cases) {
      await t.step(kind, async () => {
        emulator.setFaults({ rate: 1, kinds: [kind as "500"], maxConsecutive: 100 });
        const before = emulator.requests;
        await assert.rejects(tm.projects().count(), (error: unknown) => {
          check(error);
          assertNoToken(error, token);
          return true;
        });
        assert.equal(emulator.requests - before, 3, "one attempt and two retries");
      });
    }
  } finally {
    await emulator.close();
  }
});

function assertNoToken(error: unknown, token: string): void {
  assert.ok(error instanceof TmError);
  for (
    const text of [
      error.message,
      String(error),
      Deno.inspect(error, { depth: 10 }),
      String(error.cause ?? ""),
    ]
  ) {
    assert.equal(text.includes(token), false, `token leaked in: ${text}`);
  }
}

Deno.test("401, 403 and network errors never show the token", async () => {
  const emulator = await startEmulator({ port: 0, projects: 40, seed: 9 });
  try {
    // A token that is not valid base64 text: TM answers 401 InvalidToken on optional routes.
    const bad = "//////////8=";
    await assert.rejects(
      createClient({ baseUrl: emulator.url, token: bad }).projects().count(),
      (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.status, 401);
        assert.equal(error.subCode, "InvalidToken");
        assertNoToken(error, bad);
        return true;
      },
    );
    const hidden = emulator.world.projects.find((p) => p.private);
    const mapper = emulator.tokens.find((t) => t.username !== emulator.tokens[0]!.username) ??
      emulator.tokens[0]!;
    if (hidden) {
      const tm = createClient({ baseUrl: emulator.url });
      await assert.rejects(tm.project(hidden.id).detail().records(), (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.status, 403);
        return true;
      });
      const withToken = createClient({ baseUrl: emulator.url, token: mapper.token });
      await withToken.project(hidden.id).detail().records().catch((error: unknown) =>
        assertNoToken(error, mapper.token)
      );
    }
  } finally {
    await emulator.close();
  }
  const closed = createClient({
    baseUrl: "http://127.0.0.1:9/api/v2/",
    token: "c2VjcmV0",
    retry: { limit: 1, baseDelay: 1 },
  });
  await assert.rejects(closed.projects().count(), (error: unknown) => {
    assert.ok(error instanceof NetworkError);
    assert.equal(error.failure, "network");
    assert.match(
      error.message,
      /^Cannot fetch http:\/\/127\.0\.0\.1:9\/api\/v2\/projects\/\?omitMapResults=true: the connection failed/,
    );
    assertNoToken(error, "c2VjcmV0");
    return true;
  });
});
