/**
 * A campaign of 200 projects at scale, and the same report rebuilt from the on-disk cache:
 * `tm.projects().campaign("Emulator Campaign").contributionsByDay().frame()` with a cache in
 * mode `use`, first against an empty cache folder (every answer fetched and stored), then
 * again (every answer read back from disk, no request sent).
 *
 * @module
 */

import { createClient } from "../src/client.ts";
import { spawnEmulator } from "./emulator_process.ts";

/** What the benchmark found. */
export interface CampaignCacheResult {
  latencyMs: number;
  concurrency: number;
  /** Projects the anonymous search found (private ones are left out by TM). */
  projects: number;
  rows: number;
  /** First run: requests sent and seconds. */
  firstRequests: number;
  firstSeconds: number;
  /** Cached rerun: requests sent and seconds. */
  cachedRequests: number;
  cachedSeconds: number;
  /** Whether the two frames are equal. */
  equal: boolean;
}

/** Runs the benchmark against a fresh emulator process and a temporary cache folder. */
export async function campaignCacheBenchmark(
  options: { latencyMs?: number; campaignProjects?: number; concurrency?: number } = {},
): Promise<CampaignCacheResult> {
  const latencyMs = options.latencyMs ?? 50;
  const concurrency = options.concurrency ?? 8;
  const emulator = await spawnEmulator([
    "--latency",
    String(latencyMs),
    "--campaign-projects",
    String(options.campaignProjects ?? 200),
  ]);
  const dir = await Deno.makeTempDir({ prefix: "tmframes-bench-cache-" });
  try {
    const counter = { requests: 0 };
    const tm = createClient({
      baseUrl: emulator.url,
      concurrency,
      progress: false,
      cache: { dir, mode: "use" },
      fetch(input: RequestInfo | URL, init?: RequestInit) {
        counter.requests++;
        return fetch(input, init);
      },
    });
    const query = tm.projects().campaign("Emulator Campaign");
    const run = async () => {
      counter.requests = 0;
      const started = performance.now();
      const frame = await query.contributionsByDay().frame();
      return { frame, seconds: (performance.now() - started) / 1000, requests: counter.requests };
    };
    const first = await run();
    const cached = await run();
    const projects = new Set(first.frame.getColumn("projectId").toArray()).size;
    return {
      latencyMs,
      concurrency,
      projects,
      rows: first.frame.height,
      firstRequests: first.requests,
      firstSeconds: first.seconds,
      cachedRequests: cached.requests,
      cachedSeconds: cached.seconds,
      equal: cached.frame.frameEqual(first.frame, true),
    };
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
}
