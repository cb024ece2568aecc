/**
 * A small FlatBuffers writer, enough for Arrow's IPC metadata (`arrow_ipc.ts`): tables of
 * little-endian integer scalars and references, vectors of references, vectors of inline
 * structs of 64-bit integers, and strings. The value is described as a tree and written front
 * to back: each table's vtable just before it, then the objects it refers to after it, so that
 * every reference (an unsigned 32-bit offset) points forward, as the format requires. Every
 * scalar sits at an address that is a multiple of its size.
 *
 * @module
 */

/** An integer scalar field of `size` bytes (an 8-byte one must be a safe integer). */
export interface Scalar {
  size: 1 | 2 | 4 | 8;
  value: number;
}

/** A table: its fields by id, `undefined` for an absent one. */
export interface Table {
  table: readonly (Scalar | Reference | undefined)[];
}

/** A vector of references to tables or strings. */
export interface Vector {
  vector: readonly Reference[];
}

/** A vector of structs that are each `width` 64-bit integers, given flat. */
export interface Structs {
  width: number;
  longs: readonly number[];
}

/** What a field or a vector element may refer to. */
export type Reference = Table | Vector | Structs | string;

const TWO_32 = 2 ** 32;

/** The growing output of {@link encodeFlatbuffer}. */
class Output {
  bytes = new Uint8Array(512);
  view = new DataView(this.bytes.buffer);
  at = 0;

  /** Moves to the next multiple of `alignment` and makes room for `size` bytes there. */
  reserve(alignment: number, size: number): number {
    const start = Math.ceil(this.at / alignment) * alignment;
    if (start + size > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, start + size));
      grown.set(this.bytes);
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    this.at = start + size;
    return start;
  }

  scalar(at: number, { size, value }: Scalar): void {
    if (size === 1) this.view.setUint8(at, value);
    else if (size === 2) this.view.setInt16(at, value, true);
    else if (size === 4) this.view.setInt32(at, value, true);
    else writeLong(this.view, at, value);
  }
}

/** A safe integer as a little-endian two's-complement 64-bit integer, without BigInt. */
export function writeLong(view: DataView, at: number, value: number): void {
  const high = Math.floor(value / TWO_32);
  view.setUint32(at, value - high * TWO_32, true);
  view.setInt32(at + 4, high, true);
}

/** Writes `value` and returns where it starts (a table's start is after its vtable). */
function write(out: Output, value: Reference): number {
  if (typeof value === "string") {
    const bytes = new TextEncoder().encode(value);
    const at = out.reserve(4, 4 + bytes.length + 1);
    out.view.setUint32(at, bytes.length, true);
    out.bytes.set(bytes, at + 4);
    out.bytes[at + 4 + bytes.length] = 0;
    return at;
  }
  if ("longs" in value) {
    // The length 4 bytes before a multiple of 8, so that the structs right after it are on one.
    if (out.reserve(4, 0) % 8 === 0) out.reserve(4, 4);
    const at = out.reserve(4, 4 + 8 * value.longs.length);
    out.view.setUint32(at, value.longs.length / value.width, true);
    value.longs.forEach((long, i) => writeLong(out.view, at + 4 + 8 * i, long));
    return at;
  }
  if ("vector" in value) {
    const at = out.reserve(4, 4 + 4 * value.vector.length);
    out.view.setUint32(at, value.vector.length, true);
    value.vector.forEach((element, i) => {
      const slot = at + 4 + 4 * i;
      // Written first: writing may grow the output and replace its view.
      const target = write(out, element);
      out.view.setUint32(slot, target - slot, true);
    });
    return at;
  }
  return writeTable(out, value.table);
}

function writeTable(out: Output, fields: Table["table"]): number {
  const vtable = out.reserve(2, 4 + 2 * fields.length);
  // The table: its vtable's offset, then each field at a multiple of its size.
  const table = out.reserve(4, 4);
  out.view.setInt32(table, table - vtable, true);
  const positions = fields.map((field) => {
    if (field === undefined) return 0;
    const size = typeof field === "object" && "size" in field ? field.size : 4;
    return out.reserve(size, size);
  });
  out.view.setUint16(vtable, 4 + 2 * fields.length, true);
  out.view.setUint16(vtable + 2, out.at - table, true);
  fields.forEach((field, id) => {
    const at = positions[id]!;
    out.view.setUint16(vtable + 4 + 2 * id, field === undefined ? 0 : at - table, true);
    if (field !== undefined && typeof field === "object" && "size" in field) out.scalar(at, field);
  });
  // Then what the fields refer to, after the table.
  fields.forEach((field, id) => {
    if (field === undefined || (typeof field === "object" && "size" in field)) return;
    const at = positions[id]!;
    const target = write(out, field);
    out.view.setUint32(at, target - at, true);
  });
  return table;
}

/**
 * A FlatBuffer whose root is `root`, its length a multiple of 8.
 *
 * @example A table with a short, a byte and a string
 * ```ts
 * import { encodeFlatbuffer } from "./flatbuffer.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodeFlatbuffer({
 *   table: [{ size: 2, value: 4 }, undefined, { size: 1, value: 7 }, "UTC"],
 * });
 * const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
 * const table = view.getUint32(0, true);
 * const vtable = table - view.getInt32(table, true);
 * const field = (id: number) => view.getUint16(vtable + 4 + 2 * id, true);
 * assert.equal(view.getInt16(table + field(0), true), 4);
 * assert.equal(field(1), 0);
 * assert.equal(view.getUint8(table + field(2)), 7);
 * const text = table + field(3) + view.getUint32(table + field(3), true);
 * assert.equal(new TextDecoder().decode(bytes.subarray(text + 4, text + 7)), "UTC");
 * ```
 */
export function encodeFlatbuffer(root: Table): Uint8Array {
  const out = new Output();
  out.reserve(4, 4);
  const table = write(out, root);
  out.view.setUint32(0, table, true);
  out.reserve(8, 0);
  return out.bytes.subarray(0, out.at);
}
