// deno-lint-ignore-file no-console -- a command-line program: printing is its job
/**
 * `deno task demo`: tmframes end to end against the built-in emulator, with nothing to set up.
 *
 * It starts the emulator in-process, fetches every published project of one organisation and
 * of one country as typed DataFrames, and prints a table of each, with the number of requests
 * the emulator answered and the time taken.
 *
 * Flags: `--organisation NAME` (default "Humanitarian OpenStreetMap Team"), `--country NAME`
 * (default "Nepal"), `--seed N` (default 42), `--latency MS` (emulator latency, default 50).
 *
 * @module
 */

import { parseArgs } from "node:util";
import { createClient } from "./client.ts";
import { startEmulator } from "./emulator/server.ts";

const USAGE = "usage: deno task demo [--organisation NAME] [--country NAME] [--seed N] " +
  "[--latency MS]";

function readFlags(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      organisation: { type: "string", default: "Humanitarian OpenStreetMap Team" },
      country: { type: "string", default: "Nepal" },
      seed: { type: "string", default: "42" },
      latency: { type: "string", default: "50" },
    },
  });
  const seed = Number(values.seed);
  const latency = Number(values.latency);
  if (!Number.isInteger(seed) || !Number.isInteger(latency) || latency < 0) {
    throw new RangeError(`Cannot run the demo: --seed and --latency take whole numbers\n${USAGE}`);
  }
  return { organisation: values.organisation, country: values.country, seed, latency };
}

const COLUMNS = ["projectId", "name", "status", "percentMapped", "percentValidated", "lastUpdated"];

async function main(): Promise<void> {
  const flags = readFlags(Deno.args);
  const emulator = await startEmulator({
    port: 0,
    seed: flags.seed,
    faults: { latencyMs: flags.latency },
  });
  try {
    const tm = createClient({ baseUrl: emulator.url });
    const searches = [
      ["organisation", tm.projects().organisation(flags.organisation)],
      ["country", tm.projects().country(flags.country)],
    ] as const;
    Deno.env.set("POLARS_TABLE_WIDTH", "160");
    for (const [what, search] of searches) {
      const query = search.orderBy("lastUpdated", "desc");
      const before = emulator.requests;
      const started = performance.now();
      const frame = await query.frame();
      const seconds = (performance.now() - started) / 1000;
      const requests = emulator.requests - before;
      const name = what === "organisation" ? flags.organisation : flags.country;
      console.log(`\nPublished projects of ${what} "${name}"`);
      console.log(`  ${query.url().href}`);
      console.log(frame.select(...COLUMNS).head(10).toString());
      const mean = frame.height === 0 ? 0 : frame.getColumn("percentMapped").mean();
      console.log(
        `${frame.height} projects (mean ${mean.toFixed(1)}% mapped) ` +
          `in ${requests} request${requests === 1 ? "" : "s"} and ${seconds.toFixed(2)} s ` +
          `at ${flags.latency} ms emulated latency`,
      );
    }
  } finally {
    await emulator.close();
  }
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    Deno.exit(1);
  }
}
