/**
 * JS values laid out as Arrow arrays (`arrow_ipc.ts`): numbers, booleans, timestamps and days
 * from the column writers' double buffers (NaN for null) into typed data with a validity
 * bitmap; lists and structs as offsets over child columns (strings: `arrow_utf8.ts`).
 * 64-bit integers are written as two 32-bit halves, without BigInt (the values are safe
 * integers, or built exactly from their parts). Offsets are 32-bit unless the data passes
 * `maxOffset` (2^31 - 1 by default): then the Large variant with 64-bit offsets is written.
 *
 * @module
 */

import { ARROW_TYPES, type ArrowColumn } from "./arrow_ipc.ts";

const TWO_32 = 2 ** 32;
/** The largest 32-bit offset. */
export const INT32_MAX = 2 ** 31 - 1;
/** An empty buffer: the validity of a column without nulls. */
export const NO_BYTES: Uint8Array = new Uint8Array(0);

/** A validity bitmap (bit set: not null) and the number of nulls. */
export interface Validity {
  bitmap: Uint8Array;
  nullCount: number;
}

/**
 * The validity of `values`, NaN being null: an empty bitmap when nothing is null.
 *
 * @example
 * ```ts
 * import { validityOf } from "./arrow_arrays.ts";
 * import assert from "node:assert/strict";
 *
 * const { bitmap, nullCount } = validityOf(new Float64Array([1, NaN, 3]));
 * assert.deepEqual([...bitmap], [0b101]);
 * assert.equal(nullCount, 1);
 * ```
 */
export function validityOf(values: Float64Array): Validity {
  const length = values.length;
  let i = 0;
  while (i < length && values[i] === values[i]) i++;
  if (i === length) return { bitmap: NO_BYTES, nullCount: 0 };
  const bitmap = new Uint8Array((length + 7) >> 3).fill(255, 0, i >> 3);
  let nullCount = 0;
  for (i &= ~7; i < length; i++) {
    const value = values[i]!;
    if (value === value) bitmap[i >> 3]! |= 1 << (i & 7);
    else nullCount++;
  }
  return { bitmap, nullCount };
}

/** A Float64 column (NaN is null). */
export function float64Column(name: string, values: Float64Array): ArrowColumn {
  const { bitmap, nullCount } = validityOf(values);
  const length = values.length;
  return { name, type: ARROW_TYPES.float64, length, nullCount, buffers: [bitmap, values] };
}

/** A validity bitmap of `length` rows, every row valid (set bits past the end are ignored). */
export function allValid(length: number): Uint8Array {
  return new Uint8Array((length + 7) >> 3).fill(255);
}

/** 2^-32, exact: `value * TWO_MINUS_32` is `value / 2^32`. */
const TWO_MINUS_32 = 2 ** -32;

/**
 * An Int64 column (NaN is null), or undefined when a value is not a safe integer: each value
 * as its low and high 32 bits, in one pass that also builds the validity.
 */
export function int64Column(name: string, values: Float64Array): ArrowColumn | undefined {
  const length = values.length;
  const buffer = new ArrayBuffer(8 * length);
  const lows = new Uint32Array(buffer);
  const highs = new Int32Array(buffer);
  let bitmap: Uint8Array = NO_BYTES;
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i]!;
    if (value !== value) {
      if (nullCount++ === 0) bitmap = allValid(length);
      bitmap[i >> 3]! &= ~(1 << (i & 7));
    } else if ((value | 0) === value) {
      lows[2 * i] = value;
      highs[2 * i + 1] = value < 0 ? -1 : 0;
    } else if (Number.isSafeInteger(value)) {
      const high = Math.floor(value * TWO_MINUS_32);
      lows[2 * i] = value - high * TWO_32;
      highs[2 * i + 1] = high;
    } else return undefined;
  }
  return { name, type: ARROW_TYPES.int64, length, nullCount, buffers: [bitmap, highs] };
}

/** A UInt32 column of codes below 2^32 (NaN is null). */
export function uint32Column(name: string, codes: Float64Array): ArrowColumn {
  const length = codes.length;
  const values = new Uint32Array(length);
  let bitmap: Uint8Array = NO_BYTES;
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    const code = codes[i]!;
    if (code === code) values[i] = code;
    else {
      if (nullCount++ === 0) bitmap = allValid(length);
      bitmap[i >> 3]! &= ~(1 << (i & 7));
    }
  }
  return { name, type: ARROW_TYPES.uint32, length, nullCount, buffers: [bitmap, values] };
}

/** A Bool column of 1 and 0 (NaN is null), bit-packed. */
export function boolColumn(name: string, values: Float64Array): ArrowColumn {
  const { bitmap, nullCount } = validityOf(values);
  const bits = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] === 1) bits[i >> 3]! |= 1 << (i & 7);
  const length = values.length;
  return { name, type: ARROW_TYPES.bool, length, nullCount, buffers: [bitmap, bits] };
}

/** A Date column of epoch days (NaN is null). */
export function dateColumn(name: string, days: Float64Array): ArrowColumn {
  const { bitmap, nullCount } = validityOf(days);
  const values = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) values[i] = days[i]!; // NaN becomes 0
  const length = days.length;
  return { name, type: ARROW_TYPES.date32, length, nullCount, buffers: [bitmap, values] };
}

