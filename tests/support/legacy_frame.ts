/**
 * The frame builder as it was before the compiled column writers (commit 7e04166), kept
 * only as the reference the equivalence test compares against.
 *
 * Rows to DataFrame, column by column from a declared map (performance-notes §5): values are
 * folded into plain arrays as pages arrive, and each column becomes a Series of its declared
 * dtype once, at the end. Never `pl.DataFrame(records)` / `readRecords`: they infer dtypes
 * from the first rows and silently drop values and keys.
 *
 * - Numbers go through Float64 and are cast: Int64 keeps nulls (an Int32 Series would turn
 *   null into 0). Integer columns are checked to be integers by their zod schema first.
 * - Timestamps, in every TM shape, are parsed by `strptime` (a prefix format that reads all
 *   of them) and marked UTC; the null count is checked, because strptime fails silently.
 * - Days (`YYYY-MM-DD`) become `Date`, checked the same way.
 * - Lists are sent as JSON text and decoded with `str.jsonDecode` into their declared dtype
 *   (List(Int64), List(Utf8), List(Float64), List(Struct)); this works in nodejs-polars 0.25.2, including
 *   for zero rows, where `pl.Series(name, [], List(...))` throws.
 *
 * @module
 */

import { type DataFrame, type DataType, pl, type Series } from "../../src/deps.ts";
import { TmError } from "../../src/errors.ts";

/** A scalar kind inside a list of structs. */
export type FieldKind = "int" | "float" | "str" | "bool";

/** What a column holds, and so its dtype. */
export type ColumnKind =
  | "int"
  | "float"
  | "str"
  | "bool"
  | "datetime"
  | "date"
  | "list<int>"
  | "list<str>"
  | "list<float>"
  | "list<struct>"
  | "json";

/** One declared column. `value` picks it from a row (default: the row's key of that name). */
export interface Column<Row> {
  kind: ColumnKind;
  /** For `list<struct>`: the struct's fields and their kinds. */
  fields?: Readonly<Record<string, FieldKind>>;
  value?: (row: Row) => unknown;
}

/** An endpoint's columns, in frame order. */
export type Columns<Row> = Readonly<Record<string, Column<Row>>>;

const DATE_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%.f";

/** Rows folded as JS values before they are converted into polars columns. */
const CHUNK_ROWS = 16_384;
const DATE_FORMAT = "%Y-%m-%d";

function fieldDtype(kind: FieldKind): DataType {
  return { int: pl.Int64, float: pl.Float64, str: pl.String, bool: pl.Bool }[kind];
}

/**
 * The polars dtype of a declared column.
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

function expected(kind: ColumnKind): string {
  if (kind === "int" || kind === "float") return "number";
  if (kind === "str" || kind === "datetime" || kind === "date" || kind === "json") {
    return kind === "json" ? "any JSON value" : "string";
  }
  if (kind === "bool") return "boolean";
  return "array";
}

function fold(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const ok = kind === "int" || kind === "float"
    ? typeof value === "number"
    : kind === "str" || kind === "datetime" || kind === "date"
    ? typeof value === "string"
    : kind === "bool"
    ? typeof value === "boolean"
    : kind === "json" || Array.isArray(value);
  if (!ok) return undefined;
  return kind.startsWith("list") || kind === "json" ? JSON.stringify(value) : value;
}

function toSeries(name: string, column: Column<never>, values: unknown[]): Series {
  // A column with no value at all (TM's `pictureUrl`, activity `issues` ...) is one null,
  // extended: converting or decoding every null costs as much as real values.
  if (values.length > 1 && values.every((value) => value === null)) {
    return toSeries(name, column, [null]).extendConstant(null, values.length - 1).alias(name);
  }
  switch (column.kind) {
    case "int":
      return pl.Series(name, values, pl.Float64).cast(pl.Int64);
    case "float":
      return pl.Series(name, values, pl.Float64);
    case "str":
    case "json":
      return pl.Series(name, values, pl.String);
    case "bool":
      return pl.Series(name, values, pl.Bool);
    case "datetime": {
      const parsed = pl.Series(name, values, pl.String).str.strptime(
        pl.Datetime("ms"),
        DATE_TIME_FORMAT,
      )
        .dt.replaceTimeZone("UTC");
      const missing = values.filter((value) => value === null).length;
      if (parsed.nullCount() !== missing) {
        throw new TmError(
          `Cannot build column ${name}: ${
            parsed.nullCount() - missing
          } timestamps could not be read`,
        );
      }
      return parsed.alias(name);
    }
    case "date": {
      const parsed = pl.Series(name, values, pl.String).str.strptime(pl.Date, DATE_FORMAT);
      const missing = values.filter((value) => value === null).length;
      if (parsed.nullCount() !== missing) {
        throw new TmError(
          `Cannot build column ${name}: ${parsed.nullCount() - missing} days could not be read`,
        );
      }
      return parsed.alias(name);
    }
    default:
      return pl.Series(name, values, pl.String).str.jsonDecode(dtypeOf(column)).alias(name);
  }
}

/**
 * Accumulates rows into columns and builds the frame once.
 */
