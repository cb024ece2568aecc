import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { type DataFrame, type DataType, pl, type Series } from "../src/deps.ts";
import { type ArrowColumn, encodeIpcStream } from "../src/decode/arrow_ipc.ts";
import {
  boolColumn,
  dateColumn,
  float64Column,
  int64Column,
  listColumn,
  structColumn,
  timestampColumn,
  uint32Column,
} from "../src/decode/arrow_arrays.ts";
import { utf8Column } from "../src/decode/arrow_utf8.ts";
import { listArrowColumn } from "../src/decode/lists.ts";
import { type ColumnKind, type Columns, dtypeOf, FrameBuilder, toFrame } from "../src/frame.ts";
import { Random } from "./support/zod_samples.ts";

/** The frame polars reads from the IPC stream of `columns`. */
function read(columns: ArrowColumn[], length: number): DataFrame {
  const stream = encodeIpcStream(columns, length);
  return pl.readIPCStream(Buffer.from(stream.buffer, stream.byteOffset, stream.length));
}

/** One column read back. */
function readOne(column: ArrowColumn): Series {
  return read([column], column.length).getColumn(column.name);
}

/** Int64-backed values as exact decimal strings (JS numbers would round past 2^53). */
function exact(series: Series): (string | null)[] {
  return series.cast(pl.Int64).cast(pl.String).toArray() as (string | null)[];
}

function assertDtype(series: Series, dtype: DataType): void {
  assert.ok(series.dtype.equals(dtype), `${series.name}: ${series.dtype} is not ${dtype}`);
}

Deno.test("encodeIpcStream: Float64 keeps nulls (validity, not NaN), -0 and the extremes", () => {
  const values = new Float64Array([1.5, NaN, -0, 1e308, -5e-324, Infinity]);
  const series = readOne(float64Column("x", values));
  assertDtype(series, pl.Float64);
  assert.deepEqual(series.toArray(), [1.5, null, -0, 1e308, -5e-324, Infinity]);
  assert.ok(Object.is(series.toArray()[2], -0));
  assert.equal(series.nullCount(), 1);
});

Deno.test("encodeIpcStream: Int64 near 2^53 and across the 32-bit halves, exactly", () => {
  const values = [
    2 ** 53 - 1,
    -(2 ** 53 - 1),
    NaN,
    0,
    -1,
    2 ** 32,
    -(2 ** 32),
    2 ** 31,
    -(2 ** 31) - 1,
  ];
  const series = readOne(int64Column("n", new Float64Array(values))!);
  assertDtype(series, pl.Int64);
  assert.deepEqual(exact(series), [
    "9007199254740991",
    "-9007199254740991",
    null,
    "0",
    "-1",
    "4294967296",
    "-4294967296",
    "2147483648",
    "-2147483649",
  ]);
  // A value that is not a safe integer is refused (the writer then lets polars cast it).
  assert.equal(int64Column("n", new Float64Array([1.5])), undefined);
  assert.equal(int64Column("n", new Float64Array([2 ** 53])), undefined);
});

Deno.test("encodeIpcStream: Bool bit-packed over more than a byte, with nulls", () => {
  const values = [1, 0, NaN, 1, 1, 0, 0, 1, 1, NaN, 0];
  const series = readOne(boolColumn("b", new Float64Array(values)));
  assertDtype(series, pl.Bool);
  assert.deepEqual(series.toArray(), [
    true,
    false,
    null,
    true,
    true,
    false,
    false,
    true,
    true,
    null,
    false,
  ]);
});

Deno.test("encodeIpcStream: Date32 days before and after 1970", () => {
  const series = readOne(dateColumn("d", new Float64Array([-719_528, -1, 0, NaN, 2_932_896])));
  assertDtype(series, pl.Date);
  assert.deepEqual(series.cast(pl.String).toArray(), [
    "0000-01-01",
    "1969-12-31",
    "1970-01-01",
    null,
    "9999-12-31",
  ]);
});

