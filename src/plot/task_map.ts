/**
 * `taskMap(frame)`: a project's task grid as a map, each task coloured by its status.
 *
 * @module
 */

import type { DataFrame, PlotMarkish, PlotOptions } from "../deps.ts";
import { importPlot } from "../deps.ts";
import { emptyNote, finishChart, mergeScale, requireColumns, type ScaledChart } from "./chart.ts";
import { plotRows } from "./data.ts";
import type { ChartElement } from "./document.ts";
import { plotDocument } from "./document.ts";

/**
 * Options of {@link taskMap}: the chart's own, plus any Plot option, merged over the chart's
 * defaults (`color` scale options key by key; `projection` replaces the default; `marks` are
 * drawn after the chart's own).
 */
export interface TaskMapOptions extends PlotOptions {
  /** Write each task's id at its centroid. @default true when there are at most 150 tasks */
  labels?: boolean;
  /** Draw the colour legend above the map, inside its `<svg>`, with a count per status. @default true */
  legend?: boolean;
  /** A title drawn inside the SVG, above the legend. @default none */
  title?: string;
  /** A line or two under the title, inside the SVG. @default none */
  subtitle?: string;
}

/** A GeoJSON feature of one task, as the map draws it. */
interface TaskShape {
  type: "Feature";
  properties: { taskId: number; taskStatus: string };
  geometry: unknown;
}

/** Every TM task status with a fixed colour, in legend order. */
export const TASK_STATUS_COLORS: Readonly<Record<string, string>> = {
  READY: "#f4f4f1",
  LOCKED_FOR_MAPPING: "#f5b942",
  MAPPED: "#7aa7e0",
  LOCKED_FOR_VALIDATION: "#c97f0e",
  VALIDATED: "#3a9a4f",
  INVALIDATED: "#d6453d",
  BADIMAGERY: "#6e6e6e",
  SPLIT: "#c9b8e3",
};

const OTHER = "#e377c2";

/** Statuses with a dark fill, whose task ids are written in white. */
const DARK = new Set(["VALIDATED", "INVALIDATED", "BADIMAGERY", "LOCKED_FOR_VALIDATION"]);

type Ring = [number, number][];

/** Twice the signed planar area of a ring: positive when it runs counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  }
  return sum;
}

function wound(ring: Ring, clockwise: boolean): Ring {
  return (signedArea(ring) < 0) === clockwise ? ring : [...ring].reverse();
}

/**
 * The geometry with its rings wound as d3-geo (which Plot projects with) reads them: outer
 * rings clockwise, holes counter-clockwise. GeoJSON (RFC 7946) winds them the other way, and
 * d3-geo would take such a task for the whole globe minus the task.
 */
function rewound(geometry: unknown): unknown {
  if (typeof geometry !== "object" || geometry === null) return geometry;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  const polygon = (rings: Ring[]) => rings.map((ring, i) => wound(ring, i === 0));
  if (type === "Polygon" && Array.isArray(coordinates)) {
    return { type, coordinates: polygon(coordinates as Ring[]) };
  }
  if (type === "MultiPolygon" && Array.isArray(coordinates)) {
    return { type, coordinates: (coordinates as Ring[][]).map(polygon) };
  }
  return geometry;
}

function shapes(rows: readonly Record<string, unknown>[]): TaskShape[] {
  const features: TaskShape[] = [];
  for (const row of rows) {
    if (typeof row.geometry !== "string") continue;
    features.push({
      type: "Feature",
      properties: { taskId: Number(row.taskId), taskStatus: String(row.taskStatus) },
      geometry: rewound(JSON.parse(row.geometry)),
    });
  }
  return features;
}

/**
 * A project's tasks as a map, from a tasks frame (`tm.project(id).tasks().frame()`: columns
 * `taskId`, `taskStatus`, `geometry` as GeoJSON text), one shape per task, filled with a fixed
 * colour per TM status: `READY` near white, the locks amber, `MAPPED` blue, `VALIDATED` green,
 * `INVALIDATED` red, `BADIMAGERY` grey (see {@link TASK_STATUS_COLORS}), with task ids at the
 * centroids (`labels`) and a legend with a count per status inside the SVG. The Mercator
 * projection is fitted to the tasks' extent, and the height follows the grid's shape unless
 * `height` is given. Each shape's tooltip gives its task id and status. Tasks without geometry
 * are left out; a frame without any draws a note.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set.
 *
 * @example A project's tasks
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { taskMap, toSvg } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [latest] = await tm.projects().orderBy("lastUpdated", "desc").limit(1).records();
 *   const tasks = await tm.project(latest!.projectId).tasks().frame();
 *   const chart = await taskMap(tasks);
 *   assert.equal(chart.querySelectorAll("g[aria-label='geo'] path").length, tasks.height);
 *   assert.match(toSvg(chart), /Task status/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function taskMap(
  frame: DataFrame,
  options: TaskMapOptions = {},
): Promise<ChartElement> {
  const { labels, legend = true, title, subtitle, marks = [], color, projection, ...rest } =
    options;
  requireColumns(
    frame,
    ["taskId", "taskStatus", "geometry"],
    "taskMap",
    "tm.project(id).tasks().frame()",
  );
  const [Plot, document] = await Promise.all([importPlot(), plotDocument()]);
  const features = shapes(plotRows(frame, ["taskId", "taskStatus", "geometry"]));
  const counts = new Map<string, number>();
  for (const { properties } of features) {
    counts.set(properties.taskStatus, (counts.get(properties.taskStatus) ?? 0) + 1);
  }
  const known = Object.keys(TASK_STATUS_COLORS).filter((status) => counts.has(status));
  const keys = [...known, ...[...counts.keys()].filter((s) => !known.includes(s)).sort()];
  const collection = { type: "FeatureCollection", features };
  const status = (feature: TaskShape) => feature.properties.taskStatus;
  const own: PlotMarkish[] = features.length === 0 ? [emptyNote(Plot, "No tasks to draw")] : [
    Plot.geo(features, {
      fill: status,
      stroke: "#555",
      strokeWidth: 0.6,
      title: (feature: TaskShape) => `Task ${feature.properties.taskId}: ${status(feature)}`,
    }),
  ];
  if (features.length > 0 && (labels ?? features.length <= 150)) {
    const dark = features.filter((feature) => DARK.has(status(feature)));
    const light = features.filter((feature) => !DARK.has(status(feature)));
    for (const [group, fill] of [[light, "#222"], [dark, "white"]] as const) {
      own.push(Plot.text(
        group,
        Plot.centroid({ text: (f: TaskShape) => String(f.properties.taskId), fill, fontSize: 9 }),
      ));
    }
  }
  const chart = Plot.plot({
    width: 640,
    margin: 10,
    ...rest,
    document,
    projection: projection ??
      (features.length === 0 ? undefined : { type: "mercator", domain: collection, inset: 4 }),
    color: mergeScale({
      type: "ordinal",
      domain: keys,
      range: keys.map((key) => TASK_STATUS_COLORS[key] ?? OTHER),
    }, color),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, keys, {
    title: "Task status",
    legend,
    label: (key) => `${key} (${counts.get(key)})`,
    stroke: "#555",
    heading: { title, subtitle },
  });
}
