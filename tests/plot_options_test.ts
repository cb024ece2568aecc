/**
 * The chart options of issue 13 against small hand-made frames whose answer is written down:
 * progressOverTime's from/to, normalize, overlay and names; activityOverTime's include and
 * Monday weeks; contributors' ranking column; titles inside the SVG; save().
 */

import assert from "node:assert/strict";
import { type DataFrame, importPlot, pl } from "../src/deps.ts";
import {
  activityOverTime,
  type ChartElement,
  contributors,
  plotDocument,
  progressOverTime,
  projectsOverview,
  save,
  taskMap,
  toSvg,
} from "../src/plot/mod.ts";

type Scale = { apply(value: unknown): number; invert(value: number): unknown };
type Scaled = ChartElement & { scale(name: string): Scale };

function days(rows: [string, number, number, number, number?][]): DataFrame {
  const frame = pl.DataFrame({
    date: rows.map(([date]) => date),
    cumulativeMapped: rows.map(([, mapped]) => mapped),
    cumulativeValidated: rows.map(([, , validated]) => validated),
    totalTasks: rows.map(([, , , total]) => total),
    projectId: rows.map(([, , , , id]) => id ?? 1),
  }).withColumns(pl.col("date").str.strptime(pl.Date, "%Y-%m-%d"));
  return rows.some(([, , , , id]) => id !== undefined) ? frame : frame.drop("projectId");
}

function nearestDay(date: Date): string {
  const day = 86_400_000;
  return new Date(Math.round(date.getTime() / day) * day).toISOString().slice(0, 10);
}

/** The data points of each step line: `[YYYY-MM-DD, value]`, read back through the scales. */
function steps(chart: ChartElement): [string, number][][] {
  const { scale } = chart as Scaled;
  return Array.from(chart.querySelectorAll("g[aria-label='line'] path")).map((path) => {
    const numbers = (path.getAttribute("d") ?? "").match(/-?\d+(\.\d+)?/g)!.map(Number);
    const pairs: [number, number][] = [];
    for (let i = 0; i < numbers.length; i += 2) pairs.push([numbers[i]!, numbers[i + 1]!]);
    return pairs.filter((_, i) => i % 2 === 0).map(([x, y]) => [
      nearestDay(scale("x").invert(x) as Date),
      Math.round(Number(scale("y").invert(y)) * 100) / 100,
    ]);
  });
}

function texts(chart: ChartElement, selector: string): string[] {
  return Array.from(chart.querySelectorAll(selector)).map((element) => element.textContent ?? "");
}

const oneProject = days([
  ["2026-05-01", 2, 0, 10],
  ["2026-05-03", 5, 1, 10],
  ["2026-05-06", 8, 4, 10],
]);

Deno.test("progressOverTime: from/to start at the level reached and hold the last one", async () => {
  const chart = await progressOverTime(oneProject, { from: "2026-05-02", to: "2026-05-04" });
  const [mapped, validated, total] = steps(chart);
  assert.deepEqual(mapped, [["2026-05-02", 2], ["2026-05-03", 5], ["2026-05-04", 5]]);
  assert.deepEqual(validated, [["2026-05-02", 0], ["2026-05-03", 1], ["2026-05-04", 1]]);
  assert.deepEqual(total, [["2026-05-02", 10], ["2026-05-03", 10], ["2026-05-04", 10]]);
  // Before the first day nothing was mapped yet; after the last day the level holds.
  const early = await progressOverTime(oneProject, { from: "2026-04-29", to: "2026-05-08" });
  assert.deepEqual(steps(early)[0], [
    ["2026-04-29", 0],
    ["2026-05-01", 2],
    ["2026-05-03", 5],
    ["2026-05-06", 8],
    ["2026-05-08", 8],
  ]);
  // Only from: the lines run to the frame's last day.
  const late = await progressOverTime(oneProject, { from: "2026-05-04" });
  assert.deepEqual(steps(late)[1], [["2026-05-04", 1], ["2026-05-06", 4]]);
});

