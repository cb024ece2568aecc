// deno-lint-ignore-file no-console -- a command-line program: printing is its job
/**
 * `deno task demo`: the report of one organisation's projects, end to end, with nothing to set
 * up. It starts the built-in emulator in-process (unless `--api URL` names a real TM), builds
 * the report (see `report/build.ts`) and prints each step, then the report's path and a
 * one-line summary.
 *
 * Flags: `--organisation NAME` (default: the emulator's organisation with most published
 * projects; with `--api`, "Humanitarian OpenStreetMap Team"), `--api URL`, `--seed N` (42),
 * `--out DIR` (`out`), `--cache DIR` (`<out>/cache`), `--offline`, `--limit N` (100),
 * `--activity-projects N` (5), `--activity-rows N` (1000), `--latency MS` (emulator
 * latency, 0).
 *
 * @module
 */

import { parseArgs } from "node:util";
import { OfflineCacheMiss } from "./errors.ts";
import { startEmulator } from "./emulator/server.ts";
import { buildReport, type ReportOptions } from "./report/build.ts";
import { DEFAULT_ORGANISATION } from "./report/collect.ts";
import { emulatorRoot, routedFetch } from "./report/route.ts";

const USAGE = "usage: deno task demo [--organisation NAME] [--api URL] [--seed N] [--out DIR] " +
  "[--cache DIR] [--offline] [--limit N] [--activity-projects N] [--activity-rows N] " +
  "[--latency MS]";

function wholeNumber(flag: string, text: string, least?: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || (least !== undefined && value < least)) {
    const what = least === undefined ? "an integer" : `a whole number of at least ${least}`;
    throw new RangeError(
      `Cannot run the demo: --${flag} takes ${what}, not ${JSON.stringify(text)}\n${USAGE}`,
    );
  }
  return value;
}

function readFlags(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      organisation: { type: "string" },
      api: { type: "string" },
      seed: { type: "string", default: "42" },
      out: { type: "string", default: "out" },
      cache: { type: "string" },
      offline: { type: "boolean", default: false },
      limit: { type: "string", default: "100" },
      "activity-projects": { type: "string", default: "5" },
      "activity-rows": { type: "string", default: "1000" },
      latency: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
    },
  });
  return {
    help: values.help,
    organisation: values.organisation,
    api: values.api,
    seed: wholeNumber("seed", values.seed),
    out: values.out,
    cache: values.cache ?? `${values.out}/cache`,
    offline: values.offline,
    limit: wholeNumber("limit", values.limit, 1),
    activityProjects: wholeNumber("activity-projects", values["activity-projects"], 1),
    activityRows: wholeNumber("activity-rows", values["activity-rows"], 1),
    latency: wholeNumber("latency", values.latency, 0),
  };
}

async function main(): Promise<void> {
  const flags = readFlags(Deno.args);
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const options: ReportOptions = {
    baseUrl: flags.api ?? emulatorRoot(flags.seed),
    organisation: flags.organisation ??
      (flags.api === undefined ? undefined : DEFAULT_ORGANISATION),
    limit: flags.limit,
    activityProjects: flags.activityProjects,
    activityRows: flags.activityRows,
    out: flags.out,
    cache: flags.cache,
    offline: flags.offline,
    source: flags.api === undefined
      ? `the built-in emulator (seed ${flags.seed})`
      : `the Tasking Manager at ${flags.api}`,
    onStep: (step) => console.log(`  ${step}`),
  };
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  if (flags.api === undefined) {
    // The emulator knows no real token: do not send one from the environment.
    Deno.env.delete("TM_TOKEN");
    if (!flags.offline) {
      emulator = await startEmulator({
        port: 0,
        seed: flags.seed,
        faults: { latencyMs: flags.latency },
      });
      options.fetch = routedFetch(emulatorRoot(flags.seed), new URL(emulator.url));
    }
  }
  const where = flags.offline ? `the cache in ${flags.cache} (offline)` : options.source;
  console.log(`Building the report from ${where}`);
  try {
    const summary = await buildReport(options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n${summary.report}`);
    console.log(
      `${summary.organisation}: ${summary.projects} projects, ${summary.rows} rows in ` +
        `${summary.snapshots.length} frames, ${summary.answers} answers ` +
        `(${summary.sent} requests sent, the rest from the cache), ${seconds} s`,
    );
  } finally {
    await emulator?.close();
  }
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof OfflineCacheMiss) {
      console.error(
        "Run the demo once without --offline (same --seed or --api, --organisation, --limit, " +
          "--activity-projects and --activity-rows) to fill the cache.",
      );
    }
    Deno.exit(1);
  }
}
