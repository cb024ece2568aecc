/**
 * `toSvg(chart)`: a chart as a standalone SVG document, for files and reports.
 *
 * @module
 */

import { type ChartElement, withNamespaces } from "./document.ts";
import { addHeading } from "./heading.ts";

function tagOf(element: ChartElement): string {
  return element.tagName.toLowerCase();
}

/**
 * The `<svg>` of a chart: the chart itself, or, for the `<figure>` Plot makes when given a
 * `title` or `subtitle` (and nothing else of HTML), a copy of its `<svg>` with them drawn
 * inside. `undefined` for a figure with an HTML legend or caption.
 */
function svgOf(chart: ChartElement): ChartElement | undefined {
  if (tagOf(chart) === "svg") return chart;
  const children = Array.from(chart.children);
  const svgs = children.filter((child) => tagOf(child) === "svg");
  const headings = children.filter((child) => ["h2", "h3"].includes(tagOf(child)));
  const document = chart.ownerDocument;
  if (
    tagOf(chart) !== "figure" || svgs.length !== 1 || document === null ||
    svgs.length + headings.length !== children.length
  ) return undefined;
  const text = (tag: string) =>
    headings.find((child) => tagOf(child) === tag)?.textContent ?? undefined;
  return addHeading(document, svgs[0]!.cloneNode(true), {
    title: text("h2"),
    subtitle: text("h3"),
  });
}

/**
 * A chart as a standalone SVG document string, with `xmlns` (and `xmlns:xlink` when used),
 * ready to write to a `.svg` file or to inline in a report. The named charts draw their
 * legend, `title` and `subtitle` inside their `<svg>`; a `Plot.plot()` figure with a `title`
 * or `subtitle` is written with them drawn inside too (the figure itself is left as it is).
 *
 * Throws `TypeError` for a figure with an HTML legend (`color: { legend: true }`) or a
 * `caption`, which no SVG holds: leave those out, or save the figure's `outerHTML` as HTML.
 *
 * @example Save a titled chart as a file
 * ```ts
 * import { plotDocument, toSvg } from "./mod.ts";
 * import { importPlot } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * const document = await plotDocument();
 * const chart = Plot.plot({ document, title: "Two dots", marks: [Plot.dot([[1, 2], [3, 4]])] });
 * const svg = toSvg(chart);
 * assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg'));
 * assert.match(svg, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
 * assert.match(svg, /<text[^>]*>Two dots<\/text>/);
 * // await Deno.writeTextFile("chart.svg", svg);
 * ```
 */
export function toSvg(chart: ChartElement): string {
  const svg = svgOf(chart);
  if (svg === undefined) {
    throw new TypeError(
      `Cannot write a <${tagOf(chart)}> element as SVG: it must be an <svg> element, or ` +
        "Plot's <figure> with only a title and subtitle; leave out Plot's HTML legend and " +
        "caption, or save outerHTML as HTML",
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNamespaces(svg).outerHTML}\n`;
}
