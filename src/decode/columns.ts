/**
 * Column writers: each takes one value per row and writes it into a compact buffer (numbers,
 * booleans, timestamps and days in typed double arrays; strings as dictionary codes,
 * `strings.ts`; lists as flat element columns, `struct_lists.ts`, or JSON text; JSON as text),
 * then builds one polars Series of the column's declared dtype. Nothing is inferred.
 *
 * @module
 */

import { type DataType, pl, type Series } from "../deps.ts";

/** A polars expression. */
type Expr = ReturnType<typeof pl.col>;
import { TEXT_SEPARATOR, textSeries } from "./text.ts";
import { epochDay, writeTimestamp } from "./timestamps.ts";
import { type StructFieldKind, structListSeries } from "./struct_lists.ts";
import { DICTIONARY_TRIAL, indexColumn, StringWriter, textPlan } from "./strings.ts";
import { Doubles, hasNaN } from "./doubles.ts";

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

/** Writes one column's values and turns them into a Series. */
export interface ColumnWriter {
  /** Why a value was refused, for error messages ("holds string, not number"). */
  problem(value: unknown): string;
  /** Appends one value (null and undefined are null); false when it is of the wrong kind. */
  write(value: unknown): boolean;
  /**
   * How to build the column of every value written: the buffers it adds to the chunk's frame
   * (named from `key`, unique per column) and the expression that turns them into the column
   * `name` of dtype `dtype`. Every column of a chunk is then built in one polars `select`.
   */
  plan(name: string, dtype: DataType, key: string): ColumnPlan;
}

/** The buffers of one column and the expression that builds it from them. */
export interface ColumnPlan {
  inputs: Series[];
  expression: Expr;
}

function textProblem(value: unknown, what: string): string {
  if (typeof value !== "string") return `holds ${typeof value}, not string`;
  return `holds ${JSON.stringify(value.slice(0, 40))}, a ${what} that could not be read`;
}

/** Numbers in a double array, NaN for null, cast to the dtype at the end. */
class NumberWriter implements ColumnWriter {
  readonly #type: "number" | "boolean";
  readonly #values = new Doubles();

  constructor(type: "number" | "boolean") {
    this.#type = type;
  }

  problem(value: unknown): string {
    return `holds ${typeof value}, not ${this.#type}`;
  }

  write(value: unknown): boolean {
    if (typeof value === "number" && this.#type === "number") this.#values.push(value);
    else if (value === null || value === undefined) this.#values.push(NaN);
    else if (typeof value === "boolean" && this.#type === "boolean") {
      this.#values.push(value ? 1 : 0);
    } else return false;
    return true;
  }

  plan(name: string, dtype: DataType, key: string): ColumnPlan {
    const values = this.#values.written();
    return { inputs: [pl.Series(key, values)], expression: cast(key, dtype, name, values) };
  }
}

/**
 * The double column `key` as `name` of `dtype`, NaN read as null: without the null step when
 * there is no NaN (nodejs-polars builds each step of an expression in some tens of µs).
 */
function cast(key: string, dtype: DataType, name: string, values?: Float64Array): Expr {
  const column = values && !hasNaN(values) ? pl.col(key) : pl.col(key).fillNan(null);
  return column.cast(dtype).alias(name);
}

/** Seconds whose microseconds a double holds exactly (below 2^53 µs). */
const MAX_EXACT_SECONDS = 9_007_199_253;

/** TM timestamps as epoch seconds and microseconds, combined into Datetime(us, UTC). */
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

  plan(name: string, dtype: DataType, key: string): ColumnPlan {
    const length = this.#length;
    const seconds = this.#seconds.subarray(0, length);
    const micros = this.#micros.subarray(0, length);
    // Epoch microseconds as doubles while they are exact (years 1685 to 2255): one column and
    // a cast; else seconds and microseconds apart, combined in Int64.
    const exact = new Float64Array(length);
    let inRange = true;
    for (let i = 0; i < length && inRange; i++) {
      const second = seconds[i]!;
      inRange = !(Math.abs(second) > MAX_EXACT_SECONDS);
      exact[i] = second * 1_000_000 + micros[i]!;
    }
    if (inRange) {
      return {
        inputs: [pl.Series(key, exact)],
        expression: cast(key, pl.Int64, name, exact).cast(dtype),
      };
    }
    const [secondsKey, microsKey] = [`${key}.seconds`, `${key}.micros`];
    return {
      inputs: [pl.Series(secondsKey, seconds), pl.Series(microsKey, micros)],
      expression: pl.col(secondsKey).fillNan(null).cast(pl.Int64)
        .mul(pl.lit(1_000_000).cast(pl.Int64)).add(pl.col(microsKey).cast(pl.Int64)).cast(dtype)
        .alias(name),
    };
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

/** `YYYY-MM-DD` days as epoch days, cast to Date. */
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

  plan(name: string, dtype: DataType, key: string): ColumnPlan {
    const days = this.#days.written();
    return {
      inputs: [pl.Series(key, days)],
      expression: cast(key, pl.Int32, name, days).cast(dtype),
    };
  }
}

const ELEMENT_SEPARATOR = "\x1e";

/** The element kind of each list of scalars, for the flat route (`struct_lists.ts`). */
const LIST_ELEMENTS: Partial<Record<ColumnKind, StructFieldKind>> = {
  "list<int>": "int",
  "list<float>": "float",
  "list<str>": "str",
};

/** Lists and JSON values, kept until the end, then sent as text and decoded by polars. */
class TextWriter implements ColumnWriter {
  readonly #kind: ColumnKind;
  readonly #fields: Readonly<Record<string, StructFieldKind>> | undefined;
  readonly #values: unknown[] = [];
  /** Whether the texts are lists of strings joined with separators, not JSON. */
  #joinedLists = false;

