/**
 * `deno task bench`: runs the benchmarks against the built-in emulator and writes their figures
 * to `bench/RESULTS.md`, with the machine they ran on. Timings are compared as ratios within
 * one run, because our machines are shared and noisy.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { crawlBenchmark, type CrawlResult } from "./crawl.ts";
import { campaignBenchmark, type CampaignResult } from "./campaign.ts";
import { scaleCrawlBenchmark, type ScaleCrawlResult } from "./scale_crawl.ts";
import { cpuBenchmarkProcess, type CpuFigure } from "./cpu.ts";
import { memoryBenchmark, type MemoryResult } from "./memory.ts";
import { campaignCacheBenchmark, type CampaignCacheResult } from "./campaign_cache.ts";
import { faultsBenchmark, type FaultsResult } from "./faults.ts";
import { bombsBenchmark, type BombsResult } from "./bombs.ts";
import { mirrorBenchmark, mirrorSection } from "./mirror.ts";
import { httpBenchmark, httpSection } from "./http.ts";
import { median } from "./median.ts";

function machine(): string {
  let cpu = "unknown CPU";
  try {
    const info = Deno.readTextFileSync("/proc/cpuinfo");
    cpu = /model name\s*:\s*(.+)/.exec(info)?.[1] ?? cpu;
  } catch { /* not Linux */ }
  const memory = Deno.systemMemoryInfo().total / 2 ** 30;
  return `${navigator.hardwareConcurrency} cores (${cpu}), ${memory.toFixed(0)} GiB, ` +
    `Deno ${Deno.version.deno}, V8 ${Deno.version.v8}, ${Deno.build.os}/${Deno.build.arch}`;
}

function crawlSection(result: CrawlResult): string {
  const sequential = result.figures.find((f) => f.how.startsWith("TM wiki"))?.seconds ?? NaN;
  const lines = [
    "## Crawling every search page",
    "",
    `Every page of \`/projects/\` in the default world (${result.rows} published projects, ` +
    `${result.pages} pages of 14) at ${result.latencyMs} ms emulated latency. Ideal = ` +
    "`ceil(pages / concurrency) × latency`; tmframes must fetch page 1 before it knows the " +
    `page count, so its floor is one round more (\`(1 + ceil((pages − 1) / concurrency)) × ` +
    "latency`). Medians of 3 runs.",
    "",
    "| how | seconds | rows | ideal (s) | × ideal | × floor | speed-up over the wiki loop |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const f of result.figures) {
    const floor = f.concurrency === undefined ? "" : (f.seconds /
      ((1 + Math.ceil((result.pages - 1) / f.concurrency)) * result.latencyMs / 1000))
      .toFixed(2);
    lines.push(
      `| ${f.how} | ${f.seconds.toFixed(3)} | ${f.rows} | ${f.ideal?.toFixed(3) ?? ""} | ` +
        `${f.ofIdeal?.toFixed(2) ?? ""} | ${floor} | ${(sequential / f.seconds).toFixed(1)}× |`,
    );
  }
  return lines.join("\n");
}

function campaignSection(r: CampaignResult): string {
  return [
    "## A campaign's contributions by day, in one frame",
    "",
    '`tm.projects().campaign("Emulator Campaign").contributionsByDay().frame()` at ' +
    `${r.latencyMs} ms emulated latency and concurrency ${r.concurrency}: the search ` +
    `(${r.searchPages} pages) and one request per project (${r.projects}), ${r.requests} ` +
    "requests in all through the client's one limiter. Ideal = the search's rounds " +
    "(`1 + ceil((pages − 1) / c)`) plus `ceil(projects / c)` rounds, × latency; project " +
    "requests start as search pages arrive, so a run can beat it. Median of 3 runs.",
    "",
    "| requests | rows | seconds | ideal (s) | × ideal |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${r.requests} | ${r.rows} | ${r.seconds.toFixed(3)} | ${r.ideal.toFixed(3)} | ` +
    `${(r.seconds / r.ideal).toFixed(2)} |`,
  ].join("\n");
}

