/**
 * Hostile input, over real HTTP to the emulator: a token or header with control characters, a
 * username that is a dot segment, a day outside the years 0000-9999. Each is refused before
 * any request, naming the argument, and the token never shows in an error, causes included.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { Http } from "../src/http.ts";
import { Limiter } from "../src/limiter.ts";
import { ApiError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";

const WORLD = { port: 0, projects: 20, seed: 5 };

function log(figure: string): void {
  // deno-lint-ignore no-console
  console.log(`    figure: ${figure}`);
}

Deno.test("a token, language or userAgent with control characters is refused unseen", async () => {
  const emulator = await startEmulator(WORLD);
  try {
    const baseUrl = emulator.url;
    for (const token of ["s3cr3t\x00tail", "s3cr3t\rtail", "s3cr3t\x01tail", "s3cr3t\x7ftail"]) {
      assert.throws(() => createClient({ baseUrl, token }), (error: unknown) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, /^Cannot use token: it holds the control character U\+00/);
        assert.ok(!Deno.inspect(error).includes("s3cr3t"));
        return true;
      });
    }
    assert.throws(
      () => createClient({ baseUrl, language: "en\r\nX-Evil: 1" }),
      /^TypeError: Cannot use language: it holds the control character U\+000D at index 2/,
    );
    assert.throws(() => createClient({ baseUrl, userAgent: "a\nb" }), /Cannot use userAgent/);
    log(`${emulator.requests} requests`);
    assert.equal(emulator.requests, 0);
  } finally {
    await emulator.close();
  }
});

Deno.test("no error's cause holds the token, even one fetch quotes", async () => {
  const emulator = await startEmulator(WORLD);
  try {
    const config = {
      token: "s3cr3t\x00tail",
      language: undefined,
      userAgent: "test",
      timeout: 5_000,
      retry: { limit: 1, baseDelay: 1, backoffLimit: 1, maxRetryAfter: 1 },
      fetch: undefined,
      limiter: new Limiter({ concurrency: 1 }),
    };
    // The HTTP layer itself refuses what fetch would refuse by quoting the header.
    assert.throws(() => new Http(config), (error: unknown) => {
      assert.ok(error instanceof TypeError);
      assert.ok(!Deno.inspect(error).includes("s3cr3t"));
      return true;
    });
    // A fetch (or proxy) that quotes the header in its error: the cause is redacted.
    const quoting: typeof fetch = (input, init) => {
      const headers = input instanceof Request ? input.headers : new Headers(init?.headers);
      return Promise.reject(new TypeError(`Refused header ${headers.get("authorization")}`));
    };
    const http = new Http({ ...config, token: "s3cr3t-tail", fetch: quoting });
    const error = await http.getJson(new URL("projects/", emulator.url)).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(error instanceof Error);
    const shown = Deno.inspect(error, { depth: 10, showHidden: true, getters: true });
    assert.ok(!shown.includes("s3cr3t"), shown);
    assert.match(shown, /Refused header Token \[redacted\]/);
    assert.equal(emulator.requests, 0);
  } finally {
    await emulator.close();
  }
});

Deno.test("a username that is a dot segment is refused; others stay one segment", async () => {
  const emulator = await startEmulator(WORLD);
  try {
    const [issued] = emulator.tokens;
    const tm = createClient({ baseUrl: emulator.url, token: issued!.token });
    for (const name of ["..", "."]) {
      assert.throws(() => tm.user(name), /^RangeError: Cannot use username "\.{1,2}": /);
      assert.throws(() => tm.project(1).userStatistics(name), /Cannot use username/);
    }
    log(`${emulator.requests} requests for dot segments`);
    assert.equal(emulator.requests, 0);
    const climbing = tm.user("x/../../projects");
    assert.match(
      climbing.statistics().url().href,
      /\/users\/x%2F\.\.%2F\.\.%2Fprojects\/statistics\/$/,
    );
    await assert.rejects(climbing.statistics().frame(), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      return true;
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("days outside the years 0000-9999 are refused before any request", async () => {
  const emulator = await startEmulator(WORLD);
  try {
    const [issued] = emulator.tokens;
    const tm = createClient({ baseUrl: emulator.url, token: issued!.token });
    const far = new Date(Date.UTC(10000, 0, 1));
    const past = new Date(Date.UTC(-1, 0, 1));
    assert.throws(
      () => tm.projects().updatedBetween(far, null),
      /^RangeError: Cannot use updatedBetween start Date\(\+010000-01-01T00:00:00\.000Z\): its year must be 0000 to 9999/,
    );
    assert.throws(() => tm.projects().createdBetween(past, "2024-01-01"), /createdBetween start/);
    assert.throws(() => tm.taskStatistics().between("2024-01-01", far), /between end/);
    log(`${emulator.requests} requests`);
    assert.equal(emulator.requests, 0);
    // Year 0000 to 0099 are days like any other.
    assert.match(tm.projects().updatedBetween("0050-01-01", null).url().href, /0050-01-01/);
  } finally {
    await emulator.close();
  }
});
