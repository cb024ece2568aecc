/**
 * Rows to DataFrame, column by column from a declared map (performance-notes §5). Each
 * column has a writer (`decode/columns.ts`) that folds values into a compact buffer as pages
 * arrive: numbers, booleans, timestamps (read in JS to epoch microseconds) and days in
 * typed double arrays, strings as dictionary codes or text, lists as arrays, JSON as text; the
 * loop over rows is generated per column map (`decode/row_writer.ts`). Every `chunkRows` rows
 * the buffers are laid out as Arrow columns, sent to polars as one Arrow IPC stream
 * (`decode/arrow_ipc.ts`, one native call for the whole chunk) and dropped; `finish()` stacks
 * the chunks without copying them (no rechunk), so the frame is never held twice.
 * Never `pl.DataFrame(records)` / `readRecords`: they infer dtypes from the first rows and
 * silently drop values and keys.
 *
 * @module
 */

import { type DataFrame, type DataType, pl } from "./deps.ts";
import { TmError } from "./errors.ts";
import { type ColumnKind, type ColumnWriter, columnWriter } from "./decode/columns.ts";
import { compileRowWriter, type RowWriter } from "./decode/row_writer.ts";
import { readColumns } from "./decode/arrow_ipc.ts";

/** A scalar kind inside a list of structs. */
export type FieldKind = "int" | "float" | "str" | "bool";

/** What a column holds, and so its dtype. */
export type { ColumnKind };

/** One declared column. `value` picks it from a row (default: the row's key of that name). */
export interface Column<Row> {
  kind: ColumnKind;
  /** For `list<struct>`: the struct's fields and their kinds. */
  fields?: Readonly<Record<string, FieldKind>>;
  value?: (row: Row) => unknown;
}

/** An endpoint's columns, in frame order. */
export type Columns<Row> = Readonly<Record<string, Column<Row>>>;

/** Rows folded into JS buffers before they are converted into polars columns. */
const CHUNK_ROWS = 65_536;

function fieldDtype(kind: FieldKind): DataType {
  return { int: pl.Int64, float: pl.Float64, str: pl.String, bool: pl.Bool }[kind];
}

/**
 * The polars dtype of a declared column.
 *
 * @example
 * ```ts
 * import { dtypeOf } from "./frame.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(dtypeOf({ kind: "datetime" }).equals(pl.Datetime("us", "UTC")));
 * ```
 */
export function dtypeOf(column: Column<never>): DataType {
  switch (column.kind) {
    case "int":
    case "float":
    case "str":
    case "bool":
      return fieldDtype(column.kind);
    case "datetime":
      return pl.Datetime("us", "UTC");
    case "date":
      return pl.Date;
    case "list<int>":
      return pl.List(pl.Int64);
    case "list<str>":
      return pl.List(pl.String);
    case "list<float>":
      return pl.List(pl.Float64);
    case "list<struct>": {
      const fields = Object.entries(column.fields ?? {}).map(([name, kind]) =>
        new pl.Field(name, fieldDtype(kind))
      );
      return pl.List(pl.Struct(fields));
    }
    case "json":
      return pl.String;
  }
}

/**
 * Accumulates rows into columns and builds the frame once.
 *
 * @example Two pages, then a frame
 * ```ts
 * import { FrameBuilder } from "./frame.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const builder = new FrameBuilder<{ id: number; tags: string[] | null }>({
 *   id: { kind: "int" },
 *   tags: { kind: "list<str>" },
 * });
 * builder.add([{ id: 1, tags: ["a"] }]);
 * builder.add([{ id: 2, tags: null }]);
 * const frame = builder.finish();
 * assert.deepEqual(frame.getColumn("id").toArray(), [1, 2]);
 * assert.ok(frame.getColumn("tags").dtype.equals(pl.List(pl.String)));
 * ```
 */