Deno.test("progressOverTime: from/to are checked before drawing", async () => {
  await assert.rejects(
    () => progressOverTime(oneProject, { from: "2026-05-04", to: "2026-05-02" }),
    /Cannot use from 2026-05-04T00:00:00.000Z and to 2026-05-02T00:00:00.000Z: to precedes from/,
  );
  await assert.rejects(
    () => progressOverTime(oneProject, { from: "May" }),
    /Cannot use from "May"/,
  );
  await assert.rejects(
    () => progressOverTime(oneProject, { normalize: "yes" as unknown as boolean }),
    /Cannot use normalize "yes": it must be a boolean/,
  );
});

Deno.test("progressOverTime: normalize draws percent of each project's tasks", async () => {
  const chart = await progressOverTime(oneProject, { normalize: true });
  const [mapped, validated, total] = steps(chart);
  assert.deepEqual(mapped, [["2026-05-01", 20], ["2026-05-03", 50], ["2026-05-06", 80]]);
  assert.deepEqual(validated, [["2026-05-01", 0], ["2026-05-03", 10], ["2026-05-06", 40]]);
  assert.deepEqual(total!.map(([, value]) => value), [100, 100, 100]);
  assert.match(texts(chart, "g[aria-label='y-axis label'] text").join(), /Percent of tasks/);
});

/** Two projects: #1 with 10 tasks, #2 with 20, starting two days later. */
const twoProjects = days([
  ["2026-05-01", 2, 0, 10, 1],
  ["2026-05-05", 6, 2, 10, 1],
  ["2026-05-03", 4, 4, 20, 2],
]).join(pl.DataFrame({ projectId: [1, 2], name: ["Alpha roads", "Beta <schools>"] }), {
  on: "projectId",
});

Deno.test("progressOverTime: many projects summed from a day keep each project's level", async () => {
  const chart = await progressOverTime(twoProjects.drop("name"), { from: "2026-05-02" });
  const [mapped, validated, total] = steps(chart);
  // On 05-02 only #1 had begun (2 mapped) but both projects' tasks count (10 + 20).
  assert.deepEqual(mapped, [["2026-05-02", 2], ["2026-05-03", 6], ["2026-05-05", 10]]);
  assert.deepEqual(validated, [["2026-05-02", 0], ["2026-05-03", 4], ["2026-05-05", 6]]);
  assert.deepEqual(total!.map(([, value]) => value), [30, 30, 30]);
});

Deno.test("progressOverTime: overlay, one colour per project named in the legend", async () => {
  const chart = await progressOverTime(twoProjects, { by: "overlay", normalize: true });
  const legend = texts(chart, "g[aria-label='color legend'] text");
  assert.deepEqual(legend.slice(1), ["#1 Alpha roads", "#2 Beta <schools>"]);
  const lines = steps(chart);
  assert.equal(lines.length, 4, "mapped and validated of each project");
  assert.ok(lines.some((line) => JSON.stringify(line) === '[["2026-05-03",20]]'), "#2 validated");
  assert.ok(lines.some((line) => JSON.stringify(line) === '[["2026-05-01",20],["2026-05-05",60]]'));
  assert.match(toSvg(chart), /Beta &lt;schools&gt;/);
  const panels = await progressOverTime(twoProjects, { by: "project" });
  assert.deepEqual(texts(panels, "g[aria-label='text'] text"), [
    "#1 Alpha roads",
    "#2 Beta <schools>",
  ]);
  await assert.rejects(
    () => progressOverTime(twoProjects, { by: "stack" as "total" }),
    /Cannot use by "stack": it must be "total", "project" or "overlay"/,
  );
});