Deno.test("encodeIpcStream: Datetime(us, UTC) from 0000 to 9999, exactly", () => {
  const seconds = [-62_167_219_200, -1, 0, NaN, 1_714_566_896, 9_007_199_254, 253_402_300_799];
  const micros = [0, 1, 999_999, 0, 123_456, 740_993, 999_999];
  const series = readOne(
    timestampColumn("t", new Float64Array(seconds), new Int32Array(micros)),
  );
  assertDtype(series, pl.Datetime("us", "UTC"));
  // The oracle: BigInt arithmetic.
  const expected = seconds.map((second, i) =>
    Number.isNaN(second) ? null : String(BigInt(second) * 1_000_000n + BigInt(micros[i]!))
  );
  assert.deepEqual(exact(series), expected);
  assert.equal(series.cast(pl.String).toArray()[0], "0000-01-01 00:00:00.000000+00:00");
  assert.equal(series.cast(pl.String).toArray()[6], "9999-12-31 23:59:59.999999+00:00");
});

Deno.test("encodeIpcStream: UInt32 codes with nulls", () => {
  const series = readOne(uint32Column("c", new Float64Array([0, NaN, 4_294_967_295, 7])));
  assertDtype(series, pl.UInt32);
  assert.deepEqual(series.toArray(), [0, null, 4_294_967_295, 7]);
});

const TEXTS: (string | null)[] = [
  "",
  null,
  "ascii",
  "é",
  "ü€",
  "😀 astral \u{10FFFF}",
  "a\ud800b", // a lone high surrogate
  "\ud800\ue000", // one before a character above the low surrogates
  "\udc00", // a lone low surrogate
  "x\ud83d", // a high surrogate at the end of a text ...
  "\ude00y", // ... and a low one at the start of the next: not a pair
  "\u0000\x1f\x1e",
  "",
];
const WELL_FORMED = [
  "",
  null,
  "ascii",
  "é",
  "ü€",
  "😀 astral \u{10FFFF}",
  "a\ufffdb",
  "\ufffd\ue000",
  "\ufffd",
  "x\ufffd",
  "\ufffdy",
  "\u0000\x1f\x1e",
  "",
];

Deno.test("utf8Column: nulls, empty strings, astral characters, lone surrogates as U+FFFD", () => {
  const series = readOne(utf8Column("s", TEXTS));
  assertDtype(series, pl.String);
  assert.deepEqual(series.toArray(), WELL_FORMED);
  // Without the pair made across two texts, the joined route is the one taken.
  const joined = readOne(utf8Column("s", TEXTS.slice(0, 9)));
  assert.deepEqual(joined.toArray(), WELL_FORMED.slice(0, 9));
  // All ASCII, and all null.
  assert.deepEqual(readOne(utf8Column("s", ["a", "", "bc"])).toArray(), ["a", "", "bc"]);
  assert.deepEqual(readOne(utf8Column("s", [null, undefined])).toArray(), [null, null]);
});

Deno.test("utf8Column: the bytes and offsets are the texts' own UTF-8, text by text", () => {
  const column = utf8Column("s", TEXTS);
  const offsets = [...(column.buffers[1] as Int32Array)];
  const bytes = column.buffers[2] as Uint8Array;
  const encoder = new TextEncoder();
  let at = 0;
  TEXTS.forEach((text, i) => {
    const own = encoder.encode(text ?? "");
    assert.equal(offsets[i], at);
    assert.deepEqual(bytes.subarray(at, at + own.length), own);
    at += own.length;
  });
  assert.equal(offsets[TEXTS.length], bytes.length);
});

Deno.test("64-bit offsets past maxOffset: LargeUtf8 and LargeList read as String and List", () => {
  const strings = readOne(utf8Column("s", TEXTS, 4));
  assertDtype(strings, pl.String);
  assert.deepEqual(strings.toArray(), WELL_FORMED);
  const elements = utf8Column("item", ["a", "bé", "c"], 1);
  const lists = readOne(
    listColumn("l", new Float64Array([0, 2, 2, 3]), new Uint8Array([0, 1, 0]), elements, 1),
  );
  assertDtype(lists, pl.List(pl.String));
  assert.deepEqual(lists.toArray(), [["a", "bé"], null, ["c"]]);
});

