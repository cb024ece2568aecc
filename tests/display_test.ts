import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { type DisplayBundle, displayBundle, escapeHtml, formatValue } from "../src/display.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { ApiError, DriftError, SchemaError } from "../src/errors.ts";

/** Calls an object's `[Symbol.for("Jupyter.display")]()`, as the Deno kernel does. */
function display(value: object): DisplayBundle {
  const method: unknown = Reflect.get(value, Symbol.for("Jupyter.display"));
  assert.equal(typeof method, "function");
  return (method as () => DisplayBundle).call(value);
}
const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });

Deno.test("escapeHtml and formatValue", () => {
  assert.equal(escapeHtml(`a<b>&"c'`), "a&lt;b&gt;&amp;&quot;c&#39;");
  assert.equal(formatValue(null), "—");
  assert.equal(formatValue(new Date("2024-01-02T03:04:05Z")), "2024-01-02T03:04:05.000Z");
  assert.equal(formatValue(3), "3");
});

Deno.test("displayBundle: leaves out undefined rows and links URLs", () => {
  const bundle = displayBundle("T", [["a", undefined], [
    "url",
    new URL("https://x.example/?a=1&b=2"),
  ]]);
  assert.equal(bundle["text/plain"], "T\n  url  https://x.example/?a=1&b=2");
  assert.match(bundle["text/html"], /<a href="https:\/\/x\.example\/\?a=1&amp;b=2">/);
});

Deno.test("a builder displays endpoint, filters, URL and requests, all escaped", () => {
  const query = tm.projects().textSearch(`<img src=x onerror="alert(1)">`).country("Côte d'Ivoire")
    .limit(30);
  const bundle = display(query);
  const html = bundle["text/html"];
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  assert.match(html, /Côte d&#39;Ivoire/);
  const plain = bundle["text/plain"];
  assert.match(plain, /^ProjectsQuery\n/);
  assert.match(plain, /endpoint +GET \/projects\//);
  assert.match(plain, /text +<img src=x/);
  assert.match(plain, /limit +30/);
  assert.match(
    plain,
    /url +https:\/\/tm\.example\/api\/v2\/projects\/\?country=C%C3%B4te.*&textSearch=%3Cimg/,
  );
  assert.match(plain, /requests +at most 3 requests \(pages of 14 rows\)/);
  assert.match(
    display(tm.projects())["text/plain"],
    /requests +ceil\(total \/ 14\) requests \(pages of 14 rows\); count\(\) asks for total in 1 request/,
  );
  const one = display(tm.project(7).summary())["text/plain"];
  assert.match(one, /requests +1 request$/);
  assert.doesNotMatch(one, /limit/);
});

Deno.test("queries of many parts display every part and their requests", () => {
  const withToken = createClient({ baseUrl: "https://tm.example/api/v2/", token: "t0ken" });
  const windows = withToken.taskStatistics().between("2021-01-01", "2026-06-30");
  const plain = display(windows)["text/plain"];
  assert.match(plain, /^TaskStatisticsQuery\n/);
  assert.match(plain, /windows +6: 2021-01-01 to 2022-01-01, 2022-01-02 to 2023-01-02, /);
  assert.match(plain, /window +since 2021-01-01 \(included\) until 2026-06-30 \(excluded\)/);
  assert.match(plain, /requests +6 requests: 1 request per window \(6 windows\)/);
  assert.deepEqual(windows.estimate(), {
    atLeast: 6,
    atMost: 6,
    text: "6 requests: 1 request per window (6 windows)",
  });
  assert.equal(Deno.inspect(windows), plain, "Deno.inspect shows the same facts");

  const unready = display(withToken.taskStatistics())["text/plain"];
  assert.match(unready, /not ready +Cannot build a task statistics request: call since/);
  assert.doesNotThrow(() => Deno.inspect(withToken.taskStatistics()));

  const many = tm.projects([8345, 8346, 8347]).activities().limit(50);
  const text = display(many)["text/plain"];
  assert.match(text, /^ManyActivitiesQuery\n/);
  assert.match(text, /projects +3: 8345, 8346, 8347/);
  assert.match(text, /limit +50 rows per project/);
  assert.match(text, /url +https:\/\/tm\.example\/api\/v2\/projects\/8345\/activities\//);
  assert.match(
    text,
    /requests +at most 15 requests: at most 5 requests \(pages of 10 rows\) per project/,
  );
  assert.equal(many.estimate().atMost, 15);

  const search = display(tm.projects().campaign("Missing Maps").limit(20).summary())["text/plain"];
  assert.match(search, /projects +each project the search matches/);
  assert.match(search, /campaign +Missing Maps/);
  assert.match(search, /then per matched project: 1 request/);
  assert.doesNotMatch(display(tm.projects())["text/plain"], /mapping types/, "only what was set");
});

Deno.test("estimate: the requests frame() makes, once count() tells the total", async () => {
  const emulator = await startEmulator({ port: 0 });
  try {
    const client = createClient({ baseUrl: emulator.url, progress: false });
    for (
      const query of [client.projects(), client.projects().limit(20), client.projects().limit(1)]
    ) {
      const total = await query.count();
      const before = emulator.requests;
      await query.frame();
      const estimate = query.estimate();
      const sent = emulator.requests - before;
      assert.equal(sent, Math.max(1, Math.ceil(total / 14)), JSON.stringify(estimate));
      assert.ok(sent >= estimate.atLeast && sent <= (estimate.atMost ?? Infinity));
    }
  } finally {
    await emulator.close();
  }
});

Deno.test("errors display their fields, escaped", () => {
  const api = new ApiError({
    url: "https://tm.example/api/v2/projects/9/",
    status: 404,
    subCode: "PROJECT_NOT_FOUND",
    serverMessage: "No <project> here",
  });
  const bundle = display(api);
  assert.match(bundle["text/plain"], /^ApiError\n {2}message +Cannot fetch/);
  assert.match(bundle["text/plain"], /status +404/);
  assert.match(bundle["text/plain"], /subCode +PROJECT_NOT_FOUND/);
  assert.match(bundle["text/plain"], /url +https:\/\/tm\.example\/api\/v2\/projects\/9\//);
  assert.match(bundle["text/html"], /No &lt;project&gt; here/);
  assert.doesNotMatch(bundle["text/html"], /<project>/);
  const schema = new SchemaError({ url: "u", page: 2, issues: [{ path: ["a"], message: "bad" }] });
  assert.match(display(schema)["text/plain"], /issues +\{"path":\["a"\],"message":"bad"\}/);
  const drift = new DriftError({ url: "u", rows: 1, total: 2, passes: 3 });
  assert.match(display(drift)["text/plain"], /passes +3/);
});
