/**
 * The memory benchmark's crawler, run in a process of its own so that nothing else in it
 * holds memory: crawls one project's whole activity log into a frame and prints, as one JSON
 * line, the resident set before the crawl, its peak during the crawl (Linux `VmHWM`, reset just
 * before the crawl), the peak V8 heap sampled every 10 ms, and the frame's size (its
 * uncompressed Arrow IPC bytes: nodejs-polars 0.25.2 has no `estimatedSize()`).
 *
 * Usage: deno run -A bench/memory_child.ts BASE_URL PROJECT_ID CONCURRENCY
 *
 * @module
 */

import { createClient } from "../src/client.ts";

function statusKiB(field: string): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
}

async function main(): Promise<void> {
  const [baseUrl, project, concurrency] = Deno.args;
  const tm = createClient({
    baseUrl: baseUrl!,
    concurrency: Number(concurrency ?? 8),
    progress: false,
  });
  // Warm up: load polars and build a small frame, so its fixed cost is not counted.
  await tm.project(Number(project)).activities().limit(20).frame();
  let heapPeak = 0;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, Deno.memoryUsage().heapUsed);
  }, 10);
  const heapBefore = Deno.memoryUsage().heapUsed;
  const rssBefore = statusKiB("VmRSS") * 1024;
  // Reset the peak resident set to the current one (Linux 4.0+).
  Deno.writeTextFileSync("/proc/self/clear_refs", "5");
  const started = performance.now();
  const frame = await tm.project(Number(project)).activities().frame();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssPeak = statusKiB("VmHWM") * 1024;
  // deno-lint-ignore no-console
  console.log(JSON.stringify({
    rows: frame.height,
    seconds,
    rssBefore,
    rssPeak,
    heapBefore,
    heapPeak,
    // nodejs-polars 0.25.2 has no estimatedSize(): the frame's uncompressed Arrow IPC size
    // (its columns' buffers) stands for it.
    frameBytes: frame.writeIPC().byteLength,
  }));
}

if (import.meta.main) await main();
