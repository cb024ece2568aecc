/**
 * `activityOverTime(frame)`: how busy a project was, as stacked bars of actions per day (or
 * week, or month) by kind of action, from an activities frame.
 *
 * @module
 */

import type { DataFrame, PlotMarkish, PlotOptions } from "../deps.ts";
import { importPlot } from "../deps.ts";
import {
  countTicks,
  emptyNote,
  finishChart,
  mergeScale,
  requireColumns,
  type ScaledChart,
} from "./chart.ts";
import { plotRows } from "./data.ts";
import type { ChartElement } from "./document.ts";
import { plotDocument } from "./document.ts";

/** The width of a bar: one day, week (from Sunday, UTC) or month; `"auto"` picks by span. */
export type ActivityInterval = "auto" | "day" | "week" | "month";

/**
 * Options of {@link activityOverTime}: the chart's own, plus any Plot option, merged over the
 * chart's defaults (`x`, `y` and `color` scale options key by key; `marks` are drawn after the
 * chart's own).
 */
export interface ActivityOverTimeOptions extends PlotOptions {
  /**
   * What one bar counts: actions per `"day"`, `"week"` or `"month"` (UTC). `"auto"` takes days
   * when the activity spans at most 120 days, weeks up to two years, months beyond.
   * @default "auto"
   */
  interval?: ActivityInterval;
  /**
   * Split `STATE_CHANGE` rows by the state they set (`actionText`: `→ MAPPED`,
   * `→ VALIDATED` ...), when the frame has `actionText`.
   * @default true
   */
  splitStateChanges?: boolean;
  /** Draw the colour legend above the chart, inside its `<svg>`. @default true */
  legend?: boolean;
}

const DAY = 86_400_000;

/** Every kind of bar with a fixed colour, in legend order. */
const KINDS: readonly (readonly [string, string])[] = [
  ["LOCKED_FOR_MAPPING", "#f5b942"],
  ["EXTENDED_FOR_MAPPING", "#f7d68a"],
  ["AUTO_UNLOCKED_FOR_MAPPING", "#d8d0b8"],
  ["STATE_CHANGE", "#4269d0"],
  ["→ MAPPED", "#4269d0"],
  ["→ VALIDATED", "#3a9a4f"],
  ["→ INVALIDATED", "#d6453d"],
  ["→ BADIMAGERY", "#6e6e6e"],
  ["→ READY", "#a8c6f0"],
  ["LOCKED_FOR_VALIDATION", "#c97f0e"],
  ["EXTENDED_FOR_VALIDATION", "#e3b070"],
  ["AUTO_UNLOCKED_FOR_VALIDATION", "#b5a88f"],
  ["COMMENT", "#9c6bb5"],
];
const OTHER_COLORS = ["#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

function kindOf(split: boolean): (row: Record<string, unknown>) => string {
  return (row) => {
    const action = String(row.action ?? "unknown");
    return split && action === "STATE_CHANGE" && typeof row.actionText === "string"
      ? `→ ${row.actionText}`
      : action;
  };
}

/** The start of the UTC day, week (from Sunday) or month of an instant, as a bin key. */
function binKey(time: number, interval: "day" | "week" | "month"): number {
  const day = Math.floor(time / DAY);
  if (interval === "day") return day;
  if (interval === "week") return Math.floor((day + 4) / 7); // 1970-01-01 was a Thursday
  const date = new Date(time);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The most actions in one bar, for the y ticks. */
function tallest(rows: readonly Record<string, unknown>[], interval: "day" | "week" | "month") {
  const counts = new Map<number, number>();
  let most = 0;
  for (const row of rows) {
    const key = binKey((row.actionDate as Date).getTime(), interval);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > most) most = count;
  }
  return most;
}

function pickInterval(rows: readonly Record<string, unknown>[]): "day" | "week" | "month" {
  let first = Infinity, last = -Infinity;
  for (const row of rows) {
    const time = row.actionDate instanceof Date ? row.actionDate.getTime() : NaN;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  const days = (last - first) / DAY;
  return !(days > 120) ? "day" : days <= 730 ? "week" : "month";
}

/**
 * Stacked bars of actions per day, week or month, coloured by kind of action, from an
 * activities frame: `tm.project(id).activities().frame()` (columns `actionDate`, `action` and,
 * to split state changes by the state they set, `actionText`), or the same of many projects.
 * Locks are ambers, state changes blue (mapped), green (validated), red (invalidated) and grey
 * (bad imagery), with the legend inside the SVG. A frame without rows draws a note.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set.
 *
 * @example A project's activity, week by week
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { activityOverTime, toSvg } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [latest] = await tm.projects().orderBy("lastUpdated", "desc").limit(1).records();
 *   const activity = await tm.project(latest!.projectId).activities().frame();
 *   const chart = await activityOverTime(activity, { interval: "week" });
 *   assert.match(toSvg(chart), /Actions per week/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function activityOverTime(
  frame: DataFrame,
  options: ActivityOverTimeOptions = {},
): Promise<ChartElement> {
  const {
    interval: asked = "auto",
    splitStateChanges = true,
    legend = true,
    marks = [],
    x,
    y,
    color,
    ...rest
  } = options;
  if (!["auto", "day", "week", "month"].includes(asked)) {
    throw new TypeError(
      `Cannot use interval ${JSON.stringify(asked)}: it must be "auto", "day", "week" or "month"`,
    );
  }
  requireColumns(
    frame,
    ["actionDate", "action"],
    "activityOverTime",
    "tm.project(id).activities().frame()",
  );
  const split = splitStateChanges && frame.columns.includes("actionText");
  const [Plot, document] = await Promise.all([importPlot(), plotDocument()]);
  const rows = plotRows(
    frame,
    split ? ["actionDate", "action", "actionText"] : ["actionDate", "action"],
  )
    .filter((row) => row.actionDate instanceof Date);
  const interval = asked === "auto" ? pickInterval(rows) : asked;
  const kind = kindOf(split);
  const present = new Set(rows.map(kind));
  const known = KINDS.filter(([key]) => present.has(key));
  const unknown = [...present].filter((key) => !KINDS.some(([k]) => k === key)).sort();
  const keys = [...known.map(([key]) => key), ...unknown];
  const colors = [...known.map(([, c]) => c), ...unknown.map((_, i) => OTHER_COLORS[i % 5]!)];
  const integers = countTicks(tallest(rows, interval));
  const ticks = integers === undefined ? {} : { ticks: integers, tickFormat: "d" };
  const bars = { x: "actionDate", fill: kind, interval, order: [...keys], inset: 0.5 };
  const own: PlotMarkish[] = rows.length === 0 ? [emptyNote(Plot, "No activity to chart")] : [
    Plot.rectY(
      rows,
      Plot.binX({ y: "count", title: (bin: unknown[]) => `${bin.length} actions` }, bars),
    ),
    Plot.ruleY([0]),
  ];
  const chart = Plot.plot({
    width: 640,
    height: 360,
    marginTop: 20,
    marginBottom: 44,
    ...rest,
    document,
    x: mergeScale({ type: "utc", label: "Date (UTC)", labelAnchor: "center" }, x),
    y: mergeScale({ label: `↑ Actions per ${interval}`, grid: true, ...ticks }, y),
    color: mergeScale({ type: "ordinal", domain: keys, range: colors }, color),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, rows.length === 0 ? [] : keys, { title: "Action", legend });
}
