/**
 * What the named charts share: checking a frame's columns, merging scale options over a
 * chart's defaults, a note for empty frames, and the finishing touches (namespace, legend).
 *
 * @module
 */

import type { DataFrame, PlotMarkish, PlotModule, PlotScaleOptions } from "../deps.ts";
import { type ChartDocument, type ChartElement, withNamespaces } from "./document.ts";
import { addHeading, type Heading } from "./heading.ts";
import { addSwatchLegend } from "./legend.ts";

/** A Plot chart with its scales, as `Plot.plot()` returns it. */
export type ScaledChart = ChartElement & {
  scale(name: "color"): { apply(value: unknown): unknown } | undefined;
};

/**
 * Throws `TypeError` naming the columns `frame` lacks, the chart and the frame to pass.
 *
 * @example
 * ```ts
 * import { requireColumns } from "./chart.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = pl.DataFrame({ a: [1] });
 * assert.throws(
 *   () => requireColumns(frame, ["a", "b"], "myChart", "tm.projects().frame()"),
 *   /Cannot draw myChart: the frame lacks b; pass .*tm\.projects\(\)\.frame\(\)/,
 * );
 * ```
 */
export function requireColumns(
  frame: DataFrame,
  columns: readonly string[],
  chart: string,
  source: string,
): void {
  const missing = columns.filter((name) => !frame.columns.includes(name));
  if (missing.length > 0) {
    throw new TypeError(
      `Cannot draw ${chart}: the frame lacks ${missing.join(", ")}; pass the frame of ` +
        `await ${source}`,
    );
  }
}

/**
 * Scale options given by the caller, merged key by key over a chart's defaults.
 *
 * @example
 * ```ts
 * import { mergeScale } from "./chart.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(mergeScale({ label: "a", grid: true }, { label: "b" }), { label: "b", grid: true });
 * ```
 */
export function mergeScale(
  defaults: PlotScaleOptions,
  given: PlotScaleOptions | undefined,
): PlotScaleOptions {
  return { ...defaults, ...given };
}

/**
 * A grey note in the middle of the plot area, for a frame with nothing to draw.
 *
 * @example
 * ```ts
 * import { emptyNote } from "./chart.ts";
 * import { plotDocument } from "./document.ts";
 * import { importPlot } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * const chart = Plot.plot({ document: await plotDocument(), marks: [emptyNote(Plot, "Nothing")] });
 * assert.match(chart.outerHTML, /Nothing/);
 * ```
 */
export function emptyNote(Plot: PlotModule, text: string): PlotMarkish {
  return Plot.text([text], {
    frameAnchor: "middle",
    fill: "#777",
    fontSize: 13,
  });
}

/**
 * Integer tick values from 0 to `max` when `max` is small (at most 10), so that counts of tasks
 * or actions get no fractional ticks; `undefined` (Plot's own ticks) otherwise.
 *
 * @example
 * ```ts
 * import { countTicks } from "./chart.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(countTicks(3), [0, 1, 2, 3]);
 * assert.equal(countTicks(40), undefined);
 * ```
 */
export function countTicks(max: number): number[] | undefined {
  if (!(max >= 0) || max > 10) return undefined;
  return Array.from({ length: Math.ceil(max) + 1 }, (_, i) => i);
}

/**
 * Sets the chart's namespaces and, unless `legend` is false or Plot returned an HTML figure,
 * draws a swatch legend for `keys` inside the SVG with the colours of the chart's colour scale,
 * and above it the `heading` (title and subtitle, see {@link addHeading}). Returns the chart.
 *
 * @example
 * ```ts
 * import { finishChart, type ScaledChart } from "./chart.ts";
 * import { plotDocument } from "./document.ts";
 * import { importPlot } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * const document = await plotDocument();
 * const chart = Plot.plot({
 *   document,
 *   color: { domain: ["a"], range: ["red"] },
 *   marks: [Plot.dot([{ k: "a" }], { x: 1, y: 1, fill: "k" })],
 * }) as unknown as ScaledChart;
 * finishChart(document, chart, ["a"], { title: "Kind", heading: { title: "Which kind?" } });
 * assert.match(chart.outerHTML, /aria-label="color legend"/);
 * assert.match(chart.outerHTML, /Which kind\?/);
 * ```
 */
export function finishChart(
  document: ChartDocument,
  chart: ScaledChart,
  keys: readonly string[],
  options: {
    title: string;
    legend?: boolean;
    label?: (key: string) => string;
    stroke?: string;
    heading?: Heading;
  },
): ChartElement {
  withNamespaces(chart);
  if (chart.tagName.toLowerCase() !== "svg") return chart;
  const scale = chart.scale("color");
  if (options.legend !== false && keys.length > 0 && scale !== undefined) {
    const label = options.label ?? String;
    const swatches = keys.map((key) => ({
      label: label(key),
      color: String(scale.apply(key)),
      ...(options.stroke === undefined ? {} : { stroke: options.stroke }),
    }));
    addSwatchLegend(document, chart, swatches, { title: options.title });
  }
  return addHeading(document, chart, options.heading ?? {});
}
