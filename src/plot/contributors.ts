/**
 * `contributors(frame)`: the top mappers and validators of a project (or of many), as
 * horizontal stacked bars of tasks mapped and validated per user.
 *
 * @module
 */

import type { DataFrame, PlotMarkish, PlotOptions } from "../deps.ts";
import { importPlot, pl } from "../deps.ts";
import {
  countTicks,
  emptyNote,
  finishChart,
  mergeScale,
  requireColumns,
  type ScaledChart,
} from "./chart.ts";
import type { ChartElement } from "./document.ts";
import { plotDocument } from "./document.ts";

/**
 * Options of {@link contributors}: the chart's own, plus any Plot option, merged over the
 * chart's defaults (`x`, `y` and `color` scale options key by key; `marks` are drawn after the
 * chart's own).
 */
export interface ContributorsOptions extends PlotOptions {
  /** How many users to show, those with the highest `total` first. @default 15 */
  top?: number;
  /** Draw the colour legend above the chart, inside its `<svg>`. @default true */
  legend?: boolean;
}

const COLUMNS = ["username", "mapped", "validated", "total"] as const;
const MEASURES = [
  { key: "Mapped", column: "mapped", color: "#4269d0" },
  { key: "Validated", column: "validated", color: "#3a9a4f" },
  { key: "Bad imagery", column: "badImagery", color: "#8c8c8c" },
] as const;
const ROW_HEIGHT = 22;
const CHAR = 6.5;

interface Contributor {
  username: string;
  mapped: number;
  validated: number;
  badImagery?: number;
  total: number;
}

/** The tasks a user's bar shows: mapped, validated and (when drawn) marked bad imagery. */
function drawn(user: Contributor): number {
  return Number(user.mapped) + Number(user.validated) + Number(user.badImagery ?? 0);
}

function shortName(name: string): string {
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

/**
 * Tasks mapped (blue), validated (green) and marked bad imagery (grey, when the frame has
 * `badImagery`) per user, as horizontal stacked bars with the sum (TM's `total`) at the end of
 * each bar, for the `top` users by `total` (ties by name), from a
 * contributions frame: `tm.project(id).contributions().frame()` (columns `username`, `mapped`,
 * `validated`, `total`), or the same of many projects (`projectId`), whose rows are summed per
 * user first. Users who hold no task now (`total` 0: only locks, or work since re-done by
 * others) are left out. The height grows with the number of users (22 px each) unless `height` is given.
 * A frame without rows draws a note.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set and the legend inside it.
 *
 * @example The ten busiest users of a project
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { contributors } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [latest] = await tm.projects().orderBy("lastUpdated", "desc").limit(1).records();
 *   const users = await tm.project(latest!.projectId).contributions().frame();
 *   const chart = await contributors(users, { top: 10 });
 *   const names = chart.querySelectorAll("g[aria-label='y-axis tick label'] text");
 *   assert.equal(names.length, Math.min(10, users.height));
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function contributors(
  frame: DataFrame,
  options: ContributorsOptions = {},
): Promise<ChartElement> {
  const { top = 15, legend = true, marks = [], x, y, color, ...rest } = options;
  if (!Number.isSafeInteger(top) || top < 1) {
    throw new RangeError(`Cannot use top ${top}: it must be a positive integer`);
  }
  requireColumns(frame, COLUMNS, "contributors", "tm.project(id).contributions().frame()");
  const extra = frame.columns.includes("badImagery") ? ["badImagery"] : [];
  const measures = MEASURES.filter(({ column }) => frame.columns.includes(column));
  const users = frame
    .groupBy("username")
    .agg(...[...COLUMNS.slice(1), ...extra].map((name) => pl.col(name).sum()))
    .filter(pl.col("total").gt(0))
    .sort(["total", "username"], [true, false])
    .head(top)
    .toRecords() as unknown as Contributor[];
  const [Plot, document] = await Promise.all([importPlot(), plotDocument()]);
  const names = users.map((user) => String(user.username));
  const bars = users.flatMap((user) =>
    measures.filter(({ column }) => Number(user[column] ?? 0) > 0).map(({ key, column }) => ({
      username: String(user.username),
      measure: key,
      tasks: Number(user[column]),
    }))
  );
  const integers = countTicks(Math.max(0, ...users.map(drawn)));
  const ticks = integers === undefined ? {} : { ticks: integers, tickFormat: "d" };
  const longest = Math.max(0, ...names.map((name) => Math.min(name.length, 24)));
  const own: PlotMarkish[] = users.length === 0 ? [emptyNote(Plot, "No contributors to chart")] : [
    Plot.barX(bars, {
      x: "tasks",
      y: "username",
      fill: "measure",
      order: measures.map(({ key }) => key),
      title: (bar: { username: string; measure: string; tasks: number }) =>
        `${bar.username}: ${bar.tasks} ${bar.measure.toLowerCase()}`,
    }),
    Plot.text(users, {
      x: drawn,
      y: "username",
      text: (user: Contributor) => String(drawn(user)),
      textAnchor: "start",
      dx: 4,
      fill: "#555",
    }),
    Plot.ruleX([0]),
  ];
  const chart = Plot.plot({
    width: 640,
    height: 16 + 40 + ROW_HEIGHT * Math.max(users.length, 3),
    marginTop: 16,
    marginBottom: 40,
    marginLeft: Math.max(60, Math.ceil(longest * CHAR) + 16),
    marginRight: 36,
    ...rest,
    document,
    x: mergeScale({ label: "Tasks →", labelAnchor: "right", grid: true, ...ticks }, x),
    y: mergeScale({ domain: names, label: null, tickFormat: shortName }, y),
    color: mergeScale({
      type: "ordinal",
      domain: measures.map(({ key }) => key),
      range: measures.map(({ color }) => color),
    }, color),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, users.length === 0 ? [] : measures.map(({ key }) => key), {
    title: "Tasks",
    legend,
  });
}
