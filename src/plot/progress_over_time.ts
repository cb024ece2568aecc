/**
 * `progressOverTime(frame)`: cumulative mapped and validated tasks, day by day, against the
 * project's total, from `contributionsByDay()` of one project or of many.
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
import { progressLines } from "./progress_lines.ts";
import type { ChartElement } from "./document.ts";
import { plotDocument } from "./document.ts";
import { type Moment, toInstant } from "../time.ts";

/**
 * How a frame of many projects (with `projectId`) is drawn: summed into one chart, one panel
 * each, or one line each on one chart.
 */
export type ProgressBy = "total" | "project" | "overlay";

/**
 * Options of {@link progressOverTime}: the chart's own, plus any Plot option, merged over the
 * chart's defaults (`x`, `y`, `fy` and `color` scale options key by key; `marks` are drawn
 * after the chart's own).
 */
export interface ProgressOverTimeOptions extends PlotOptions {
  /**
   * For a frame of many projects (one with a `projectId` column): `"total"` sums them into one
   * chart (each project's counts carried forward to every later day, its tasks counted from
   * the start); `"project"` draws one panel per project; `"overlay"` draws every project on one
   * chart, a colour each (validated solid, mapped dashed), best with `normalize`. Ignored for
   * one project's frame.
   * @default "total"
   */
  by?: ProgressBy;
  /** Percent of each project's tasks rather than counts of tasks. @default false */
  normalize?: boolean;
  /**
   * The first day drawn (a `Date`, `"YYYY-MM-DD"` or ISO date-time). The counts are running
   * totals from each project's start, so the lines begin at the level reached by then.
   * @default the first day of the frame
   */
  from?: Moment;
  /**
   * The last day drawn; the lines hold their last level up to it.
   * @default the last day of the frame (with `from`: every line is carried to it)
   */
  to?: Moment;
  /** Draw the colour legend above the chart, inside its `<svg>`. @default true */
  legend?: boolean;
  /** A title drawn inside the SVG, above the legend: best the question answered. @default none */
  title?: string;
  /** A line or two under the title, inside the SVG. @default none */
  subtitle?: string;
}

const COLUMNS = ["date", "cumulativeMapped", "cumulativeValidated", "totalTasks"] as const;
const SERIES = [
  { key: "Mapped", column: "cumulativeMapped", color: "#4269d0" },
  { key: "Validated", column: "cumulativeValidated", color: "#3a9a4f" },
  { key: "Total tasks", column: "totalTasks", color: "#8c8c8c" },
] as const;
const BY: readonly ProgressBy[] = ["total", "project", "overlay"];