/** State changes and locks on both sides of the weeks from Monday 2026-06-01. */
const actions = pl.DataFrame({
  actionDate: [
    "2026-05-31T23:59:00Z", // Sunday: the week of Monday 05-25
    "2026-06-01T00:00:00Z", // Monday
    "2026-06-07T12:00:00Z", // Sunday: still the week of 06-01
    "2026-06-08T08:00:00Z", // Monday
    "2026-06-02T10:00:00Z",
    "2026-06-02T10:05:00Z",
  ].map((text) => new Date(text)),
  action: [
    "STATE_CHANGE",
    "STATE_CHANGE",
    "STATE_CHANGE",
    "STATE_CHANGE",
    "LOCKED_FOR_MAPPING",
    "COMMENT",
  ],
  actionText: ["MAPPED", "MAPPED", "VALIDATED", "MAPPED", null, "looks good"],
}).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));

function bars(chart: ChartElement): string[] {
  return texts(chart, "g[aria-label='rect'] rect title");
}

Deno.test("activityOverTime: weeks start on Monday, as polars' truncate('1w')", async () => {
  const chart = await activityOverTime(actions, { interval: "week" });
  assert.deepEqual(bars(chart), [
    "→ MAPPED: 1 · week of 2026-05-25",
    "→ MAPPED: 1 · week of 2026-06-01",
    "→ VALIDATED: 1 · week of 2026-06-01",
    "→ MAPPED: 1 · week of 2026-06-08",
  ]);
  const weeks = actions.filter(pl.col("action").eq(pl.lit("STATE_CHANGE")))
    .select(pl.col("actionDate").dt.truncate("1w").alias("week")).unique().sort("week")
    .getColumn("week").toArray() as unknown as Date[];
  assert.deepEqual(
    weeks.map((week) => week.toISOString().slice(0, 10)),
    ["2026-05-25", "2026-06-01", "2026-06-08"],
  );
  assert.match(texts(chart, "g[aria-label='x-axis label'] text").join(), /from Monday/);
});

Deno.test("activityOverTime: include picks state changes, locks or every action", async () => {
  const count = (chart: ChartElement) =>
    bars(chart).map((title) => Number(/: (\d+) · /.exec(title)![1])).reduce((a, b) => a + b, 0);
  assert.equal(count(await activityOverTime(actions, { interval: "day" })), 4);
  const locks = await activityOverTime(actions, { interval: "day", include: "locks" });
  assert.deepEqual(bars(locks), ["LOCKED_FOR_MAPPING: 1 · 2026-06-02"]);
  assert.match(texts(locks, "g[aria-label='y-axis label'] text").join(), /Locks per day/);
  assert.equal(count(await activityOverTime(actions, { interval: "day", include: "all" })), 6);
  await assert.rejects(
    () => activityOverTime(actions, { include: "comments" as "all" }),
    /Cannot use include "comments": it must be "stateChanges", "locks" or "all"/,
  );
  const lines = await activityOverTime(actions, { interval: "week", mark: "line" });
  // One line per kind, with a zero where a week has none of it.
  const points = texts(lines, "g[aria-label='dot'] circle title");
  assert.ok(points.includes("→ VALIDATED: 0 · week of 2026-05-25"), points.join(" | "));
  assert.equal(lines.querySelectorAll("g[aria-label='line'] path").length, 2);
  const totals = await activityOverTime(actions, {
    interval: "week",
    mark: "line",
    cumulative: true,
  });
  assert.deepEqual(
    texts(totals, "g[aria-label='dot'] circle title").filter((title) => title.includes("MAPPED")),
    [
      "→ MAPPED: 1 · by the end of week of 2026-05-25",
      "→ MAPPED: 2 · by the end of week of 2026-06-01",
      "→ MAPPED: 3 · by the end of week of 2026-06-08",
    ],
  );
});

