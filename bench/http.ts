/**
 * The request path at latency 0: the whole activity log of a project (about 10,000 pages of
 * 10 rows) crawled at concurrency 8 by `frame()`, against a bare `fetch` pool making the same
 * requests and `JSON.parse`-ing each body. Beside them, to show where the time goes: a pool of
 * bare `ky.get` calls (no hooks, no retry, no timeout), the same with the client's retry policy
 * and per-attempt timeout (still no hooks), a pool of the client's own HTTP layer
 * (`Http.getJson`: limiter, ky with its retry policy and hooks, body cap, JSON), and `pages()`
 * (HTTP plus pagination and decoding, without building the frame). Each round runs every way
 * once, in a rotated order; each figure is the median of the rounds' ratios to the
 * bare fetch pool of the same round, with their spread. The emulator runs in a process of its
 * own.
 *
 * @module
 */

import { createClient } from "../src/client.ts";
import { Http } from "../src/http.ts";
import { Limiter } from "../src/limiter.ts";
import { ky } from "../src/deps.ts";
import { DEFAULT_RETRY, kyRetry } from "../src/retry.ts";
import { spawnEmulator } from "./emulator_process.ts";
import process from "node:process";
import { median } from "./median.ts";

/** The goal of issue 16 for `frame()` × the bare fetch pool. */
export const HTTP_GOAL = 1.5;

/** Options of {@link httpBenchmark}. */
export interface HttpBenchOptions {
  /** History rows of the huge project (pages = rows / 10). @default 100000 */
  historyRows?: number;
  /** Requests in flight. @default 8 */
  concurrency?: number;
  /** Paired rounds. @default 5 */
  rounds?: number;
  /** The ways to time, by name. @default every way */
  ways?: HttpWay[];
}

/** A way of crawling the log. */
export type HttpWay = "fetch" | "ky" | "policy" | "http" | "pages" | "frame";

/** What the benchmark found. */
export interface HttpBenchResult {
  pages: number;
  rows: number;
  concurrency: number;
  /** Seconds of each way, one entry per round. */
  seconds: Partial<Record<HttpWay, number[]>>;
  /** CPU seconds of this process (all threads) for each way, one entry per round. */
  cpu: Partial<Record<HttpWay, number[]>>;
  /** The 1-minute load average before and after the rounds. */
  load: [number, number];
}

