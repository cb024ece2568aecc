/**
 * A colour legend drawn inside a chart's own `<svg>`. Plot's swatch legends are HTML, and with
 * one Plot returns an HTML `<figure>`, which Jupyter shows as HTML and which is no SVG file.
 * Here the legend is SVG: the chart stays one `<svg>` element, displayed as `image/svg+xml`,
 * and {@link toSvg} writes it whole.
 *
 * @module
 */

import { type ChartDocument, type ChartElement, SVG_NS } from "./document.ts";

/** One legend entry: a label and its colour. */
export interface Swatch {
  /** The text shown. */
  label: string;
  /** A CSS colour. */
  color: string;
  /** An outline for the swatch, e.g. for a colour close to the background. @default none */
  stroke?: string;
}

/** Options of {@link addSwatchLegend}. */
export interface SwatchLegendOptions {
  /** Left edge of the first swatch, in px. @default 40 */
  left?: number;
  /** A title before the swatches, e.g. "status". @default none */
  title?: string;
}

const ROW = 18;
const CHAR = 6.2;

function setAttributes(element: ChartElement, attributes: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
}

/**
 * Moves a Plot `<svg>`'s drawing down and draws swatches above it, in rows that wrap at the
 * chart's width. The chart keeps its `<style>`, class and attributes; its height and viewBox
 * grow by the legend's height. Returns the chart.
 *
 * @example
 * ```ts
 * import { addSwatchLegend } from "./legend.ts";
 * import { plotDocument } from "./document.ts";
 * import { importPlot } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * const document = await plotDocument();
 * const chart = Plot.plot({ document, height: 200, marks: [Plot.dot([[1, 2]])] });
 * addSwatchLegend(document, chart, [{ label: "A & B", color: "#4269d0" }]);
 * assert.equal(chart.getAttribute("height"), "222");
 * assert.match(chart.outerHTML, /A &amp; B/);
 * ```
 */
export function addSwatchLegend(
  document: ChartDocument,
  chart: ChartElement,
  swatches: readonly Swatch[],
  options: SwatchLegendOptions = {},
): ChartElement {
  const width = Number(chart.getAttribute("width") ?? 640);
  const height = Number(chart.getAttribute("height") ?? 400);
  const legend = document.createElementNS(SVG_NS, "g");
  setAttributes(legend, { "aria-label": "color legend", "text-anchor": "start" });
  const left = options.left ?? 40;
  let x = left;
  let y = ROW / 2 + 4;
  const items = options.title === undefined
    ? swatches
    : [{ label: options.title, color: "" }, ...swatches];
  for (const { label, color, stroke } of items) {
    const extent = (color ? 14 : 0) + label.length * CHAR + 14;
    if (x > left && x + extent > width - 10) {
      x = left;
      y += ROW;
    }
    if (color) {
      const dot = document.createElementNS(SVG_NS, "circle");
      setAttributes(dot, { cx: x + 5, cy: y, r: 5, fill: color });
      if (stroke) setAttributes(dot, { stroke, "stroke-width": 0.8 });
      legend.appendChild(dot);
    }
    const text = document.createElementNS(SVG_NS, "text");
    setAttributes(text, { x: x + (color ? 14 : 0), y, dy: "0.32em" });
    if (!color) text.setAttribute("font-weight", "bold");
    text.textContent = label;
    legend.appendChild(text);
    x += extent;
  }
  const shift = y + ROW / 2;
  const drawing = document.createElementNS(SVG_NS, "g");
  drawing.setAttribute("transform", `translate(0,${shift})`);
  for (const child of Array.from(chart.children)) {
    if (child.tagName.toLowerCase() !== "style") drawing.appendChild(child);
  }
  chart.appendChild(legend);
  chart.appendChild(drawing);
  setAttributes(chart, { height: height + shift, viewBox: `0 0 ${width} ${height + shift}` });
  return chart;
}