/** A per-user frame of a time window: no total, and an invalidated column. */
const window = pl.DataFrame({
  username: ["ana", "bo", "cy", "di"],
  mapped: [5, 9, 0, 2],
  validated: [3, 0, 7, 0],
  invalidated: [1, 4, 0, 4],
  note: ["a", "b", "c", "d"],
});

Deno.test("contributors: ranks a per-user frame by the column named in by", async () => {
  const chart = await contributors(window, { by: "invalidated" });
  // Ties by name; users with 0 are left out; only the ranking column is drawn.
  assert.deepEqual(texts(chart, "g[aria-label='y-axis tick label'] text"), ["bo", "di", "ana"]);
  assert.deepEqual(texts(chart, "g[aria-label='text'] text"), ["4", "4", "1"]);
  assert.deepEqual(texts(chart, "g[aria-label='color legend'] text"), ["Tasks", "Invalidated"]);
  // Without total, the default ranks by the sum of the known columns drawn.
  const all = await contributors(window);
  assert.deepEqual(texts(all, "g[aria-label='y-axis tick label'] text"), ["bo", "ana", "cy", "di"]);
  assert.deepEqual(texts(all, "g[aria-label='text'] text"), ["13", "9", "7", "6"]);
  assert.equal(all.querySelectorAll("g[aria-label='bar'] rect").length, 8);
  const chosen = await contributors(window, { by: "validated", columns: ["mapped", "validated"] });
  assert.deepEqual(texts(chosen, "g[aria-label='y-axis tick label'] text"), ["cy", "ana"]);
});

Deno.test("contributors: takes a per-user activity frame, lists and times included", async () => {
  // The shape of the analyst queries' per-user activity in a window.
  const perUser = pl.DataFrame({
    username: ["ana", "bo"],
    mapped: [6, 3],
    mappedLaterValidated: [2, 3],
    mappedLaterInvalidated: [4, 0],
    invalidatedBy: [["cy", "di"], []],
    validated: [0, 5],
    invalidated: [1, 0],
    badImagery: [0, 1],
    mappingHours: [3.5, 1.25],
    firstAction: [new Date("2026-05-01T00:00:00Z"), new Date("2026-05-02T00:00:00Z")],
  }).withColumns(pl.col("firstAction").cast(pl.Datetime("us", "UTC")));
  const worst = await contributors(perUser, { by: "mappedLaterInvalidated" });
  assert.deepEqual(texts(worst, "g[aria-label='y-axis tick label'] text"), ["ana"]);
  assert.deepEqual(texts(worst, "g[aria-label='color legend'] text"), [
    "Tasks",
    "Mapped later invalidated",
  ]);
  const all = await contributors(perUser);
  // mapped + validated + invalidated + badImagery: ana 7, bo 9.
  assert.deepEqual(texts(all, "g[aria-label='y-axis tick label'] text"), ["bo", "ana"]);
  assert.deepEqual(texts(all, "g[aria-label='text'] text"), ["9", "7"]);
  await assert.rejects(() => contributors(perUser, { by: "invalidatedBy" }), /it is List/);
});

Deno.test("contributors: names the columns it lacks or cannot count", async () => {
  await assert.rejects(
    () => contributors(window, { by: "mappedLater" }),
    /Cannot draw contributors: the frame lacks mappedLater; it has username, mapped/,
  );
  await assert.rejects(() => contributors(window, { by: "note" }), /by note: it is String/);
  await assert.rejects(
    () => contributors(window.drop("username")),
    /the frame lacks username; it has mapped/,
  );
});

