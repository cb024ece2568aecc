/**
 * Crawl benchmark: every search page of the emulator's world at a fixed latency, fetched by
 * tmframes at several concurrencies, against the ideal `ceil(pages / concurrency) × latency`,
 * a sequential Deno `fetch` loop, and the TM wiki's sequential Python `urllib` loop.
 *
 * @module
 */

import { createClient } from "../src/client.ts";
import { spawnEmulator } from "./emulator_process.ts";
import { median } from "./median.ts";

/** One measured way of crawling. */
export interface CrawlFigure {
  how: string;
  seconds: number;
  rows: number;
  /** The client's concurrency, for tmframes' own runs. */
  concurrency?: number;
  /** `seconds / ideal` where an ideal applies. */
  ofIdeal?: number;
  ideal?: number;
}

/** What the crawl benchmark found. */
export interface CrawlResult {
  latencyMs: number;
  pages: number;
  rows: number;
  figures: CrawlFigure[];
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, (performance.now() - started) / 1000];
}

async function sequentialDenoLoop(first: URL): Promise<number> {
  let rows = 0;
  for (let page = 1;; page++) {
    const url = new URL(first);
    url.searchParams.set("page", String(page));
    // An empty Accept-Language, as tmframes sends: fetch's default `*` filters TM's search.
    const body = await (await fetch(url, { headers: { "accept-language": "" } })).json();
    rows += body.results.length;
    if (!body.pagination?.hasNext) return rows;
  }
}

async function wikiPythonLoop(first: URL): Promise<{ rows: number; seconds: number }> {
  const out = await new Deno.Command("python3", {
    args: [new URL("./wiki_loop.py", import.meta.url).pathname, first.href],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error("Cannot run the wiki loop: python3 failed");
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

/**
 * Runs the crawl benchmark: `repeats` runs of each way, the median kept.
 */
export async function crawlBenchmark(
  options: { latencyMs: number; concurrencies: number[]; repeats: number },
): Promise<CrawlResult> {
  const { latencyMs, concurrencies, repeats } = options;
  const emulator = await spawnEmulator(["--latency", String(latencyMs)]);
  try {
    const probe = createClient({ baseUrl: emulator.url });
    const rows = await probe.projects().count();
    const pages = Math.ceil(rows / 14);
    const first = probe.projects().url();
    const figures: CrawlFigure[] = [];
    for (const concurrency of concurrencies) {
      const tm = createClient({ baseUrl: emulator.url, concurrency });
      const times: number[] = [];
      let got = 0;
      for (let i = 0; i < repeats; i++) {
        const [frame, seconds] = await timed(() => tm.projects().frame());
        times.push(seconds);
        got = frame.height;
      }
      const ideal = Math.ceil(pages / concurrency) * latencyMs / 1000;
      const seconds = median(times);
      figures.push({
        how: `tmframes, concurrency ${concurrency}`,
        concurrency,
        seconds,
        rows: got,
        ideal,
        ofIdeal: seconds / ideal,
      });
    }
    const denoTimes: number[] = [];
    let denoRows = 0;
    for (let i = 0; i < repeats; i++) {
      const [count, seconds] = await timed(() => sequentialDenoLoop(first));
      denoTimes.push(seconds);
      denoRows = count;
    }
    figures.push({ how: "sequential Deno fetch loop", seconds: median(denoTimes), rows: denoRows });
    const wiki = [];
    for (let i = 0; i < repeats; i++) wiki.push(await wikiPythonLoop(first));
    figures.push({
      how: "TM wiki loop (Python urllib, sequential)",
      seconds: median(wiki.map((w) => w.seconds)),
      rows: wiki[0]?.rows ?? 0,
    });
    return { latencyMs, pages, rows, figures };
  } finally {
    await emulator.close();
  }
}
