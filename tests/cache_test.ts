/**
 * The on-disk response cache: unit tests of keys, entries and freshness, and end-to-end runs
 * over real HTTP to the emulator (use / record / offline, resume after a killed crawl,
 * corrupt entries, TTL, and no token on disk).
 */
import assert from "node:assert/strict";
import { type CacheRequest, canonicalUrl, digestText, ResponseCache } from "../src/cache.ts";
import { createClient } from "../src/client.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { ApiError, OfflineCacheMiss } from "../src/errors.ts";
import { assertSameFrame, listFiles, withTempDir } from "./reproducible_helpers.ts";

const SMALL = { port: 0, projects: 120, seed: 7 };

function request(url: string, auth = false): CacheRequest {
  return { url: new URL(url), language: undefined, auth };
}

Deno.test("canonicalUrl sorts parameters, keeps repeated names in order and drops the fragment", () => {
  const url = canonicalUrl(new URL("https://tm.example/a/?b=2&a=1&b=1#top"));
  assert.equal(url.href, "https://tm.example/a/?a=1&b=2&b=1");
});

Deno.test("ResponseCache: one entry per canonical URL, language and auth flag", async () => {
  await withTempDir(async (dir) => {
    const cache = new ResponseCache({ dir, ttl: Infinity });
    const a = request("https://tm.example/api/v2/projects/?page=2&omitMapResults=true");
    const same = request("https://tm.example/api/v2/projects/?omitMapResults=true&page=2");
    await cache.store(a, { status: 200, body: '{"n":1}', fetchedAt: new Date() });
    assert.equal(await cache.pathOf(a), await cache.pathOf(same));
    assert.equal((await cache.lookup(same)).kind, "hit");
    assert.equal((await cache.lookup({ ...a, auth: true })).kind, "miss");
    assert.equal((await cache.lookup({ ...a, language: "fr" })).kind, "miss");
    assert.notEqual(await cache.pathOf(a), await cache.pathOf({ ...a, auth: true }));
    assert.deepEqual(await listFiles(dir), [(await cache.pathOf(a)).slice(dir.length + 1)]);
  });
});

Deno.test("ResponseCache: an entry is stale after ttl ms in 'use', and served at any age offline", async () => {
  await withTempDir(async (dir) => {
    const fetchedAt = new Date("2024-01-01T00:00:00Z");
    const r = request("https://tm.example/api/v2/countries/");
    const use = new ResponseCache({ dir, mode: "use", ttl: 1000 });
    await use.store(r, { status: 200, body: "[1]", fetchedAt });
    assert.equal((await use.lookup(r, new Date(fetchedAt.getTime() + 1000))).kind, "hit");
    const late = await use.lookup(r, new Date(fetchedAt.getTime() + 1001));
    assert.equal(late.kind, "miss");
    assert.match(late.kind === "miss" ? late.reason : "", /stale/);
    const offline = new ResponseCache({ dir, mode: "offline", ttl: 1000 });
    assert.equal((await offline.lookup(r, new Date("2030-01-01T00:00:00Z"))).kind, "hit");
  });
});

Deno.test("ResponseCache: an entry fetched in the future is stale in 'use'", async () => {
  await withTempDir(async (dir) => {
    const now = new Date("2024-01-01T00:00:00Z");
    const r = request("https://tm.example/api/v2/countries/");
    const use = new ResponseCache({ dir, mode: "use", ttl: Infinity });
    await use.store(r, { status: 200, body: "[1]", fetchedAt: new Date("2099-01-01T00:00:00Z") });
    const found = await use.lookup(r, now);
    assert.equal(found.kind, "miss");
    assert.match(found.kind === "miss" ? found.reason : "", /stale .*2099/);
    const offline = new ResponseCache({ dir, mode: "offline" });
    assert.equal((await offline.lookup(r, now)).kind, "hit");
  });
});

Deno.test("ResponseCache: entries hold the body, its size and hash, its crawl, and nothing else", async () => {
  await withTempDir(async (dir) => {
    const cache = new ResponseCache({ dir });
    const r = request("https://tm.example/api/v2/countries/", true);
    const body = '{"tags":["Nepal","Perú"]}';
    await cache.store(r, { status: 200, body, fetchedAt: new Date("2024-05-01T00:00:00Z") });
    const entry = JSON.parse(await Deno.readTextFile(await cache.pathOf(r)));
    assert.deepEqual(Object.keys(entry).sort(), [
      "auth",
      "body",
      "bytes",
      "crawl",
      "fetchedAt",
      "format",
      "language",
      "sha256",
      "status",
      "url",
    ]);
    const digest = await digestText(body);
    assert.equal(entry.sha256, digest.sha256);
    assert.equal(entry.bytes, digest.bytes);
    assert.equal(entry.bytes, body.length + 1); // "ú" is two bytes in UTF-8
    assert.equal(entry.body, body);
    assert.equal(entry.auth, true);
  });
});