Deno.test("lists: empty and null lists, lists of structs with null and absent fields", () => {
  const fields = { id: "int", name: "str", ok: "bool", share: "float" } as const;
  const values = [
    [{ id: 1, name: "a", ok: true, share: 0.5 }, { id: null, name: null, ok: null, share: null }],
    null,
    [],
    [{ id: 2 ** 53 - 1 }, { name: "😀", ok: false, share: -1 }],
  ];
  const series = readOne(listArrowColumn("c", values, fields)!);
  assertDtype(series, dtypeOf({ kind: "list<struct>", fields }));
  assert.deepEqual(series.toArray(), [
    [{ id: 1, name: "a", ok: true, share: 0.5 }, { id: null, name: null, ok: null, share: null }],
    null,
    [],
    [{ id: 2 ** 53 - 1, name: null, ok: null, share: null }, {
      id: null,
      name: "😀",
      ok: false,
      share: -1,
    }],
  ]);
  const ints = readOne(listArrowColumn("i", [[1, -(2 ** 53 - 1)], null, [], [0]], "int")!);
  assertDtype(ints, pl.List(pl.Int64));
  assert.deepEqual(ints.toArray(), [[1, -(2 ** 53 - 1)], null, [], [0]]);
  const strs = readOne(listArrowColumn("s", [["", "é"], [], null, ["a\ud800"]], "str")!);
  assertDtype(strs, pl.List(pl.String));
  assert.deepEqual(strs.toArray(), [["", "é"], [], null, ["a\ufffd"]]);
  // Every row null: a typed column of nulls.
  const nothing = readOne(listArrowColumn("n", [null, null], fields)!);
  assertDtype(nothing, dtypeOf({ kind: "list<struct>", fields }));
  assert.deepEqual(nothing.toArray(), [null, null]);
  // Elements that do not fit are left to the JSON route.
  assert.equal(listArrowColumn("x", [[1.5]], "int"), undefined);
  assert.equal(listArrowColumn("x", [[null]], "str"), undefined);
  assert.equal(listArrowColumn("x", [[{ id: "1" }]], fields), undefined);
});

Deno.test("a struct column's children are read as its fields", () => {
  const struct = structColumn("s", 2, [
    int64Column("id", new Float64Array([1, NaN]))!,
    utf8Column("name", ["a", null]),
  ]);
  assert.deepEqual(readOne(struct).toArray(), [{ id: 1, name: "a" }, { id: null, name: null }]);
});

Deno.test("encodeIpcStream: zero rows and zero columns", () => {
  const empty = read([
    int64Column("n", new Float64Array(0))!,
    utf8Column("s", []),
    listArrowColumn("l", [], { id: "int" })!,
  ], 0);
  assert.equal(empty.height, 0);
  assert.deepEqual(empty.columns, ["n", "s", "l"]);
  assert.ok(
    empty.getColumn("l").dtype.equals(dtypeOf({ kind: "list<struct>", fields: { id: "int" } })),
  );
  assert.equal(read([], 0).width, 0);
});

/** A random value of a column of `kind` (null sometimes), as TM rows hold them. */
function randomValue(random: Random, kind: ColumnKind): unknown {
  if (random.chance(0.15)) return null;
  const text = () =>
    Array.from(
      { length: random.below(6) },
      () => random.pick(["a", "Z", " ", "é", "ß", "€", "😀", "\u0000", "\ud800", "\udfff", "日本"]),
    ).join("");
  const int = () =>
    random.pick([
      0,
      -1,
      1,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53 - 1,
      -(2 ** 53 - 1),
      random.below(1e6),
    ]);
  switch (kind) {
    case "int":
      return int();
    case "float":
      return random.pick([0.5, -0, 1e-300, -1e300, random.next(), 3]);
    case "str":
      return random.chance(0.5) ? random.pick(["PUBLISHED", "DRAFT", "é"]) : text();
    case "bool":
      return random.chance(0.5);
    case "list<int>":
      return Array.from({ length: random.below(4) }, int);
    case "list<str>":
      return Array.from({ length: random.below(4) }, text);
    case "list<struct>":
      return Array.from({ length: random.below(3) }, () => ({
        id: random.chance(0.2) ? null : int(),
        name: random.chance(0.2) ? null : text(),
      }));
    default:
      throw new Error(kind);
  }
}

