/**
 * Crawl at scale: the activity log of a project with about 2,000 pages (10 rows each) at a fixed
 * emulated latency, fetched by tmframes at concurrency 4, 8 and 16, against the ideal
 * `ceil(pages / concurrency) × latency`. Sequential ways (tmframes at concurrency 1, a Deno
 * `fetch` loop, the TM wiki's Python `urllib` loop) would take minutes on the whole log, so
 * every way also crawls the same first `subsetPages` pages, where all are compared.
 *
 * @module
 */

import { createClient } from "../src/client.ts";
import { spawnEmulator } from "./emulator_process.ts";

/** Options of {@link scaleCrawlBenchmark}. */
export interface ScaleCrawlOptions {
  /** Emulated latency per request, ms. @default 50 */
  latencyMs?: number;
  /** History rows of the huge project (pages = rows / 10). @default 20000 */
  historyRows?: number;
  /** Pages of the subset every way crawls. @default 200 */
  subsetPages?: number;
  /** Concurrencies of the whole-log crawl. @default [4, 8, 16] */
  concurrencies?: number[];
}

/** One measured crawl. */
export interface ScaleCrawlFigure {
  /** Which crawl: the whole log or the subset. */
  crawl: "whole" | "subset";
  how: string;
  /** tmframes' concurrency; 1 for the sequential loops. */
  concurrency: number;
  pages: number;
  rows: number;
  seconds: number;
  /** `ceil(pages / concurrency) × latency`, s. */
  ideal: number;
}

/** What the benchmark found. */
export interface ScaleCrawlResult {
  latencyMs: number;
  wholePages: number;
  subsetPages: number;
  figures: ScaleCrawlFigure[];
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, (performance.now() - started) / 1000];
}

/** The simplest loop a Deno user would write: one page at a time, until `maxPages`. */
async function denoLoop(first: URL, maxPages: number): Promise<number> {
  let rows = 0;
  for (let page = 1; page <= maxPages; page++) {
    const url = new URL(first);
    url.searchParams.set("page", String(page));
    const body = await (await fetch(url)).json();
    rows += body.activity.length;
    if (!body.pagination?.hasNext) break;
  }
  return rows;
}

async function wikiLoop(first: URL, maxPages: number): Promise<{ rows: number; seconds: number }> {
  const out = await new Deno.Command("python3", {
    args: [new URL("./wiki_loop.py", import.meta.url).pathname, first.href, String(maxPages)],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error("Cannot run the wiki loop: python3 failed");
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

/**
 * Runs the benchmark against a fresh emulator process (one run of each way: each lasts
 * seconds, so run-to-run noise is small next to the figures).
 */
export async function scaleCrawlBenchmark(
  options: ScaleCrawlOptions = {},
): Promise<ScaleCrawlResult> {
  const latencyMs = options.latencyMs ?? 50;
  const subsetPages = options.subsetPages ?? 200;
  const concurrencies = options.concurrencies ?? [4, 8, 16];
  const emulator = await spawnEmulator([
    "--latency",
    String(latencyMs),
    "--projects",
    "10",
    "--huge-project-rows",
    String(options.historyRows ?? 20_000),
  ]);
  try {
    const id = emulator.hugeProjectId;
    if (id === undefined) throw new Error("Cannot find the huge project's id");
    const probe = createClient({ baseUrl: emulator.url, progress: false });
    const wholePages = Math.ceil(await probe.project(id).activities().count() / 10);
    const first = probe.project(id).activities().url();
    const ideal = (pages: number, c: number) => Math.ceil(pages / c) * latencyMs / 1000;
    const figures: ScaleCrawlFigure[] = [];
    for (const concurrency of [1, ...concurrencies]) {
      const tm = createClient({ baseUrl: emulator.url, concurrency, progress: false });
      const query = tm.project(id).activities().limit(subsetPages * 10);
      const [frame, seconds] = await timed(() => query.frame());
      figures.push({
        crawl: "subset",
        how: `tmframes, concurrency ${concurrency}`,
        concurrency,
        pages: subsetPages,
        rows: frame.height,
        seconds,
        ideal: ideal(subsetPages, concurrency),
      });
    }
    const [denoRows, denoSeconds] = await timed(() => denoLoop(first, subsetPages));
    figures.push({
      crawl: "subset",
      how: "sequential Deno fetch loop",
      concurrency: 1,
      pages: subsetPages,
      rows: denoRows,
      seconds: denoSeconds,
      ideal: ideal(subsetPages, 1),
    });
    const wiki = await wikiLoop(first, subsetPages);
    figures.push({
      crawl: "subset",
      how: "TM wiki loop (Python urllib, sequential)",
      concurrency: 1,
      pages: subsetPages,
      rows: wiki.rows,
      seconds: wiki.seconds,
      ideal: ideal(subsetPages, 1),
    });
    for (const concurrency of concurrencies) {
      const tm = createClient({ baseUrl: emulator.url, concurrency, progress: false });
      const [frame, seconds] = await timed(() => tm.project(id).activities().frame());
      figures.push({
        crawl: "whole",
        how: `tmframes, concurrency ${concurrency}`,
        concurrency,
        pages: wholePages,
        rows: frame.height,
        seconds,
        ideal: ideal(wholePages, concurrency),
      });
    }
    return { latencyMs, wholePages, subsetPages, figures };
  } finally {
    await emulator.close();
  }
}