Deno.test("cache options are checked by createClient", () => {
  assert.throws(
    () => createClient({ baseUrl: "https://tm.example/api/v2/", cache: { dir: "" } }),
    TypeError,
  );
  assert.throws(
    // @ts-expect-error: an unknown mode
    () => createClient({ baseUrl: "https://tm.example/api/v2/", cache: { dir: "x", mode: "on" } }),
    /cache\.mode "on".*off, use, record, offline/,
  );
  assert.throws(
    () => createClient({ baseUrl: "https://tm.example/api/v2/", cache: { dir: "x", ttl: NaN } }),
    RangeError,
  );
  createClient({ baseUrl: "https://tm.example/api/v2/", cache: { dir: "x", ttl: Infinity } });
});

Deno.test("use: a second run sends no request and gives the same frames", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const first = createClient({ baseUrl: emulator.url, cache: { dir, mode: "use" } });
      const frame = await first.projects().frame();
      const id = frame.getColumn("projectId").toArray()[0] as number;
      const detail = await first.project(id).detail().frame();
      const sent = emulator.requests;
      assert.ok(sent >= 4, `expected several pages, got ${sent} requests`);
      assert.equal((await listFiles(dir)).length, sent);

      const second = createClient({ baseUrl: emulator.url, cache: { dir } });
      assertSameFrame(await second.projects().frame(), frame);
      assertSameFrame(await second.project(id).detail().frame(), detail);
      assert.equal(await second.projects().count(), frame.height);
      assert.equal(emulator.requests, sent);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("offline: frames are rebuilt with the emulator stopped", async () => {
  const emulator = await startEmulator(SMALL);
  let closed = false;
  try {
    await withTempDir(async (dir) => {
      const recorder = createClient({ baseUrl: emulator.url, cache: { dir, mode: "record" } });
      const frame = await recorder.projects().status("PUBLISHED", "ARCHIVED").frame();
      const id = frame.getColumn("projectId").toArray()[0] as number;
      const summary = await recorder.project(id).summary().frame();
      await emulator.close();
      closed = true;

      const offline = createClient({ baseUrl: emulator.url, cache: { dir, mode: "offline" } });
      assertSameFrame(await offline.projects().status("PUBLISHED", "ARCHIVED").frame(), frame);
      assertSameFrame(await offline.project(id).summary().frame(), summary);
    });
  } finally {
    if (!closed) await emulator.close();
  }
});

Deno.test("offline: a miss rejects with OfflineCacheMiss naming the URL and folder, and sends nothing", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const tm = createClient({ baseUrl: emulator.url, cache: { dir, mode: "offline" } });
      const query = tm.projects().status("ARCHIVED");
      const error = await query.frame().then(() => undefined, (error: unknown) => error);
      assert.ok(error instanceof OfflineCacheMiss, String(error));
      assert.equal(error.url, query.url().href);
      assert.equal(error.dir, dir);
      assert.ok(error.message.includes(query.url().href));
      assert.ok(error.message.includes(dir));
      assert.match(error.message, /^Cannot answer .* offline: no entry in the cache folder/);
      assert.equal(emulator.requests, 0);
      assert.deepEqual(await listFiles(dir), []);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("a crawl killed halfway keeps its pages, but the rerun fetches one whole view", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const reference = await createClient({ baseUrl: emulator.url }).projects().frame();
      const pages = emulator.requests;
      assert.ok(pages >= 4, `expected several pages, got ${pages}`);

      // The crawl dies after 3 answers: the 4th request finds the run aborted.
      const kill = new AbortController();
      let calls = 0;
      function dying(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
        calls++;
        if (calls > 3) kill.abort(new Error("killed"));
        return fetch(input, init);
      }
      const killed = createClient({
        baseUrl: emulator.url,
        concurrency: 1,
        fetch: dying,
        cache: { dir, mode: "use" },
      });
      await assert.rejects(killed.projects().frame({ signal: kill.signal }), /killed/);
      const stored = await listFiles(dir);
      assert.equal(stored.length, 3);
      assert.ok(stored.every((name) => name.endsWith(".json")), "no temporary file is left");

      // Pages 1-3 of the killed crawl and the rest fetched now would not be one view of the
      // data: the rerun fetches every page again.
      const before = emulator.requests;
      const rerun = createClient({ baseUrl: emulator.url, cache: { dir, mode: "use" } });
      assertSameFrame(await rerun.projects().frame(), reference);
      assert.equal(emulator.requests - before, pages);
      assert.equal((await listFiles(dir)).length, pages);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("a corrupt entry is re-fetched in 'use' and refused offline", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const tm = createClient({ baseUrl: emulator.url, cache: { dir } });
      const frame = await tm.projects().frame();
      const cache = new ResponseCache({ dir });
      const page2 = new URL(tm.projects().url());
      page2.searchParams.set("page", "2");
      const page3 = new URL(page2);
      page3.searchParams.set("page", "3");
      const cut = await cache.pathOf(request(page2.href));
      const forged = await cache.pathOf(request(page3.href));
      // One entry cut off mid-write, one whose body was changed but still parses.
      const text = await Deno.readTextFile(cut);
      await Deno.writeTextFile(cut, text.slice(0, text.length / 2));
      const entry = JSON.parse(await Deno.readTextFile(forged));
      entry.body = entry.body.replace(/"projectId":\s*(\d)/, '"projectId": 9$1');
      await Deno.writeTextFile(forged, JSON.stringify(entry));

      const offline = createClient({ baseUrl: emulator.url, cache: { dir, mode: "offline" } });
      const before = emulator.requests;
      await assert.rejects(offline.projects().frame(), (error: unknown) => {
        assert.ok(error instanceof OfflineCacheMiss);
        assert.match(error.message, /corrupt/);
        return true;
      });
      assert.equal(emulator.requests, before);

      // Without those two pages the cached crawl is not whole: every page is fetched again.
      const again = createClient({ baseUrl: emulator.url, cache: { dir } });
      assertSameFrame(await again.projects().frame(), frame);
      const pages = (await listFiles(dir)).length;
      assert.equal(emulator.requests - before, pages);
      assertSameFrame(await offline.projects().frame(), frame);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("record always fetches and stores; only 2xx answers are stored", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const tm = createClient({ baseUrl: emulator.url, cache: { dir, mode: "record" } });
      const frame = await tm.projects().frame();
      const pages = emulator.requests;
      assertSameFrame(await tm.projects().frame(), frame);
      assert.equal(emulator.requests, 2 * pages);
      assert.equal((await listFiles(dir)).length, pages);

      await assert.rejects(tm.project(999_999).detail().frame(), ApiError);
      assert.equal((await listFiles(dir)).length, pages);

      const use = createClient({ baseUrl: emulator.url, cache: { dir } });
      assertSameFrame(await use.projects().frame(), frame);
      assert.equal(emulator.requests, 2 * pages + 1);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("ttl: entries older than ttl are fetched again, Infinity keeps them", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const frame = await createClient({ baseUrl: emulator.url, cache: { dir } }).projects()
        .frame();
      const pages = emulator.requests;
      // Age every entry by two days (the hash covers the body, not the time).
      for (const name of await listFiles(dir)) {
        const entry = JSON.parse(await Deno.readTextFile(`${dir}/${name}`));
        entry.fetchedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
        await Deno.writeTextFile(`${dir}/${name}`, JSON.stringify(entry));
      }
      const forever = createClient({ baseUrl: emulator.url, cache: { dir, ttl: Infinity } });
      assertSameFrame(await forever.projects().frame(), frame);
      assert.equal(emulator.requests, pages);

      const daily = createClient({ baseUrl: emulator.url, cache: { dir } }); // 24 h
      assertSameFrame(await daily.projects().frame(), frame);
      assert.equal(emulator.requests, 2 * pages);
      assertSameFrame(await daily.projects().frame(), frame); // refreshed: fresh again
      assert.equal(emulator.requests, 2 * pages);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("no cache file holds the token; tokened and anonymous answers are kept apart", async () => {
  const emulator = await startEmulator(SMALL);
  try {
    await withTempDir(async (dir) => {
      const token = emulator.tokens[0]!.token;
      const decoded = atob(token);
      const tm = createClient({ baseUrl: emulator.url, token, cache: { dir } });
      const frame = await tm.projects().frame();
      const id = frame.getColumn("projectId").toArray()[0] as number;
      await tm.project(id).detail().frame();
      const files = await listFiles(dir);
      assert.ok(files.length >= 2);
      for (const name of files) {
        const text = await Deno.readTextFile(`${dir}/${name}`);
        assert.ok(!text.includes(token), `${name} holds the token`);
        assert.ok(!text.includes(decoded), `${name} holds the decoded token`);
        assert.ok(!/authorization|Token /i.test(text), `${name} holds a request header`);
        assert.equal(JSON.parse(text).auth, true);
      }
      for await (const entry of Deno.readDir(dir)) {
        assert.ok(!entry.name.includes(token) && !entry.name.includes(decoded));
      }
      const anonymous = createClient({ baseUrl: emulator.url, cache: { dir, mode: "offline" } });
      await assert.rejects(anonymous.projects().frame(), OfflineCacheMiss);
      const tokened = createClient({
        baseUrl: emulator.url,
        token,
        cache: { dir, mode: "offline" },
      });
      assertSameFrame(await tokened.projects().frame(), frame);
    });
  } finally {
    await emulator.close();
  }
});