export class FrameBuilder<Row> {
  readonly #columns: [string, Column<Row>][];
  readonly #chunkRows: number;
  readonly #writeRows: RowWriter;
  /** The rows folded since the last flush, one writer per column. */
  #writers: ColumnWriter[];
  #chunkHeight = 0;
  /** Earlier rows, already converted: one frame per flushed chunk. */
  readonly #chunks: DataFrame[] = [];
  #height = 0;

  /**
   * Starts an empty frame with the declared columns. Every `chunkRows` rows the buffers are
   * converted into polars columns and dropped.
   */
  constructor(columns: Columns<Row>, options: { chunkRows?: number } = {}) {
    this.#columns = Object.entries(columns);
    this.#writeRows = compileRowWriter(
      this.#columns.map(([name, column]) => column.value ?? name),
    );
    this.#chunkRows = options.chunkRows ?? CHUNK_ROWS;
    this.#writers = this.#newWriters();
  }

  /** Rows added so far. */
  get height(): number {
    return this.#height;
  }

  /** Folds rows into the columns; throws `TmError` for a value of the wrong kind. */
  add(rows: readonly Row[]): void {
    let start = 0;
    while (start < rows.length) {
      const end = Math.min(rows.length, start + this.#chunkRows - this.#chunkHeight);
      this.#write(rows, start, end);
      start = end;
      if (this.#chunkHeight >= this.#chunkRows) this.#flush();
    }
  }

  /** Builds the DataFrame, with exactly the declared columns and dtypes. */
  finish(): DataFrame {
    if (this.#chunks.length === 0) return this.#convert();
    if (this.#chunkHeight > 0) this.#flush();
    const [first, ...rest] = this.#chunks;
    if (rest.length === 0) return first as DataFrame;
    // Chunks are stacked, not copied: the frame is never held twice.
    return pl.concat(this.#chunks, { how: "vertical", rechunk: false });
  }

  #write(rows: readonly Row[], start: number, end: number): void {
    const refused = this.#writeRows(rows, start, end, this.#writers);
    if (refused >= 0) {
      const column = refused % this.#columns.length;
      const offset = (refused - column) / this.#columns.length;
      const [name, spec] = this.#columns[column]!;
      const row = rows[start + offset] as Row;
      const value = spec.value ? spec.value(row) : (row as Record<string, unknown>)[name];
      throw new TmError(
        `Cannot build column ${name}: row ${this.#height + offset} ${
          this.#writers[column]!.problem(value)
        }`,
      );
    }
    this.#height += end - start;
    this.#chunkHeight += end - start;
  }

  #newWriters(): ColumnWriter[] {
    return this.#columns.map(([, column]) => columnWriter(column.kind, column.fields));
  }

  #convert(): DataFrame {
    // Every column's Arrow buffers in one IPC stream, read by polars in one call; a select
    // only for the columns that still need an expression.
    const plans = this.#columns.map(([name, column], index) =>
      this.#writers[index]!.plan(name, dtypeOf(column as Column<never>), `\u0000${index}`)
    );
    const frame = readColumns(plans.flatMap((plan) => plan.columns), this.#chunkHeight);
    if (plans.every((plan) => plan.expression === undefined)) return frame;
    return frame.select(
      ...plans.map((plan, index) => plan.expression ?? pl.col(this.#columns[index]![0])),
    );
  }

  #flush(): void {
    this.#chunks.push(this.#convert());
    this.#writers = this.#newWriters();
    this.#chunkHeight = 0;
  }
}

/**
 * Builds a frame from rows in one go; zero rows give a typed empty frame.
 *
 * @example A typed empty frame
 * ```ts
 * import { toFrame } from "./frame.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = toFrame({ at: { kind: "datetime" } }, []);
 * assert.equal(frame.height, 0);
 * assert.ok(frame.getColumn("at").dtype.equals(pl.Datetime("us", "UTC")));
 * ```
 */
export function toFrame<Row>(columns: Columns<Row>, rows: readonly Row[]): DataFrame {
  const builder = new FrameBuilder(columns);
  builder.add(rows);
  return builder.finish();
}
