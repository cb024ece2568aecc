/**
 * The report's HTML building blocks: one self-contained page (inline CSS, inline SVG), tables
 * and fact lists whose every text is escaped here, so an API string (a project or
 * organisation name, a username, a URL) can never become markup.
 *
 * @module
 */

import { escapeHtml } from "../display.ts";

/** One cell of a {@link htmlTable}: text (escaped), or a number (right-aligned). */
export type Cell = string | number | boolean | null | undefined;

/** One section of the page. */
export interface Section {
  /** The anchor, e.g. `"overview"`. */
  readonly id: string;
  /** The heading (escaped). */
  readonly title: string;
  /** The body: trusted HTML built by these helpers. */
  readonly html: string;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return String(value);
}

/**
 * A table with a header row; every header and cell is escaped, numbers are right-aligned.
 *
 * @example
 * ```ts
 * import { htmlTable } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = htmlTable(["name", "mapped"], [["Map & Data <Lab>", 42.5]]);
 * assert.match(html, /Map &amp; Data &lt;Lab&gt;/);
 * assert.match(html, /<td class="num">42.5<\/td>/);
 * ```
 */
export function htmlTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join("");
  const body = rows.map((row) => {
    const cells = row.map((value) =>
      typeof value === "number"
        ? `<td class="num">${escapeHtml(cellText(value))}</td>`
        : `<td>${escapeHtml(cellText(value))}</td>`
    );
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${
    body.join("\n")
  }\n</tbody>\n</table>`;
}

/**
 * A definition list of facts (`[label, value]`), both escaped.
 *
 * @example
 * ```ts
 * import { htmlFacts } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(htmlFacts([["TM release", "v5.5.2"]]), "<dl><dt>TM release</dt><dd>v5.5.2</dd></dl>");
 * ```
 */
export function htmlFacts(facts: readonly (readonly [string, Cell])[]): string {
  const items = facts.map(([label, value]) =>
    `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(cellText(value))}</dd>`
  );
  return `<dl>${items.join("")}</dl>`;
}

/**
 * A paragraph of escaped text.
 *
 * @example
 * ```ts
 * import { htmlText } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(htmlText("a < b"), "<p>a &lt; b</p>");
 * ```
 */
export function htmlText(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/**
 * A chart's standalone SVG (as `toSvg` writes it) inlined in HTML: the XML declaration is
 * dropped, the markup kept as the chart library serialized it (its text already escaped).
 *
 * @example
 * ```ts
 * import { htmlChart } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = htmlChart('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n', "A chart");
 * assert.equal(html, '<figure class="chart" aria-label="A chart"><svg xmlns="http://www.w3.org/2000/svg"></svg></figure>');
 * ```
 */
export function htmlChart(svg: string, label: string): string {
  const markup = svg.replace(/^<\?xml[^>]*\?>\s*/, "").trimEnd();
  return `<figure class="chart" aria-label="${escapeHtml(label)}">${markup}</figure>`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0; background: #f6f6f4; }
main { max-width: 980px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-top: 12px; border-top: 1px solid #ddd; }
nav a { margin-right: 14px; }
.generated { color: #666; font-size: 13px; margin: 0 0 12px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dt { color: #555; } dd { margin: 0; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
th { background: #f0f0ee; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 8px 0 16px; } figure.chart svg { max-width: 100%; height: auto; }
.scroll { max-height: 420px; overflow: auto; border: 1px solid #e4e4e4; }
.requests td { font-family: ui-monospace, Menlo, monospace; font-size: 11.5px; word-break: break-all; }
`;

/**
 * The whole page: a title, the one `Generated at` line (the only wall-clock time in it), a
 * table of contents, then the sections.
 *
 * @example
 * ```ts
 * import { htmlPage } from "./html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = htmlPage("Report <x>", "2025-01-01T00:00:00.000Z", [{ id: "a", title: "A", html: "<p>a</p>" }]);
 * assert.match(html, /^<!DOCTYPE html>/);
 * assert.match(html, /<title>Report &lt;x&gt;<\/title>/);
 * assert.equal(html.split("\n").filter((line) => line.includes("2025-01-01")).length, 1);
 * ```
 */
export function htmlPage(title: string, generatedAt: string, sections: readonly Section[]): string {
  const nav = sections.map((section) =>
    `<a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a>`
  );
  const body = sections.map((section) =>
    `<section id="${escapeHtml(section.id)}">\n<h2>${
      escapeHtml(section.title)
    }</h2>\n${section.html}\n</section>`
  );
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="generated">Generated at ${escapeHtml(generatedAt)}</p>`,
    `<nav>${nav.join("")}</nav>`,
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
