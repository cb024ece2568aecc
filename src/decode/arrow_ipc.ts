/**
 * An Arrow IPC stream of one record batch, written from columns already laid out as Arrow
 * buffers (`arrow_arrays.ts`), so that polars reads a whole chunk of a frame in one native call
 * (`pl.readIPCStream`) instead of one call per Series and expression. The stream is the
 * Schema message, one RecordBatch message and the end-of-stream marker; each message is the
 * continuation marker, the length of its FlatBuffer metadata (padded to 8 bytes), the metadata
 * (`flatbuffer.ts`) and the body, whose buffers each start at a multiple of 8. Little-endian,
 * metadata version V5, no compression, no dictionaries.
 *
 * @module
 */

import { type DataFrame, pl } from "../deps.ts";
import { Buffer } from "node:buffer";
import { encodeFlatbuffer, type Reference, type Table } from "./flatbuffer.ts";

/** An Arrow type: its id in the `Type` union of Schema.fbs and its table's fields. */
export interface ArrowType {
  id: number;
  table: Table["table"];
}

/** The Arrow types the column writers use. */
export const ARROW_TYPES = {
  int64: { id: 2, table: [{ size: 4, value: 64 }, { size: 1, value: 1 }] },
  uint32: { id: 2, table: [{ size: 4, value: 32 }, { size: 1, value: 0 }] },
  float64: { id: 3, table: [{ size: 2, value: 2 }] },
  utf8: { id: 5, table: [] },
  bool: { id: 6, table: [] },
  /** Days since the epoch, 32 bits (DateUnit DAY). */
  date32: { id: 8, table: [{ size: 2, value: 0 }] },
  /** Microseconds since the epoch, 64 bits, time zone UTC (TimeUnit MICROSECOND). */
  timestampUtc: { id: 10, table: [{ size: 2, value: 2 }, "UTC"] },
  list: { id: 12, table: [] },
  struct: { id: 13, table: [] },
  largeUtf8: { id: 20, table: [] },
  largeList: { id: 21, table: [] },
} as const satisfies Record<string, ArrowType>;

/** One column (or nested child) laid out as Arrow buffers. */
export interface ArrowColumn {
  name: string;
  type: ArrowType;
  length: number;
  nullCount: number;
  /**
   * The buffers of the type's layout, in order: validity first (empty when there is no null),
   * then offsets and data as the type has them (a struct has only its validity).
   */
  buffers: readonly ArrayBufferView[];
  /** A list's element column, or a struct's field columns. */
  children?: readonly ArrowColumn[];
}

/** MetadataVersion V5. */
const VERSION = { size: 2, value: 4 } as const;
/** MessageHeader ids. */
const SCHEMA = 1;
const RECORD_BATCH = 3;
const CONTINUATION = 0xffffffff;

function fieldOf(column: ArrowColumn): Table {
  return {
    table: [
      column.name,
      { size: 1, value: 1 },
      { size: 1, value: column.type.id },
      { table: column.type.table },
      undefined,
      { vector: (column.children ?? []).map(fieldOf) },
    ],
  };
}

function padded(length: number): number {
  return Math.ceil(length / 8) * 8;
}

function bytesOf(buffer: ArrayBufferView): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Every node and buffer of the columns, depth first, as the RecordBatch lists them. */
function flatten(
  columns: readonly ArrowColumn[],
  nodes: number[],
  buffers: Uint8Array[],
): void {
  for (const column of columns) {
    nodes.push(column.length, column.nullCount);
    for (const buffer of column.buffers) buffers.push(bytesOf(buffer));
    flatten(column.children ?? [], nodes, buffers);
  }
}

function message(header: number, content: Reference, bodyLength: number): Uint8Array {
  return encodeFlatbuffer({
    table: [VERSION, { size: 1, value: header }, content, { size: 8, value: bodyLength }],
  });
}

/**
 * The Arrow IPC stream of one record batch of `length` rows holding `columns`.
 *
 * @example Two columns, read back by polars
 * ```ts
 * import { ARROW_TYPES, encodeIpcStream } from "./arrow_ipc.ts";
 * import { pl } from "../deps.ts";
 * import { Buffer } from "node:buffer";
 * import assert from "node:assert/strict";
 *
 * const stream = encodeIpcStream([
 *   {
 *     name: "x",
 *     type: ARROW_TYPES.float64,
 *     length: 3,
 *     nullCount: 1,
 *     buffers: [new Uint8Array([0b101]), new Float64Array([1.5, 0, -2])],
 *   },
 *   {
 *     name: "s",
 *     type: ARROW_TYPES.utf8,
 *     length: 3,
 *     nullCount: 0,
 *     buffers: [new Uint8Array(0), new Int32Array([0, 1, 1, 5]), new TextEncoder().encode("héé")],
 *   },
 * ], 3);
 * const frame = pl.readIPCStream(Buffer.from(stream.buffer, stream.byteOffset, stream.length));
 * assert.deepEqual(frame.getColumn("x").toArray(), [1.5, null, -2]);
 * assert.deepEqual(frame.getColumn("s").toArray(), ["h", "", "éé"]);
 * assert.ok(frame.getColumn("s").dtype.equals(pl.String));
 * ```
 */
export function encodeIpcStream(columns: readonly ArrowColumn[], length: number): Uint8Array {
  const nodes: number[] = [];
  const buffers: Uint8Array[] = [];
  flatten(columns, nodes, buffers);
  const spans: number[] = [];
  let bodyLength = 0;
  for (const buffer of buffers) {
    spans.push(bodyLength, buffer.length);
    bodyLength += padded(buffer.length);
  }
  const schema = message(SCHEMA, {
    table: [{ size: 2, value: 0 }, { vector: columns.map(fieldOf) }],
  }, 0);
  const batch = message(RECORD_BATCH, {
    table: [{ size: 8, value: length }, { width: 2, longs: nodes }, { width: 2, longs: spans }],
  }, bodyLength);
  const stream = new Uint8Array(8 + schema.length + 8 + batch.length + bodyLength + 8);
  const view = new DataView(stream.buffer);
  let at = 0;
  for (const metadata of [schema, batch]) {
    view.setUint32(at, CONTINUATION, true);
    view.setInt32(at + 4, metadata.length, true);
    stream.set(metadata, at + 8);
    at += 8 + metadata.length;
  }
  for (const buffer of buffers) {
    stream.set(buffer, at);
    at += padded(buffer.length);
  }
  view.setUint32(at, CONTINUATION, true);
  return stream;
}

/**
 * The frame of `length` rows holding `columns`, read by polars from their IPC stream in one call.
 *
 * @example
 * ```ts
 * import { ARROW_TYPES, readColumns } from "./arrow_ipc.ts";
 * import assert from "node:assert/strict";
 *
 * const x = new Float64Array([1, 2]);
 * const column = { name: "x", type: ARROW_TYPES.float64, length: 2, nullCount: 0 };
 * const frame = readColumns([{ ...column, buffers: [new Uint8Array(0), x] }], 2);
 * assert.deepEqual(frame.getColumn("x").toArray(), [1, 2]);
 * ```
 */
export function readColumns(columns: readonly ArrowColumn[], length: number): DataFrame {
  const stream = encodeIpcStream(columns, length);
  return pl.readIPCStream(Buffer.from(stream.buffer, stream.byteOffset, stream.length));
}
