/**
 * A title and subtitle drawn inside a chart's own `<svg>`. Plot draws its `title` and
 * `subtitle` as HTML around the SVG, in a `<figure>` that is no SVG file; here they are SVG
 * text above the drawing, so the chart stays one `<svg>` that {@link toSvg} writes whole.
 *
 * @module
 */

import { type ChartDocument, type ChartElement, SVG_NS } from "./document.ts";

/** What {@link addHeading} draws. */
export interface Heading {
  /** The title, in bold: best a question the chart answers. @default none */
  title?: string | undefined;
  /** A line or two under the title: what is counted, over what, from where. @default none */
  subtitle?: string | undefined;
}

const TITLE = 16;
const SUBTITLE = 13;
/** Px per character per px of font size, generous for wide fonts (DejaVu Sans). */
const CHAR = 0.57;

/** Splits `text` into lines of at most `width` px (estimated) in `size` px type, at spaces. */
function wrap(text: string, width: number, size: number): string[] {
  const most = Math.max(20, Math.floor(width / (CHAR * size)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > most) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}

function text(document: ChartDocument, content: string, attributes: Record<string, string>) {
  const element = document.createElementNS(SVG_NS, "text");
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = content;
  return element;
}

/**
 * Moves a chart's drawing (and legend) down and draws `title` and `subtitle` above it, left
 * aligned, each wrapped at the chart's width. The chart's height and viewBox grow by
 * the heading's height; without a title or subtitle the chart is unchanged. Returns the chart.
 *
 * @example
 * ```ts
 * import { addHeading } from "./heading.ts";
 * import { plotDocument } from "./document.ts";
 * import { importPlot } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * const document = await plotDocument();
 * const chart = Plot.plot({ document, height: 200, marks: [Plot.dot([[1, 2]])] });
 * addHeading(document, chart, { title: "Mapped & validated?", subtitle: "Per week" });
 * assert.equal(chart.tagName.toLowerCase(), "svg");
 * assert.match(chart.outerHTML, /Mapped &amp; validated\?/);
 * assert.ok(Number(chart.getAttribute("height")) > 200);
 * ```
 */
export function addHeading(
  document: ChartDocument,
  chart: ChartElement,
  heading: Heading,
): ChartElement {
  const { title, subtitle } = heading;
  if (!title && !subtitle) return chart;
  const width = Number(chart.getAttribute("width") ?? 640);
  const height = Number(chart.getAttribute("height") ?? 400);
  const group = document.createElementNS(SVG_NS, "g");
  group.setAttribute("aria-label", "heading");
  group.setAttribute("text-anchor", "start");
  let y = 6;
  for (const line of title ? wrap(title, width - 20, TITLE) : []) {
    y += TITLE + 4;
    group.appendChild(text(document, line, {
      x: "10",
      y: String(y),
      "font-size": String(TITLE),
      "font-weight": "bold",
      fill: "#222",
    }));
  }
  for (const line of subtitle ? wrap(subtitle, width - 20, SUBTITLE) : []) {
    y += SUBTITLE + 4;
    group.appendChild(text(document, line, {
      x: "10",
      y: String(y),
      "font-size": String(SUBTITLE),
      fill: "#555",
    }));
  }
  const shift = y + 10;
  const drawing = document.createElementNS(SVG_NS, "g");
  drawing.setAttribute("transform", `translate(0,${shift})`);
  for (const child of Array.from(chart.children)) {
    if (child.tagName.toLowerCase() !== "style") drawing.appendChild(child);
  }
  chart.appendChild(group);
  chart.appendChild(drawing);
  chart.setAttribute("height", String(height + shift));
  chart.setAttribute("viewBox", `0 0 ${width} ${height + shift}`);
  return chart;
}