function scaleCrawlSection(r: ScaleCrawlResult): string {
  const wiki = r.figures.find((f) => f.how.startsWith("TM wiki"))?.seconds ?? NaN;
  const lines = [
    "## Crawling a 2,000-page activity log",
    "",
    `The whole activity log of a project (${r.wholePages} pages of 10 rows) at ${r.latencyMs} ms ` +
    "emulated latency, and its first " +
    `${r.subsetPages} pages, which every way crawls (the sequential ways would take ` +
    `${(r.wholePages * r.latencyMs / 1000).toFixed(0)} s on the whole log). Ideal = ` +
    "`ceil(pages / concurrency) × latency`; page 1 must arrive before tmframes knows the page " +
    "count. One run each. Goal: within 1.15× of ideal at concurrency 4 and 8.",
    "",
    "| crawl | how | pages | rows | seconds | ideal (s) | × ideal | speed-up over the wiki loop |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const f of r.figures) {
    const speedUp = f.crawl === "subset" ? `${(wiki / f.seconds).toFixed(1)}×` : "";
    lines.push(
      `| ${f.crawl === "whole" ? "whole log" : "first pages"} | ${f.how} | ${f.pages} | ` +
        `${f.rows} | ${f.seconds.toFixed(3)} | ${f.ideal.toFixed(3)} | ` +
        `${(f.seconds / f.ideal).toFixed(2)} | ${speedUp} |`,
    );
  }
  return lines.join("\n");
}

function spread(values: number[], digits = 2): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(digits)}–${sorted[sorted.length - 1]!.toFixed(digits)}`;
}

function cpuSection(figures: CpuFigure[]): string {
  const lines = [
    "## CPU from bytes to DataFrame",
    "",
    "Emulator page bodies already in memory (no network), through `JSON.parse`, the decoder " +
    "compiled from the endpoint's zod schema, folding rows into column buffers and building the " +
    "polars columns (one Arrow IPC stream per chunk), against bare `JSON.parse` of the same " +
    "bytes. Each round times both, one after the other (which goes first alternates); the " +
    `figure is the median of ${figures[0]?.ratios.length ?? 0} rounds' ratios, ` +
    `pooled from ${figures[0]?.processMedians.length ?? 0} fresh processes run one after the ` +
    "other (each process's own median beside it: on this shared machine bare `JSON.parse` of " +
    "the same bytes takes about 50 ms in one process and about 100 ms in the next, and the " +
    "ratio moves with it), with the spread of the rounds. Each process first runs 2 untimed " +
    "rounds (V8 compiles the decoders). Earlier runs forced a full GC (`--expose-gc`) before " +
    "each half; the same rounds timed that way are in their own column. They read higher, as " +
    "far as we can tell because after a full GC with no parsed row alive V8 has dropped the " +
    "shapes (hidden classes) of the rows JSON.parse made, and with them the decoders' inline " +
    "caches and optimized code (a profile shows the decoders 3 to 9 times slower right after " +
    "it; keeping one parsed body alive across the GC recovers most of the difference). No " +
    "crawl forces a full GC before it " +
    "decodes; the goal is judged on the first figure. The CPU-time column is the same " +
    "ratio in CPU time of the whole process (all threads): it is higher than the wall-time " +
    "ratio, since polars' own threads work beside the main one while bare `JSON.parse` uses " +
    "one. The stage shares come " +
    "from 5 further runs that read the clock around each stage of each page (the timed rounds " +
    "do not: the clock costs about 10 %); each stage's median. The frame builder converts " +
    "every 65,536 rows into polars columns as it goes, so _fold_ includes those conversions and " +
    "_columns_ only the last chunk.",
    "",
    "| rows | count | MB | JSON.parse (s) | to DataFrame (s) | × JSON.parse (median) | spread | each process's median | goal | after a forced full GC (median, spread) | × in CPU time (median, spread) | parse | decode | fold | columns |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const f of figures) {
    const staged = f.stages.parse + f.stages.decode + f.stages.fold + f.stages.series;
    const share = (x: number) => `${(100 * x / staged).toFixed(0)} %`;
    const ratio = f.pipeline / f.jsonParse;
    lines.push(
      `| ${f.what} | ${f.rows} | ${f.megabytes.toFixed(1)} | ${f.jsonParse.toFixed(3)} | ` +
        `${f.pipeline.toFixed(3)} | ${ratio.toFixed(2)} | ${spread(f.ratios)} | ` +
        `${f.processMedians.map((m) => m.toFixed(2)).join(", ")} | ` +
        `≤ ${f.goal} ${ratio <= f.goal ? "(met)" : "(missed)"} | ` +
        `${median(f.afterGcRatios).toFixed(2)} (${spread(f.afterGcRatios)}) | ` +
        `${median(f.cpuRatios).toFixed(2)} (${spread(f.cpuRatios)}) | ${share(f.stages.parse)} | ` +
        `${share(f.stages.decode)} | ${share(f.stages.fold)} | ${share(f.stages.series)} |`,
    );
  }
  return lines.join("\n");
}