/** The same column built the plain way, value by value: `pl.Series` with the dtype. */
function plainSeries(name: string, kind: ColumnKind, values: unknown[]): Series {
  const dtype = dtypeOf({ kind, fields: { id: "int", name: "str" } });
  if (kind === "list<struct>") {
    // pl.Series cannot build lists of structs: JSON text decoded by polars is the reference.
    // (Lone surrogates made U+FFFD first: jsonDecode refuses their `\udXXX` escapes.)
    const texts = values.map((value) =>
      value === null ? null : JSON.stringify(
        value,
        (_key, item) => typeof item === "string" ? item.toWellFormed() : item,
      )
    );
    return pl.Series(name, texts, pl.String).str.jsonDecode(dtype).alias(name);
  }
  return pl.Series(name, values as never[], dtype);
}

Deno.test("property: the IPC route and plain pl.Series construction agree (values and dtypes)", () => {
  const random = new Random(20_261_130);
  const kinds: ColumnKind[] = [
    "int",
    "float",
    "str",
    "bool",
    "list<int>",
    "list<str>",
    "list<struct>",
  ];
  for (let trial = 0; trial < 40; trial++) {
    const rows = Array.from(
      { length: random.below(300) },
      () => Object.fromEntries(kinds.map((kind) => [kind, randomValue(random, kind)])),
    );
    const columns: Columns<Record<string, unknown>> = Object.fromEntries(
      kinds.map((kind) => [kind, { kind, fields: { id: "int", name: "str" } }]),
    );
    const builder = new FrameBuilder(columns, { chunkRows: 1 + random.below(200) });
    builder.add(rows);
    const frame = builder.finish();
    for (const kind of kinds) {
      // Lone surrogates cross into Rust as U+FFFD on the plain route too.
      const values = rows.map((row) => row[kind]);
      const expected = plainSeries(kind, kind, values);
      const actual = frame.getColumn(kind);
      assert.equal(String(actual.dtype), String(expected.dtype), `${kind}, trial ${trial}`);
      assert.deepEqual(actual.toArray(), expected.toArray(), `${kind}, trial ${trial}`);
    }
  }
});

Deno.test("toFrame: every kind of column through the IPC route, one row at a time in chunks", () => {
  const columns: Columns<Record<string, unknown>> = {
    at: { kind: "datetime" },
    day: { kind: "date" },
    shape: { kind: "json" },
  };
  const rows = [
    { at: "1969-12-31T23:59:59.999999Z", day: "1969-12-31", shape: { a: [1, "é"] } },
    { at: null, day: null, shape: null },
    { at: "9999-12-31T23:59:59.999999+00:00", day: "9999-12-31", shape: "x\ud800" },
  ];
  const whole = toFrame(columns, rows);
  const builder = new FrameBuilder(columns, { chunkRows: 1 });
  builder.add(rows);
  const chunked = builder.finish();
  for (const frame of [whole, chunked]) {
    assert.deepEqual(exact(frame.getColumn("at")), ["-1", null, "253402300799999999"]);
    assert.deepEqual(frame.getColumn("day").cast(pl.String).toArray(), [
      "1969-12-31",
      null,
      "9999-12-31",
    ]);
    assert.deepEqual(frame.getColumn("shape").toArray(), ['{"a":[1,"é"]}', null, '"x\\ud800"']);
    for (const [name, column] of Object.entries(columns)) {
      assertDtype(frame.getColumn(name), dtypeOf(column as never));
    }
  }
});
