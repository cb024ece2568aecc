/**
 * The memory benchmark's crawler, run in a process of its own so that nothing else in it
 * holds memory: crawls one project's whole activity log and prints, as one JSON line, the
 * resident set before the crawl, its peak during the crawl (Linux `VmHWM`, reset just before
 * the crawl), the peak V8 heap (in use, and the young generation's share of it) sampled every
 * 10 ms, and for a frame its size (its uncompressed Arrow IPC bytes: nodejs-polars 0.25.2 has
 * no `estimatedSize()`).
 *
 * Modes: `frame` (`activities().frame()`, the figure with a goal), `pages` (the same crawl
 * through `pages()`, rows dropped: the request and paging path alone), `fetch` (bare `fetch`
 * and `JSON.parse` of every page at the same concurrency, nothing kept: the floor of any client
 * on this runtime), `ky` (the same through bare `ky.get`: no hooks, no retry, no timeout: the
 * floor of any client on ky), `ky-signal` (`ky` with an AbortSignal, which ky joins to its
 * own for every request, as it does for the signal every crawl passes) and `ky-policy` (that,
 * with the client's retry policy and per-attempt timeout: ky as the client configures it,
 * still without hooks).
 *
 * Usage: deno run -A bench/memory_child.ts BASE_URL PROJECT_ID CONCURRENCY
 * [frame|pages|fetch|ky|ky-signal|ky-policy]
 *
 * @module
 */

import v8 from "node:v8";
import { createClient } from "../src/client.ts";
import { ky } from "../src/deps.ts";
import { DEFAULT_RETRY, kyRetry } from "../src/retry.ts";

function statusKiB(field: string): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
}

/** Every page of `first` at `concurrency`, its text from `get`, parsed and dropped; the rows. */
async function bare(
  first: URL,
  concurrency: number,
  get: (url: URL) => Promise<string>,
): Promise<number> {
  const body = JSON.parse(await get(first));
  const pages: number = body.pagination.pages;
  let rows = body.activity.length;
  let next = 2;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next <= pages) {
      const url = new URL(first);
      url.searchParams.set("page", String(next++));
      const body = JSON.parse(await get(url));
      rows += body.activity.length;
    }
  }));
  return rows;
}

/** The bare ways to get a page's text, by mode. */
function bareGet(mode: string): ((url: URL) => Promise<string>) | undefined {
  const plain = ky.create({ retry: 0, timeout: false });
  const policy = ky.create({ retry: kyRetry(DEFAULT_RETRY), timeout: 30_000 });
  const signal = new AbortController().signal;
  switch (mode) {
    case "fetch":
      return async (url) => await (await fetch(url)).text();
    case "ky":
      return (url) => plain.get(url).text();
    case "ky-signal":
      return (url) => plain.get(url, { signal }).text();
    case "ky-policy":
      return (url) => policy.get(url, { signal }).text();
  }
  return undefined;
}

async function main(): Promise<void> {
  const [baseUrl, project, concurrency, mode = "frame"] = Deno.args;
  const tm = createClient({
    baseUrl: baseUrl!,
    concurrency: Number(concurrency ?? 8),
    progress: false,
  });
  const query = tm.project(Number(project)).activities();
  // Warm up: load polars and build a small frame, so its fixed cost is not counted.
  await query.limit(20).frame();
  let heapPeak = 0;
  let youngAtPeak = 0;
  const sampler = setInterval(() => {
    const used = Deno.memoryUsage().heapUsed;
    if (used <= heapPeak) return;
    heapPeak = used;
    youngAtPeak = v8.getHeapSpaceStatistics()
      .find((space) => space.space_name === "new_space")?.space_size ?? 0;
  }, 10);
  const heapBefore = Deno.memoryUsage().heapUsed;
  const rssBefore = statusKiB("VmRSS") * 1024;
  // Reset the peak resident set to the current one (Linux 4.0+).
  Deno.writeTextFileSync("/proc/self/clear_refs", "5");
  const started = performance.now();
  let rows = 0;
  let frameBytes = 0;
  const get = bareGet(mode);
  if (get) rows = await bare(query.url(), Number(concurrency ?? 8), get);
  else if (mode === "pages") {
    for await (const page of query.pages()) rows += page.rows.length;
  } else {
    const frame = await query.frame();
    rows = frame.height;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rssPeak = statusKiB("VmHWM") * 1024;
    // nodejs-polars 0.25.2 has no estimatedSize(): the frame's uncompressed Arrow IPC size
    // (its columns' buffers) stands for it, measured after the peak was read.
    frameBytes = frame.writeIPC().byteLength;
    report({ rows, seconds, rssBefore, rssPeak, heapBefore, heapPeak, youngAtPeak, frameBytes });
    return;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssPeak = statusKiB("VmHWM") * 1024;
  report({ rows, seconds, rssBefore, rssPeak, heapBefore, heapPeak, youngAtPeak, frameBytes });
}

function report(figures: Record<string, number>): void {
  // deno-lint-ignore no-console
  console.log(JSON.stringify(figures));
}

if (import.meta.main) await main();
