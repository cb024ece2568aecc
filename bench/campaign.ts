/**
 * Campaign benchmark: a campaign-wide `tm.projects().campaign(...).contributionsByDay()` in
 * one frame, against an emulator process with fixed latency, at one concurrency, compared with
 * the ideal: the search's pages (page 1, then the rest `concurrency` at a time), then one
 * request per project, `concurrency` at a time.
 *
 * @module
 */

import { createClient } from "../src/client.ts";
import { spawnEmulator } from "./emulator_process.ts";
import { median } from "./median.ts";

/** Options of {@link campaignBenchmark}. */
export interface CampaignOptions {
  /** Emulated latency per request, ms. @default 100 */
  latencyMs?: number;
  /** Projects in the campaign (some may be private, and so not found by an anonymous search). @default 30 */
  campaignProjects?: number;
  /** The client's concurrency. @default 4 */
  concurrency?: number;
  /** Timed runs; the median is reported. @default 3 */
  repeats?: number;
}

/** What the campaign benchmark found. */
export interface CampaignResult {
  latencyMs: number;
  concurrency: number;
  /** Projects the search matched. */
  projects: number;
  /** Search pages (14 projects each). */
  searchPages: number;
  /** Requests per run (search pages plus one per project). */
  requests: number;
  /** Rows of the frame. */
  rows: number;
  /** Median wall time, s. */
  seconds: number;
  /** `(1 + ceil((searchPages − 1) / c) + ceil(projects / c)) × latency`, s. */
  ideal: number;
}

/** A fetch that counts the requests it sends. */
function countingFetch(counter: { requests: number }): typeof fetch {
  return function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    counter.requests++;
    return fetch(input, init);
  };
}

/**
 * Runs the benchmark against a fresh emulator process.
 *
 * @example Shape of the result (a short run)
 * ```ts ignore
 * import { campaignBenchmark } from "./campaign.ts";
 * import assert from "node:assert/strict";
 *
 * const result = await campaignBenchmark({ latencyMs: 20, repeats: 1 });
 * assert.equal(result.requests, result.searchPages + result.projects);
 * ```
 */
export async function campaignBenchmark(options: CampaignOptions = {}): Promise<CampaignResult> {
  const latencyMs = options.latencyMs ?? 100;
  const concurrency = options.concurrency ?? 4;
  const repeats = options.repeats ?? 3;
  const emulator = await spawnEmulator([
    "--latency",
    String(latencyMs),
    "--campaign-projects",
    String(options.campaignProjects ?? 30),
  ]);
  try {
    const counter = { requests: 0 };
    const tm = createClient({
      baseUrl: emulator.url,
      concurrency,
      fetch: countingFetch(counter),
      progress: false,
    });
    const search = tm.projects().campaign("Emulator Campaign");
    const projects = (await search.records()).length;
    const searchPages = Math.max(1, Math.ceil(projects / 14));
    const times: number[] = [];
    let rows = 0;
    let perRun = 0;
    for (let run = 0; run < repeats; run++) {
      counter.requests = 0;
      const started = performance.now();
      const frame = await search.contributionsByDay().frame();
      times.push((performance.now() - started) / 1000);
      rows = frame.height;
      perRun = counter.requests;
    }
    const rounds = 1 + Math.ceil((searchPages - 1) / concurrency) +
      Math.ceil(projects / concurrency);
    return {
      latencyMs,
      concurrency,
      projects,
      searchPages,
      requests: perRun,
      rows,
      seconds: median(times),
      ideal: (rounds * latencyMs) / 1000,
    };
  } finally {
    await emulator.close();
  }
}
