/**
 * Notebook display: HTML escaping and the MIME bundles that builders and errors return from
 * `[Symbol.for("Jupyter.display")]()`. Deno's `html` template splices values verbatim, so
 * every API string (a project name, a server message, a URL) goes through {@link escapeHtml}
 * here before it reaches HTML.
 *
 * @module
 */

/** A MIME bundle as the Deno Jupyter kernel reads it: HTML for notebooks, text for the rest. */
export interface DisplayBundle {
  /** A small escaped HTML table. */
  "text/html": string;
  /** The same facts as aligned plain text. */
  "text/plain": string;
}

/** One labelled fact of a display: `[label, value]`; `undefined` values are left out. */
export type DisplayRow = readonly [label: string, value: unknown];

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes `&`, `<`, `>`, `"` and `'` so that text is safe inside HTML content and attributes.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "./display.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(escapeHtml(`<b title="x">Tom & Jerry's</b>`), "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * A value as short display text: lists joined with commas, dates as ISO text, `null` as `—`,
 * objects as JSON.
 *
 * @example
 * ```ts
 * import { formatValue } from "./display.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatValue(["PUBLISHED", "ARCHIVED"]), "PUBLISHED, ARCHIVED");
 * assert.equal(formatValue(["2024-01-01", undefined]), "2024-01-01, —");
 * assert.equal(formatValue({ id: 1 }), '{"id":1}');
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof URL) return value.href;
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * A display bundle: a bold title and a two-column table of facts, every string escaped in the
 * HTML; values that are `http(s)` URLs become links.
 *
 * @example
 * ```ts
 * import { displayBundle } from "./display.ts";
 * import assert from "node:assert/strict";
 *
 * const bundle = displayBundle("ProjectsQuery", [["textSearch", "<script>"], ["limit", undefined]]);
 * assert.match(bundle["text/html"], /&lt;script&gt;/);
 * assert.doesNotMatch(bundle["text/html"], /<script>/);
 * assert.equal(bundle["text/plain"], "ProjectsQuery\n  textSearch  <script>");
 * ```
 */
export function displayBundle(title: string, rows: readonly DisplayRow[]): DisplayBundle {
  const shown = rows.filter(([, value]) => value !== undefined)
    .map(([label, value]) => [label, formatValue(value), value instanceof URL] as const);
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  const plain = [title, ...shown.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`)];
  const cells = shown.map(([label, text, isUrl]) => {
    const value = isUrl
      ? `<a href="${escapeHtml(text)}"><code>${escapeHtml(text)}</code></a>`
      : escapeHtml(text);
    return `<tr><th style="text-align:left;padding-right:1em">${
      escapeHtml(label)
    }</th><td style="text-align:left">${value}</td></tr>`;
  });
  const html = `<div class="tmframes-display"><strong>${escapeHtml(title)}</strong>` +
    (cells.length ? `<table><tbody>${cells.join("")}</tbody></table>` : "") + `</div>`;
  return { "text/html": html, "text/plain": plain.join("\n") };
}
