/**
 * Peak memory of a large crawl: the whole activity log of a project (about 100,000 or
 * 1,000,000 history rows), crawled into one frame in a child process (`memory_child.ts`),
 * against the final frame's size (uncompressed Arrow IPC bytes; nodejs-polars 0.25.2 has no
 * `estimatedSize()`). Each round is a fresh child process crawling the same emulator.
 *
 * @module
 */

import { spawnEmulator } from "./emulator_process.ts";

/** What the memory benchmark found (bytes). */
export interface MemoryResult {
  rows: number;
  pages: number;
  /** Crawl time of each round, s. */
  seconds: number[];
  concurrency: number;
  /** The frame's size: its uncompressed Arrow IPC bytes. */
  frameBytes: number;
  /** Peak resident set during the crawl minus the resident set just before it, each round. */
  rssGrowth: number[];
  /** Peak sampled V8 heap in use minus the heap in use just before the crawl, each round. */
  heapGrowth: number[];
  /** The same log's JSON bodies, summed: what holding every page at once would take (as UTF-8). */
  jsonBytes: number;
}

/** Runs the benchmark against a fresh emulator process (latency 0), `rounds` times. */
export async function memoryBenchmark(
  options: { historyRows?: number; concurrency?: number; rounds?: number } = {},
): Promise<MemoryResult> {
  const concurrency = options.concurrency ?? 8;
  const emulator = await spawnEmulator([
    "--projects",
    "10",
    "--huge-project-rows",
    String(options.historyRows ?? 100_000),
  ]);
  try {
    const id = String(emulator.hugeProjectId);
    const rounds = [];
    for (let round = 0; round < (options.rounds ?? 5); round++) {
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--allow-all",
          new URL("./memory_child.ts", import.meta.url).pathname,
          emulator.url,
          id,
          String(concurrency),
        ],
        stdout: "piped",
        stderr: "inherit",
      }).output();
      if (!out.success) throw new Error("Cannot measure memory: the crawling process failed");
      rounds.push(JSON.parse(new TextDecoder().decode(out.stdout)));
    }
    let jsonBytes = 0;
    let pages = 0;
    for (let page = 1;; page++) {
      const url = new URL(`projects/${id}/activities/?page=${page}`, emulator.url);
      const bytes = await (await fetch(url)).bytes();
      jsonBytes += bytes.byteLength;
      pages++;
      if (!JSON.parse(new TextDecoder().decode(bytes)).pagination.hasNext) break;
    }
    return {
      rows: rounds[0].rows,
      pages,
      seconds: rounds.map((child) => child.seconds),
      concurrency,
      frameBytes: rounds[0].frameBytes,
      rssGrowth: rounds.map((child) => child.rssPeak - child.rssBefore),
      heapGrowth: rounds.map((child) => child.heapPeak - child.heapBefore),
      jsonBytes,
    };
  } finally {
    await emulator.close();
  }
}
