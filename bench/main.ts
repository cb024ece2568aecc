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
import { cpuBenchmark, type CpuFigure } from "./cpu.ts";
import { memoryBenchmark, type MemoryResult } from "./memory.ts";
import { campaignCacheBenchmark, type CampaignCacheResult } from "./campaign_cache.ts";
import { mirrorBenchmark, mirrorSection } from "./mirror.ts";

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

function cpuSection(figures: CpuFigure[]): string {
  const lines = [
    "## CPU from bytes to DataFrame",
    "",
    "Emulator page bodies already in memory (no network), through `JSON.parse`, the endpoint's " +
    "zod schema, folding rows into columns and building the Series (`strptime` for " +
    "timestamps), against bare `JSON.parse` of the same bytes. Medians of 3 runs. Goal: at " +
    "most 3× `JSON.parse`. The frame builder converts every 16,384 rows into polars columns as " +
    "it goes, so _fold_ includes those conversions and _Series_ only the last chunk and the " +
    "concatenation.",
    "",
    "| rows | count | MB | JSON.parse (s) | to DataFrame (s) | × JSON.parse | parse | zod | fold | Series |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const f of figures) {
    const share = (x: number) => `${(100 * x / f.pipeline).toFixed(0)} %`;
    lines.push(
      `| ${f.what} | ${f.rows} | ${f.megabytes.toFixed(1)} | ${f.jsonParse.toFixed(3)} | ` +
        `${f.pipeline.toFixed(3)} | ${(f.pipeline / f.jsonParse).toFixed(2)} | ` +
        `${share(f.stages.parse)} | ${share(f.stages.zod)} | ${share(f.stages.fold)} | ` +
        `${share(f.stages.series)} |`,
    );
  }
  return lines.join("\n");
}

function memorySection(runs: MemoryResult[]): string {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const [small, large] = runs;
  const lines = [
    "## Peak memory of a 100,000-row history",
    "",
    "The whole activity log of a project into one frame at concurrency " +
    `${large?.concurrency ?? 8}, latency 0, in a process of its own, for two sizes of log. Frame ` +
    "size = its uncompressed Arrow IPC bytes (nodejs-polars 0.25.2 has no `estimatedSize()`). " +
    "Peak RSS growth = Linux `VmHWM` (reset before the crawl) minus the resident set before it; " +
    "heap = peak V8 heap in use, sampled every 10 ms, minus the heap before. Goal: peak at most " +
    "3× the frame.",
    "",
    "| rows | pages | seconds | frame (MiB) | all pages as JSON (MiB) | peak RSS growth (MiB) | × frame | peak heap growth (MiB) | × frame |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of runs) {
    lines.push(
      `| ${r.rows} | ${r.pages} | ${r.seconds.toFixed(1)} | ${mib(r.frameBytes)} | ` +
        `${mib(r.jsonBytes)} | ${mib(r.rssGrowth)} | ${
          (r.rssGrowth / r.frameBytes).toFixed(1)
        } | ` +
        `${mib(r.heapGrowth)} | ${(r.heapGrowth / r.frameBytes).toFixed(1)} |`,
    );
  }
  if (small && large) {
    const perRow = (bytes: number) => (bytes / (large.rows - small.rows)).toFixed(0);
    lines.push(
      "",
      `From the smaller log to the larger one, the peak RSS grows by ` +
        `${perRow(large.rssGrowth - small.rssGrowth)} bytes per extra row and the frame by ` +
        `${perRow(large.frameBytes - small.frameBytes)} (the JSON, about ` +
        `${perRow(large.jsonBytes - small.jsonBytes)}). Most of the peak is a cost of any ` +
        "crawl, whatever its length: V8's heap filling with parsed pages between collections, " +
        "polars' buffers and thread pool. The per-row part is the garbage of parsed pages and " +
        "zod's copies that V8 has not yet collected, and the final concatenation of the frame's " +
        "chunks, which briefly holds it twice.",
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

/** Every section, by the name `--only` takes, in report order. */
const SECTIONS: Record<string, () => Promise<string>> = {
  crawl: async () =>
    crawlSection(await crawlBenchmark({ latencyMs: 100, concurrencies: [1, 4, 8], repeats: 3 })),
  campaign: async () =>
    campaignSection(await campaignBenchmark({ latencyMs: 100, concurrency: 4, repeats: 3 })),
  scale: async () => scaleCrawlSection(await scaleCrawlBenchmark()),
  cpu: async () => cpuSection(await cpuBenchmark()),
  memory: async () =>
    memorySection([
      await memoryBenchmark({ historyRows: 20_000 }),
      await memoryBenchmark({ historyRows: 100_000 }),
    ]),
  cache: async () => campaignCacheSection(await campaignCacheBenchmark()),
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
  const only = values.only ?? Object.keys(SECTIONS);
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
