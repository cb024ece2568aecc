import assert from "node:assert/strict";
import { createClient, DEFAULT_BASE_URL } from "../src/client.ts";

const SECRET = "c2VjcmV0LXRva2VuLXZhbHVl";

function withEnv(values: Record<string, string>, fn: () => void): void {
  const before = Object.fromEntries(Object.keys(values).map((name) => [name, Deno.env.get(name)]));
  try {
    for (const [name, value] of Object.entries(values)) Deno.env.set(name, value);
    fn();
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) Deno.env.delete(name);
      else Deno.env.set(name, value);
    }
  }
}

Deno.test("createClient() defaults to TM's production API and adds a missing trailing slash", () => {
  withEnv({ TM_API_URL: "" }, () => {
    assert.equal(createClient().baseUrl.href, DEFAULT_BASE_URL);
  });
  assert.equal(
    createClient({ baseUrl: "https://tm.example/api/v2" }).baseUrl.href,
    "https://tm.example/api/v2/",
  );
  assert.equal(
    createClient({ baseUrl: new URL("https://tm.example/x/") }).baseUrl.href,
    "https://tm.example/x/",
  );
});

Deno.test("createClient() reads TM_API_URL and TM_TOKEN when the options leave them out", () => {
  withEnv({ TM_API_URL: "https://env.example/api/v2/" }, () => {
    assert.equal(createClient().baseUrl.href, "https://env.example/api/v2/");
    assert.equal(
      createClient({ baseUrl: "https://opt.example/" }).baseUrl.href,
      "https://opt.example/",
    );
  });
  // The env token is read: it is refused over plain http to a non-loopback host.
  withEnv({ TM_API_URL: "http://tm.example/api/v2/", TM_TOKEN: SECRET }, () => {
    assert.throws(() => createClient(), /over plain http/);
  });
});

Deno.test("createClient() without env permission treats the environment as unset, without a prompt", async () => {
  const script = `import { createClient } from ${
    JSON.stringify(new URL("../src/client.ts", import.meta.url).href)
  };
console.log(createClient().baseUrl.href);`;
  // A file run with no --allow-env: `deno eval` would grant every permission.
  const file = await Deno.makeTempFile({ suffix: ".ts" });
  try {
    await Deno.writeTextFile(file, script);
    const run = new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-prompt", "--allow-read", "--allow-ffi", "--allow-sys", file],
      env: { TM_API_URL: "https://env.example/api/v2/", NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    });
    const output = await run.output();
    const text = new TextDecoder().decode(output.stdout).trim();
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    assert.equal(text, DEFAULT_BASE_URL);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("createClient() refuses bad options with TypeError/RangeError naming them", () => {
  const cases: [Parameters<typeof createClient>[0], ErrorConstructor, RegExp][] = [
    [{ concurrency: 0 }, RangeError, /concurrency 0/],
    [{ concurrency: 1.5 }, RangeError, /concurrency 1\.5/],
    [{ baseUrl: "not a url" }, TypeError, /baseUrl "not a url"/],
    [{ baseUrl: "ftp://tm.example/" }, TypeError, /http\(s\)/],
    [{ baseUrl: "https://tm.example/api/v2/?x=1" }, TypeError, /query/],
    [{ timeout: 0 }, RangeError, /timeout 0/],
    [{ timeout: Infinity }, RangeError, /timeout/],
    [{ requestsPerSecond: -1 }, RangeError, /requestsPerSecond -1/],
    [{ retry: { limit: -1 } }, RangeError, /retry\.limit -1/],
    [{ retry: { maxRetryAfter: 0 } }, RangeError, /retry\.maxRetryAfter 0/],
    [{ language: "" }, RangeError, /language ""/],
    [{ token: "two words" }, TypeError, /token/],
  ];
  for (const [options, kind, message] of cases) {
    assert.throws(
      () => createClient({ baseUrl: "https://tm.example/", ...options }),
      (error: unknown) => {
        assert.ok(error instanceof kind, `${JSON.stringify(options)} gave ${error}`);
        assert.match((error as Error).message, message);
        assert.match((error as Error).message, /^Cannot /);
        return true;
      },
    );
  }
});

Deno.test("createClient() refuses to send a token over plain http to a non-loopback host", () => {
  assert.throws(
    () => createClient({ baseUrl: "http://tm.example/api/v2/", token: SECRET }),
    (error: unknown) => {
      assert.ok(error instanceof TypeError);
      assert.match(error.message, /Cannot send a token to http:\/\/tm\.example over plain http/);
      assert.equal(error.message.includes(SECRET), false);
      return true;
    },
  );
  for (const host of ["127.0.0.1:8000", "localhost", "[::1]:9"]) {
    createClient({ baseUrl: `http://${host}/api/v2/`, token: SECRET });
  }
  createClient({ baseUrl: "https://tm.example/api/v2/", token: SECRET });
});

Deno.test("a client is immutable and never shows its token", () => {
  const tm = createClient({ baseUrl: "https://tm.example/api/v2/", token: SECRET });
  assert.ok(Object.isFrozen(tm));
  const base = tm.baseUrl;
  base.pathname = "/elsewhere/";
  assert.equal(tm.baseUrl.href, "https://tm.example/api/v2/");
  assert.throws(() => {
    (tm as unknown as Record<string, unknown>).projects = null;
  }, TypeError);
  for (
    const shown of [
      Deno.inspect(tm, { depth: 10, showHidden: true }),
      JSON.stringify(tm),
      String(tm),
    ]
  ) {
    assert.equal(shown.includes(SECRET), false, shown);
  }
  const query = tm.projects().status("PUBLISHED");
  assert.equal(Deno.inspect(query, { depth: 10 }).includes(SECRET), false);
  assert.equal(query.url().href.includes(SECRET), false);
});