export class FrameBuilder<Row> {
  readonly #columns: Columns<Row>;
  readonly #chunkRows: number;
  /** The rows folded since the last flush, one JS array per column. */
  #values: unknown[][];
  /** Earlier rows, already converted: one frame per flushed chunk. */
  readonly #chunks: DataFrame[] = [];
  #height = 0;

  /**
   * Starts an empty frame with the declared columns. Every `chunkRows` rows the JS values are
   * converted into polars columns and dropped, so a long crawl never holds more than one
   * chunk of rows as JS values.
   */
  constructor(columns: Columns<Row>, options: { chunkRows?: number } = {}) {
    this.#columns = columns;
    this.#chunkRows = options.chunkRows ?? CHUNK_ROWS;
    this.#values = this.#emptyColumns();
  }

  /** Rows added so far. */
  get height(): number {
    return this.#height;
  }

  /** Folds rows into the columns. */
  add(rows: readonly Row[]): void {
    const entries = Object.entries(this.#columns);
    entries.forEach(([name, column], index) => {
      const target = this.#values[index] as unknown[];
      for (const row of rows) {
        const raw = column.value ? column.value(row) : (row as Record<string, unknown>)[name];
        const value = fold(column.kind, raw);
        if (value === undefined) {
          throw new TmError(
            `Cannot build column ${name}: row ${
              this.#height + target.length
            } holds ${typeof raw}, ` +
              `not ${expected(column.kind)}`,
          );
        }
        target.push(value);
      }
    });
    this.#height += rows.length;
    if ((this.#values[0]?.length ?? 0) >= this.#chunkRows) this.#flush();
  }

  /** Builds the DataFrame, with exactly the declared columns and dtypes. */
  finish(): DataFrame {
    if (this.#chunks.length === 0) return this.#convert();
    if ((this.#values[0]?.length ?? 0) > 0) this.#flush();
    const [first, ...rest] = this.#chunks;
    if (rest.length === 0) return first as DataFrame;
    return pl.concat(this.#chunks, { how: "vertical", rechunk: true });
  }

  #emptyColumns(): unknown[][] {
    return Object.keys(this.#columns).map(() => []);
  }

  #convert(): DataFrame {
    const series = Object.entries(this.#columns).map(([name, column], index) =>
      toSeries(name, column as Column<never>, this.#values[index] as unknown[])
    );
    return pl.DataFrame(series);
  }

  #flush(): void {
    this.#chunks.push(this.#convert());
    this.#values = this.#emptyColumns();
  }
}

/**
 * Builds a frame from rows in one go; zero rows give a typed empty frame.
 */
export function toFrame<Row>(columns: Columns<Row>, rows: readonly Row[]): DataFrame {
  const builder = new FrameBuilder(columns);
  builder.add(rows);
  return builder.finish();
}