/**
 * Cumulative mapped and validated tasks over time against the total number of tasks (a dashed
 * step line), from any frame with `date`, `cumulativeMapped`, `cumulativeValidated` and
 * `totalTasks`: `tm.project(id).contributionsByDay().frame()`, or the same of many projects
 * (with `projectId`, and project names in labels when it has `projectName` or `name`),
 * summed (`by: "total"`, the default), one panel each (`by: "project"`) or one line each on
 * one chart (`by: "overlay"`). `normalize` draws percent of tasks; `from` and `to` cut the
 * time axis while keeping the running totals right (the lines begin at the level reached
 * before `from`, and hold their last level to `to`; cutting the frame yourself would not).
 * The lines are steps: a count holds until the next day with a change. TM counts validated
 * tasks as mapped, so the validated line stays under the mapped one. The legend, `title` and
 * `subtitle` are drawn inside the SVG. A frame without rows draws empty axes with a note; a
 * frame without the columns is refused, naming them.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set.
 *
 * @example One project's progress, in percent, since May 2026
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { progressOverTime, toSvg } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [latest] = await tm.projects().orderBy("lastUpdated", "desc").limit(1).records();
 *   const days = await tm.project(latest!.projectId).contributionsByDay().frame();
 *   const chart = await progressOverTime(days, {
 *     normalize: true,
 *     from: "2026-05-01",
 *     title: "How far along is the project?",
 *   });
 *   assert.match(toSvg(chart), /Percent of tasks/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function progressOverTime(
  frame: DataFrame,
  options: ProgressOverTimeOptions = {},
): Promise<ChartElement> {
  const {
    by = "total",
    normalize = false,
    from: fromOption,
    to: toOption,
    legend = true,
    title,
    subtitle,
    marks = [],
    x,
    y,
    fy,
    color,
    ...rest
  } = options;
  if (!BY.includes(by)) {
    throw new TypeError(
      `Cannot use by ${JSON.stringify(by)}: it must be "total", "project" or "overlay"`,
    );
  }
  if (typeof normalize !== "boolean") {
    throw new TypeError(`Cannot use normalize ${JSON.stringify(normalize)}: it must be a boolean`);
  }
  const from = fromOption === undefined ? undefined : toInstant("from", fromOption);
  const to = toOption === undefined ? undefined : toInstant("to", toOption);
  if (from !== undefined && to !== undefined && to < from) {
    throw new RangeError(
      `Cannot use from ${from.toISOString()} and to ${to.toISOString()}: to precedes from`,
    );
  }
  requireColumns(
    frame,
    COLUMNS,
    "progressOverTime",
    "tm.project(id).contributionsByDay().frame()",
  );
  const many = frame.columns.includes("projectId");
  const split = many && by !== "total";
  const facet = split && by === "project";
  const overlay = split && by === "overlay";
  const { projects, points, end } = progressLines(frame, {
    split,
    normalize,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  });
  const [Plot, document] = await Promise.all([importPlot(), plotDocument()]);
  const top = Math.max(0, ...points.map((point) => point.totalTasks));
  const integers = normalize ? undefined : countTicks(top);
  const ticks = integers === undefined ? {} : { ticks: integers, tickFormat: "d" };
  const step = { x: "date", curve: "step-after", ...(facet ? { fy: "project" } : {}) } as const;
  const own: PlotMarkish[] = points.length === 0
    ? [emptyNote(Plot, "No contributions to chart")]
    : overlay
    ? [
      ...(["cumulativeMapped", "cumulativeValidated"] as const).map((column) =>
        Plot.line(points, {
          ...step,
          y: column,
          z: "project",
          stroke: "project",
          strokeWidth: column === "cumulativeValidated" ? 2.2 : 1.4,
          strokeDasharray: column === "cumulativeValidated" ? "none" : "5,3",
        })
      ),
    ]
    : SERIES.map(({ key, column }) =>
      Plot.line(points, {
        ...step,
        y: column,
        stroke: () => key,
        strokeWidth: key === "Total tasks" ? 1.5 : 2,
        strokeDasharray: key === "Total tasks" ? "5,4" : "none",
      })
    );
  const named = projects.some((project) => project.includes(" "));
  if (facet && named && points.length > 0) {
    own.push(Plot.text(projects, {
      fy: (project: string) => project,
      text: (project: string) => project,
      frameAnchor: "top-left",
      dx: 6,
      dy: 4,
      fontWeight: "bold",
      fill: "#333",
    }));
  }
  const keys = overlay ? projects : SERIES.map(({ key }) => key);
  const chart = Plot.plot({
    width: 640,
    height: facet ? 64 + 140 * projects.length : 360,
    marginTop: 20,
    marginBottom: 44,
    marginRight: facet && !named ? 70 : 20,
    grid: true,
    ...rest,
    document,
    x: mergeScale({
      type: "utc",
      label: "Date (UTC)",
      labelAnchor: "center",
      ...(from !== undefined && end !== undefined ? { domain: [from, end] } : {}),
    }, x),
    y: mergeScale(
      normalize
        ? { label: "↑ Percent of tasks (%)", domain: [0, 100] }
        : { label: "↑ Tasks", zero: true, nice: true, ...ticks },
      y,
    ),
    fy: mergeScale({
      domain: projects,
      label: named ? null : "Project",
      padding: 0.2,
      ...(named ? { axis: null } : {}),
    }, fy),
    color: mergeScale(
      overlay ? { type: "ordinal", domain: projects, scheme: "tableau10" } : {
        type: "ordinal",
        domain: SERIES.map(({ key }) => key),
        range: SERIES.map(({ color }) => color),
      },
      color,
    ),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, points.length === 0 ? [] : keys, {
    title: overlay
      ? "Validated (solid), mapped (dashed)"
      : many && !facet
      ? "All projects"
      : "Tasks",
    legend,
    heading: { title, subtitle },
  });
}
