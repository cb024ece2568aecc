import assert from "node:assert/strict";
import { pl } from "../src/deps.ts";
import { type Columns, dtypeOf, FrameBuilder, toFrame } from "../src/frame.ts";
import { PROJECT_SEARCH_COLUMNS } from "../src/queries/projects.ts";

interface Row {
  id: number | null;
  score: number | null;
  name: string | null;
  ok: boolean | null;
  at: string | null;
  tags: string[] | null;
  box: number[] | null;
  refs: { id: number; name: string }[];
  shape: unknown;
}

const COLUMNS: Columns<Row> = {
  id: { kind: "int" },
  score: { kind: "float" },
  name: { kind: "str" },
  ok: { kind: "bool" },
  at: { kind: "datetime" },
  tags: { kind: "list<str>" },
  box: { kind: "list<float>" },
  refs: { kind: "list<struct>", fields: { id: "int", name: "str" } },
  shape: { kind: "json" },
};

const ROWS: Row[] = [
  {
    id: 1,
    score: 0.5,
    name: "a",
    ok: true,
    at: "2024-05-01T12:34:56.123456Z",
    tags: ["x", "y"],
    box: [1, 2.5],
    refs: [{ id: 3, name: "c" }],
    shape: { type: "Point" },
  },
  {
    id: null,
    score: null,
    name: null,
    ok: null,
    at: null,
    tags: null,
    box: null,
    refs: [],
    shape: null,
  },
  {
    id: 2 ** 40,
    score: 3,
    name: 'Côte d\'Ivoire, "q"',
    ok: false,
    at: "2019-08-27T12:18:07",
    tags: [],
    box: [],
    refs: [],
    shape: [1],
  },
];

function schemaOf(frame: ReturnType<typeof toFrame>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(frame.schema).map(([name, dtype]) => [name, String(dtype)]),
  );
}

Deno.test("toFrame() gives exactly the declared columns and dtypes", () => {
  const frame = toFrame(COLUMNS, ROWS);
  assert.deepEqual(frame.columns, Object.keys(COLUMNS));
  for (const [name, column] of Object.entries(COLUMNS)) {
    assert.ok(
      frame.getColumn(name).dtype.equals(dtypeOf(column)),
      `${name}: ${frame.getColumn(name).dtype}`,
    );
  }
  assert.equal(String(frame.getColumn("id").dtype), "DataType(Int64)");
  assert.equal(String(frame.getColumn("at").dtype), "DataType(Datetime(us,UTC))");
});

Deno.test("toFrame() keeps nulls in every kind (no Int32 null-to-0 trap) and big integers", () => {
  const frame = toFrame(COLUMNS, ROWS);
  for (const name of ["id", "score", "name", "ok", "at", "tags", "box", "shape"]) {
    assert.equal(frame.getColumn(name).nullCount(), 1, name);
  }
  assert.deepEqual(frame.getColumn("id").toArray(), [1, null, 2 ** 40]);
  assert.deepEqual(frame.getColumn("ok").toArray(), [true, null, false]);
});

Deno.test("toFrame() decodes lists and lists of structs, quotes and commas included", () => {
  const frame = toFrame(COLUMNS, ROWS);
  assert.deepEqual(frame.getColumn("tags").toArray(), [["x", "y"], null, []]);
  assert.deepEqual(frame.getColumn("box").toArray(), [[1, 2.5], null, []]);
  assert.deepEqual(JSON.parse(JSON.stringify(frame.getColumn("refs").toArray())), [
    [{ id: 3, name: "c" }],
    [],
    [],
  ]);
  assert.deepEqual(frame.getColumn("name").toArray(), ["a", null, 'Côte d\'Ivoire, "q"']);
  assert.deepEqual(frame.getColumn("shape").toArray(), ['{"type":"Point"}', null, "[1]"]);
});

