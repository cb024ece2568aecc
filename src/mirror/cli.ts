// deno-lint-ignore-file no-console -- a command-line program: printing is its job
/**
 * `deno task mirror --dir DIR [--api URL] [--organisation NAME | --campaign NAME |
 * --projects 1,2,3] [--shard i/n] [--probe-all] [--seed N] [--world-projects N] [--world tm]`:
 * one sync of a mirror. Without `--api` it mirrors the built-in emulator, started in-process
 * (seed 42, 600 projects; with `--world tm`, the world of TM's size, 17,000 projects whose
 * histories are simulated as they are asked for), under a fixed address that names the seed
 * and the world, so a later run syncs the same mirror.
 * Without a scope flag it mirrors every PUBLISHED and ARCHIVED project. `TM_TOKEN` is sent to
 * a real TM when set.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { createClient } from "../client.ts";
import { startEmulator } from "../emulator/server.ts";
import { emulatorRoot, routedFetch } from "../report/route.ts";
import { mirror } from "./mirror.ts";
import type { MirrorScope } from "./scope.ts";
import { parseShard } from "./shard.ts";

const USAGE = "usage: deno task mirror --dir DIR [--api URL] " +
  "[--organisation NAME | --campaign NAME | --projects 1,2,3] [--shard i/n] [--probe-all] " +
  "[--seed N] [--world-projects N] [--world default|tm]";

function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot run the mirror: --${flag} takes a whole number of at least 1, not ${
        JSON.stringify(text)
      }\n${USAGE}`,
    );
  }
  return value;
}

function readScope(values: { organisation?: string; campaign?: string; projects?: string }) {
  const given = [values.organisation, values.campaign, values.projects].filter((v) => v);
  if (given.length > 1) {
    throw new RangeError(
      `Cannot run the mirror: give at most one of --organisation, --campaign, --projects\n${USAGE}`,
    );
  }
  if (values.organisation) return { organisation: values.organisation };
  if (values.campaign) return { campaign: values.campaign };
  if (values.projects) {
    return { projects: values.projects.split(",").map((id) => wholeNumber("projects", id.trim())) };
  }
  return "all" as const;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      dir: { type: "string" },
      api: { type: "string" },
      organisation: { type: "string" },
      campaign: { type: "string" },
      projects: { type: "string" },
      shard: { type: "string", default: "0/1" },
      "probe-all": { type: "boolean", default: false },
      seed: { type: "string", default: "42" },
      "world-projects": { type: "string" },
      world: { type: "string", default: "default" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (!values.dir) throw new TypeError(`Cannot run the mirror: --dir DIR is required\n${USAGE}`);
  const scope: MirrorScope = readScope(values);
  const shard = parseShard(values.shard);
  const seed = wholeNumber("seed", values.seed);
  if (values.world !== "default" && values.world !== "tm") {
    throw new RangeError(
      `Cannot run the mirror: --world takes default or tm, not ${
        JSON.stringify(values.world)
      }\n${USAGE}`,
    );
  }
  const size = values.world;
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  let tm;
  if (values.api === undefined) {
    // The emulator knows no real token: do not send one from the environment.
    Deno.env.delete("TM_TOKEN");
    const projects = values["world-projects"];
    emulator = await startEmulator({
      port: 0,
      seed,
      size,
      ...(projects !== undefined ? { projects: wholeNumber("world-projects", projects) } : {}),
    });
    // The world of TM's size has an address of its own, so one folder never mixes the two.
    const root = size === "tm"
      ? new URL(`http://localhost/tmframes-emulator/tm-seed-${seed}/api/v2/`)
      : emulatorRoot(seed);
    tm = createClient({ baseUrl: root, fetch: routedFetch(root, new URL(emulator.url)) });
  } else {
    tm = createClient({ baseUrl: values.api });
  }
  const source = values.api ??
    `the built-in emulator (seed ${seed}${size === "tm" ? ", the world of TM's size" : ""})`;
  try {
    const started = performance.now();
    const target = mirror(tm, values.dir, scope, { shard, probeAll: values["probe-all"] });
    console.log(`Syncing ${target.scope} of ${source} into ${target.dir}`);
    const report = await target.sync();
    const reasons = (reason: string) => report.fetched.filter((f) => f.reason === reason).length;
    console.log(
      `${report.listed} projects listed: ${reasons("new")} new, ${reasons("updated")} updated, ` +
        `${reasons("activity")} with new activity, ${report.probed} probed, ` +
        `${report.marked.length} marked, ${report.refused.length} refused, ` +
        `${report.failed.length} failed`,
    );
    console.log(
      report.activeHours === null
        ? "lock-only activity: not asked (first sync, or the last one more than 24 h ago)"
        : `lock-only activity: projects TM lists as active in the last ${report.activeHours} h probed`,
    );
    if (report.sweptTemps > 0) {
      console.log(`removed ${report.sweptTemps} temporary files a killed sync had left`);
    }
    for (const { projectId, mark } of report.refused) {
      console.log(`  project ${projectId}: refused by TM (${mark}), not in the mirror`);
    }
    for (const failure of report.failed) {
      console.log(`  project ${failure.projectId}: ${failure.error}`);
    }
    console.log(
      `requests: ${report.requests} (bound ${report.bound.total} = ${report.bound.text}), ` +
        `${report.bytes} bytes, TM ${report.release ?? "release unknown"}`,
    );
    console.log(
      `rows written: ${Object.entries(report.rows).map(([t, n]) => `${t} ${n}`).join(", ")}`,
    );
    console.log(`record: ${report.record}`);
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await emulator?.close();
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
