/**
 * Snapshots: a frame written to a folder, with its provenance beside it, so a report can be
 * rebuilt without the API. `<name>.parquet` keeps every dtype exactly (Datetime(us, UTC),
 * Date, List(Utf8), List(Int64), List(Struct), Categorical ...); `<name>.csv` is for people
 * and other tools, with list and struct columns written as JSON text (CSV has no nested
 * values); `<name>.provenance.json` is the {@link Provenance} of the frame.
 *
 * CSV injection. A spreadsheet app runs a cell that begins with `=`, `+`, `-` or `@` (or a tab
 * or carriage return) as a formula, and TM's names, descriptions and usernames are anyone's
 * text. So in the CSV file such a text cell is written with a leading `'`, which spreadsheets
 * show as text (OWASP's advice); numbers are never changed. `neutraliseFormulas: false`
 * writes texts exactly as they are, for tools that are not spreadsheets.
 *
 * Every file is written to a temporary file in the same folder and renamed into place.
 *
 * @module
 */

import { show } from "./args.ts";
import { writeAtomically } from "./atomic_write.ts";
import { type DataFrame, pl, type Series } from "./deps.ts";
import { TmError } from "./errors.ts";
import { type Provenance, ProvenanceRecorder, ProvenanceSchema } from "./provenance.ts";

/** A snapshot file format. */
export type SnapshotFormat = "parquet" | "csv";

const FORMATS: readonly SnapshotFormat[] = ["parquet", "csv"];

/** Options of {@link writeSnapshot}. */
export interface SnapshotOptions {
  /** Which files to write. `readSnapshot` reads the Parquet file. @default ["parquet"] */
  formats?: readonly SnapshotFormat[];
  /** The provenance to write beside the frame (a recorder or its `toJSON()`). @default none (and an older `<name>.provenance.json` is removed) */
  provenance?: Provenance | ProvenanceRecorder | undefined;
  /**
   * In the CSV file, write a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
   * return with a leading `'`, so that spreadsheet apps do not run it as a formula. `false`
   * writes every text as it is. The Parquet file is never changed. @default true
   */
  neutraliseFormulas?: boolean;
}

/** The paths {@link writeSnapshot} wrote. */
export interface SnapshotFiles {
  /** The Parquet file, when written. */
  parquet?: string;
  /** The CSV file, when written. */
  csv?: string;
  /** The provenance file, when written. */
  provenance?: string;
}

/** What {@link readSnapshot} gives back. */
export interface Snapshot {
  /** The frame, with the dtypes it was written with. */
  frame: DataFrame;
  /** Its provenance, when one was written. */
  provenance: Provenance | undefined;
}

