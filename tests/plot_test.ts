import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { importLinkedom, importPlot, pl } from "../src/deps.ts";
import { startEmulator } from "../src/emulator/server.ts";
import {
  type ChartElement,
  plotDocument,
  plotRows,
  projectsOverview,
  toSvg,
} from "../src/plot/mod.ts";

/** A frame of every published and archived project the emulator serves (seed 42). */
async function projectsFrame() {
  const emulator = await startEmulator({ port: 0 });
  try {
    return await createClient({ baseUrl: emulator.url, progress: false }).projects()
      .status("PUBLISHED", "ARCHIVED").frame();
  } finally {
    await emulator.close();
  }
}

const frame = await projectsFrame();

/**
 * Throws unless `xml` is well-formed enough for an image viewer: one root, every tag closed in
 * order, attributes quoted, no raw `<` or stray `&` in text.
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < body.length && (match = token.exec(body)) !== null) {
    at = token.lastIndex;
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray) {
      assert.fail(`a stray "<" at ${match.index}: ${body.slice(match.index, match.index + 40)}`);
    }
    if (text !== undefined) {
      assert.doesNotMatch(text, /&(?!(?:amp|lt|gt|quot|#\d+|#x[\da-f]+|apos);)/i, "an unescaped &");
      if (stack.length === 0) assert.match(text, /^\s*$/, "text outside the root element");
      continue;
    }
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  assert.equal(at, body.length, "the markup does not tokenise to the end");
  assert.deepEqual(stack, [], "unclosed elements");
  assert.equal(roots, 1, "exactly one root element");
}

function texts(chart: ChartElement, selector: string): string[] {
  return Array.from(chart.querySelectorAll(selector)).map((element) => element.textContent ?? "");
}

Deno.test("projectsOverview: one dot per project, axes and labels, a legend in the SVG", async () => {
  const chart = await projectsOverview(frame);
  assert.equal(chart.tagName.toLowerCase(), "svg");
  assert.equal(chart.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  const dots = chart.querySelectorAll("g[aria-label='dot'] circle");
  assert.equal(dots.length, frame.height);
  const labels = texts(
    chart,
    "g[aria-label='x-axis label'] text, g[aria-label='y-axis label'] text",
  );
  assert.ok(labels.some((text) => text.includes("Percent mapped")), labels.join(" | "));
  assert.ok(labels.some((text) => text.includes("Percent validated")), labels.join(" | "));
  const ticks = texts(chart, "g[aria-label='x-axis tick label'] text");
  assert.deepEqual([ticks[0], ticks.at(-1)], ["0", "100"]);
  const legend = texts(chart, "g[aria-label='color legend'] text");
  assert.deepEqual(legend, ["Status", "ARCHIVED", "PUBLISHED"]);
  const titles = texts(chart, "g[aria-label='dot'] circle title");
  assert.equal(titles.length, frame.height);
  const [id, name] = [frame.getColumn("projectId").get(0), frame.getColumn("name").get(0)];
  assert.ok(titles.some((title) => title.startsWith(`${name} (#${id})\n`)));
});

Deno.test("projectsOverview: dots sit where the frame says", async () => {
  const small = frame.head(3);
  const chart = await projectsOverview(small, { width: 500, height: 300, marginTop: 20 });
  const xs = Array.from(chart.querySelectorAll("g[aria-label='dot'] circle"))
    .map((dot) => Number(dot.getAttribute("cx")));
  const mapped = small.getColumn("percentMapped").toArray() as number[];
  // x is linear over [0, 100] between the default margins (40 left, 20 right) of a 500 px chart.
  const expected = mapped.map((percent) => 40 + (percent / 100) * (500 - 60));
  assert.deepEqual(xs.map(Math.round).sort(), expected.map(Math.round).sort());
});

Deno.test("projectsOverview: colour by organisation keeps the top ones and pools the rest", async () => {
  const chart = await projectsOverview(frame, { colorBy: "organisation", organisations: 3 });
  const legend = texts(chart, "g[aria-label='color legend'] text");
  assert.equal(legend[0], "Organisation");
  assert.equal(legend.length, 1 + 3 + 1);
  assert.equal(legend.at(-1), "other");
  const fills = new Set(
    Array.from(chart.querySelectorAll("g[aria-label='dot'] circle")).map((dot) =>
      dot.getAttribute("fill")
    ),
  );
  assert.equal(fills.size, 4);
});

Deno.test("projectsOverview: Plot options pass through and merge over the defaults", async () => {
  const Plot = await importPlot();
  const chart = await projectsOverview(frame, {
    width: 900,
    x: { label: "Mapped" },
    legend: false,
    marks: [Plot.ruleY([50], { stroke: "red" })],
  });
  assert.equal(chart.getAttribute("width"), "900");
  assert.match(texts(chart, "g[aria-label='x-axis label'] text").join(), /^Mapped/);
  assert.equal(chart.querySelectorAll("g[aria-label='color legend']").length, 0);
  assert.equal(chart.querySelectorAll("g[aria-label='rule'][stroke='red'] line").length, 1);
  const ticks = texts(chart, "g[aria-label='x-axis tick label'] text");
  assert.equal(ticks.at(-1), "100", "the default domain [0, 100] survives a partial x option");
});

Deno.test("projectsOverview: a frame without the columns is refused before drawing", async () => {
  const wrong = pl.DataFrame({ projectId: [1], percentMapped: [50] });
  await assert.rejects(
    () => projectsOverview(wrong),
    (error: unknown) =>
      error instanceof TypeError && /lacks name, status, organisationName, percentValidated/
        .test(error.message),
  );
  await assert.rejects(
    () => projectsOverview(frame, { organisations: 0 }),
    RangeError,
  );
});

Deno.test("projectsOverview: an empty frame draws empty axes", async () => {
  const chart = await projectsOverview(frame.head(0));
  assert.equal(chart.querySelectorAll("g[aria-label='dot'] circle").length, 0);
  assertWellFormed(toSvg(chart));
});

Deno.test("toSvg: a standalone, well-formed SVG document with the namespace", async () => {
  const svg = toSvg(await projectsOverview(frame, { colorBy: "organisation" }));
  assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '));
  assert.match(svg, /^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/m);
  assertWellFormed(svg);
  const { DOMParser } = await importLinkedom();
  const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
  assert.equal(parsed.querySelectorAll("circle").length >= frame.height, true);
});

Deno.test("toSvg: escapes names and refuses an HTML figure", async () => {
  const named = frame.head(1).withColumns(
    pl.lit("Tom & Jerry <mappers>").alias("organisationName"),
  );
  const svg = toSvg(await projectsOverview(named, { colorBy: "organisation" }));
  assert.match(svg, /Tom &amp; Jerry &lt;mappers&gt;/);
  assertWellFormed(svg);
  const figure = await projectsOverview(frame, { caption: "A caption makes Plot add HTML" });
  assert.equal(figure.tagName.toLowerCase(), "figure");
  assert.throws(() => toSvg(figure), /Cannot write a <figure> element as SVG/);
});

Deno.test("plotRows: datetime columns become Dates, missing columns are named", async () => {
  const rows = plotRows(frame, ["projectId", "lastUpdated"]);
  assert.equal(rows.length, frame.height);
  assert.ok(rows[0]!.lastUpdated instanceof Date);
  assert.equal(typeof rows[0]!.projectId, "number");
  assert.throws(() => plotRows(frame, ["projectId", "nope"]), /Cannot read column nope/);
  const document = await plotDocument();
  assert.equal(typeof document.createElementNS, "function");
});