Deno.test("toFrame() reads every TM timestamp shape as UTC", () => {
  const shapes = [
    "2024-05-01T12:34:56.123456Z",
    "2024-05-01T12:34:56Z",
    "2022-05-19T04:59:47.310000Z",
    "2019-08-27T12:18:07.186897",
    "2025-04-30T00:00:00",
    "2024-05-01T12:34:56.123456+00:00Z",
    "2024-05-01T12:34:56+00:00",
  ];
  const frame = toFrame({ at: { kind: "datetime" } }, shapes.map((at) => ({ at })));
  const got = (frame.getColumn("at").toArray() as unknown as Date[]).map((date) =>
    date.toISOString()
  );
  assert.deepEqual(got, [
    "2024-05-01T12:34:56.123Z",
    "2024-05-01T12:34:56.000Z",
    "2022-05-19T04:59:47.310Z",
    "2019-08-27T12:18:07.186Z",
    "2025-04-30T00:00:00.000Z",
    "2024-05-01T12:34:56.123Z",
    "2024-05-01T12:34:56.000Z",
  ]);
  // microseconds survive in the column itself
  const micros = Number(frame.getColumn("at").cast(pl.Int64).toArray()[0]);
  assert.equal(micros, Date.UTC(2024, 4, 1, 12, 34, 56) * 1000 + 123456);
});

Deno.test("toFrame() throws instead of silently nulling an unreadable timestamp", () => {
  assert.throws(
    () => toFrame({ at: { kind: "datetime" } }, [{ at: "2024-02-30T00:00:00Z" }]),
    /could not be read/,
  );
  assert.throws(
    () => toFrame({ at: { kind: "datetime" } }, [{ at: "yesterday" }]),
    /could not be read/,
  );
});

Deno.test("toFrame() with zero rows gives a typed empty frame with the same columns", () => {
  const empty = toFrame(COLUMNS, []);
  assert.equal(empty.height, 0);
  assert.deepEqual(schemaOf(empty), schemaOf(toFrame(COLUMNS, ROWS)));
  const search = toFrame(PROJECT_SEARCH_COLUMNS, []);
  assert.equal(search.width, Object.keys(PROJECT_SEARCH_COLUMNS).length);
});

Deno.test("FrameBuilder folds pages as they arrive, with a value picker", () => {
  const builder = new FrameBuilder<{ info: { name: string } }>({
    name: { kind: "str", value: (row) => row.info.name },
  });
  builder.add([{ info: { name: "a" } }]);
  builder.add([]);
  builder.add([{ info: { name: "b" } }]);
  assert.equal(builder.height, 2);
  assert.deepEqual(builder.finish().getColumn("name").toArray(), ["a", "b"]);
});

Deno.test("FrameBuilder refuses a value of the wrong kind, naming the column", () => {
  const builder = new FrameBuilder<{ n: unknown }>({ n: { kind: "int" } });
  assert.throws(
    () => builder.add([{ n: "3" }]),
    /Cannot build column n: row 0 holds string, not number/,
  );
});

Deno.test("a column with no value keeps its dtype, length and nulls", () => {
  const columns = {
    n: { kind: "int" },
    at: { kind: "datetime" },
    day: { kind: "date" },
    text: { kind: "str" },
    issues: { kind: "list<struct>", fields: { id: "int", name: "str" } },
  } as const;
  const rows = [1, 2, 3].map(() => ({ n: null, at: null, day: null, text: null, issues: null }));
  const frame = toFrame(columns, rows);
  assert.equal(frame.height, 3);
  for (const [name, column] of Object.entries(columns)) {
    const series = frame.getColumn(name);
    assert.ok(series.dtype.equals(dtypeOf(column)), `${name}: ${series.dtype}`);
    assert.equal(series.nullCount(), 3, name);
    assert.equal(series.name, name);
  }
});

Deno.test("FrameBuilder converts rows chunk by chunk into the same frame as in one go", () => {
  type Row = { id: number; at: string | null; tags: string[] | null; note: string | null };
  const columns: Columns<Row> = {
    id: { kind: "int" },
    at: { kind: "datetime" },
    tags: { kind: "list<str>" },
    note: { kind: "str" },
  };
  const rows: Row[] = Array.from({ length: 10 }, (_, i) => ({
    id: i,
    at: i % 4 === 0 ? null : `2024-05-0${1 + (i % 9)}T12:00:0${i % 10}Z`,
    tags: i % 3 === 0 ? null : [`t${i}`, "x"],
    note: i < 6 ? null : `n${i}`, // all null in the first chunks, not in the last
  }));
  const whole = new FrameBuilder(columns);
  whole.add(rows);
  const chunked = new FrameBuilder(columns, { chunkRows: 3 });
  for (const page of [rows.slice(0, 2), rows.slice(2, 5), rows.slice(5, 9), rows.slice(9)]) {
    chunked.add(page);
  }
  const expected = whole.finish();
  const actual = chunked.finish();
  assert.equal(chunked.height, 10);
  assert.deepEqual(actual.dtypes.map(String), expected.dtypes.map(String));
  assert.ok(actual.frameEqual(expected));
  assert.deepEqual(actual.getColumn("note").nullCount(), 6);
});

