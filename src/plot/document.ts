/**
 * Observable Plot outside a browser: a linkedom `document` for Plot to draw into, and the
 * small part of a DOM element the charts rely on.
 *
 * Plot and linkedom are imported on first use (see `deps.ts`), so code that only fetches
 * frames never loads them.
 *
 * @module
 */

import { importLinkedom } from "../deps.ts";

/** The SVG namespace. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** The XLink namespace, for `xlink:href` in older SVG. */
export const XLINK_NS = "http://www.w3.org/1999/xlink";

/**
 * The part of a DOM element that tmframes' charts use: a chart is Plot's `<svg>` element in a
 * linkedom document. The Deno Jupyter kernel displays an object whose `outerHTML` starts with
 * `<svg` as `image/svg+xml`.
 */
export interface ChartElement {
  /** The element as markup. */
  readonly outerHTML: string;
  /** The tag name: `svg` for a chart (`FIGURE` when Plot adds an HTML legend or caption). */
  readonly tagName: string;
  /** Child elements. */
  readonly children: ArrayLike<ChartElement>;
  /** Text content. */
  textContent: string | null;
  /** Reads an attribute. */
  getAttribute(name: string): string | null;
  /** Sets an attribute. */
  setAttribute(name: string, value: string): void;
  /** Appends a child element. */
  appendChild<T extends ChartElement>(child: T): T;
  /** Elements below this one that match a CSS selector. */
  querySelectorAll(selectors: string): ArrayLike<ChartElement>;
  /** A copy of the element, with its descendants when `deep`. */
  cloneNode(deep?: boolean): ChartElement;
  /** The document the element belongs to. */
  readonly ownerDocument: ChartDocument | null;
}

/** The part of a DOM document that the charts use; it is also Plot's `document` option. */
export interface ChartDocument {
  /** Creates an element in a namespace (SVG elements need {@link SVG_NS}). */
  createElementNS(namespace: string, name: string): ChartElement;
}

/**
 * A new, empty linkedom HTML document, for Plot's `document` option.
 *
 * @example Render a Plot chart outside a browser
 * ```ts
 * import { plotDocument } from "./document.ts";
 * import { importPlot } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * const document = await plotDocument();
 * const chart = Plot.plot({ document, marks: [Plot.dot([[1, 2], [3, 4]])] });
 * assert.match(chart.outerHTML, /^<svg/);
 * ```
 */
export async function plotDocument(): Promise<ChartDocument> {
  const { DOMParser } = await importLinkedom();
  const document = new DOMParser().parseFromString(
    "<!DOCTYPE html><html><head></head><body></body></html>",
    "text/html",
  );
  // linkedom's generated types declare createElementNS's optional third argument as
  // required; at run time it is a standard DOM document.
  return document as unknown as ChartDocument;
}

/**
 * Sets `xmlns` (and `xmlns:xlink` when the markup uses `xlink:`) on a chart's root `<svg>`,
 * so that its markup stands alone as an image: Jupyter and browsers show `image/svg+xml` only
 * with the namespace. Returns the element.
 *
 * @example
 * ```ts
 * import { plotDocument, SVG_NS, withNamespaces } from "./document.ts";
 * import assert from "node:assert/strict";
 *
 * const document = await plotDocument();
 * const svg = withNamespaces(document.createElementNS(SVG_NS, "svg"));
 * assert.equal(svg.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
 * ```
 */
export function withNamespaces<T extends ChartElement>(element: T): T {
  if (element.tagName.toLowerCase() !== "svg") return element;
  element.setAttribute("xmlns", SVG_NS);
  if (element.outerHTML.includes("xlink:")) element.setAttribute("xmlns:xlink", XLINK_NS);
  return element;
}
