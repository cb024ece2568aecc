/**
 * String columns: dictionary codes while values repeat, plain text once they do not. Text is
 * laid out as an Arrow String column (`arrow_arrays.ts`); codes as a UInt32 column, which polars
 * turns into strings by gathering from the distinct values.
 *
 * @module
 */

import { type DataType, pl, type Series } from "../deps.ts";
import type { ColumnPlan, ColumnWriter } from "./columns.ts";
import { Doubles } from "./doubles.ts";
import { uint32Column } from "./arrow_arrays.ts";
import { utf8Column } from "./arrow_utf8.ts";
import { readColumns } from "./arrow_ipc.ts";

/**
 * A String Series of `texts` (null and undefined are null), read by polars from an Arrow IPC
 * stream in one call (`pl.Series` converts strings one at a time).
 *
 * @example
 * ```ts
 * import { stringSeries } from "./strings.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(stringSeries("s", ["a", null, "é"]).toArray(), ["a", null, "é"]);
 * ```
 */
export function stringSeries(name: string, texts: readonly (string | null | undefined)[]): Series {
  return readColumns([utf8Column(name, texts)], texts.length).getColumn(name);
}

/** Distinct values a string column is dictionary-coded for before it may give up on it. */
const DICTIONARY_TRIAL = 256;

/**
 * Coding gives up once more than one row in this many brought a new value. Text is sometimes
 * faster: on 65,536 activity rows (writing, laying out and reading into polars) `actionText`,
 * 9,622 values, a new one in one row of 7, took 6.8 ms as text against 10.8 as codes. But
 * polars keeps a column read as text larger (its views and the UTF-8 bytes they came from;
 * short values gathered from codes live in their views alone): `actionText` took 2.54 MiB
 * against 1.76 per 100k rows, the whole activity frame 8 % more. Memory wins that trade.
 */
const DISTINCT_SHARE = 2;

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
export class StringWriter implements ColumnWriter {
  problem(value: unknown): string {
    return `holds ${typeof value}, not string`;
  }

  /** Open addressing: 0 is empty, else a code + 1. Undefined once coding gave up. */
  #table: Int32Array | undefined = new Int32Array(64);
  /** The {@link sampleHash} of the value each slot of `#table` holds. */
  #hashes = new Int32Array(64);
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
    const hash = sampleHash(value);
    let slot = hash & mask;
    const values = this.#values;
    const hashes = this.#hashes;
    for (;;) {
      const held = table[slot]!;
      if (held === 0) break;
      // The hash first: most strings that share a slot differ in it, and are not compared.
      if (hashes[slot] === hash && values[held - 1] === value) {
        this.#last = value;
        this.#lastCode = held - 1;
        this.#rows.push(held - 1);
        return;
      }
      slot = (slot + 1) & mask;
    }
    const code = values.push(value) - 1;
    if (code >= DICTIONARY_TRIAL && code * DISTINCT_SHARE > this.#rows.length) {
      this.#giveUpDictionary();
      return;
    }
    table[slot] = code + 1;
    hashes[slot] = hash;
    this.#last = value;
    this.#lastCode = code;
    this.#rows.push(code);
    if (4 * values.length > 3 * table.length) this.#rehash(table.length * 2);
  }

  #rehash(size: number): void {
    const table = new Int32Array(size);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    this.#values.forEach((value, code) => {
      const hash = sampleHash(value);
      let slot = hash & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = code + 1;
      hashes[slot] = hash;
    });
    this.#table = table;
    this.#hashes = hashes;
  }

  plan(name: string, _dtype: DataType, key: string): ColumnPlan {
    if (this.#texts) return { columns: [utf8Column(name, this.#texts)], expression: undefined };
    // The codes go to polars, and each distinct value once: polars gathers them.
    const values = pl.lit(stringSeries(name, this.#values)).explode();
    return {
      columns: [uint32Column(key, this.#rows.written())],
      expression: values.gather(pl.col(key)).alias(name),
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
    this.#hashes = new Int32Array(0);
    this.#last = undefined;
  }
}
