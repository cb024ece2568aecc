/**
 * Column writers: each takes one value per row and writes it into a compact buffer (numbers,
 * booleans, timestamps and days as numbers; strings as dictionary codes; lists and JSON as
 * text), then builds one polars Series of the column's declared dtype. Nothing is inferred.
 *
 * @module
 */

import { type DataType, pl, type Series } from "../deps.ts";
import { dictionarySeries, gatherSeries, TEXT_SEPARATOR, textSeries } from "./text.ts";
import { epochDay, writeTimestamp } from "./timestamps.ts";

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
  /** The Series of every value written, named `name`, of dtype `dtype`. */
  finish(name: string, dtype: DataType): Series;
}

function textProblem(value: unknown, what: string): string {
  if (typeof value !== "string") return `holds ${typeof value}, not string`;
  return `holds ${JSON.stringify(value.slice(0, 40))}, a ${what} that could not be read`;
}

/** Numbers in a double array, NaN for null, cast to the dtype at the end. */
class NumberWriter implements ColumnWriter {
  readonly #type: "number" | "boolean";
  readonly #values: number[] = [];

  constructor(type: "number" | "boolean") {
    this.#type = type;
  }

  problem(value: unknown): string {
    return `holds ${typeof value}, not ${this.#type}`;
  }

  write(value: unknown): boolean {
    if (value === null || value === undefined) this.#values.push(NaN);
    else if (this.#type === "number" ? typeof value === "number" : typeof value === "boolean") {
      this.#values.push(Number(value));
    } else return false;
    return true;
  }

  finish(name: string, dtype: DataType): Series {
    return pl.DataFrame([pl.Series(name, new Float64Array(this.#values))])
      .select(pl.col(name).fillNan(null).cast(dtype)).getColumn(name);
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

  finish(name: string, dtype: DataType): Series {
    const seconds = pl.Series("seconds", this.#seconds.subarray(0, this.#length));
    const micros = pl.Series("micros", this.#micros.subarray(0, this.#length));
    return pl.DataFrame([seconds, micros]).select(
      pl.col("seconds").fillNan(null).cast(pl.Int64).mul(pl.lit(1_000_000).cast(pl.Int64))
        .add(pl.col("micros").cast(pl.Int64)).cast(dtype).alias(name),
    ).getColumn(name);
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

  readonly #days: number[] = [];

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

  finish(name: string, dtype: DataType): Series {
    return pl.DataFrame([pl.Series(name, new Float64Array(this.#days))])
      .select(pl.col(name).fillNan(null).cast(pl.Int32).cast(dtype)).getColumn(name);
  }
}

/** Rows a string column is dictionary-coded for before it may give up on it. */
const DICTIONARY_TRIAL = 256;

/**
 * Strings as dictionary codes, so that each distinct string crosses into polars once, while
 * they repeat (enums, usernames). A column of mostly distinct strings (names, descriptions)
 * turns to plain text joined at the end: hashing every long, fresh string would cost more.
 */
class StringWriter implements ColumnWriter {
  problem(value: unknown): string {
    return `holds ${typeof value}, not string`;
  }

  #codes: Map<string, number> | undefined = new Map();
  readonly #values: string[] = [];
  readonly #rows: number[] = [];
  /** The column as text, once dictionary coding gave up. */
  #texts: (string | null)[] | undefined;

  write(value: unknown): boolean {
    const codes = this.#codes;
    if (value !== null && value !== undefined && typeof value !== "string") return false;
    if (!codes) this.#texts!.push(value ?? null);
    else if (value === null || value === undefined) this.#rows.push(0);
    else {
      let code = codes.get(value);
      if (code === undefined) {
        code = this.#values.push(value);
        codes.set(value, code);
        if (code > DICTIONARY_TRIAL && code * 2 > this.#rows.length) this.#giveUpDictionary();
        else this.#rows.push(code);
      } else this.#rows.push(code);
    }
    return true;
  }

  finish(name: string): Series {
    if (this.#texts) return textSeries(name, this.#texts);
    return dictionarySeries(name, this.#values, new Uint32Array(this.#rows));
  }

  /** Turns the codes so far (and the value just added, the last one) into text. */
  #giveUpDictionary(): void {
    const values = this.#values;
    this.#texts = this.#rows.map((code) => code === 0 ? null : values[code - 1]!);
    this.#texts.push(values[values.length - 1]!);
    this.#codes = undefined;
  }
}

const ELEMENT_SEPARATOR = "\x1e";

/** Lists and JSON values, kept until the end, then sent as text and decoded by polars. */
class TextWriter implements ColumnWriter {
  readonly #kind: ColumnKind;
  readonly #values: unknown[] = [];
  /** Whether the texts are lists of strings joined with separators, not JSON. */
  #joinedLists = false;

  constructor(kind: ColumnKind) {
    this.#kind = kind;
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

  finish(name: string, dtype: DataType): Series {
    const values = this.#values;
    if (values.length > 1 && values.every((value) => value === null)) {
      // A column with no value at all (activity `issues` ...): one null, extended.
      return this.#decode(name, dtype, [null]).extendConstant(null, values.length - 1)
        .alias(name);
    }
    const texts = this.#texts(values);
    if (this.#kind === "json") return textSeries(name, texts, { checkSeparator: false });
    // Lists repeat (campaigns, countries): each distinct one is decoded once.
    const dictionary = dictionaryOf(texts);
    if (!dictionary) return this.#decode(name, dtype, texts);
    const decoded = this.#decode(name, dtype, [null, ...dictionary.values]);
    return gatherSeries(decoded, dictionary.codes);
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
    const series = textSeries(name, texts, { checkSeparator: false });
    if (!this.#joinedLists) return series.str.jsonDecode(dtype).alias(name);
    return pl.DataFrame([series]).select(
      pl.col(name).str.split(ELEMENT_SEPARATOR).lst.slice(1, 2 ** 31 - 1).alias(name),
    ).getColumn(name);
  }
}

/**
 * Dictionary codes of texts (0 for null, else 1 + the index in `values`), or undefined when
 * most of them are distinct.
 */
function dictionaryOf(
  texts: readonly (string | null)[],
): { values: string[]; codes: Uint32Array } | undefined {
  const known = new Map<string, number>();
  const values: string[] = [];
  const codes = new Uint32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text === null || text === undefined) continue;
    let code = known.get(text);
    if (code === undefined) {
      code = values.push(text);
      if (code > DICTIONARY_TRIAL && code * 2 > i) return undefined;
      known.set(text, code);
    }
    codes[i] = code;
  }
  return { values, codes };
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
 * const series = writer.finish("at", pl.Datetime("us", "UTC"));
 * assert.equal(series.nullCount(), 1);
 * ```
 */
export function columnWriter(kind: ColumnKind): ColumnWriter {
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
      return new TextWriter(kind);
  }
}
