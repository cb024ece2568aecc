/**
 * `deno task bench`: runs the benchmarks against the built-in emulator and writes their figures
 * to `bench/RESULTS.md`, with the machine they ran on. Timings are compared as ratios within
 * one run, because our machines are shared and noisy.
 *
 * @module
 */

import { crawlBenchmark, type CrawlResult } from "./crawl.ts";
import { campaignBenchmark, type CampaignResult } from "./campaign.ts";

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

async function main(): Promise<void> {
  const crawl = await crawlBenchmark({ latencyMs: 100, concurrencies: [1, 4, 8], repeats: 3 });
  const campaign = await campaignBenchmark({ latencyMs: 100, concurrency: 4, repeats: 3 });
  const report = [
    "# Benchmark results",
    "",
    `Written by \`deno task bench\` on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machine()}.`,
    "",
    crawlSection(crawl),
    "",
    campaignSection(campaign),
    "",
  ].join("\n");
  const results = new URL("./RESULTS.md", import.meta.url);
  await Deno.writeTextFile(results, report);
  // Formatted as `deno fmt --check` wants it, so the test task stays green after a bench run.
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", results.pathname] }).output();
  // deno-lint-ignore no-console
  console.log(await Deno.readTextFile(results));
}

if (import.meta.main) await main();
