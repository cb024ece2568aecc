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
import { activityBins, type Bin, pickInterval } from "./activity_bins.ts";
import { plotRows } from "./data.ts";
import type { ChartElement } from "./document.ts";
import { plotDocument } from "./document.ts";

/** The width of a bar: one day, week (from Monday, UTC, like polars' `truncate("1w")`) or month; `"auto"` picks by span. */
export type ActivityInterval = "auto" | "day" | "week" | "month";

/** Which actions are counted: state changes, locks (with extensions and auto-unlocks), or all. */
export type ActivityInclude = "stateChanges" | "locks" | "all";

/**
 * Options of {@link activityOverTime}: the chart's own, plus any Plot option, merged over the
 * chart's defaults (`x`, `y` and `color` scale options key by key; `marks` are drawn after the
 * chart's own).
 */
export interface ActivityOverTimeOptions extends PlotOptions {
  /**
   * Which actions to count: `"stateChanges"` (`STATE_CHANGE` rows: tasks set to mapped,
   * validated, invalidated ...), `"locks"` (`LOCKED_FOR_*`, `EXTENDED_FOR_*`,
   * `AUTO_UNLOCKED_FOR_*`) or `"all"` (those and comments).
   * @default "stateChanges"
   */
  include?: ActivityInclude;
  /**
   * What one bar counts: actions per `"day"`, `"week"` (from Monday, as polars'
   * `dt.truncate("1w")`) or `"month"`, in UTC. `"auto"` takes days when the activity spans at
   * most 120 days, weeks up to two years, months beyond.
   * @default "auto"
   */
  interval?: ActivityInterval;
  /**
   * Split `STATE_CHANGE` rows by the state they set (`actionText`: `→ MAPPED`,
   * `→ VALIDATED` ...), when the frame has `actionText`.
   * @default true
   */
  splitStateChanges?: boolean;
  /**
   * `"bar"`: stacked bars, the total per interval. `"line"`: one line per kind of action, with
   * zeros for intervals without any, to compare kinds (mapped against validated).
   * @default "bar"
   */
  mark?: "bar" | "line";
  /**
   * Running totals: each kind's count up to the end of each interval, so that a widening gap
   * between mapped and validated lines shows validation falling behind. Best with
   * `mark: "line"`.
   * @default false
   */
  cumulative?: boolean;
  /** Draw the colour legend above the chart, inside its `<svg>`. @default true */
  legend?: boolean;
  /** A title drawn inside the SVG, above the legend: best the question answered. @default none */
  title?: string;
  /** A line or two under the title, inside the SVG. @default none */
  subtitle?: string;
}

const INCLUDES: readonly ActivityInclude[] = ["stateChanges", "locks", "all"];
const LOCK = /^(LOCKED|EXTENDED|AUTO_UNLOCKED)_FOR_/;
const NOUNS: Record<ActivityInclude, string> = {
  stateChanges: "state changes",
  locks: "locks",
  all: "actions",
};

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

function included(include: ActivityInclude): (action: string) => boolean {
  if (include === "all") return () => true;
  if (include === "locks") return (action) => LOCK.test(action);
  return (action) => action === "STATE_CHANGE";
}

function kindOf(split: boolean): (row: Record<string, unknown>) => string {
  return (row) => {
    const action = String(row.action ?? "unknown");
    return split && action === "STATE_CHANGE" && typeof row.actionText === "string"
      ? `→ ${row.actionText}`
      : action;
  };
}

function when(bin: Bin, interval: "day" | "week" | "month"): string {
  const day = bin.start.toISOString().slice(0, 10);
  return interval === "day" ? day : interval === "week" ? `week of ${day}` : day.slice(0, 7);
}