  constructor(kind: ColumnKind, fields?: Readonly<Record<string, StructFieldKind>>) {
    this.#kind = kind;
    this.#fields = fields;
  }

  problem(value: unknown): string {
    return `holds ${typeof value}, not array`;
  }

  write(value: unknown): boolean {
    if (value === null || value === undefined) this.#values.push(null);
    else if (this.#kind !== "json" && !Array.isArray(value)) return false;
    else this.#values.push(value);
    return true;
  }

  plan(name: string, dtype: DataType, key: string): ColumnPlan {
    // Nothing but nulls (activities send `issues: null`): a null literal of the dtype.
    if (this.#values.every((value) => value === null)) {
      return { inputs: [], expression: pl.lit(null).cast(dtype).alias(name) };
    }
    const element = this.#kind === "list<struct>" ? this.#fields : LIST_ELEMENTS[this.#kind];
    if (element) {
      const lists = structListSeries(key, this.#values, element, dtype);
      if (lists) return { inputs: [lists], expression: pl.col(key).alias(name) };
    }
    const texts = this.#texts(this.#values);
    if (this.#kind === "json") return textPlan(name, key, texts);
    // Lists repeat (campaigns, countries): each distinct one is decoded once.
    const dictionary = dictionaryOf(texts);
    if (!dictionary) {
      return { inputs: [this.#decode(key, dtype, texts)], expression: pl.col(key).alias(name) };
    }
    const decoded = this.#decode(name, dtype, dictionary.values);
    const gathered = pl.lit(decoded).explode().gather(indexColumn(key));
    return {
      inputs: [pl.Series(key, dictionary.indices)],
      // No list at all: the empty literal explodes to a null of no dtype.
      expression: (dictionary.values.length === 0 ? gathered.cast(dtype) : gathered).alias(name),
    };
  }

  /** One text per row: JSON, or for a list of strings its elements each after a separator. */
  #texts(values: unknown[]): (string | null)[] {
    if (this.#kind === "json") {
      return values.map((value) => value === null ? null : JSON.stringify(value));
    }
    if (this.#kind === "list<str>" && values.every(isJoinableList)) {
      this.#joinedLists = true;
      return values.map((list) =>
        list === null ? null : (list as string[]).map((e) => ELEMENT_SEPARATOR + e).join("")
      );
    }
    return values.map((value) => value === null ? null : decodableJson(value));
  }

  /** The list Series of texts made by {@link TextWriter.#texts}. */
  #decode(name: string, dtype: DataType, texts: (string | null)[]): Series {
    const series = textSeries(name, texts);
    if (!this.#joinedLists) return series.str.jsonDecode(dtype).alias(name);
    return pl.DataFrame([series]).select(
      pl.col(name).str.split(ELEMENT_SEPARATOR).lst.slice(1, 2 ** 31 - 1).alias(name),
    ).getColumn(name);
  }
}

/**
 * The distinct texts and each row's index among them (NaN for null), or undefined when most
 * of them are distinct.
 */
function dictionaryOf(
  texts: readonly (string | null)[],
): { values: string[]; indices: Float64Array } | undefined {
  const known = new Map<string, number>();
  const values: string[] = [];
  const indices = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text === null || text === undefined) {
      indices[i] = NaN;
      continue;
    }
    let index = known.get(text);
    if (index === undefined) {
      index = values.push(text) - 1;
      if (index >= DICTIONARY_TRIAL && index * 2 > i) return undefined;
      known.set(text, index);
    }
    indices[i] = index;
  }
  return { values, indices };
}

/**
 * JSON text that polars' `jsonDecode` reads: it fails on the `\udXXX` escape JSON.stringify
 * writes for a lone surrogate, so such strings are first made U+FFFD, as a JS string crossing
 * into Rust is anyway.
 */
function decodableJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (!text.includes("\\ud")) return text;
  return JSON.stringify(
    value,
    (_key, item) => typeof item === "string" ? item.toWellFormed() : item,
  );
}

function isJoinableList(value: unknown): boolean {
  if (value === null) return true;
  for (const element of value as unknown[]) {
    if (
      typeof element !== "string" || element.includes(ELEMENT_SEPARATOR) ||
      element.includes(TEXT_SEPARATOR)
    ) return false;
  }
  return true;
}

/**
 * A fresh writer for a column of `kind`.
 *
 * @example
 * ```ts
 * import { columnWriter } from "./columns.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const writer = columnWriter("datetime");
 * assert.equal(writer.write("2024-05-01T12:34:56.5Z"), true);
 * assert.equal(writer.write(null), true);
 * assert.equal(writer.write(5), false);
 * const { inputs, expression } = writer.plan("at", pl.Datetime("us", "UTC"), "0");
 * const series = pl.DataFrame(inputs).select(expression).getColumn("at");
 * assert.equal(series.nullCount(), 1);
 * ```
 */
export function columnWriter(
  kind: ColumnKind,
  fields?: Readonly<Record<string, StructFieldKind>>,
): ColumnWriter {
  switch (kind) {
    case "int":
    case "float":
      return new NumberWriter("number");
    case "bool":
      return new NumberWriter("boolean");
    case "datetime":
      return new TimestampWriter();
    case "date":
      return new DayWriter();
    case "str":
      return new StringWriter();
    default:
      return new TextWriter(kind, fields);
  }
}
