/**
 * `table(frame)`: a DataFrame as a readable notebook table. The Deno kernel's own display of a
 * polars frame writes datetimes as long `Date.toString()` text in HTML and as `{}` in its JSON;
 * this one writes ISO timestamps, lists as comma text, every string HTML-escaped, and each
 * column's dtype under its name.
 *
 * @module
 */

import type { DataFrame } from "./deps.ts";
import { type DisplayBundle, escapeHtml, formatValue } from "./display.ts";

/** Options of {@link table}. */
export interface TableOptions {
  /** The most rows shown; the rest are counted in a note below the table. @default 10 */
  rows?: number;
}

/**
 * A frame ready to show in a notebook: the Deno Jupyter kernel calls its display method. Make
 * one with {@link table}.
 *
 * @example
 * ```ts
 * import { FrameTable } from "./table.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const shown = new FrameTable(pl.DataFrame({ name: ["Map & Data <Lab>"] }), 10);
 * assert.match(shown.bundle()["text/html"], /Map &amp; Data &lt;Lab&gt;/);
 * ```
 */
export class FrameTable {
  /** The frame shown (all its rows; the display shows the first `rows`). */
  readonly frame: DataFrame;
  /** The most rows shown. */
  readonly rows: number;

  /** Use {@link table}, which checks `rows`. */
  constructor(frame: DataFrame, rows: number) {
    this.frame = frame;
    this.rows = rows;
  }

  /** The MIME bundle: an escaped HTML table and aligned plain text. */
  bundle(): DisplayBundle {
    return render(this.frame, this.rows);
  }

  /** What the Deno Jupyter kernel shows: {@link FrameTable.bundle}. */
  [Symbol.for("Jupyter.display")](): DisplayBundle {
    return this.bundle();
  }
}

/** A dtype as short text: `Datetime(us,UTC)`, `List(String)`, `Int64`. */
function dtypeText(text: string): string {
  let out = text;
  for (let at = out.indexOf("DataType("); at >= 0; at = out.indexOf("DataType(")) {
    let depth = 0, end = at + 8;
    for (; end < out.length; end++) {
      if (out[end] === "(") depth++;
      else if (out[end] === ")" && --depth === 0) break;
    }
    out = out.slice(0, at) + out.slice(at + 9, end) + out.slice(end + 1);
  }
  return out;
}

function cellText(value: unknown, variant: string): string {
  if (value instanceof Date && variant === "Date") return value.toISOString().slice(0, 10);
  if (value instanceof Date && Number.isNaN(value.getTime())) return "—";
  return formatValue(value);
}

const NUMERIC = /^(U?Int\d+|Float\d+|Decimal)/;

function render(frame: DataFrame, rows: number): DisplayBundle {
  const shown = frame.head(rows);
  const columns = shown.getColumns().map((series) => ({
    name: series.name,
    variant: String(series.dtype.variant),
    dtype: dtypeText(String(series.dtype)),
  }));
  const records = shown.toRecords();
  const cells = records.map((record) =>
    columns.map(({ name, variant }) => cellText(record[name], variant))
  );
  const more = frame.height - shown.height;
  const note = `${frame.height} rows × ${frame.width} columns` +
    (more > 0 ? `, first ${shown.height} shown` : "");
  const align = (variant: string) =>
    NUMERIC.test(variant)
      ? "right;white-space:nowrap"
      : variant === "Date" || variant === "Datetime"
      ? "left;white-space:nowrap"
      : "left";
  const head = columns.map(({ name, dtype, variant }) =>
    `<th style="text-align:${align(variant)}">${escapeHtml(name)}<br>` +
    `<span style="font-weight:normal;opacity:0.6">${escapeHtml(dtype)}</span></th>`
  ).join("");
  const body = cells.map((row) =>
    `<tr>${
      row.map((text, i) =>
        `<td style="text-align:${align(columns[i]!.variant)}">${escapeHtml(text)}</td>`
      ).join("")
    }</tr>`
  ).join("");
  const html = `<div class="tmframes-table"><table><thead><tr>${head}</tr></thead>` +
    `<tbody>${body}</tbody></table><small>${escapeHtml(note)}</small></div>`;
  const grid = [columns.map(({ name }) => name), columns.map(({ dtype }) => dtype), ...cells];
  const widths = columns.map((_, i) => Math.max(...grid.map((line) => line[i]!.length)));
  const plain = grid.map((line) =>
    line.map((text, i) => text.padEnd(widths[i]!)).join("  ").trimEnd()
  );
  return { "text/html": html, "text/plain": [...plain, note].join("\n") };
}

/**
 * Wraps a frame for display in a notebook: as a cell's value it shows an HTML table of its
 * first `rows` rows (default 10) with each column's dtype under its name, timestamps as ISO
 * text (`2024-05-01T12:30:00.000Z`, days as `2024-05-01`), lists as comma-separated text,
 * structs as JSON, `null` as `—`, numbers right-aligned, every string HTML-escaped, and a note
 * with the frame's size; outside HTML, the same as aligned text. The frame itself is not
 * copied or changed.
 *
 * Throws `RangeError` when `rows` is not a positive integer.
 *
 * @example Show a search in a notebook
 * ```ts
 * import { createClient, table } from "../mod.ts";
 * import { startEmulator } from "../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const frame = await createClient({ baseUrl: emulator.url }).projects().frame();
 *   const shown = table(frame.select("projectId", "name", "lastUpdated"), { rows: 5 });
 *   const html = shown.bundle()["text/html"];
 *   assert.match(html, /Datetime\(us,UTC\)/);
 *   assert.match(html, /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
 *   assert.equal(html.match(/<tr>/g)!.length, 1 + 5); // the header and 5 rows
 *   shown; // as a cell's last value, Jupyter shows the table
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export function table(frame: DataFrame, options: TableOptions = {}): FrameTable {
  const { rows = 10 } = options;
  if (!Number.isSafeInteger(rows) || rows < 1) {
    throw new RangeError(`Cannot show ${rows} rows: rows must be a positive integer`);
  }
  return new FrameTable(frame, rows);
}
