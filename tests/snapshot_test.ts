/**
 * Snapshots: Parquet round-trips every dtype exactly, CSV writes readable text with list
 * columns as JSON, and the provenance travels beside the frame.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { pl } from "../src/deps.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { TmError } from "../src/errors.ts";
import { FrameBuilder } from "../src/frame.ts";
import { ProvenanceRecorder } from "../src/provenance.ts";
import { readSnapshot, writeSnapshot } from "../src/snapshot.ts";
import { assertSameFrame, listFiles, withTempDir } from "./reproducible_helpers.ts";

type Row = Record<string, unknown>;

function everyKind(): FrameBuilder<Row> {
  return new FrameBuilder<Row>({
    when: { kind: "datetime" },
    day: { kind: "date" },
    names: { kind: "list<str>" },
    ids: { kind: "list<int>" },
    areas: { kind: "list<float>" },
    campaigns: { kind: "list<struct>", fields: { id: "int", name: "str" } },
    count: { kind: "int" },
    share: { kind: "float" },
    done: { kind: "bool" },
    extra: { kind: "json" },
    text: { kind: "str" },
  });
}

function everyKindFrame() {
  const builder = everyKind();
  builder.add([
    {
      when: "2024-01-02T03:04:05.123456Z",
      day: "2024-01-02",
      names: ["a", 'b,"c"'],
      ids: [1, 2],
      areas: [1.5],
      campaigns: [{ id: 1, name: "Missing Maps" }],
      count: 3,
      share: 0.5,
      done: true,
      extra: { a: 1 },
      text: 'line,with "quotes"\nand a newline',
    },
    {
      when: null,
      day: null,
      names: null,
      ids: [],
      areas: null,
      campaigns: [],
      count: null,
      share: null,
      done: null,
      extra: null,
      text: null,
    },
  ]);
  return builder.finish().withColumn(pl.Series("kind", ["A", "B"]).cast(pl.Categorical));
}

Deno.test("Parquet snapshots round-trip every dtype exactly, with zero rows too", async () => {
  await withTempDir(async (dir) => {
    const frame = everyKindFrame();
    await writeSnapshot(frame, dir, "kinds");
    const back = await readSnapshot(dir, "kinds");
    assertSameFrame(back.frame, frame);
    assert.equal(back.frame.getColumn("when").dtype.toString(), "DataType(Datetime(us,UTC))");
    assert.equal(back.provenance, undefined);

    const empty = everyKind().finish();
    await writeSnapshot(empty, dir, "empty");
    assertSameFrame((await readSnapshot(dir, "empty")).frame, empty);
    assert.deepEqual(await listFiles(dir), ["empty.parquet", "kinds.parquet"]);
  });
});

Deno.test("a report folder rebuilds frames and provenance without the API", async () => {
  const emulator = await startEmulator({ port: 0, projects: 120, seed: 7 });
  let closed = false;
  try {
    await withTempDir(async (dir) => {
      const tm = createClient({ baseUrl: emulator.url });
      const recorder = new ProvenanceRecorder();
      const frame = await tm.projects().status("PUBLISHED", "ARCHIVED").frame({
        provenance: recorder,
      });
      const files = await writeSnapshot(frame, `${dir}/report`, "projects", {
        formats: ["parquet", "csv"],
        provenance: recorder,
      });
      assert.deepEqual(Object.keys(files).sort(), ["csv", "parquet", "provenance"]);
      await emulator.close();
      closed = true;

      const back = await readSnapshot(`${dir}/report`, "projects");
      assertSameFrame(back.frame, frame);
      assert.deepEqual(back.provenance, recorder.toJSON());
      assert.equal(back.provenance?.servers[0]?.release, "v5.5.2");
      for (const dtype of ["Datetime(us,UTC)", "List(DataType(String))", "Struct("]) {
        assert.ok(back.frame.dtypes.some((d) => String(d).includes(dtype)), dtype);
      }
    });
  } finally {
    if (!closed) await emulator.close();
  }
});

Deno.test("CSV snapshots are readable text, with lists and structs as JSON", async () => {
  await withTempDir(async (dir) => {
    const frame = everyKindFrame();
    const files = await writeSnapshot(frame, dir, "kinds", { formats: ["csv"] });
    assert.deepEqual(Object.keys(files), ["csv"]);
    const text = await Deno.readTextFile(files.csv!);
    assert.ok(
      text.startsWith("when,day,names,ids,areas,campaigns,count,share,done,extra,text,kind\n"),
    );
    const csv = pl.readCSV(text);
    assert.equal(csv.height, 2);
    assert.deepEqual(csv.columns, frame.columns);
    const cell = (name: string, row: number) => csv.getColumn(name).toArray()[row];
    assert.deepEqual(JSON.parse(cell("names", 0) as string), ["a", 'b,"c"']);
    assert.deepEqual(JSON.parse(cell("campaigns", 0) as string), [{
      id: 1,
      name: "Missing Maps",
    }]);
    assert.equal(cell("ids", 1), "[]");
    assert.equal(cell("names", 1), null);
    assert.equal(cell("text", 0), 'line,with "quotes"\nand a newline');
    assert.match(String(cell("when", 0)), /^2024-01-02T03:04:05\.123456/);
    assert.deepEqual(await listFiles(dir), ["kinds.csv"]);
  });
});

Deno.test("snapshot arguments are checked, and a stale provenance file is removed", async () => {
  await withTempDir(async (dir) => {
    const frame = pl.DataFrame({ id: [1] });
    await assert.rejects(writeSnapshot(frame, dir, "../escape"), TypeError);
    await assert.rejects(writeSnapshot(frame, dir, ".hidden"), TypeError);
    // @ts-expect-error: an unknown format
    await assert.rejects(writeSnapshot(frame, dir, "x", { formats: ["xlsx"] }), TypeError);
    await assert.rejects(readSnapshot(dir, "missing"), TmError);

    await writeSnapshot(frame, dir, "x", { provenance: new ProvenanceRecorder() });
    assert.notEqual((await readSnapshot(dir, "x")).provenance, undefined);
    await writeSnapshot(frame, dir, "x");
    assert.equal((await readSnapshot(dir, "x")).provenance, undefined);
    assert.deepEqual(await listFiles(dir), ["x.parquet"]);

    await Deno.writeTextFile(`${dir}/x.provenance.json`, '{"not": "provenance"}');
    await assert.rejects(readSnapshot(dir, "x"), /not a tmframes provenance record/);
  });
});

Deno.test("CSV snapshots neutralise formula-like text cells unless asked not to", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const frame = pl.DataFrame({
      name: ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "Nepal", null],
      delta: [-1, 2, -3, 4, 5, 6, 7],
    });
    const files = await writeSnapshot(frame, dir, "names", { formats: ["csv"] });
    const safe = (await Deno.readTextFile(files.csv!)).split("\n");
    assert.deepEqual(safe, [
      "name,delta",
      "'=1+1,-1.0",
      "'+SUM(A1),2.0",
      "'-2,-3.0",
      "'@cmd,4.0",
      "'\tx,5.0",
      "Nepal,6.0",
      ",7.0",
      "",
    ]);
    const raw = await writeSnapshot(frame, dir, "raw", {
      formats: ["csv"],
      neutraliseFormulas: false,
    });
    assert.match(await Deno.readTextFile(raw.csv!), /^name,delta\n=1\+1,-1\.0\n\+SUM/);
    await assert.rejects(
      writeSnapshot(frame, dir, "x", { neutraliseFormulas: "yes" as unknown as boolean }),
      /Cannot use neutraliseFormulas "yes"/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
