/**
 * Column writers: each takes one value per row and writes it into a compact buffer (numbers,
 * booleans, timestamps and days in typed double arrays; strings as dictionary codes or text,
 * `strings.ts`; lists as arrays, `lists.ts`; JSON as text), then lays the chunk's values out as
 * Arrow columns (`arrow_arrays.ts`) of exactly the column's declared dtype, which `frame.ts`
 * hands to polars for every column at once. Nothing is inferred.
 *
 * @module
 */

import { type DataType, pl } from "../deps.ts";
import type { ArrowColumn } from "./arrow_ipc.ts";
import {
  boolColumn,
  dateColumn,
  float64Column,
  int64Column,
  timestampColumn,
} from "./arrow_arrays.ts";
import { utf8Column } from "./arrow_utf8.ts";
import { epochDay, writeTimestamp } from "./timestamps.ts";
import { type ElementKind, ListWriter } from "./lists.ts";
import { StringWriter } from "./strings.ts";
import { Doubles } from "./doubles.ts";

/** A polars expression. */
type Expr = ReturnType<typeof pl.col>;

/** What a column holds, and so its dtype (see `frame.ts`). */
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

/** Writes one column's values, then lays them out as Arrow columns. */
export interface ColumnWriter {
  /** Why a value was refused, for error messages ("holds string, not number"). */
  problem(value: unknown): string;
  /** Appends one value (null and undefined are null); false when it is of the wrong kind. */
  write(value: unknown): boolean;
  /**
   * How to build the column of every value written: the Arrow columns it adds to the chunk's
   * record batch and, when they are not already the column `name` of dtype `dtype`, the
   * expression that makes it from them (inputs are named from `key`, unique per column).
   */
  plan(name: string, dtype: DataType, key: string): ColumnPlan;
}

/** The Arrow columns of one column, and the expression that builds it from them if needed. */
export interface ColumnPlan {
  columns: ArrowColumn[];
  expression: Expr | undefined;
}

function textProblem(value: unknown, what: string): string {
  if (typeof value !== "string") return `holds ${typeof value}, not string`;
  return `holds ${JSON.stringify(value.slice(0, 40))}, a ${what} that could not be read`;
}

/** Numbers and booleans in a double array, NaN for null. */
class NumberWriter implements ColumnWriter {
  readonly #kind: "int" | "float" | "bool";
  readonly #values = new Doubles();

  constructor(kind: "int" | "float" | "bool") {
    this.#kind = kind;
  }

  problem(value: unknown): string {
    return `holds ${typeof value}, not ${this.#kind === "bool" ? "boolean" : "number"}`;
  }

  write(value: unknown): boolean {
    if (typeof value === "number" && this.#kind !== "bool") this.#values.push(value);
    else if (value === null || value === undefined) this.#values.push(NaN);
    else if (typeof value === "boolean" && this.#kind === "bool") {
      this.#values.push(value ? 1 : 0);
    } else return false;
    return true;
  }

  plan(name: string, _dtype: DataType, key: string): ColumnPlan {
    const values = this.#values.written();
    if (this.#kind === "bool") {
      return { columns: [boolColumn(name, values)], expression: undefined };
    }
    if (this.#kind === "float") {
      return { columns: [float64Column(name, values)], expression: undefined };
    }
    const ints = int64Column(name, values);
    if (ints) return { columns: [ints], expression: undefined };
    // A value that is not a safe integer: polars casts the doubles, as it always did.
    return {
      columns: [float64Column(key, values)],
      expression: pl.col(key).cast(pl.Int64).alias(name),
    };
  }
}

/** TM timestamps as epoch seconds and microseconds, laid out as Datetime(us, UTC). */
class TimestampWriter implements ColumnWriter {
  problem(value: unknown): string {
    return textProblem(value, "timestamp");
  }

  #seconds = new Float64Array(1024);
  #micros = new Int32Array(1024);
  #length = 0;

