/**
 * A fan-out of requests that each get a gzip bomb (the emulator's `gzipBomb` fault), run in a
 * process of its own so that its peak resident set is the client's alone. Prints, as one JSON
 * line, the resident set before the fan-out, its peak during it (Linux `VmHWM`, reset just
 * before), and how the requests failed.
 *
 * Usage: deno run -A bench/bomb_child.ts BASE_URL REQUESTS CONCURRENCY MAX_BODY_BYTES
 *
 * @module
 */

import { createClient } from "../src/client.ts";
import { pl } from "../src/deps.ts";
import { NetworkError } from "../src/errors.ts";

function statusKiB(field: string): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
}

async function main(): Promise<void> {
  const [baseUrl, requests, concurrency, maxBodyBytes] = Deno.args.map((arg, i) =>
    i === 0 ? arg : Number(arg)
  ) as [string, number, number, number];
  const tm = createClient({
    baseUrl,
    concurrency,
    maxBodyBytes,
    retry: { limit: 0 },
    timeout: 600_000,
  });
  // Load polars first, so that its fixed cost is not counted.
  pl.DataFrame({ a: [1] });
  const rssBefore = statusKiB("VmRSS") * 1024;
  // Reset the peak resident set to the current one (Linux 4.0+).
  Deno.writeTextFileSync("/proc/self/clear_refs", "5");
  const started = performance.now();
  const ids = Array.from({ length: requests }, (_, i) => i + 1);
  const results = await Promise.allSettled(
    ids.map((id) => tm.project(id).detail().frame({ progress: false })),
  );
  const seconds = (performance.now() - started) / 1000;
  const rssPeak = statusKiB("VmHWM") * 1024;
  const tooLarge =
    results.filter((result) =>
      result.status === "rejected" && result.reason instanceof NetworkError &&
      /larger than/.test(result.reason.message)
    ).length;
  // deno-lint-ignore no-console
  console.log(JSON.stringify({ requests, tooLarge, seconds, rssBefore, rssPeak }));
}

if (import.meta.main) await main();