/** The memory goal of issue 16: peak RSS growth at most 64 MiB plus twice the frame. */
function memoryGoal(frameBytes: number): number {
  return 64 * 2 ** 20 + 2 * frameBytes;
}

function memorySection(runs: MemoryResult[]): string {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const range = (values: number[]) => `${mib(Math.min(...values))}–${mib(Math.max(...values))}`;
  const lines = [
    "## Peak memory of a 100,000-row and a 1,000,000-row history",
    "",
    "The whole activity log of a project into one frame at concurrency " +
    `${runs[0]?.concurrency ?? 8}, latency 0, in a process of its own, ` +
    `${runs[0]?.rssGrowth.length ?? 0} rounds per size (a fresh process each). Frame size = its ` +
    "uncompressed Arrow IPC bytes (nodejs-polars 0.25.2 has no `estimatedSize()`). Peak RSS " +
    "growth = Linux `VmHWM` (reset before the crawl) minus the resident set before it; heap = " +
    "peak V8 heap in use, sampled every 10 ms, minus the heap before; young = the size of V8's " +
    "young generation at that peak. Medians, with the spread " +
    "of the rounds. Goal: peak RSS growth at most 64 MiB + 2 × the frame.",
    "",
    "| rows | pages | seconds | frame (MiB) | all pages as JSON (MiB) | peak RSS growth (MiB) | spread | goal (MiB) | × frame | peak heap growth (MiB) | young (MiB) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of runs) {
    const rss = median(r.rssGrowth);
    const goal = memoryGoal(r.frameBytes);
    lines.push(
      `| ${r.rows} | ${r.pages} | ${median(r.seconds).toFixed(1)} | ${mib(r.frameBytes)} | ` +
        `${mib(r.jsonBytes)} | ${mib(rss)} | ${range(r.rssGrowth)} | ≤ ${mib(goal)} ${
          rss <= goal ? "(met)" : "(missed)"
        } | ` +
        `${(rss / r.frameBytes).toFixed(1)} | ${mib(median(r.heapGrowth))} | ` +
        `${mib(median(r.youngAtPeak))} |`,
    );
  }
  lines.push(
    "",
    "Where it goes: the same crawl without a frame (`pages()`, rows dropped); bare " +
      "`fetch` + `JSON.parse` of every page at the same concurrency with nothing kept (the " +
      "floor for any client on this runtime); the same through bare `ky.get` (no hooks, no " +
      "retry, no timeout: the floor for any client on ky), and with an AbortSignal (ky joins " +
      "it to its own for every request; every crawl passes one, to stop its requests), and " +
      "that with the client's retry policy and per-attempt timeout (ky as the client " +
      "configures it, which clones the `Request` and sets a timer per attempt; still no " +
      `hooks); ${runs[0]?.pagesRssGrowth.length ?? 0} rounds each; peak RSS growth, median ` +
      "(spread).",
    "",
    "| rows | bare fetch (MiB) | bare ky (MiB) | bare ky + signal (MiB) | ky as configured + signal (MiB) | crawl, no frame (MiB) | frame (MiB) | frame − crawl (MiB) | frame size (MiB) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  const spread = (values: number[]) => `${mib(median(values))} (${range(values)})`;
  for (const r of runs) {
    const frame = median(r.rssGrowth);
    const crawl = median(r.pagesRssGrowth);
    lines.push(
      `| ${r.rows} | ${spread(r.fetchRssGrowth)} | ${spread(r.kyRssGrowth)} | ` +
        `${spread(r.kySignalRssGrowth)} | ${spread(r.kyPolicyRssGrowth)} | ` +
        `${spread(r.pagesRssGrowth)} | ${mib(frame)} | ` +
        `${mib(frame - crawl)} | ${mib(r.frameBytes)} |`,
    );
  }
  return lines.join("\n");
}

function campaignCacheSection(r: CampaignCacheResult): string {
  return [
    "## A 200-project campaign, then the same from the cache",
    "",
    '`tm.projects().campaign("Emulator Campaign").contributionsByDay().frame()` over a ' +
    `campaign of 200 projects (an anonymous search finds the public ones; ${r.projects} have ` +
    `days with activity) at ${r.latencyMs} ms latency and concurrency ${r.concurrency}, with ` +
    '`cache: { dir, mode: "use" }`: first against an empty cache folder, then again. ' +
    `The frames are ${r.equal ? "equal" : "NOT equal"}.`,
    "",
    "| run | requests sent | rows | seconds | × first run |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| first | ${r.firstRequests} | ${r.rows} | ${r.firstSeconds.toFixed(3)} | 1.00 |`,
    `| cached rerun | ${r.cachedRequests} | ${r.rows} | ${r.cachedSeconds.toFixed(3)} | ` +
    `${(r.cachedSeconds / r.firstSeconds).toFixed(2)} |`,
  ].join("\n");
}

/** Before the read-ahead window was widened (commit 7e04166, lookahead 32), one run. */
const FAULTS_BEFORE = { clean: 10.5, noRetryAfter: 38.3, withRetryAfter: 54.4, pauses: 28.1 };

function faultsSection(r: FaultsResult): string {
  const clean = r.figures[0]!;
  const lines = [
    "## Throughput under faults",
    "",
    `The whole activity log of a project (${clean.rows} rows, ${clean.requests} pages) at ` +
    `${r.latencyMs} ms emulated latency and concurrency ${r.concurrency}, clean, through 10 % ` +
    "faults without 429s (5xx, resets, truncated bodies) and through 10 % faults with 429s " +
    "(`Retry-After: 1`, which pauses the whole client by design); default retry policy, " +
    "emulator in the same process. In flight = requests in flight averaged over the run; " +
    "pauses = the union of the pauses the server demanded. Goals: without 429s at most 1.3× " +
    "clean; with 429s at most clean + pauses + 10 %. Median of 3 runs.",
    "",
    "| run | requests | seconds | in flight | pauses (s) | × clean | goal (s) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const f of r.figures) {
    const goal = f.how === "clean"
      ? ""
      : f.pauseSeconds > 0
      ? ((clean.seconds + f.pauseSeconds) * 1.1).toFixed(1)
      : (clean.seconds * 1.3).toFixed(1);
    lines.push(
      `| ${f.how} | ${f.requests} | ${f.seconds.toFixed(1)} | ${f.meanInFlight.toFixed(2)} | ` +
        `${f.pauseSeconds.toFixed(1)} | ${(f.seconds / clean.seconds).toFixed(2)} | ${goal} |`,
    );
  }
  const b = FAULTS_BEFORE;
  lines.push(
    "",
    "Where the time went before: a request in backoff already held no limiter slot, but pages " +
      "are yielded in order, and the reader waits for a page in backoff (0.25 to 1.5 s) while " +
      "the pages behind it arrive only 32 pages ahead, about 80 ms of work at this rate; then " +
      "every slot sat idle. Before (commit 7e04166, lookahead 32, one run): clean " +
      `${b.clean} s, without 429s ${b.noRetryAfter} s (${(b.noRetryAfter / b.clean).toFixed(2)}× ` +
      `clean), with 429s ${b.withRetryAfter} s against clean + ${b.pauses} s of demanded pauses. ` +
      "The read-ahead window is now 512 pages (a few MiB of parsed pages at most), which covers " +
      "a backoff at this rate; the 429 pauses remain, by design.",
  );
  return lines.join("\n");
}

function bombsSection(r: BombsResult): string {
  const lines = [
    "## Peak memory of a fan-out of gzip bombs",
    "",
    `${r.requests} requests at concurrency ${r.concurrency}, each answered with a gzip body ` +
    `(about a thousandth of its size on the wire) that inflates to ${r.bombMiB} MiB, against ` +
    "`maxBodyBytes` caps; each request stops with a `NetworkError` at its cap. Peak RSS growth = " +
    "Linux `VmHWM` (reset before) minus the resident set before, in a process of its own. Goal: " +
    "at most concurrency × cap + a fixed overhead.",
    "",
    "| cap (MiB) | too large | peak RSS growth (MiB) | concurrency × cap (MiB) | seconds |",
    "| ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const f of r.figures) {
    lines.push(
      `| ${f.capMiB} | ${f.tooLarge}/${r.requests} | ${f.growthMiB.toFixed(0)} | ` +
        `${r.concurrency * f.capMiB} | ${f.seconds.toFixed(1)} |`,
    );
  }
  lines.push(
    "",
    "Before: decoded chunks were kept as they came, and each is a small view into a much " +
      "larger buffer, so a body stopped at 64 MiB held about 650 MiB (one 512 MiB bomb: " +
      "peak RSS 736 MiB, against 219 MiB now). Now every chunk is copied into one buffer that " +
      "never grows past the cap.",
  );
  return lines.join("\n");
}

/** The 1-minute load average. */
function loadAverage(): string {
  return Deno.loadavg()[0]!.toFixed(2);
}

/**
 * A section with the machine's load average before and after it: the machine is shared, and
 * its load is what makes the spreads wide.
 */
async function withLoad(section: () => Promise<string>): Promise<string> {
  const before = loadAverage();
  const text = await section();
  return `${text}\n\nLoad average (1 min) before and after this section: ${before}, ${loadAverage()}.`;
}

/** Every section, by the name `--only` takes, in report order. */
const SECTIONS: Record<string, () => Promise<string>> = {
  crawl: async () =>
    crawlSection(await crawlBenchmark({ latencyMs: 100, concurrencies: [1, 4, 8], repeats: 3 })),
  campaign: async () =>
    campaignSection(await campaignBenchmark({ latencyMs: 100, concurrency: 4, repeats: 3 })),
  scale: async () => scaleCrawlSection(await scaleCrawlBenchmark()),
  cpu: () => withLoad(async () => cpuSection(await cpuBenchmarkProcess())),
  http: () => withLoad(async () => httpSection(await httpBenchmark({ rounds: 5 }))),
  memory: () =>
    withLoad(async () =>
      memorySection([
        await memoryBenchmark({ historyRows: 100_000 }),
        await memoryBenchmark({ historyRows: 1_000_000 }),
      ])
    ),
  cache: async () => campaignCacheSection(await campaignCacheBenchmark()),
  faults: async () => faultsSection(await faultsBenchmark()),
  bombs: async () => bombsSection(await bombsBenchmark()),
  mirror: async () => mirrorSection(await mirrorBenchmark()),
};

/** The sections of an existing RESULTS.md, by the marker before each. */
function readSections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const parts = text.split(/^<!-- bench:(\w+) -->\n/m);
  for (let i = 1; i + 1 < parts.length; i += 2) found.set(parts[i]!, parts[i + 1]!.trim());
  return found;
}

