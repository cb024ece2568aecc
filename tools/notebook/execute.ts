/**
 * Executes a Jupyter notebook on the Deno kernel and keeps every output, with nbconvert's
 * executor made patient by `deno_execute.py`: the Deno kernel (2.9.6) now and then publishes a
 * cell's result just after reporting the cell idle, which stock `jupyter nbconvert --execute`
 * drops. `main.ts` is the command (`deno task notebook <path>`); `tests/notebooks_test.ts`
 * uses it to check every notebook.
 *
 * @module
 */

/** One output of a code cell, as nbformat 4 saves it. */
export interface CellOutput {
  "output_type": string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** A cell, as nbformat 4 saves it. */
export interface Cell {
  "cell_type": string;
  source: string | string[];
  outputs?: CellOutput[];
}

/** A notebook, as nbformat 4 saves it. */
export interface Notebook {
  cells: Cell[];
}

async function run(args: string[]): Promise<string | undefined> {
  const { success, stdout } = await new Deno.Command("jupyter", {
    args,
    stdout: "piped",
    stderr: "null",
  }).output();
  return success ? new TextDecoder().decode(stdout) : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/**
 * Why notebooks cannot run here (no `jupyter nbconvert`, no `deno` kernel), or `undefined`.
 *
 * @example
 * ```ts
 * import { jupyterMissing } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * const missing = await jupyterMissing();
 * assert.ok(missing === undefined || /jupyter|kernel/.test(missing));
 * ```
 */
export async function jupyterMissing(): Promise<string | undefined> {
  try {
    if (await run(["nbconvert", "--version"]) === undefined) {
      return "`jupyter nbconvert` is not installed";
    }
    const paths = JSON.parse(await run(["--paths", "--json"]) ?? "{}") as { data?: string[] };
    for (const dir of paths.data ?? []) {
      if (await isFile(`${dir}/kernels/deno/kernel.json`)) return undefined;
    }
    return "the Deno kernel is not registered (run `deno jupyter --install`)";
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return "`jupyter` is not installed";
    throw error;
  }
}

/** Options of {@link executeNotebook}. */
export interface ExecuteOptions {
  /** Environment variables for the kernel, e.g. `TM_API_URL`; `NO_COLOR=1` is always set. @default none */
  env?: Record<string, string>;
  /** Write the executed copy into this folder; without it the notebook is rewritten in place. */
  outputDir?: string;
  /** The longest a cell may run, in seconds. @default 600 */
  timeout?: number;
  /** How long to keep reading a cell's late outputs after it reported idle, in seconds. @default 0.3 */
  grace?: number;
}

/**
 * Executes one notebook with `jupyter nbconvert` on the Deno kernel, reading each cell's
 * messages for `grace` seconds after its idle status (`deno_execute.py`), and returns the
 * executed notebook, written in place or into `outputDir`. Rejects with nbconvert's own report
 * when a cell throws or times out. Needs Jupyter with the Deno kernel ({@link jupyterMissing}).
 *
 * @example Execute a copy of a notebook
 * ```ts
 * import { executeNotebook, jupyterMissing } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * if (await jupyterMissing() === undefined) {
 *   const dir = await Deno.makeTempDir();
 *   try {
 *     const cell = { cell_type: "code", source: "1 + 1", metadata: {}, outputs: [], execution_count: null };
 *     const notebook = { cells: [cell], metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } }, nbformat: 4, nbformat_minor: 5 };
 *     await Deno.writeTextFile(`${dir}/sum.ipynb`, JSON.stringify(notebook));
 *     const done = await executeNotebook(`${dir}/sum.ipynb`, { outputDir: `${dir}/out` });
 *     assert.equal([done.cells[0]!.outputs![0]!.data!["text/plain"]].flat().join(""), "2");
 *   } finally {
 *     await Deno.remove(dir, { recursive: true });
 *   }
 * }
 * ```
 */
export async function executeNotebook(
  path: string,
  options: ExecuteOptions = {},
): Promise<Notebook> {
  const { env = {}, outputDir, timeout = 600, grace = 0.3 } = options;
  if (!(Number.isFinite(timeout) && timeout > 0)) {
    throw new RangeError(`Cannot use timeout ${timeout}: it must be a number of seconds above 0`);
  }
  if (!(Number.isFinite(grace) && grace >= 0)) {
    throw new RangeError(`Cannot use grace ${grace}: it must be a number of seconds, 0 or more`);
  }
  const target = outputDir === undefined ? ["--inplace"] : ["--output-dir", outputDir];
  const here = new URL("./", import.meta.url).pathname;
  const pythonPath = [here, Deno.env.get("PYTHONPATH")].filter(Boolean).join(":");
  const { success, stderr } = await new Deno.Command("jupyter", {
    args: [
      "nbconvert",
      "--to",
      "notebook",
      '--Exporter.preprocessors=["deno_execute.DenoExecutePreprocessor"]',
      "--DenoExecutePreprocessor.enabled=True",
      "--DenoExecutePreprocessor.kernel_name=deno",
      `--DenoExecutePreprocessor.timeout=${Math.ceil(timeout)}`,
      `--DenoExecutePreprocessor.grace_seconds=${grace}`,
      // On a loaded machine outputs can trail the reply; wait for them, and fail loudly if not.
      "--DenoExecutePreprocessor.iopub_timeout=60",
      "--DenoExecutePreprocessor.raise_on_iopub_timeout=True",
      "--DenoExecutePreprocessor.record_timing=False",
      ...target,
      path,
    ],
    env: { ...env, NO_COLOR: "1", PYTHONPATH: pythonPath },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!success) {
    throw new Error(
      `Cannot execute ${path}: nbconvert failed:\n${new TextDecoder().decode(stderr)}`,
    );
  }
  const name = path.slice(path.lastIndexOf("/") + 1);
  const written = outputDir === undefined ? path : `${outputDir}/${name}`;
  return JSON.parse(await Deno.readTextFile(written)) as Notebook;
}

function text(value: unknown): string {
  if (Array.isArray(value)) return value.join("");
  return typeof value === "string" ? value : JSON.stringify(value ?? "");
}

/**
 * What is wrong with an executed notebook's outputs: errors, stderr, ANSI codes.
 *
 * @example
 * ```ts
 * import { problems } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * const cell = { cell_type: "code", source: "x", outputs: [{ output_type: "error", ename: "ReferenceError", evalue: "x is not defined" }] };
 * assert.deepEqual(problems({ cells: [cell] }), ["cell 1: ReferenceError: x is not defined"]);
 * ```
 */
export function problems(notebook: Notebook): string[] {
  const found: string[] = [];
  notebook.cells.forEach((cell, index) => {
    for (const output of cell.outputs ?? []) {
      const where = `cell ${index + 1}`;
      if (output.output_type === "error") {
        found.push(`${where}: ${output.ename}: ${output.evalue}`);
      }
      if (output.output_type === "stream" && output.name === "stderr") {
        found.push(`${where}: wrote to stderr: ${text(output.text).slice(0, 200)}`);
      }
      const all = text(output.text) + Object.values(output.data ?? {}).map(text).join("");
      if (all.includes("\x1b[")) found.push(`${where}: an output holds ANSI escape codes`);
    }
  });
  return found;
}

/**
 * The first line of every code cell that has no output: after a run, the cells whose result
 * may have been lost (or that show nothing by design).
 *
 * @example
 * ```ts
 * import { silentCells } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * const cells = [
 *   { cell_type: "code", source: "const a = 1;\na", outputs: [] },
 *   { cell_type: "markdown", source: "# Title" },
 * ];
 * assert.deepEqual(silentCells({ cells }), ["const a = 1;"]);
 * ```
 */
export function silentCells(notebook: Notebook): string[] {
  return notebook.cells
    .filter((cell) => cell.cell_type === "code" && (cell.outputs ?? []).length === 0)
    .map((cell) => [cell.source].flat().join("").split("\n")[0] ?? "");
}

/**
 * Every MIME type among the notebook's rich outputs.
 *
 * @example
 * ```ts
 * import { mimeTypes } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * const output = { output_type: "display_data", data: { "image/svg+xml": "<svg/>" } };
 * const cells = [{ cell_type: "code", source: "chart", outputs: [output] }];
 * assert.deepEqual([...mimeTypes({ cells })], ["image/svg+xml"]);
 * ```
 */
export function mimeTypes(notebook: Notebook): Set<string> {
  const types = new Set<string>();
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      for (const type of Object.keys(output.data ?? {})) types.add(type);
    }
  }
  return types;
}
