// deno-lint-ignore-file no-console -- a command-line program: printing is its job
/**
 * `deno task notebook <path.ipynb>...`: executes notebooks in place on the Deno Jupyter kernel,
 * keeping the results the kernel sends late (see `execute.ts`), and says for each whether any
 * cell failed, wrote to stderr or shows nothing.
 *
 * ```sh
 * deno task notebook notebooks/01_quickstart.ipynb             # in place, TM_API_URL as set
 * deno task notebook --emulator notebooks/*.ipynb              # against the emulator on :8787
 * deno task notebook --out /tmp/run notebooks/02_project_activity.ipynb
 * ```
 *
 * @module
 */

import { startEmulator } from "../../src/emulator/server.ts";
import { executeNotebook, jupyterMissing, problems, silentCells } from "./execute.ts";

/** What the command was asked to do. */
export interface NotebookCommand {
  /** The notebooks to execute, in order. */
  paths: string[];
  /** Start the built-in emulator and point `TM_API_URL` at it. @default false */
  emulator: boolean;
  /** The emulator's port (0: any free one); a fixed one keeps saved URLs the same. @default 8787 */
  port: number;
  /** Write executed copies into this folder instead of rewriting the notebooks. */
  outputDir?: string;
  /** The longest a cell may run, in seconds. @default 600 */
  timeout: number;
  /** Runs of a notebook at most while some code cell shows nothing (a late result). @default 3 */
  runs: number;
}

/** How to call the command. */
export const USAGE = "usage: deno task notebook [--emulator] [--port N] [--out DIR] " +
  "[--timeout SECONDS] [--runs N] NOTEBOOK.ipynb...";

function positive(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(
      `Cannot run notebooks: --${flag} takes a positive integer, not ${JSON.stringify(text)}\n` +
        USAGE,
    );
  }
  return value;
}

function port(text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || !Number.isSafeInteger(value) || value < 0 || value > 65535) {
    throw new TypeError(
      `Cannot run notebooks: --port takes a port from 0 (any free one) to 65535, not ${
        JSON.stringify(text)
      }\n${USAGE}`,
    );
  }
  return value;
}

/**
 * Reads the command line. Throws `TypeError` with the usage for an unknown flag, a flag
 * without its value, a path that is no `.ipynb`, or no path.
 *
 * @example
 * ```ts
 * import { parseNotebookArgs } from "./main.ts";
 * import assert from "node:assert/strict";
 *
 * const command = parseNotebookArgs(["--emulator", "notebooks/01_quickstart.ipynb"]);
 * assert.deepEqual(command.paths, ["notebooks/01_quickstart.ipynb"]);
 * assert.equal(command.emulator, true);
 * assert.equal(command.port, 8787);
 * assert.throws(() => parseNotebookArgs(["--fast", "a.ipynb"]), /Cannot run notebooks: unknown flag --fast/);
 * ```
 */
export function parseNotebookArgs(args: readonly string[]): NotebookCommand {
  const command: NotebookCommand = {
    paths: [],
    emulator: false,
    port: 8787,
    timeout: 600,
    runs: 3,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--emulator") command.emulator = true;
    else if (arg === "--port") command.port = port(args[++i]);
    else if (arg === "--timeout") command.timeout = positive("timeout", args[++i]);
    else if (arg === "--runs") command.runs = positive("runs", args[++i]);
    else if (arg === "--out") {
      const dir = args[++i];
      if (dir === undefined || dir.startsWith("--")) {
        throw new TypeError(`Cannot run notebooks: --out takes a folder\n${USAGE}`);
      }
      command.outputDir = dir;
    } else if (arg.startsWith("--")) {
      throw new TypeError(`Cannot run notebooks: unknown flag ${arg}\n${USAGE}`);
    } else if (!arg.endsWith(".ipynb")) {
      throw new TypeError(
        `Cannot run ${JSON.stringify(arg)}: it must be a notebook file (.ipynb)\n${USAGE}`,
      );
    } else command.paths.push(arg);
  }
  if (command.paths.length === 0) {
    throw new TypeError(`Cannot run notebooks: name at least one .ipynb file\n${USAGE}`);
  }
  return command;
}

/** Executes the notebooks; returns whether every one ran without a problem. */
async function main(command: NotebookCommand): Promise<boolean> {
  const missing = await jupyterMissing();
  if (missing) throw new Error(`Cannot run notebooks: ${missing}`);
  // The world ends now, like the notebooks' own emulator's, so "the last 90 days" hold data.
  const emulator = command.emulator
    ? await startEmulator({ port: command.port, now: new Date() })
    : undefined;
  const env: Record<string, string> = emulator ? { TM_API_URL: emulator.url } : {};
  const api = emulator?.url ?? Deno.env.get("TM_API_URL") ?? "TM_API_URL unset";
  let ok = true;
  try {
    for (const path of command.paths) {
      const options = {
        env,
        timeout: command.timeout,
        ...(command.outputDir === undefined ? {} : { outputDir: command.outputDir }),
      };
      let notebook = await executeNotebook(path, options);
      for (let run = 2; run <= command.runs && silentCells(notebook).length > 0; run++) {
        notebook = await executeNotebook(path, options);
      }
      const wrong = problems(notebook);
      const silent = silentCells(notebook);
      const code = notebook.cells.filter((cell) => cell.cell_type === "code").length;
      const lines = [
        `${path}: ${wrong.length ? "problems" : "ok"}, ${code} code cells (${api})`,
        ...wrong.map((problem) => `  ${problem}`),
        ...silent.map((first) => `  shows nothing: ${first}`),
      ];
      console.log(lines.join("\n"));
      if (wrong.length > 0) ok = false;
    }
  } finally {
    await emulator?.close();
  }
  return ok;
}

if (import.meta.main) {
  try {
    if (!await main(parseNotebookArgs(Deno.args))) Deno.exitCode = 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    Deno.exitCode = 1;
  }
}
