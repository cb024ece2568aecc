/**
 * List columns (`list<int>`, `list<float>`, `list<str>`, `list<struct>`): each row's array is
 * kept until the chunk is built, then laid out as an Arrow list, offsets over one flat element
 * column (a struct column of one column per field for lists of structs), which polars reads
 * with the rest of the chunk. Lists whose elements do not fit the declared kind (a struct
 * element that is not a plain object, a field or element of another kind, an integer that is
 * not safe) are sent as JSON text and decoded by polars' `jsonDecode`, whose answer for them is
 * the reference.
 *
 * @module
 */

import { type DataType, pl } from "../deps.ts";
import type { ArrowColumn } from "./arrow_ipc.ts";
import {
  boolColumn,
  float64Column,
  int64Column,
  listColumn,
  structColumn,
} from "./arrow_arrays.ts";
import { utf8Column } from "./arrow_utf8.ts";
import type { ColumnPlan, ColumnWriter } from "./columns.ts";

/** The scalar kinds a list element or struct field may have (as in `frame.ts`). */
export type ElementKind = "int" | "float" | "str" | "bool";

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a value fits its kind as the Arrow route writes it (null and absent fit). */
function fits(value: unknown, kind: ElementKind): boolean {
  if (value === null || value === undefined) return true;
  switch (kind) {
    case "int":
      return Number.isSafeInteger(value);
    case "float":
      return typeof value === "number";
    case "str":
      return typeof value === "string";
    case "bool":
      return typeof value === "boolean";
  }
}

/** One flat column of values of `kind`, null and absent being null. */
function elementColumn(name: string, kind: ElementKind, values: unknown[]): ArrowColumn {
  if (kind === "str") return utf8Column(name, values as (string | null | undefined)[]);
  const numbers = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    numbers[i] = value === null || value === undefined ? NaN : Number(value);
  }
  if (kind === "bool") return boolColumn(name, numbers);
  if (kind === "float") return float64Column(name, numbers);
  return int64Column(name, numbers)!; // every value fits: a safe integer
}

/**
 * The Arrow list column of `values` (one array, null or undefined per row) whose elements are
 * of `element` kind, or structs of `element`'s fields; undefined when an element does not fit.
 *
 * @example
 * ```ts
 * import { listArrowColumn } from "./lists.ts";
 * import { encodeIpcStream } from "./arrow_ipc.ts";
 * import { pl } from "../deps.ts";
 * import { Buffer } from "node:buffer";
 * import assert from "node:assert/strict";
 *
 * const values = [[{ id: 1, name: "a" }], null, []];
 * const column = listArrowColumn("c", values, { id: "int", name: "str" })!;
 * const stream = encodeIpcStream([column], 3);
 * const frame = pl.readIPCStream(Buffer.from(stream.buffer));
 * assert.deepEqual(frame.getColumn("c").toArray(), [[{ id: 1, name: "a" }], null, []]);
 * assert.equal(listArrowColumn("c", [[null]], { id: "int", name: "str" }), undefined);
 * ```
 */
export function listArrowColumn(
  name: string,
  values: readonly unknown[],
  element: Readonly<Record<string, ElementKind>> | ElementKind,
): ArrowColumn | undefined {
  const scalar = typeof element === "string";
  const entries = Object.entries(scalar ? { item: element } : element);
  const offsets = new Float64Array(values.length + 1);
  let nulls: Uint8Array | undefined;
  // Each field's values, element by element (the element itself for a list of scalars).
  const fields: unknown[][] = entries.map(() => []);
  let count = 0;
  for (let row = 0; row < values.length; row++) {
    const list = values[row];
    if (list === null || list === undefined) {
      (nulls ??= new Uint8Array(values.length))[row] = 1;
    } else {
      for (const item of list as unknown[]) {
        if (scalar) {
          if (item === null || !fits(item, element)) return undefined;
          fields[0]!.push(item);
        } else {
          if (!isPlainObject(item)) return undefined;
          for (let f = 0; f < entries.length; f++) {
            const [field, kind] = entries[f]!;
            const value = (item as Record<string, unknown>)[field];
            if (!fits(value, kind)) return undefined;
            fields[f]!.push(value);
          }
        }
        count++;
      }
    }
    offsets[row + 1] = count;
  }
  const children = entries.map(([field, kind], f) => elementColumn(field, kind, fields[f]!));
  const child = scalar ? children[0]! : structColumn("item", count, children);
  return listColumn(name, offsets, nulls, child);
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

/** A list column's writer: arrays kept as they are, laid out when the chunk is built. */
export class ListWriter implements ColumnWriter {
  readonly #element: Readonly<Record<string, ElementKind>> | ElementKind;
  readonly #values: unknown[] = [];

  /** A writer of lists of `element` kind, or of structs of `element`'s fields. */
  constructor(element: Readonly<Record<string, ElementKind>> | ElementKind) {
    this.#element = element;
  }

  problem(value: unknown): string {
    return `holds ${typeof value}, not array`;
  }

  write(value: unknown): boolean {
    if (value === null || value === undefined) this.#values.push(null);
    else if (!Array.isArray(value)) return false;
    else this.#values.push(value);
    return true;
  }

  plan(name: string, dtype: DataType, key: string): ColumnPlan {
    const lists = listArrowColumn(name, this.#values, this.#element);
    if (lists) return { columns: [lists], expression: undefined };
    const texts = this.#values.map((value) => value === null ? null : decodableJson(value));
    return {
      columns: [utf8Column(key, texts)],
      expression: pl.col(key).str.jsonDecode(dtype).alias(name),
    };
  }
}
