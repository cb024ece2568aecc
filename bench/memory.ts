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
  /** The young generation's size (committed) when the heap peaked, each round. */
  youngAtPeak: number[];
  /** Peak RSS growth of the same crawl through `pages()`, rows dropped (no frame). */
  pagesRssGrowth: number[];
  /** Peak RSS growth of bare `fetch` + `JSON.parse` of every page at the same concurrency. */
  fetchRssGrowth: number[];
  /** The same through bare `ky.get` (no hooks, no retry, no timeout). */
  kyRssGrowth: number[];
  /** The same through bare `ky.get` with an AbortSignal, which ky joins to its own per request. */
  kySignalRssGrowth: number[];
  /** The same with the client's retry policy and timeout: ky as the client configures it. */
  kyPolicyRssGrowth: number[];
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
    const child = async (mode: string) => {
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--allow-all",
          new URL("./memory_child.ts", import.meta.url).pathname,
          emulator.url,
          id,
          String(concurrency),
          mode,
        ],
        stdout: "piped",
        stderr: "inherit",
      }).output();
      if (!out.success) throw new Error("Cannot measure memory: the crawling process failed");
      return JSON.parse(new TextDecoder().decode(out.stdout));
    };
    const rounds = [];
    const breakdown: Record<string, { rssPeak: number; rssBefore: number }[]> = {};
    const count = options.rounds ?? 5;
    // The breakdown (paging alone, bare fetch, bare ky) in 3 rounds each, between the frames.
    for (let round = 0; round < count; round++) {
      rounds.push(await child("frame"));
      if (round >= Math.min(3, count)) continue;
      for (const mode of ["pages", "fetch", "ky", "ky-signal", "ky-policy"]) {
        (breakdown[mode] ??= []).push(await child(mode));
      }
    }
    const growth = (mode: string) =>
      (breakdown[mode] ?? []).map((round) => round.rssPeak - round.rssBefore);
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
      seconds: rounds.map((round) => round.seconds),
      concurrency,
      frameBytes: rounds[0].frameBytes,
      rssGrowth: rounds.map((round) => round.rssPeak - round.rssBefore),
      heapGrowth: rounds.map((round) => round.heapPeak - round.heapBefore),
      youngAtPeak: rounds.map((round) => round.youngAtPeak),
      pagesRssGrowth: growth("pages"),
      fetchRssGrowth: growth("fetch"),
      kyRssGrowth: growth("ky"),
      kySignalRssGrowth: growth("ky-signal"),
      kyPolicyRssGrowth: growth("ky-policy"),
      jsonBytes,
    };
  } finally {
    await emulator.close();
  }
}