/** Runs `work(i)` for i = 2 … pages with `concurrency` workers. */
async function pool(
  pages: number,
  concurrency: number,
  work: (page: number) => Promise<number>,
): Promise<number> {
  let next = 2;
  let rows = 0;
  async function worker(): Promise<void> {
    while (next <= pages) {
      const got = await work(next++);
      rows += got;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return rows;
}

/** Page 1, then pages 2 … P through `get`, `concurrency` at a time; the rows seen. */
async function crawl(
  first: URL,
  concurrency: number,
  get: (url: URL) => Promise<unknown>,
): Promise<number> {
  const urlOf = (page: number) => {
    const url = new URL(first);
    url.searchParams.set("page", String(page));
    return url;
  };
  type Page = { activity: unknown[]; pagination: { pages: number } };
  const one = await get(urlOf(1)) as Page;
  const rest = await pool(
    one.pagination.pages,
    concurrency,
    async (page) => ((await get(urlOf(page))) as Page).activity.length,
  );
  return one.activity.length + rest;
}

/** The headers tmframes sends (no token). */
const HEADERS = {
  "accept": "application/json",
  "user-agent": "tmframes-bench",
  "accept-language": "",
};

/** Runs the benchmark against a fresh emulator process (latency 0). */
export async function httpBenchmark(options: HttpBenchOptions = {}): Promise<HttpBenchResult> {
  const concurrency = options.concurrency ?? 8;
  const rounds = options.rounds ?? 5;
  const ways = options.ways ?? ["fetch", "ky", "policy", "http", "pages", "frame"];
  const emulator = await spawnEmulator([
    "--now",
    "fixed",
    "--projects",
    "10",
    "--huge-project-rows",
    String(options.historyRows ?? 100_000),
  ]);
  try {
    const id = emulator.hugeProjectId;
    if (id === undefined) throw new Error("Cannot find the huge project's id");
    const client = () => createClient({ baseUrl: emulator.url, concurrency, progress: false });
    const first = client().project(id).activities().url();
    const bare = ky.create({ retry: 0, timeout: false, throwHttpErrors: false, headers: HEADERS });
    const policy = ky.create({ retry: kyRetry(DEFAULT_RETRY), timeout: 30_000, headers: HEADERS });
    const run: Record<HttpWay, () => Promise<number>> = {
      fetch: () =>
        crawl(first, concurrency, async (url) => {
          const response = await fetch(url, { headers: HEADERS });
          return JSON.parse(await response.text());
        }),
      ky: () => crawl(first, concurrency, async (url) => JSON.parse(await bare.get(url).text())),
      policy: () =>
        crawl(first, concurrency, async (url) => JSON.parse(await policy.get(url).text())),
      http: () => {
        const http = new Http({
          token: undefined,
          language: undefined,
          userAgent: "tmframes-bench",
          timeout: 30_000,
          retry: DEFAULT_RETRY,
          fetch: undefined,
          limiter: new Limiter({ concurrency }),
        });
        return crawl(first, concurrency, (url) => http.getJson(url));
      },
      pages: async () => {
        let rows = 0;
        for await (const page of client().project(id).activities().pages()) {
          rows += page.rows.length;
        }
        return rows;
      },
      frame: async () => (await client().project(id).activities().frame()).height,
    };
    // Warm up every way on a short crawl (JIT, polars' first use).
    const warm = createClient({ baseUrl: emulator.url, concurrency, progress: false });
    await warm.project(id).activities().limit(200).frame();
    for (const way of ways) {
      if (way === "fetch" || way === "ky" || way === "policy") await run[way]();
    }
    const seconds: Partial<Record<HttpWay, number[]>> = {};
    const cpu: Partial<Record<HttpWay, number[]>> = {};
    let rows = 0;
    const loadBefore = Deno.loadavg()[0]!;
    for (let round = 0; round < rounds; round++) {
      const order = ways.map((_, i) => ways[(i + round) % ways.length]!);
      for (const way of order) {
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const got = await run[way]();
        (seconds[way] ??= []).push((performance.now() - started) / 1000);
        const used = process.cpuUsage(cpuBefore);
        (cpu[way] ??= []).push((used.user + used.system) / 1e6);
        if (way === "fetch") rows = got;
        else if (rows && got !== rows && way !== "pages") {
          throw new Error(`Cannot compare: ${way} saw ${got} rows, fetch ${rows}`);
        }
      }
    }
    const pages = Math.ceil(rows / 10);
    return { pages, rows, concurrency, seconds, cpu, load: [loadBefore, Deno.loadavg()[0]!] };
  } finally {
    await emulator.close();
  }
}

/**
 * The same benchmark run on the code before ky's retry replaced the hand-written loop (commit
 * 6f1a107: a ky call with `retry: 0` and `timeout: false` per attempt, inside a retry loop, with
 * an AbortSignal.any per attempt and a chunked body read), one run of 5 rounds, load 3.6–5.5.
 */
const BEFORE = { http: 1.55, httpCpu: 2.08, frame: 2.17, frameCpu: 2.81 };

/** The `## ` section of `bench/RESULTS.md`. */
export function httpSection(r: HttpBenchResult): string {
  const base = r.seconds.fetch ?? [];
  const ratios = (way: HttpWay) => (r.seconds[way] ?? []).map((s, i) => s / base[i]!);
  const cpuBase = r.cpu.fetch ?? [];
  const cpuRatios = (way: HttpWay) => (r.cpu[way] ?? []).map((s, i) => s / cpuBase[i]!);
  const range = (values: number[]) =>
    `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  const label: Record<HttpWay, string> = {
    fetch: "bare `fetch` pool + `JSON.parse`",
    ky: "bare `ky.get` pool + `JSON.parse` (no hooks, retry 0)",
    policy: "`ky.get` with the client's retry policy and timeout (no hooks)",
    http: "the client's HTTP layer (`Http.getJson`: limiter, ky retry + hooks, body cap, JSON)",
    pages: "`pages()` (HTTP + pagination + decoding)",
    frame: "`frame()`",
  };
  const lines = [
    "## The request path at latency 0",
    "",
    `The whole activity log of a project (${r.rows} rows, ${r.pages} pages of 10) at latency 0 ` +
    `and concurrency ${r.concurrency}, emulator in a process of its own, ` +
    `${base.length} paired rounds: each round runs every way once, in a rotated order, and each ` +
    "ratio is to the bare `fetch` pool of the same round (page 1, then the rest, the same " +
    "requests and headers). Medians, with the spread of the rounds. Load average (1 min) " +
    `${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after, on 2 cores. ` +
    `Goal: \`frame()\` at most ${HTTP_GOAL}× the bare fetch pool (in wall time). The CPU ` +
    "columns are the same ratio in CPU time of the crawling process (all threads), which a " +
    "busy machine disturbs less.",
    "",
    "| way | seconds (median) | × bare fetch (median) | spread | goal | CPU s (median) | × in CPU time (median, spread) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const way of Object.keys(label) as HttpWay[]) {
    const times = r.seconds[way];
    if (!times) continue;
    const ratio = median(ratios(way));
    const goal = way === "frame"
      ? `≤ ${HTTP_GOAL} ${ratio <= HTTP_GOAL ? "(met)" : "(missed)"}`
      : "";
    lines.push(
      `| ${label[way]} | ${median(times).toFixed(2)} | ${ratio.toFixed(2)} | ` +
        `${range(ratios(way))} | ${goal} | ${median(r.cpu[way] ?? []).toFixed(2)} | ` +
        `${median(cpuRatios(way)).toFixed(2)} (${range(cpuRatios(way))}) |`,
    );
  }
  const all: HttpWay[] = ["fetch", "ky", "policy", "http", "pages", "frame"];
  if (all.every((way) => r.seconds[way])) {
    const cpu = Object.fromEntries(all.map((way) => [way, median(cpuRatios(way))]));
    const wall = Object.fromEntries(all.map((way) => [way, median(ratios(way))]));
    const step = (from: HttpWay, to: HttpWay) => (cpu[to]! - cpu[from]!).toFixed(2);
    lines.push(
      "",
      "Where the time goes, in CPU time of the crawl (the bare fetch pool = 1): ky's own " +
        "per-request work (options merged, headers, a `Request`, an abort controller) adds " +
        `${step("fetch", "ky")}; the client's retry policy (so a \`Request\` clone per attempt) ` +
        `and per-attempt timeout (a timer per attempt) add ${step("ky", "policy")}; the ` +
        "client's hooks, limiter slot per attempt, body cap and JSON in its fetch add " +
        `${step("policy", "http")}; pagination, decoding and the frame add ` +
        `${step("http", "frame")} (medians of each round's ratio, so the steps add up only ` +
        "roughly). In wall time " +
        `ky alone is ${wall["ky"]!.toFixed(2)}×, ky as the client uses it ` +
        `${wall["policy"]!.toFixed(2)}× and the HTTP layer ` +
        `${wall["http"]!.toFixed(2)}× the bare fetch pool, so at latency 0 the request path ` +
        `on ky uses ${
          wall["http"]! >= HTTP_GOAL ? "all" : "most"
        } of the ${HTTP_GOAL}× before a row is decoded. ` +
        "Before (the hand-written retry loop around a ky call per attempt, with an " +
        "`AbortSignal.any` and a timer of its own per attempt and a chunked body read; same " +
        `benchmark, one run of 5 rounds): the HTTP layer ${BEFORE.http}× (${BEFORE.httpCpu}× ` +
        `in CPU time), \`frame()\` ${BEFORE.frame}× (${BEFORE.frameCpu}× in CPU time).`,
    );
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const rows = Number(Deno.args[0] ?? 100_000);
  const rounds = Number(Deno.args[1] ?? 5);
  const ways = Deno.args[2]?.split(",") as HttpWay[] | undefined;
  const result = await httpBenchmark({ historyRows: rows, rounds, ...(ways ? { ways } : {}) });
  // deno-lint-ignore no-console
  console.log(httpSection(result));
  // deno-lint-ignore no-console
  console.log(JSON.stringify({ seconds: result.seconds, cpu: result.cpu }));
}