function checkName(name: unknown): string {
  if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new TypeError(
      `Cannot use snapshot name ${
        show(name)
      }: it must be letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  }
  return name;
}

function checkDir(dir: unknown): string {
  if (typeof dir !== "string" || dir.trim() === "") {
    throw new TypeError(`Cannot use snapshot folder ${show(dir)}: it must be a folder path`);
  }
  return dir.replace(/(.)[\\/]+$/, "$1");
}

function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

function parseProvenance(text: string): Provenance | undefined {
  try {
    const parsed = ProvenanceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Cells a spreadsheet app would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet app will show it, not run it: a leading `'` before a cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return.
 *
 * @example
 * ```ts
 * import { neutraliseFormula } from "./snapshot.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(neutraliseFormula('=HYPERLINK("http://evil.example")'), `'=HYPERLINK("http://evil.example")`);
 * assert.equal(neutraliseFormula("Nepal"), "Nepal");
 * ```
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text column with every formula-like cell neutralised (see {@link neutraliseFormula}). */
function neutralColumn(series: Series): Series {
  const variant = series.dtype.variant;
  if (variant !== "String" && variant !== "Utf8" && variant !== "Categorical") return series;
  const values = series.toArray().map((value: unknown) =>
    typeof value === "string" ? neutraliseFormula(value) : null
  );
  return pl.Series(series.name, values, pl.String);
}

/** A column CSV can hold: list and struct values become JSON text, nulls stay null. */
function csvColumn(series: Series): Series {
  const variant = series.dtype.variant;
  if (variant !== "List" && variant !== "Struct" && variant !== "FixedSizeList") return series;
  const values = series.toArray().map((value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(value, jsonValue)
  );
  return pl.Series(series.name, values, pl.String);
}

/**
 * Writes `frame` to `<dir>/<name>.parquet` (and `.csv` when asked), with its provenance in
 * `<dir>/<name>.provenance.json`. The folder is created when needed; files are replaced
 * atomically. In the CSV file, list and struct columns are JSON text, and text cells that a
 * spreadsheet would run as formulas get a leading `'` (unless `neutraliseFormulas: false`).
 *
 * @example A frame, its snapshot and back
 * ```ts
 * import { readSnapshot, writeSnapshot } from "../mod.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const frame = pl.DataFrame({ id: [1, 2], tags: [["a"], []] });
 *   const files = await writeSnapshot(frame, dir, "tags", { formats: ["parquet", "csv"] });
 *   assert.equal(await Deno.readTextFile(files.csv!), 'id,tags\n1.0,"[""a""]"\n2.0,[]\n');
 *   const back = await readSnapshot(dir, "tags");
 *   assert.ok(back.frame.frameEqual(frame));
 *   assert.equal(back.provenance, undefined);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function writeSnapshot(
  frame: DataFrame,
  dir: string,
  name: string,
  options: SnapshotOptions = {},
): Promise<SnapshotFiles> {
  const folder = checkDir(dir);
  checkName(name);
  if (options.neutraliseFormulas !== undefined && typeof options.neutraliseFormulas !== "boolean") {
    throw new TypeError(
      `Cannot use neutraliseFormulas ${show(options.neutraliseFormulas)}: it must be true or false`,
    );
  }
  const formats = options.formats ?? ["parquet"];
  if (
    !Array.isArray(formats) || formats.length === 0 ||
    formats.some((format) => !FORMATS.includes(format))
  ) {
    throw new TypeError(
      `Cannot use formats ${show(formats)}: it must list one or more of ${FORMATS.join(", ")}`,
    );
  }
  const base = `${folder}/${name}`;
  const files: SnapshotFiles = {};
  if (formats.includes("parquet")) {
    files.parquet = `${base}.parquet`;
    await writeAtomically(files.parquet, (temp) => {
      frame.writeParquet(temp);
    }, "the snapshot");
  }
  if (formats.includes("csv")) {
    files.csv = `${base}.csv`;
    const neutral = options.neutraliseFormulas ?? true;
    const columns = frame.getColumns().map(csvColumn);
    const flat = pl.DataFrame(neutral ? columns.map(neutralColumn) : columns);
    await writeAtomically(files.csv, (temp) => {
      flat.writeCSV(temp);
    }, "the snapshot");
  }
  const provenancePath = `${base}.provenance.json`;
  const provenance = options.provenance instanceof ProvenanceRecorder
    ? options.provenance.toJSON()
    : options.provenance;
  if (provenance === undefined) {
    await Deno.remove(provenancePath).catch((error: unknown) => {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    });
  } else {
    files.provenance = provenancePath;
    const text = JSON.stringify(ProvenanceSchema.parse(provenance), null, 2) + "\n";
    await writeAtomically(provenancePath, text, "the snapshot provenance");
  }
  return files;
}

/**
 * Reads `<dir>/<name>.parquet` (every dtype as written) and, when present,
 * `<dir>/<name>.provenance.json`. No request is made. Rejects with `TmError` when the Parquet
 * file is missing or unreadable, or the provenance is not valid.
 *
 * @example
 * ```ts
 * import { readSnapshot, writeSnapshot } from "../mod.ts";
 * import { pl } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const frame = pl.DataFrame({ when: [new Date("2024-05-01T12:00:00Z")] })
 *     .withColumn(pl.col("when").cast(pl.Datetime("us", "UTC")));
 *   await writeSnapshot(frame, dir, "when");
 *   const { frame: back } = await readSnapshot(dir, "when");
 *   assert.equal(back.getColumn("when").dtype.toString(), "DataType(Datetime(us,UTC))");
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function readSnapshot(dir: string, name: string): Promise<Snapshot> {
  const base = `${checkDir(dir)}/${checkName(name)}`;
  let frame: DataFrame;
  try {
    frame = pl.readParquet(`${base}.parquet`);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new TmError(`Cannot read the snapshot ${base}.parquet: ${why}`, { cause: error });
  }
  let text: string;
  try {
    text = await Deno.readTextFile(`${base}.provenance.json`);
  } catch (error) {
    if (error instanceof Error && error.name === "NotFound") {
      return { frame, provenance: undefined };
    }
    throw error;
  }
  const provenance = parseProvenance(text);
  if (provenance === undefined) {
    throw new TmError(
      `Cannot read the snapshot provenance ${base}.provenance.json: it is not a tmframes provenance record`,
    );
  }
  return { frame, provenance };
}