  write(value: unknown): boolean {
    if (this.#length === this.#seconds.length) this.#grow();
    const index = this.#length;
    if (value === null || value === undefined) {
      this.#seconds[index] = NaN;
      this.#micros[index] = 0;
    } else if (
      typeof value !== "string" || !writeTimestamp(value, this.#seconds, this.#micros, index)
    ) {
      return false;
    }
    this.#length++;
    return true;
  }

  plan(name: string, _dtype: DataType, _key: string): ColumnPlan {
    const length = this.#length;
    const column = timestampColumn(
      name,
      this.#seconds.subarray(0, length),
      this.#micros.subarray(0, length),
    );
    return { columns: [column], expression: undefined };
  }

  #grow(): void {
    const seconds = new Float64Array(this.#seconds.length * 2);
    const micros = new Int32Array(this.#micros.length * 2);
    seconds.set(this.#seconds);
    micros.set(this.#micros);
    this.#seconds = seconds;
    this.#micros = micros;
  }
}

/** `YYYY-MM-DD` days as epoch days, laid out as Date. */
class DayWriter implements ColumnWriter {
  problem(value: unknown): string {
    return textProblem(value, "day");
  }

  readonly #days = new Doubles();

  write(value: unknown): boolean {
    if (value === null || value === undefined) this.#days.push(NaN);
    else if (typeof value !== "string") return false;
    else {
      const day = epochDay(value);
      if (Number.isNaN(day)) return false;
      this.#days.push(day);
    }
    return true;
  }

  plan(name: string, _dtype: DataType, _key: string): ColumnPlan {
    return { columns: [dateColumn(name, this.#days.written())], expression: undefined };
  }
}

/** JSON values, kept until the chunk is built, then sent as their JSON text. */
class JsonWriter implements ColumnWriter {
  readonly #values: unknown[] = [];

  problem(value: unknown): string {
    return `holds ${typeof value}, which has no JSON text`;
  }

  write(value: unknown): boolean {
    this.#values.push(value ?? null);
    return true;
  }

  plan(name: string, _dtype: DataType, _key: string): ColumnPlan {
    // A value with no JSON text (a function) is null, as `JSON.stringify` leaves it undefined.
    const texts = this.#values.map((value) => value === null ? null : JSON.stringify(value));
    return { columns: [utf8Column(name, texts)], expression: undefined };
  }
}

/**
 * A fresh writer for a column of `kind`.
 *
 * @example
 * ```ts
 * import { columnWriter } from "./columns.ts";
 * import { encodeIpcStream } from "./arrow_ipc.ts";
 * import { pl } from "../deps.ts";
 * import { Buffer } from "node:buffer";
 * import assert from "node:assert/strict";
 *
 * const writer = columnWriter("datetime");
 * assert.equal(writer.write("2024-05-01T12:34:56.5Z"), true);
 * assert.equal(writer.write(null), true);
 * assert.equal(writer.write(5), false);
 * const { columns } = writer.plan("at", pl.Datetime("us", "UTC"), "0");
 * const stream = encodeIpcStream(columns, 2);
 * const series = pl.readIPCStream(Buffer.from(stream.buffer)).getColumn("at");
 * assert.ok(series.dtype.equals(pl.Datetime("us", "UTC")));
 * assert.equal(series.nullCount(), 1);
 * ```
 */
export function columnWriter(
  kind: ColumnKind,
  fields?: Readonly<Record<string, ElementKind>>,
): ColumnWriter {
  switch (kind) {
    case "int":
    case "float":
    case "bool":
      return new NumberWriter(kind);
    case "datetime":
      return new TimestampWriter();
    case "date":
      return new DayWriter();
    case "str":
      return new StringWriter();
    case "list<int>":
      return new ListWriter("int");
    case "list<float>":
      return new ListWriter("float");
    case "list<str>":
      return new ListWriter("str");
    case "list<struct>":
      return new ListWriter(fields ?? {});
    case "json":
      return new JsonWriter();
  }
}
