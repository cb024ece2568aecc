import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { importLinkedom, importPlot, pl } from "../src/deps.ts";
import { startEmulator } from "../src/emulator/server.ts";
import {
  activityOverTime,
  type ChartElement,
  contributors,
  plotDocument,
  plotRows,
  progressOverTime,
  projectsOverview,
  TASK_STATUS_COLORS,
  taskMap,
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

/**
 * One project's frames, from the published project with the longest history of a 120-project
 * world, and the by-day frame of it and two more projects.
 */
async function projectFrames() {
  const emulator = await startEmulator({ port: 0, projects: 120 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const published = emulator.world.projects
      .filter((p) => p.status === "PUBLISHED" && !p.private)
      .sort((a, b) => b.history.length - a.history.length);
    const project = tm.project(published[0]!.id);
    const ids = published.slice(0, 3).map((p) => p.id);
    return {
      byDay: await project.contributionsByDay().frame(),
      manyByDay: await tm.projects(ids).contributionsByDay().frame(),
      activities: await project.activities().frame(),
      users: await project.contributions().frame(),
      manyUsers: await tm.projects(ids).contributions().frame(),
      tasks: await project.tasks().frame(),
      ids,
    };
  } finally {
    await emulator.close();
  }
}

const project = await projectFrames();

function legendOf(chart: ChartElement): string[] {
  return texts(chart, "g[aria-label='color legend'] text");
}

function assertStandalone(chart: ChartElement): void {
  assert.equal(chart.tagName.toLowerCase(), "svg");
  const svg = toSvg(chart);
  assert.match(svg, /^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/m);
  assertWellFormed(svg);
}

Deno.test("progressOverTime: mapped, validated and total lines with a legend", async () => {
  assert.ok(project.byDay.height > 10, "the project has a history worth charting");
  const chart = await progressOverTime(project.byDay);
  assertStandalone(chart);
  assert.equal(chart.querySelectorAll("g[aria-label='line'] path").length, 3);
  assert.deepEqual(legendOf(chart), ["Tasks", "Mapped", "Validated", "Total tasks"]);
  assert.match(texts(chart, "g[aria-label='y-axis label'] text").join(), /Tasks/);
  assert.match(texts(chart, "g[aria-label='x-axis label'] text").join(), /Date \(UTC\)/);
  const total = project.byDay.getColumn("totalTasks").get(0) as number;
  const ticks = texts(chart, "g[aria-label='y-axis tick label'] text")
    .map((text) => Number(text.replace(/,/g, "")));
  assert.ok(Math.max(...ticks) >= total, `the y axis reaches the ${total} tasks`);
});

Deno.test("progressOverTime: many projects summed, or one panel each", async () => {
  const { manyByDay, ids } = project;
  const total = await progressOverTime(manyByDay);
  assertStandalone(total);
  assert.equal(total.querySelectorAll("g[aria-label='line'] path").length, 3);
  assert.equal(legendOf(total)[0], "All projects");
  const sum = ids.map((id) =>
    manyByDay.filter(pl.col("projectId").eq(id)).getColumn("totalTasks").get(0) as number
  ).reduce((a, b) => a + b, 0);
  const ticks = texts(total, "g[aria-label='y-axis tick label'] text")
    .map((text) => Number(text.replace(/,/g, "")));
  assert.ok(Math.max(...ticks) >= sum, `the y axis reaches the ${sum} tasks of all projects`);
  const panels = await progressOverTime(manyByDay, { by: "project" });
  assertStandalone(panels);
  assert.deepEqual(
    texts(panels, "g[aria-label='fy-axis tick label'] text"),
    [...ids].sort((a, b) => a - b).map((id) => `#${id}`),
  );
  assert.equal(panels.querySelectorAll("g[aria-label='line'] path").length, 3 * ids.length);
  await assert.rejects(
    () => progressOverTime(manyByDay, { by: "user" as "total" }),
    /Cannot use by "user"/,
  );
});

Deno.test("activityOverTime: stacked bars that count every action", async () => {
  const { activities } = project;
  const chart = await activityOverTime(activities, { interval: "day", include: "all" });
  assertStandalone(chart);
  const counted = texts(chart, "g[aria-label='rect'] rect title")
    .map((title) => Number(/: (\d+) · \d{4}-\d\d-\d\d$/.exec(title)?.[1]));
  assert.equal(counted.reduce((a, b) => a + b, 0), activities.height);
  const groups = activities
    .withColumns(pl.col("actionDate").dt.truncate("1d").alias("day"))
    .select("day", "action", "actionText")
    .withColumns(
      pl.when(pl.col("action").eq(pl.lit("STATE_CHANGE")))
        .then(pl.col("actionText")).otherwise(pl.col("action")).alias("kind"),
    )
    .select("day", "kind").unique().height;
  assert.equal(counted.length, groups);
  assert.match(texts(chart, "g[aria-label='y-axis label'] text").join(), /Actions per day/);
  const legend = legendOf(chart);
  assert.equal(legend[0], "Action");
  assert.ok(legend.includes("→ MAPPED") && legend.includes("LOCKED_FOR_MAPPING"), legend.join());
  const weekly = await activityOverTime(activities, {
    interval: "week",
    include: "all",
    splitStateChanges: false,
  });
  assert.ok(legendOf(weekly).includes("STATE_CHANGE"));
  assert.ok(weekly.querySelectorAll("g[aria-label='rect'] rect").length < counted.length);
  const auto = await activityOverTime(activities);
  assert.match(
    texts(auto, "g[aria-label='y-axis label'] text").join(),
    /State changes per (day|week|month)/,
  );
  const states = activities.filter(pl.col("action").eq(pl.lit("STATE_CHANGE"))).height;
  const byDefault = await activityOverTime(activities, { interval: "day" });
  const drawn = texts(byDefault, "g[aria-label='rect'] rect title")
    .map((title) => Number(/: (\d+) · /.exec(title)?.[1]));
  assert.equal(drawn.reduce((a, b) => a + b, 0), states, "by default only state changes count");
  assert.ok(!legendOf(byDefault).includes("LOCKED_FOR_MAPPING"));
});

Deno.test("contributors: one bar row per top user, parts and sums as in the frame", async () => {
  const { users } = project;
  const active = users.filter(pl.col("total").gt(0));
  for (const top of [5, 15, 1000]) {
    const chart = await contributors(users, { top });
    assertStandalone(chart);
    const names = texts(chart, "g[aria-label='y-axis tick label'] text");
    assert.equal(names.length, Math.min(top, active.height));
    const expected = active.sort(["total", "username"], [true, false]).head(top);
    assert.deepEqual(names, expected.getColumn("username").toArray());
    const parts = ["mapped", "validated", "badImagery"].map((name) =>
      (expected.getColumn(name).toArray() as number[]).filter((n) => n > 0).length
    ).reduce((a, b) => a + b, 0);
    assert.equal(chart.querySelectorAll("g[aria-label='bar'] rect").length, parts);
    assert.deepEqual(
      texts(chart, "g[aria-label='text'] text"),
      (expected.getColumn("total").toArray() as number[]).map(String),
    );
  }
  const chart = await contributors(users);
  assert.deepEqual(legendOf(chart), ["Tasks", "Mapped", "Validated", "Bad imagery"]);
  assert.match(texts(chart, "g[aria-label='x-axis label'] text").join(), /Tasks/);
  await assert.rejects(() => contributors(users, { top: 0 }), RangeError);
});

Deno.test("contributors: many projects are summed per user", async () => {
  const { manyUsers } = project;
  const chart = await contributors(manyUsers, { top: 3 });
  const sums = manyUsers.groupBy("username").agg(pl.col("total").sum())
    .sort(["total", "username"], [true, false]).head(3);
  assert.deepEqual(
    texts(chart, "g[aria-label='y-axis tick label'] text"),
    sums.getColumn("username").toArray(),
  );
  assert.deepEqual(
    texts(chart, "g[aria-label='text'] text"),
    (sums.getColumn("total").toArray() as number[]).map(String),
  );
});

Deno.test("taskMap: one shape per task, filled by status, with ids and a counted legend", async () => {
  const { tasks } = project;
  const chart = await taskMap(tasks);
  assertStandalone(chart);
  const paths = Array.from(chart.querySelectorAll("g[aria-label='geo'] path"));
  assert.equal(paths.length, tasks.height);
  const statuses = new Map(
    tasks.select("taskId", "taskStatus").rows().map(([id, status]) => [id, status as string]),
  );
  for (const path of paths) {
    const title = path.querySelectorAll("title")[0]?.textContent ?? "";
    const [, id, status] = /^Task (\d+): (\w+)$/.exec(title) ?? [];
    assert.equal(status, statuses.get(Number(id)), title);
    assert.equal(path.getAttribute("fill"), TASK_STATUS_COLORS[status!]);
  }
  const labels = texts(chart, "g[aria-label='text'] text").length;
  assert.equal(labels, tasks.height <= 150 ? tasks.height : 0, "ids for up to 150 tasks");
  const labelled = await taskMap(tasks, { labels: true });
  assert.equal(texts(labelled, "g[aria-label='text'] text").length, tasks.height);
  const legend = legendOf(chart);
  assert.equal(legend[0], "Task status");
  const counts = tasks.getColumn("taskStatus").valueCounts();
  assert.equal(legend.length, 1 + counts.height);
  const ready = tasks.filter(pl.col("taskStatus").eq(pl.lit("READY"))).height;
  if (ready > 0) assert.ok(legend.includes(`READY (${ready})`), legend.join());
  const height = Number(chart.getAttribute("height"));
  assert.ok(height > 100 && height < 2000, `a height from the grid's shape: ${height}`);
  const bare = await taskMap(tasks, { labels: false, legend: false, width: 400 });
  assert.equal(texts(bare, "g[aria-label='text'] text").length, 0);
  assert.equal(bare.getAttribute("width"), "400");
});

/** The x extent, in px, of an SVG path made of M/L/Z commands. */
function xExtent(d: string): [number, number] {
  const xs = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((match) => Number(match[1]));
  return [Math.min(...xs), Math.max(...xs)];
}

Deno.test("taskMap: rings wound either way draw the task, not the rest of the globe", async () => {
  const square = (x: number) => [[x, 0], [x + 0.01, 0], [x + 0.01, 0.01], [x, 0.01], [x, 0]];
  const tasks = pl.DataFrame({
    taskId: [1, 2],
    taskStatus: ["READY", "MAPPED"],
    geometry: [
      JSON.stringify({ type: "MultiPolygon", coordinates: [[square(0)]] }), // counter-clockwise
      JSON.stringify({ type: "Polygon", coordinates: [square(0.01).reverse()] }), // clockwise
    ],
  });
  const chart = await taskMap(tasks, { width: 400, margin: 0, legend: false });
  const [left, right] = Array.from(chart.querySelectorAll("g[aria-label='geo'] path"))
    .map((path) => xExtent(path.getAttribute("d") ?? ""));
  assert.ok(left![1] - left![0] < 220 && right![1] - right![0] < 220, `${left} ${right}`);
  assert.ok(left![1] <= right![0] + 1, `the first task lies left of the second: ${left} ${right}`);
});

Deno.test("named charts: an empty frame draws a note; a wrong frame is refused", async () => {
  const empties = [
    [await progressOverTime(project.byDay.head(0)), "No contributions to chart"],
    [await progressOverTime(project.manyByDay.head(0)), "No contributions to chart"],
    [await activityOverTime(project.activities.head(0)), "No state changes to chart"],
    [await contributors(project.users.head(0)), "No contributors to chart"],
    [await taskMap(project.tasks.head(0)), "No tasks to draw"],
  ] as const;
  for (const [chart, note] of empties) {
    assertStandalone(chart);
    assert.ok(texts(chart, "text").includes(note), note);
    assert.equal(chart.querySelectorAll("g[aria-label='color legend']").length, 0);
  }
  await assert.rejects(
    () => progressOverTime(project.users),
    /Cannot draw progressOverTime: the frame lacks date, cumulativeMapped.*contributionsByDay/,
  );
  await assert.rejects(() => activityOverTime(project.tasks), /lacks actionDate, action/);
  await assert.rejects(
    () => contributors(project.tasks),
    /Cannot draw contributors: the frame lacks username and a count column \(mapped, /,
  );
  await assert.rejects(() => taskMap(project.users), TypeError);
});

Deno.test("named charts: Plot options pass through and merge over the defaults", async () => {
  const Plot = await importPlot();
  const chart = await progressOverTime(project.byDay, {
    width: 900,
    y: { label: "Tasks done" },
    legend: false,
    marks: [Plot.ruleY([1], { stroke: "red" })],
  });
  assert.equal(chart.getAttribute("width"), "900");
  assert.match(texts(chart, "g[aria-label='y-axis label'] text").join(), /Tasks done/);
  assert.equal(chart.querySelectorAll("g[aria-label='rule'][stroke='red'] line").length, 1);
  assert.equal(chart.querySelectorAll("g[aria-label='color legend']").length, 0);
  const bars = await contributors(project.users, { color: { range: ["black", "white", "red"] } });
  const fills = new Set(
    Array.from(bars.querySelectorAll("g[aria-label='bar'] rect")).map((r) =>
      r.getAttribute("fill")
    ),
  );
  assert.ok(
    [...fills].every((fill) => ["black", "white", "red"].includes(fill ?? "")),
    [...fills].join(),
  );
});
