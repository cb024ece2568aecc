/**
 * Column writers: each takes one value per row and writes it into a compact buffer (numbers,
 * booleans, timestamps and days as numbers; strings as dictionary codes; lists and JSON as
 * text), then builds one polars Series of the column's declared dtype. Nothing is inferred.
 *
 * @module
 */

import { type DataType, pl, type Series } from "../deps.ts";

/** A polars expression. */
type Expr = ReturnType<typeof pl.col>;
import { TEXT_SEPARATOR, textSeries, textsExpression } from "./text.ts";
import { epochDay, writeTimestamp } from "./timestamps.ts";
import { type StructFieldKind, structListSeries } from "./struct_lists.ts";
import { Doubles } from "./doubles.ts";

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

/**
 * Builds the column a writer planned, on its own.
 *
 * @example
 * ```ts
 * import { columnWriter, finishColumn } from "./columns.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const writer = columnWriter("int");
 * writer.write(3);
 * writer.write(null);
 * assert.deepEqual(finishColumn(writer, "n", pl.Int64).toArray(), [3, null]);
 * ```
 */
export function finishColumn(writer: ColumnWriter, name: string, dtype: DataType): Series {
  const { inputs, expression } = writer.plan(name, dtype, "0");
  return pl.DataFrame(inputs).select(expression).getColumn(name);
}

/** Row indices into a list of distinct values, NaN for null, as a UInt32 column. */
function indexColumn(key: string): Expr {
  return pl.col(key).fillNan(null).cast(pl.UInt32);
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
    return {
      inputs: [pl.Series(key, this.#values.written())],
      expression: pl.col(key).fillNan(null).cast(dtype).alias(name),
    };
  }
}

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
    const [seconds, micros] = [`${key}.seconds`, `${key}.micros`];
    return {
      inputs: [
        pl.Series(seconds, this.#seconds.subarray(0, this.#length)),
        pl.Series(micros, this.#micros.subarray(0, this.#length)),
      ],
      expression: pl.col(seconds).fillNan(null).cast(pl.Int64)
        .mul(pl.lit(1_000_000).cast(pl.Int64)).add(pl.col(micros).cast(pl.Int64)).cast(dtype)
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
    return {
      inputs: [pl.Series(key, this.#days.written())],
      expression: pl.col(key).fillNan(null).cast(pl.Int32).cast(dtype).alias(name),
    };
  }
}

/** Rows a string column is dictionary-coded for before it may give up on it. */
const DICTIONARY_TRIAL = 256;

/**
 * A cheap hash of a string from its length and six of its characters: V8 would hash every
 * character of every fresh string JSON.parse made (only strings of up to 10 characters come
 * internalized), and a dictionary lookup compares the candidate with `===` anyway.
 */
function sampleHash(text: string): number {
  const n = text.length;
  let h = Math.imul(n, 0x9e3779b1);
  h = Math.imul(h ^ text.charCodeAt(0), 0x85ebca6b);
  h = Math.imul(h ^ text.charCodeAt(n - 1), 0xc2b2ae35);
  h = Math.imul(h ^ text.charCodeAt(n >> 1), 0x27d4eb2f);
  h = Math.imul(h ^ text.charCodeAt(n >> 2), 0x165667b1);
  h = Math.imul(h ^ text.charCodeAt(n - 2), 0x9e3779b1);
  h = Math.imul(h ^ text.charCodeAt((3 * n) >> 2), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/**
 * Strings as dictionary codes, so that each distinct string crosses into polars once, while
 * they repeat (enums, usernames): a hash table of codes in a typed array, probed by
 * {@link sampleHash} and confirmed with `===`, and the last value remembered (runs are common).
 * A column of mostly distinct strings (names, descriptions) turns to plain text joined at the
 * end: coding every long, fresh string would cost more.
 */
class StringWriter implements ColumnWriter {
  problem(value: unknown): string {
    return `holds ${typeof value}, not string`;
  }

  /** Open addressing: 0 is empty, else a code + 1. Undefined once coding gave up. */
  #table: Int32Array | undefined = new Int32Array(64);
  readonly #values: string[] = [];
  /** Each row's code (its index in `#values`), NaN for null. */
  readonly #rows = new Doubles();
  #last: string | undefined;
  #lastCode = 0;
  /** The column as text, once dictionary coding gave up. */
  #texts: (string | null)[] | undefined;

  write(value: unknown): boolean {
    if (typeof value === "string") {
      if (value === this.#last) this.#rows.push(this.#lastCode);
      else if (this.#table) this.#code(value, this.#table);
      else this.#texts!.push(value);
    } else if (value === null || value === undefined) {
      if (this.#texts) this.#texts.push(null);
      else this.#rows.push(NaN);
    } else return false;
    return true;
  }

  #code(value: string, table: Int32Array): void {
    const mask = table.length - 1;
    let slot = sampleHash(value) & mask;
    const values = this.#values;
    for (;;) {
      const held = table[slot]!;
      if (held === 0) break;
      if (values[held - 1] === value) {
        this.#last = value;
        this.#lastCode = held - 1;
        this.#rows.push(held - 1);
        return;
      }
      slot = (slot + 1) & mask;
    }
    const code = values.push(value) - 1;
    if (code >= DICTIONARY_TRIAL && code * 2 > this.#rows.length) {
      this.#giveUpDictionary();
      return;
    }
    table[slot] = code + 1;
    this.#last = value;
    this.#lastCode = code;
    this.#rows.push(code);
    if (4 * values.length > 3 * table.length) this.#rehash(table.length * 2);
  }

  #rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    this.#values.forEach((value, code) => {
      let slot = sampleHash(value) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = code + 1;
    });
    this.#table = table;
  }

  plan(name: string, _dtype: DataType, key: string): ColumnPlan {
    if (this.#texts) return textPlan(name, key, this.#texts);
    return {
      inputs: [pl.Series(key, this.#rows.written())],
      expression: textsExpression(this.#values).gather(indexColumn(key)).alias(name),
    };
  }

  /** Turns the codes so far (and the value just added, the last one) into text. */
  #giveUpDictionary(): void {
    const values = this.#values;
    const texts: (string | null)[] = [];
    for (const code of this.#rows.written()) texts.push(code === code ? values[code]! : null);
    texts.push(values[values.length - 1]!);
    this.#texts = texts;
    this.#table = undefined;
    this.#last = undefined;
  }
}

const ELEMENT_SEPARATOR = "\x1e";

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
    if (this.#kind === "list<struct>" && this.#fields) {
      const lists = structListSeries(key, this.#values, this.#fields, dtype);
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

/** A column of texts (null stays null), sent as they are. */
function textPlan(name: string, key: string, texts: readonly (string | null)[]): ColumnPlan {
  return { inputs: [textSeries(key, texts)], expression: pl.col(key).alias(name) };
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
 * import { columnWriter, finishColumn } from "./columns.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const writer = columnWriter("datetime");
 * assert.equal(writer.write("2024-05-01T12:34:56.5Z"), true);
 * assert.equal(writer.write(null), true);
 * assert.equal(writer.write(5), false);
 * const series = finishColumn(writer, "at", pl.Datetime("us", "UTC"));
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
