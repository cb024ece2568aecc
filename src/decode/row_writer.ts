/**
 * The loop that folds rows into column writers, generated as JavaScript source with every
 * column's key written out: each read and each `write` call then has a call site of its own,
 * which V8 keeps monomorphic (a loop over column names makes every read a generic lookup).
 *
 * @module
 */

import type { ColumnWriter } from "./columns.ts";

/** How a column's value is read from a row: its key, or a function of the row. */
export type ColumnSource = string | ((row: never) => unknown);

/**
 * Writes `rows[start..end)` into `writers`; returns -1, or the position `row * columns +
 * column` (counted from `start`) of the first value a writer refused.
 */
export type RowWriter = (
  rows: readonly unknown[],
  start: number,
  end: number,
  writers: readonly ColumnWriter[],
) => number;

/**
 * Generates the row loop for columns read from `sources`, in order.
 *
 * @example
 * ```ts
 * import { compileRowWriter } from "./row_writer.ts";
 * import { columnWriter } from "./columns.ts";
 * import assert from "node:assert/strict";
 *
 * const write = compileRowWriter(["id", (row: { name: string }) => row.name]);
 * const writers = [columnWriter("int"), columnWriter("str")];
 * assert.equal(write([{ id: 1, name: "a" }], 0, 1, writers), -1);
 * assert.equal(write([{ id: "x", name: "b" }], 0, 1, writers), 0);
 * ```
 */
export function compileRowWriter(sources: readonly ColumnSource[]): RowWriter {
  const width = sources.length;
  const lines = sources.map((source, k) => {
    const read = typeof source === "string" ? `row[${JSON.stringify(source)}]` : `pick${k}(row)`;
    return `if (!w${k}.write(${read})) return (i - start) * ${width} + ${k};`;
  });
  const writers = sources.map((_, k) => `const w${k} = writers[${k}];`);
  const pickers = sources.map((_, k) => `const pick${k} = pickers[${k}];`);
  const make = new Function(
    "pickers",
    `${pickers.join("\n")}
    return function writeRows(rows, start, end, writers) {
      ${writers.join("\n")}
      for (let i = start; i < end; i++) {
        const row = rows[i];
        ${lines.join("\n")}
      }
      return -1;
    };`,
  );
  return make(sources) as RowWriter;
}
