import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { pl } from "../src/deps.ts";
import { startEmulator } from "../src/emulator/server.ts";
import type { DisplayBundle } from "../src/display.ts";
import { FrameTable, table } from "../src/table.ts";

/** Calls an object's `[Symbol.for("Jupyter.display")]()`, as the Deno kernel does. */
function display(value: object): DisplayBundle {
  const method: unknown = Reflect.get(value, Symbol.for("Jupyter.display"));
  assert.equal(typeof method, "function");
  return (method as () => DisplayBundle).call(value);
}

async function searchFrame() {
  const emulator = await startEmulator({ port: 0, projects: 120 });
  try {
    return await createClient({ baseUrl: emulator.url, progress: false }).projects()
      .status("PUBLISHED", "ARCHIVED").frame();
  } finally {
    await emulator.close();
  }
}

const projects = await searchFrame();

Deno.test("table: escapes names such as the emulator's 'Map & Data <Lab>'", () => {
  const lab = projects.filter(pl.col("organisationName").eq(pl.lit("Map & Data <Lab>")));
  assert.ok(lab.height > 0, "the emulator world has projects of Map & Data <Lab>");
  const bundle = display(table(lab.select("projectId", "name", "organisationName")));
  assert.match(bundle["text/html"], /<td style="text-align:left">Map &amp; Data &lt;Lab&gt;<\/td>/);
  assert.doesNotMatch(bundle["text/html"], /<Lab>/);
  assert.match(bundle["text/plain"], /Map & Data <Lab>/);
  const evil = pl.DataFrame({ "<b>": ["</td><script>x</script>"] });
  const html = display(table(evil))["text/html"];
  assert.match(html, /&lt;b&gt;/);
  assert.doesNotMatch(html, /<script>/);
});

Deno.test("table: ISO timestamps and days, lists as text, dtypes in the header", () => {
  const frame = projects.select("projectId", "lastUpdated", "country").head(3);
  const html = display(table(frame))["text/html"];
  const stamps = (frame.getColumn("lastUpdated").toArray() as unknown as Date[]).map((d) =>
    d.toISOString()
  );
  for (const stamp of stamps) assert.ok(html.includes(`>${stamp}</td>`), stamp);
  assert.doesNotMatch(html, /GMT|Coordinated Universal Time/);
  const countries = frame.getColumn("country").toArray() as unknown as string[][];
  for (const list of countries) assert.ok(html.includes(`>${list.join(", ")}</td>`), list.join());
  for (const dtype of ["Int64", "Datetime(us,UTC)", "List(String)"]) {
    assert.ok(html.includes(`>${dtype}</span></th>`), dtype);
  }
  assert.match(html, /<th style="text-align:right;white-space:nowrap">projectId<br>/);
  const days = pl.DataFrame({ n: [1, null] }).withColumns(
    pl.lit(new Date(Date.UTC(2024, 4, 1))).cast(pl.Date).alias("date"),
  );
  const shown = display(table(days));
  assert.match(shown["text/html"], />2024-05-01<\/td>/);
  assert.match(shown["text/html"], />—<\/td>/);
  assert.match(shown["text/plain"], /^n\s+date\nFloat64\s+Date\n1\s+2024-05-01\n—\s+2024-05-01\n/);
});

Deno.test("table: shows at most `rows` rows and says how many there are", () => {
  const frame = projects.select("projectId", "name");
  const html = display(table(frame, { rows: 4 }))["text/html"];
  assert.equal(html.match(/<tr>/g)?.length, 1 + 4);
  assert.match(html, new RegExp(`${frame.height} rows × 2 columns, first 4 shown`));
  const all = display(table(frame.head(3)));
  assert.equal(all["text/html"].match(/<tr>/g)?.length, 1 + 3);
  assert.match(all["text/plain"], /3 rows × 2 columns$/);
  assert.equal(table(frame).rows, 10);
  assert.ok(table(frame) instanceof FrameTable);
  assert.throws(() => table(frame, { rows: 0 }), RangeError);
  assert.throws(() => table(frame, { rows: 1.5 }), /rows must be a positive integer/);
});

Deno.test("table: an empty frame shows its header and dtypes", () => {
  const html = display(table(projects.head(0).select("projectId")))["text/html"];
  assert.match(html, /projectId<br><span[^>]*>Int64<\/span>/);
  assert.match(html, /<tbody><\/tbody>/);
  assert.match(html, /0 rows × 1 columns/);
});