Deno.test("titles and subtitles are drawn inside the SVG of every named chart", async () => {
  const heading = { title: "Is validation keeping up?", subtitle: "Weekly, from Monday" };
  const projects = pl.DataFrame({
    projectId: [1],
    name: ["Alpha"],
    status: ["PUBLISHED"],
    organisationName: ["HOT"],
    percentMapped: [50],
    percentValidated: [20],
  });
  const tasks = pl.DataFrame({
    taskId: [1],
    taskStatus: ["MAPPED"],
    geometry: ['{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}'],
  });
  const charts = [
    await activityOverTime(actions, heading),
    await progressOverTime(oneProject, heading),
    await contributors(window, heading),
    await projectsOverview(projects, heading),
    await taskMap(tasks, heading),
  ];
  for (const chart of charts) {
    assert.equal(chart.tagName.toLowerCase(), "svg");
    assert.deepEqual(texts(chart, "g[aria-label='heading'] text"), [
      heading.title,
      heading.subtitle,
    ]);
    assert.match(toSvg(chart), /Is validation keeping up\?/);
  }
  const long = "Is validation keeping up with mapping in every project of the campaign this year?";
  const narrow = await progressOverTime(oneProject, { width: 320, title: long, subtitle: long });
  const lines = texts(narrow, "g[aria-label='heading'] text");
  assert.ok(lines.length >= 4, `a long title and subtitle wrap at 320 px: ${lines.join(" | ")}`);
  assert.equal(lines.join(" "), `${long} ${long}`);
  const plain = await progressOverTime(oneProject);
  const titled = await progressOverTime(oneProject, { title: "A title" });
  assert.ok(Number(titled.getAttribute("height")) > Number(plain.getAttribute("height")));
});

Deno.test("toSvg: a Plot figure with a title and subtitle is written with them inside", async () => {
  const Plot = await importPlot();
  const figure = Plot.plot({
    document: await plotDocument(),
    title: "Dots & more",
    subtitle: "Two of them",
    marks: [Plot.dot([[1, 2], [3, 4]])],
  }) as unknown as ChartElement;
  assert.equal(figure.tagName.toLowerCase(), "figure");
  const before = figure.outerHTML;
  const svg = toSvg(figure);
  assert.match(svg, /^<\?xml[^>]*>\n<svg[^>]*xmlns=/);
  assert.match(
    svg,
    /<g[^>]*aria-label="heading"[^>]*><text[^>]*>Dots &amp; more<\/text><text[^>]*>Two of them<\/text>/,
  );
  assert.equal((svg.match(/<circle/g) ?? []).length, 2);
  assert.equal(figure.outerHTML, before, "the figure itself is left as it is");
  const legend = Plot.plot({
    document: await plotDocument(),
    title: "With an HTML legend",
    color: { legend: true },
    marks: [Plot.dot([{ k: "a" }], { x: 1, y: 1, fill: "k" })],
  }) as unknown as ChartElement;
  assert.throws(() => toSvg(legend), /Cannot write a <figure> element as SVG/);
});

Deno.test("save: .svg, .html and .png by extension; other paths refused", async () => {
  const chart = await progressOverTime(oneProject, { title: "Progress & more" });
  const dir = await Deno.makeTempDir({ prefix: "tmframes-save-" });
  try {
    await save(chart, `${dir}/sub/chart.svg`);
    assert.equal(await Deno.readTextFile(`${dir}/sub/chart.svg`), toSvg(chart));
    await save(chart, `${dir}/chart.html`);
    const html = await Deno.readTextFile(`${dir}/chart.html`);
    assert.match(html, /<title>Progress &amp; more<\/title>/);
    assert.match(html, /<svg[^>]*xmlns=/);
    await save(chart, `${dir}/chart.png`, { scale: 1 });
    const png = await Deno.readFile(`${dir}/chart.png`);
    assert.deepEqual([...png.slice(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset);
    assert.equal(view.getUint32(16), Number(chart.getAttribute("width")), "PNG width");
    assert.equal(view.getUint32(20), Number(chart.getAttribute("height")), "PNG height");
    await assert.rejects(
      () => save(chart, `${dir}/chart.pdf`),
      /must end in \.svg, \.html or \.png/,
    );
    await assert.rejects(() => save(chart, `${dir}/c.png`, { scale: 0 }), /Cannot use scale 0/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