/**
 * Actions per day, week or month by kind of action, from any frame with `actionDate` and
 * `action` (and, to split state changes by the state they set, `actionText`): the activities
 * of a project (`tm.project(id).activities().frame()`) or of many. By default only state
 * changes are counted (`include`), split into tasks set to mapped (blue), validated (green),
 * invalidated (red), bad imagery (grey) and ready; `include: "locks"` counts locks (ambers),
 * `"all"` everything. Weeks start on Monday (UTC), as polars' `dt.truncate("1w")`. Stacked
 * bars by default; `mark: "line"` draws one line per kind to compare them. The legend,
 * `title` and `subtitle` are drawn inside the SVG. A frame without rows to count draws a note;
 * a frame without the columns is refused, naming them.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set.
 *
 * @example Is validation keeping up with mapping? Week by week
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
 *   const chart = await activityOverTime(activity, {
 *     interval: "week",
 *     mark: "line",
 *     title: "Is validation keeping up with mapping?",
 *   });
 *   assert.match(toSvg(chart), /State changes per week/);
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
    include = "stateChanges",
    interval: asked = "auto",
    splitStateChanges = true,
    mark = "bar",
    cumulative = false,
    legend = true,
    title,
    subtitle,
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
  if (!INCLUDES.includes(include)) {
    throw new TypeError(
      `Cannot use include ${JSON.stringify(include)}: it must be "stateChanges", "locks" or "all"`,
    );
  }
  if (mark !== "bar" && mark !== "line") {
    throw new TypeError(`Cannot use mark ${JSON.stringify(mark)}: it must be "bar" or "line"`);
  }
  if (typeof cumulative !== "boolean") {
    throw new TypeError(
      `Cannot use cumulative ${JSON.stringify(cumulative)}: it must be a boolean`,
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
  const keep = included(include);
  const kind = kindOf(split);
  const rows = plotRows(
    frame,
    split ? ["actionDate", "action", "actionText"] : ["actionDate", "action"],
  )
    .filter((row) => row.actionDate instanceof Date && keep(String(row.action)))
    .map((row) => ({ time: (row.actionDate as Date).getTime(), kind: kind(row) }));
  const interval = asked !== "auto" ? asked : pickInterval(rows.map(({ time }) => time));
  const present = new Set(rows.map((row) => row.kind));
  const known = KINDS.filter(([key]) => present.has(key));
  const unknown = [...present].filter((key) => !KINDS.some(([k]) => k === key)).sort();
  const keys = [...known.map(([key]) => key), ...unknown];
  const colors = [...known.map(([, c]) => c), ...unknown.map((_, i) => OTHER_COLORS[i % 5]!)];
  const bins = activityBins(rows, { interval, keys, cumulative });
  const heights = new Map<number, number>();
  for (const bin of bins) {
    const at = bin.start.getTime();
    heights.set(
      at,
      mark === "bar"
        ? (heights.get(at) ?? 0) + bin.count
        : Math.max(heights.get(at) ?? 0, bin.count),
    );
  }
  const integers = countTicks(Math.max(0, ...heights.values()));
  const ticks = integers === undefined ? {} : { ticks: integers, tickFormat: "d" };
  const noun = NOUNS[include];
  const tip = (bin: Bin) =>
    `${bin.kind}: ${bin.count} · ${cumulative ? "by the end of " : ""}${when(bin, interval)}`;
  const drawn: PlotMarkish[] = mark === "bar"
    ? [Plot.rectY(bins.filter((bin) => bin.count > 0), {
      x1: "start",
      x2: "end",
      y: "count",
      fill: "kind",
      order: keys,
      inset: 0.5,
      title: tip,
    })]
    : [
      Plot.line(bins, {
        x: "start",
        y: "count",
        stroke: "kind",
        strokeWidth: 2,
        curve: "linear",
      }),
      Plot.dot(bins, { x: "start", y: "count", fill: "kind", r: 2, title: tip }),
    ];
  const own: PlotMarkish[] = rows.length === 0
    ? [emptyNote(Plot, `No ${noun} to chart`)]
    : [...drawn, Plot.ruleY([0])];
  const chart = Plot.plot({
    width: 640,
    height: 360,
    marginTop: 20,
    marginBottom: 44,
    ...rest,
    document,
    x: mergeScale({
      type: "utc",
      label: interval === "week"
        ? "Week, from Monday (UTC)"
        : interval === "month"
        ? "Month (UTC)"
        : "Date (UTC)",
      labelAnchor: "center",
    }, x),
    y: mergeScale({
      label: `↑ ${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${
        cumulative ? "since the first" : "per"
      } ${interval}`,
      grid: true,
      ...ticks,
    }, y),
    color: mergeScale({ type: "ordinal", domain: keys, range: colors }, color),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, rows.length === 0 ? [] : keys, {
    title: include === "locks" ? "Lock" : include === "all" ? "Action" : "State change",
    legend,
    heading: { title, subtitle },
  });
}