async function main(args: string[]): Promise<void> {
  // `deno task bench -- --only cpu` passes the `--` through.
  const { values } = parseArgs({
    args: args.filter((arg) => arg !== "--"),
    options: { only: { type: "string", multiple: true } },
  });
  // `--only cpu,memory` and `--only cpu --only memory` both name two sections.
  const only = values.only?.flatMap((value) => value.split(",")) ?? Object.keys(SECTIONS);
  for (const name of only) {
    if (!(name in SECTIONS)) {
      throw new RangeError(
        `Cannot run section ${name}: it must be one of ${Object.keys(SECTIONS).join(", ")}`,
      );
    }
  }
  const results = new URL("./RESULTS.md", import.meta.url);
  // With --only, the other sections keep their figures from the last full run.
  const sections = values.only
    ? readSections(await Deno.readTextFile(results).catch(() => ""))
    : new Map<string, string>();
  for (const name of only) sections.set(name, await SECTIONS[name]!());
  const report = [
    "# Benchmark results",
    "",
    `Written by \`deno task bench\` on ${new Date().toISOString().slice(0, 10)}` +
    `${values.only ? ` (sections ${only.join(", ")}; the others from an earlier run)` : ""}.`,
    `Machine: ${machine()}.`,
    "",
    ...Object.keys(SECTIONS).filter((name) => sections.has(name)).flatMap((name) => [
      `<!-- bench:${name} -->`,
      sections.get(name)!,
      "",
    ]),
  ].join("\n");
  await Deno.writeTextFile(results, report);
  // Formatted as `deno fmt --check` wants it, so the test task stays green after a bench run.
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", results.pathname] }).output();
  // deno-lint-ignore no-console
  console.log(await Deno.readTextFile(results));
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    if (!(error instanceof RangeError) && !(error instanceof TypeError)) throw error;
    // deno-lint-ignore no-console
    console.error(error.message);
    Deno.exit(2);
  }
}
