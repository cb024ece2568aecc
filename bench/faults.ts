/**
 * Throughput under faults: the whole activity log of a project (about 20,000 rows, 10 per page)
 * at concurrency 8 and a fixed emulated latency, clean, through 10 % faults without 429s (5xx,
 * resets, truncated bodies), and through 10 % faults with 429s (`Retry-After: 1`, which pauses
 * the whole client by design). The client keeps its default retry policy.
 *
 * Where the time goes: a wrapping `fetch` measures the requests in flight over time (their
 * mean = busy slots), and the union of the pauses the server demanded (each 429's
 * `Retry-After` from the moment it arrived). Goals (issue 12): without 429s at most 1.3× the
 * clean crawl; with 429s at most the clean crawl plus that union, plus 10 %.
 *
 * The emulator runs in this process (its fault settings are not on the command line); each run
 * gets a fresh server over one prebuilt world, so the same requests fail in every run.
 *
 * @module
 */

import { createClient } from "../src/client.ts";
import { type FaultKind, startEmulator } from "../src/emulator/server.ts";
import { createWorld } from "../src/emulator/world.ts";
import { median } from "./median.ts";

/** Options of {@link faultsBenchmark}. */
export interface FaultsOptions {
  /** History rows of the crawled project. @default 20000 */
  historyRows?: number;
  /** Emulated latency per request, ms. @default 20 */
  latencyMs?: number;
  /** The client's concurrency. @default 8 */
  concurrency?: number;
  /** Timed runs of each kind; the median is reported. @default 3 */
  repeats?: number;
}

/** One kind of run. */
export interface FaultsFigure {
  how: string;
  rows: number;
  requests: number;
  seconds: number;
  /** Requests in flight, averaged over the run. */
  meanInFlight: number;
  /** The union of the server-demanded pauses, s. */
  pauseSeconds: number;
}

/** What the benchmark found. */
export interface FaultsResult {
  latencyMs: number;
  concurrency: number;
  figures: FaultsFigure[];
}

const NO_429: FaultKind[] = ["500", "502", "503", "504", "reset", "truncate"];
const WITH_429: FaultKind[] = ["429", "500", "502", "503", "504", "reset", "truncate"];

/** A `fetch` that measures requests in flight and the pauses 429s demand. */
class MeasuredFetch {
  #active = 0;
  #since = performance.now();
  #busy = 0;
  readonly #pauses: [number, number][] = [];
  readonly started = performance.now();

  readonly fetch: typeof fetch = async (input, init) => {
    this.#change(+1);
    try {
      const response = await fetch(input, init);
      if (response.status === 429) {
        const seconds = Number(response.headers.get("retry-after") ?? 0);
        const now = performance.now();
        this.#pauses.push([now, now + seconds * 1000]);
      }
      return response;
    } finally {
      this.#change(-1);
    }
  };

  #change(by: number): void {
    const now = performance.now();
    this.#busy += this.#active * (now - this.#since);
    this.#since = now;
    this.#active += by;
  }

  /** Mean requests in flight since the start. */
  meanInFlight(): number {
    this.#change(0);
    return this.#busy / (performance.now() - this.started);
  }

  /** The union of the demanded pauses, ms. */
  pauseUnion(): number {
    const sorted = [...this.#pauses].sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [from, to] of sorted) {
      if (to <= end) continue;
      total += to - Math.max(from, end);
      end = to;
    }
    return total;
  }
}

/**
 * Runs the benchmark.
 *
 * @example A tiny run
 * ```ts
 * import { faultsBenchmark } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * const result = await faultsBenchmark({ historyRows: 300, latencyMs: 1, repeats: 1 });
 * assert.equal(result.figures.length, 3);
 * assert.ok(result.figures.every((figure) => figure.rows === result.figures[0]!.rows));
 * ```
 */
export async function faultsBenchmark(options: FaultsOptions = {}): Promise<FaultsResult> {
  const { historyRows = 20_000, latencyMs = 20, concurrency = 8, repeats = 3 } = options;
  const world = createWorld({ seed: 42, projects: 20, hugeProjectHistoryRows: historyRows });
  const huge = [...world.projects].sort((a, b) => b.history.length - a.history.length)[0]!;
  const kinds: [string, FaultKind[] | undefined][] = [
    ["clean", undefined],
    ["10 % faults, no 429", NO_429],
    ["10 % faults with 429", WITH_429],
  ];
  const figures: FaultsFigure[] = [];
  for (const [how, faultKinds] of kinds) {
    const runs: FaultsFigure[] = [];
    for (let run = 0; run < repeats; run++) {
      const faults = faultKinds === undefined
        ? { latencyMs }
        : { latencyMs, rate: 0.1, kinds: faultKinds, retryAfterSeconds: 1 };
      const emulator = await startEmulator({ port: 0, world, faults });
      try {
        const measured = new MeasuredFetch();
        const tm = createClient({
          baseUrl: emulator.url,
          concurrency,
          fetch: measured.fetch,
          progress: false,
        });
        const frame = await tm.project(huge.id).activities().frame();
        const seconds = (performance.now() - measured.started) / 1000;
        runs.push({
          how,
          rows: frame.height,
          requests: emulator.requests,
          seconds,
          meanInFlight: measured.meanInFlight(),
          pauseSeconds: measured.pauseUnion() / 1000,
        });
      } finally {
        await emulator.close();
      }
    }
    const middle = median(runs.map((run) => run.seconds));
    figures.push(runs.find((run) => run.seconds === middle)!);
  }
  return { latencyMs, concurrency, figures };
}

if (import.meta.main) {
  // deno-lint-ignore no-console
  console.log(JSON.stringify(await faultsBenchmark({ repeats: 1 }), null, 1));
}
