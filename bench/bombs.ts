/**
 * Peak memory of a fan-out of gzip bombs: requests that each get the emulator's `gzipBomb`
 * fault, at a few `maxBodyBytes` caps, each measured in a process of its own
 * (`bomb_child.ts`).
 *
 * @module
 */

import { startEmulator } from "../src/emulator/server.ts";

/** Options of {@link bombsBenchmark}. */
export interface BombsOptions {
  /** Requests in the fan-out. @default 16 */
  requests?: number;
  /** The client's concurrency. @default 8 */
  concurrency?: number;
  /** The inflated size of each body, MiB. @default 2048 */
  bombMiB?: number;
  /** The caps, MiB. @default [4, 16, 64] */
  capsMiB?: number[];
}

/** One cap. */
export interface BombsFigure {
  capMiB: number;
  tooLarge: number;
  growthMiB: number;
  seconds: number;
}

/** What the benchmark found. */
export interface BombsResult {
  requests: number;
  concurrency: number;
  bombMiB: number;
  figures: BombsFigure[];
}

/**
 * Runs the benchmark.
 *
 * @example A tiny run
 * ```ts
 * import { bombsBenchmark } from "./bombs.ts";
 * import assert from "node:assert/strict";
 *
 * const result = await bombsBenchmark({ requests: 2, concurrency: 2, bombMiB: 8, capsMiB: [1] });
 * assert.equal(result.figures[0]!.tooLarge, 2);
 * ```
 */
export async function bombsBenchmark(options: BombsOptions = {}): Promise<BombsResult> {
  const { requests = 16, concurrency = 8, bombMiB = 2048, capsMiB = [4, 16, 64] } = options;
  const emulator = await startEmulator({ port: 0, projects: 5 });
  const child = new URL("./bomb_child.ts", import.meta.url).pathname;
  try {
    emulator.setFaults({
      rate: 1,
      kinds: ["gzipBomb"],
      bombBytes: bombMiB * 2 ** 20,
      maxConsecutive: Number.MAX_SAFE_INTEGER,
    });
    const figures: BombsFigure[] = [];
    for (const capMiB of capsMiB) {
      const args = [child, emulator.url, `${requests}`, `${concurrency}`, `${capMiB * 2 ** 20}`];
      const output = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", ...args],
        stdout: "piped",
        stderr: "inherit",
      }).output();
      if (!output.success) throw new Error(`Cannot measure cap ${capMiB} MiB: the child failed`);
      const result = JSON.parse(new TextDecoder().decode(output.stdout));
      figures.push({
        capMiB,
        tooLarge: result.tooLarge,
        growthMiB: (result.rssPeak - result.rssBefore) / 2 ** 20,
        seconds: result.seconds,
      });
    }
    return { requests, concurrency, bombMiB, figures };
  } finally {
    await emulator.close();
  }
}