/** Microseconds in a double are exact up to 2^53, about 9.007e9 seconds from the epoch. */
const MAX_EXACT_SECONDS = 9_007_199_253;

/**
 * A Datetime(us, UTC) column from whole epoch seconds (NaN is null) and microseconds
 * (0 to 999,999), exact for every year 0000–9999.
 *
 * @example Before 1970, and past 2^53 microseconds
 * ```ts
 * import { timestampColumn } from "./arrow_arrays.ts";
 * import { encodeIpcStream } from "./arrow_ipc.ts";
 * import { pl } from "../deps.ts";
 * import { Buffer } from "node:buffer";
 * import assert from "node:assert/strict";
 *
 * const seconds = new Float64Array([-1, NaN, 253_402_300_799]); // 9999-12-31T23:59:59
 * const column = timestampColumn("at", seconds, new Int32Array([999_999, 0, 999_999]));
 * const stream = encodeIpcStream([column], 3);
 * const at = pl.readIPCStream(Buffer.from(stream.buffer)).getColumn("at");
 * assert.ok(at.dtype.equals(pl.Datetime("us", "UTC")));
 * assert.deepEqual(at.cast(pl.Int64).cast(pl.String).toArray(), ["-1", null, "253402300799999999"]);
 * ```
 */
export function timestampColumn(
  name: string,
  seconds: Float64Array,
  micros: Int32Array,
): ArrowColumn {
  const length = seconds.length;
  const buffer = new ArrayBuffer(8 * length);
  const lows = new Uint32Array(buffer);
  const highs = new Int32Array(buffer);
  let bitmap: Uint8Array = NO_BYTES;
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    const second = seconds[i]!;
    if (second !== second) {
      if (nullCount++ === 0) bitmap = allValid(length);
      bitmap[i >> 3]! &= ~(1 << (i & 7));
    } else if (Math.abs(second) <= MAX_EXACT_SECONDS) {
      const value = second * 1_000_000 + micros[i]!;
      const high = Math.floor(value * TWO_MINUS_32);
      lows[2 * i] = value - high * TWO_32;
      highs[2 * i + 1] = high;
    } else {
      // second = a * 2^20 + b, so the value is (a * 10^6) * 2^20 + (b * 10^6 + micros), and
      // a * 10^6 = c * 2^12 + d: the value is c * 2^32 + (d * 2^20 + b * 10^6 + micros), each
      // part an exact double.
      const a = Math.floor(second / 2 ** 20);
      const b = second - a * 2 ** 20;
      const c = Math.floor((a * 1_000_000) / 2 ** 12);
      const d = a * 1_000_000 - c * 2 ** 12;
      const rest = d * 2 ** 20 + b * 1_000_000 + micros[i]!;
      const carry = Math.floor(rest * TWO_MINUS_32);
      lows[2 * i] = rest - carry * TWO_32;
      highs[2 * i + 1] = c + carry;
    }
  }
  return { name, type: ARROW_TYPES.timestampUtc, length, nullCount, buffers: [bitmap, highs] };
}

/** Offsets as 32-bit integers, or as 64-bit ones (two halves) once they pass `maxOffset`. */
export function offsetsBuffer(offsets: Float64Array, maxOffset: number): [Int32Array, boolean] {
  const last = offsets[offsets.length - 1]!;
  if (last <= maxOffset) {
    // (A loop: twice as fast as Int32Array.from here.)
    const narrow = new Int32Array(offsets.length);
    for (let i = 0; i < offsets.length; i++) narrow[i] = offsets[i]!;
    return [narrow, false];
  }
  const halves = new Int32Array(2 * offsets.length);
  for (let i = 0; i < offsets.length; i++) {
    const high = Math.floor(offsets[i]! / TWO_32);
    halves[2 * i] = offsets[i]! - high * TWO_32;
    halves[2 * i + 1] = high;
  }
  return [halves, true];
}

/**
 * A List column: row `i` holds child elements `offsets[i]` to `offsets[i + 1]`; `nulls` marks
 * null rows (1), which hold no element.
 */
export function listColumn(
  name: string,
  offsets: Float64Array,
  nulls: Uint8Array | undefined,
  child: ArrowColumn,
  maxOffset = INT32_MAX,
): ArrowColumn {
  const length = offsets.length - 1;
  let bitmap: Uint8Array = NO_BYTES;
  let nullCount = 0;
  if (nulls) {
    bitmap = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) {
      if (nulls[i]) nullCount++;
      else bitmap[i >> 3]! |= 1 << (i & 7);
    }
  }
  const [offsetBuffer, large] = offsetsBuffer(offsets, maxOffset);
  return {
    name,
    type: large ? ARROW_TYPES.largeList : ARROW_TYPES.list,
    length,
    nullCount: nullCount,
    buffers: [nullCount > 0 ? bitmap : NO_BYTES, offsetBuffer],
    children: [child],
  };
}

/** A Struct column with no null rows, of the field columns `children` (each `length` long). */
export function structColumn(
  name: string,
  length: number,
  children: readonly ArrowColumn[],
): ArrowColumn {
  return { name, type: ARROW_TYPES.struct, length, nullCount: 0, buffers: [NO_BYTES], children };
}
