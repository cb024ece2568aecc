/**
 * `progressOverTime(frame)`: cumulative mapped and validated tasks, day by day, against the
 * project's total, from `contributionsByDay()` of one project or of many.
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
import { plotRows } from "./data.ts";
import type { ChartElement } from "./document.ts";
import { plotDocument } from "./document.ts";

/** How a frame of many projects (with `projectId`) is drawn: summed, or one panel each. */
export type ProgressBy = "total" | "project";

/**
 * Options of {@link progressOverTime}: the chart's own, plus any Plot option, merged over the
 * chart's defaults (`x`, `y`, `fy` and `color` scale options key by key; `marks` are drawn
 * after the chart's own).
 */
export interface ProgressOverTimeOptions extends PlotOptions {
  /**
   * For a frame of many projects (one with a `projectId` column): `"total"` sums them into one
   * chart (each project's counts carried forward to every later day, its tasks counted from
   * the start); `"project"` draws one panel per project. Ignored for one project's frame.
   * @default "total"
   */
  by?: ProgressBy;
  /** Draw the colour legend above the chart, inside its `<svg>`. @default true */
  legend?: boolean;
}

const COLUMNS = ["date", "cumulativeMapped", "cumulativeValidated", "totalTasks"] as const;
const COUNTS = ["cumulativeMapped", "cumulativeValidated", "totalTasks"] as const;
const SERIES = [
  { key: "Mapped", column: "cumulativeMapped", color: "#4269d0" },
  { key: "Validated", column: "cumulativeValidated", color: "#3a9a4f" },
  { key: "Total tasks", column: "totalTasks", color: "#8c8c8c" },
] as const;

/**
 * The campaign-wide counts per day of a many-projects frame: every project's cumulative counts
 * carried forward to each day of the union of days (0 before its first day), its `totalTasks`
 * carried back as well, then summed per day.
 */
function summed(frame: DataFrame): DataFrame {
  const days = frame.select("date").unique().sort("date");
  const grid = frame.select("projectId").unique().join(days, { how: "cross" });
  return grid
    .join(frame.select("projectId", ...COLUMNS), { on: ["projectId", "date"], how: "left" })
    .sort(["projectId", "date"])
    .withColumns(
      pl.col("cumulativeMapped").forwardFill().over("projectId").fillNull(0),
      pl.col("cumulativeValidated").forwardFill().over("projectId").fillNull(0),
      pl.col("totalTasks").forwardFill().over("projectId").backwardFill().over("projectId"),
    )
    .groupBy("date")
    .agg(...COUNTS.map((name) => pl.col(name).sum()))
    .sort("date");
}

/**
 * Cumulative mapped and validated tasks over time against the total number of tasks (a dashed
 * step line), from a contributions-by-day frame: `tm.project(id).contributionsByDay().frame()`
 * (columns `date`, `cumulativeMapped`, `cumulativeValidated`, `totalTasks`), or the same of
 * many projects (`tm.projects(ids).contributionsByDay().frame()`, with `projectId`), summed
 * (`by: "total"`, the default) or one panel per project (`by: "project"`, best for a handful).
 * The lines are steps: a count holds until the next day with a change. TM counts validated
 * tasks as mapped, so the validated line stays under the mapped one. A frame without rows
 * draws empty axes with a note.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set and the legend inside it.
 *
 * @example One project's progress
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
 *   const chart = await progressOverTime(days, { width: 720 });
 *   assert.match(toSvg(chart), /Total tasks/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function progressOverTime(
  frame: DataFrame,
  options: ProgressOverTimeOptions = {},
): Promise<ChartElement> {
  const { by = "total", legend = true, marks = [], x, y, fy, color, ...rest } = options;
  if (by !== "total" && by !== "project") {
    throw new TypeError(`Cannot use by ${JSON.stringify(by)}: it must be "total" or "project"`);
  }
  requireColumns(
    frame,
    COLUMNS,
    "progressOverTime",
    "tm.project(id).contributionsByDay().frame()",
  );
  const many = frame.columns.includes("projectId");
  const facet = many && by === "project";
  const data = many && !facet ? summed(frame) : frame.sort(facet ? ["projectId", "date"] : "date");
  const [Plot, document] = await Promise.all([importPlot(), plotDocument()]);
  const rows = plotRows(data, facet ? ["projectId", ...COLUMNS] : COLUMNS);
  const projects = facet ? new Set(rows.map((row) => row.projectId)).size : 1;
  const top = Math.max(0, ...rows.map((row) => Number(row.totalTasks) || 0));
  const integers = countTicks(top);
  const ticks = integers === undefined ? {} : { ticks: integers, tickFormat: "d" };
  const own: PlotMarkish[] = rows.length === 0
    ? [emptyNote(Plot, "No contributions to chart")]
    : SERIES.map(({ key, column }) =>
      Plot.line(rows, {
        x: "date",
        y: column,
        ...(facet ? { fy: "projectId" } : {}),
        stroke: () => key,
        strokeWidth: key === "Total tasks" ? 1.5 : 2,
        strokeDasharray: key === "Total tasks" ? "5,4" : "none",
        curve: "step-after",
      })
    );
  const chart = Plot.plot({
    width: 640,
    height: facet ? 64 + 140 * projects : 360,
    marginTop: 20,
    marginBottom: 44,
    marginRight: facet ? 70 : 20,
    grid: true,
    ...rest,
    document,
    x: mergeScale({ type: "utc", label: "Date (UTC)", labelAnchor: "center" }, x),
    y: mergeScale({ label: "↑ Tasks", zero: true, nice: true, ...ticks }, y),
    fy: mergeScale({ label: "Project", padding: 0.2, tickFormat: (id: unknown) => `#${id}` }, fy),
    color: mergeScale({
      type: "ordinal",
      domain: SERIES.map(({ key }) => key),
      range: SERIES.map(({ color }) => color),
    }, color),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, rows.length === 0 ? [] : SERIES.map(({ key }) => key), {
    title: many && !facet ? "All projects" : "Tasks",
    legend,
  });
}
