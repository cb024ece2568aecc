/**
 * Executes the notebooks in `notebooks/` with Jupyter on the Deno kernel, against the built-in
 * emulator (`TM_API_URL` points at it, `NO_COLOR=1` keeps outputs free of ANSI codes).
 * `notebooks_test.ts` uses it to check every notebook; `deno task notebooks` runs it as a
 * script to refresh the committed outputs in place:
 *
 * ```sh
 * deno task notebooks                 # every notebooks/*.ipynb, in place
 * deno task notebooks 01_quickstart   # the notebooks whose name contains a word
 * ```
 *
 * @module
 */

import { type Emulator, startEmulator } from "../src/emulator/server.ts";

/** The notebooks folder. */
export const NOTEBOOKS_DIR = new URL("../notebooks/", import.meta.url);

/** The port the refresh script serves the emulator on, so saved URLs do not change per run. */
export const REFRESH_PORT = 8787;

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

/** The `.ipynb` files of the notebooks folder, sorted by name. */
export async function listNotebooks(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(NOTEBOOKS_DIR)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name);
  }
  return names.sort().map((name) => new URL(name, NOTEBOOKS_DIR).pathname);
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

/** Why the notebooks cannot run here (no `jupyter nbconvert`, no `deno` kernel), or `undefined`. */
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
  /** The emulator to point `TM_API_URL` at. */
  emulator: Emulator;
  /** Write the executed copy here; without it the notebook is rewritten in place. */
  outputDir?: string;
}

/**
 * Executes one notebook with `jupyter nbconvert` on the Deno kernel (nbconvert's executor, with
 * the grace period of `jupyter/deno_execute.py`) and returns the executed notebook. Rejects with
 * nbconvert's own report when a cell throws.
 */
export async function executeNotebook(path: string, options: ExecuteOptions): Promise<Notebook> {
  const target = options.outputDir === undefined ? ["--inplace"] : [
    "--output-dir",
    options.outputDir,
  ];
  // nbconvert's executor, patient with the Deno kernel's results that arrive after its idle
  // status (see jupyter/deno_execute.py).
  const preprocessors = new URL("./jupyter/", import.meta.url).pathname;
  const pythonPath = [preprocessors, Deno.env.get("PYTHONPATH")].filter(Boolean).join(":");
  const { success, stderr } = await new Deno.Command("jupyter", {
    args: [
      "nbconvert",
      "--to",
      "notebook",
      '--Exporter.preprocessors=["deno_execute.DenoExecutePreprocessor"]',
      "--DenoExecutePreprocessor.enabled=True",
      "--DenoExecutePreprocessor.kernel_name=deno",
      "--DenoExecutePreprocessor.timeout=600",
      // On a loaded machine outputs can trail the reply; wait for them, and fail loudly if not.
      "--DenoExecutePreprocessor.iopub_timeout=60",
      "--DenoExecutePreprocessor.raise_on_iopub_timeout=True",
      "--DenoExecutePreprocessor.record_timing=False",
      ...target,
      path,
    ],
    env: { TM_API_URL: options.emulator.url, NO_COLOR: "1", PYTHONPATH: pythonPath },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!success) {
    throw new Error(
      `Cannot execute ${path}: nbconvert failed:\n${new TextDecoder().decode(stderr)}`,
    );
  }
  const name = path.slice(path.lastIndexOf("/") + 1);
  const written = options.outputDir === undefined ? path : `${options.outputDir}/${name}`;
  return JSON.parse(await Deno.readTextFile(written)) as Notebook;
}

function text(value: unknown): string {
  if (Array.isArray(value)) return value.join("");
  return typeof value === "string" ? value : JSON.stringify(value ?? "");
}

/** What is wrong with an executed notebook's outputs: errors, stderr, ANSI codes. */
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

/** Every MIME type among the notebook's rich outputs. */
export function mimeTypes(notebook: Notebook): Set<string> {
  const types = new Set<string>();
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      for (const type of Object.keys(output.data ?? {})) types.add(type);
    }
  }
  return types;
}

/** `deno task notebooks [word]`: refresh the committed outputs in place. */
async function refresh(filter: string | undefined): Promise<void> {
  const missing = await jupyterMissing();
  if (missing) throw new Error(`Cannot run the notebooks: ${missing}`);
  const paths = (await listNotebooks()).filter((path) => !filter || path.includes(filter));
  const emulator = await startEmulator({ port: REFRESH_PORT });
  try {
    for (const path of paths) {
      const notebook = await executeNotebook(path, { emulator });
      const wrong = problems(notebook);
      const status = wrong.length ? `problems:\n  ${wrong.join("\n  ")}` : "ok";
      await Deno.stdout.write(new TextEncoder().encode(`${path}: ${status}\n`));
      if (wrong.length) Deno.exitCode = 1;
    }
  } finally {
    await emulator.close();
  }
}

if (import.meta.main) await refresh(Deno.args[0]);
