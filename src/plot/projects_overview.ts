/**
 * `projectsOverview(frame)`: where a set of projects stands, percent mapped against percent
 * validated, one dot per project, coloured by status or organisation.
 *
 * @module
 */

import type { DataFrame, PlotMarkish, PlotOptions } from "../deps.ts";
import { importPlot } from "../deps.ts";
import { finishChart, mergeScale, type ScaledChart } from "./chart.ts";
import { plotRows } from "./data.ts";
import { type ChartElement, plotDocument } from "./document.ts";

/** What the dots are coloured by. */
export type ProjectsColorBy = "status" | "organisation";

/**
 * Options of {@link projectsOverview}: the chart's own, plus any Plot option, merged over the
 * chart's defaults (`x`, `y` and `color` scale options are merged key by key; `marks` are drawn
 * after the chart's own).
 */
export interface ProjectsOverviewOptions extends PlotOptions {
  /** Colour by project `status` or by `organisationName`. @default "status" */
  colorBy?: ProjectsColorBy;
  /** With `colorBy: "organisation"`, the organisations with most projects that keep their own colour; the rest are "other". @default 8 */
  organisations?: number;
  /** Draw the colour legend above the chart, inside its `<svg>`. @default true */
  legend?: boolean;
  /** A title drawn inside the SVG, above the legend. @default none */
  title?: string;
  /** A line or two under the title, inside the SVG. @default none */
  subtitle?: string;
}

const COLUMNS = [
  "projectId",
  "name",
  "status",
  "organisationName",
  "percentMapped",
  "percentValidated",
] as const;

const OTHER = "other";

function checkColumns(frame: DataFrame): void {
  const missing = COLUMNS.filter((name) => !frame.columns.includes(name));
  if (missing.length > 0) {
    throw new TypeError(
      `Cannot draw projectsOverview: the frame lacks ${missing.join(", ")}; ` +
        "pass a projects frame, e.g. await tm.projects().frame()",
    );
  }
}

/** The `top` organisations by project count (ties by name), for colour keys. */
function topOrganisations(rows: readonly Record<string, unknown>[], top: number): Set<string> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const name = String(row.organisationName ?? OTHER);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Set(ranked.slice(0, top).map(([name]) => name));
}

/**
 * Percent mapped (x) against percent validated (y) for every project of a projects frame (as
 * `tm.projects().frame()` returns it), one dot per project with its name as a tooltip, and a
 * dashed diagonal where validation has caught up with mapping (TM counts validated tasks as
 * mapped, so dots sit on or below it). Coloured by status (default) or organisation, with the
 * legend drawn inside the SVG.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set: the Deno Jupyter kernel shows it as
 * `image/svg+xml`, and `toSvg()` writes it to a file. `title` and `subtitle` are drawn inside
 * the SVG. Other Plot options pass through; one that makes Plot add HTML (`caption`,
 * `color: { legend: true }`) gives an HTML `<figure>` instead.
 *
 * @example Chart the projects the emulator serves
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { projectsOverview, toSvg } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const frame = await tm.projects().status("PUBLISHED", "ARCHIVED").limit(40).frame();
 *   const chart = await projectsOverview(frame, { colorBy: "status", width: 720 });
 *   assert.equal(chart.querySelectorAll("circle[r='3.5']").length, frame.height);
 *   assert.match(toSvg(chart), /Percent mapped/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function projectsOverview(
  frame: DataFrame,
  options: ProjectsOverviewOptions = {},
): Promise<ChartElement> {
  const {
    colorBy = "status",
    organisations = 8,
    legend = true,
    title,
    subtitle,
    marks = [],
    x,
    y,
    color,
    ...rest
  } = options;
  if (colorBy !== "status" && colorBy !== "organisation") {
    throw new TypeError(
      `Cannot use colorBy ${JSON.stringify(colorBy)}: it must be "status" or "organisation"`,
    );
  }
  if (!Number.isSafeInteger(organisations) || organisations < 1) {
    throw new RangeError(
      `Cannot use organisations ${organisations}: it must be a positive integer`,
    );
  }
  checkColumns(frame);
  const [Plot, document] = await Promise.all([importPlot(), plotDocument()]);
  const rows = plotRows(frame, COLUMNS);
  const top = topOrganisations(rows, organisations);
  const key = colorBy === "status"
    ? (row: Record<string, unknown>) => String(row.status ?? OTHER)
    : (row: Record<string, unknown>) => {
      const name = String(row.organisationName ?? OTHER);
      return top.has(name) ? name : OTHER;
    };
  const keys = [...new Set(rows.map(key))].sort((a, b) =>
    Number(a === OTHER) - Number(b === OTHER) || a.localeCompare(b)
  );
  const own: PlotMarkish[] = [
    Plot.line([[0, 0], [100, 100]], { stroke: "#999", strokeDasharray: "4,3" }),
    Plot.text([[100, 100]], {
      text: ["validated = mapped"],
      textAnchor: "end",
      dx: -4,
      dy: -8,
      fill: "#777",
    }),
    Plot.dot(rows, {
      x: "percentMapped",
      y: "percentValidated",
      fill: key,
      r: 3.5,
      fillOpacity: 0.75,
      stroke: "white",
      strokeWidth: 0.5,
      title: (row: Record<string, unknown>) =>
        `${row.name} (#${row.projectId})\n${row.status} · ${row.organisationName}\n` +
        `mapped ${row.percentMapped}% · validated ${row.percentValidated}%`,
    }),
  ];
  const chart = Plot.plot({
    width: 640,
    height: 420,
    marginTop: 24,
    grid: true,
    ...rest,
    document,
    x: mergeScale({ domain: [0, 100], label: "Percent mapped (%) →", labelAnchor: "right" }, x),
    y: mergeScale({ domain: [0, 100], label: "↑ Percent validated (%)" }, y),
    color: mergeScale({ type: "ordinal", domain: keys, scheme: "tableau10" }, color),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, keys, {
    title: colorBy === "status" ? "Status" : "Organisation",
    legend,
    heading: { title, subtitle },
  });
}