Deno.test("a string column of mostly distinct values gives the same frame as a repeating one", () => {
  const rows = Array.from({ length: 2_000 }, (_, i) => ({
    distinct: i % 7 === 0 ? null : `name ${i} ${"é".repeat(i % 5)}`,
    repeated: i % 5 === 0 ? null : `user_${i % 13}`,
    // A new value every fourth row, in runs, and nulls among them.
    runs: i % 9 === 0 ? null : `00:0${Math.floor(i / 4)}`,
  }));
  const columns = {
    distinct: { kind: "str" },
    repeated: { kind: "str" },
    runs: { kind: "str" },
  } as const;
  const builder = new FrameBuilder(columns, { chunkRows: 1_500 });
  builder.add(rows.slice(0, 700));
  builder.add(rows.slice(700));
  const frame = builder.finish();
  assert.deepEqual(frame.getColumn("distinct").toArray(), rows.map((row) => row.distinct));
  assert.deepEqual(frame.getColumn("repeated").toArray(), rows.map((row) => row.repeated));
  assert.deepEqual(frame.getColumn("runs").toArray(), rows.map((row) => row.runs));
});

Deno.test("FrameBuilder: a lone surrogate is U+FFFD in text columns and a JSON escape in JSON text", () => {
  const builder = new FrameBuilder<{ name: string; tags: string[]; shape: unknown }>({
    name: { kind: "str" },
    tags: { kind: "list<str>" },
    shape: { kind: "json" },
  });
  builder.add([{ name: "a\ud800b", tags: ["\udfff"], shape: { type: "x\ud800" } }]);
  const frame = builder.finish();
  assert.equal(frame.getColumn("name").toArray()[0], "a\ufffdb");
  assert.deepEqual(frame.getColumn("tags").toArray()[0], ["\ufffd"]);
  assert.equal(frame.getColumn("shape").toArray()[0], '{"type":"x\\ud800"}');
  assert.deepEqual(JSON.parse(frame.getColumn("shape").toArray()[0] as string), {
    type: "x\ud800",
  });
});

Deno.test("columns of nothing but nulls keep the frame's height, even when no other column is", () => {
  const fields = { id: "int", name: "str" } as const;
  const columns: Columns<{ a: unknown; b: unknown }> = {
    a: { kind: "list<struct>", fields },
    b: { kind: "json" },
  };
  const frame = toFrame(columns, [{ a: null, b: null }, { a: null, b: null }, {
    a: null,
    b: null,
  }]);
  assert.equal(frame.height, 3);
  assert.ok(frame.getColumn("a").dtype.equals(dtypeOf(columns.a as never)));
  assert.equal(frame.getColumn("a").nullCount(), 3);
  assert.ok(frame.getColumn("b").dtype.equals(pl.String));
});

Deno.test("lists of structs: elements the flat route cannot write keep the JSON route", () => {
  const columns: Columns<{ c: unknown }> = {
    c: { kind: "list<struct>", fields: { id: "int", name: "str" } },
  };
  const rows = [{ c: [{ id: 1, name: "a", extra: true }] }, { c: [] }, { c: null }, {
    c: [{ id: 2 }],
  }];
  const flat = toFrame(columns, rows);
  assert.deepEqual(flat.getColumn("c").toArray(), [[{ id: 1, name: "a" }], [], null, [{
    id: 2,
    name: null,
  }]]);
  // A null element: the JSON route, which keeps it a null struct.
  const json = toFrame(columns, [...rows, { c: [null] }]);
  assert.equal(json.height, 5);
  assert.deepEqual(json.getColumn("c").toArray().slice(0, 4), flat.getColumn("c").toArray());
});

Deno.test("string columns: short and long, nulls, and texts holding control characters", () => {
  for (const length of [3, 5000]) {
    const texts = Array.from({ length }, (_, i) => i % 7 === 0 ? null : `t${i}`);
    const frame = toFrame({ t: { kind: "str" } }, texts.map((t) => ({ t })));
    assert.deepEqual(frame.getColumn("t").toArray(), texts);
    const odd = [...texts];
    odd[length - 1] = "a\x1fb\x1e\u0000c";
    const oddFrame = toFrame({ t: { kind: "str" } }, odd.map((t) => ({ t })));
    assert.deepEqual(oddFrame.getColumn("t").toArray(), odd);
  }
});
