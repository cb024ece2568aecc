/**
 * `deno task emulator --port 8787 --seed 42`: serves the TM emulator until interrupted,
 * printing its URL and the tokens it issued. Bad flags print usage and exit 2.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { emulatorNow, startEmulator } from "./server.ts";

const USAGE = `Usage: deno task emulator [--port N] [--hostname H] [--seed N] [--projects N]
                          [--world default|tm] [--huge-project-rows N]
                          [--campaign-projects N] [--latency MS] [--tm-version 4|5] [--now WHEN]

Serves the TM API v2 emulator on loopback until interrupted (Ctrl-C).
  --port N               port to listen on (default 8787; 0 = any free port)
  --hostname H           host to bind (default 127.0.0.1)
  --seed N               world seed (default 42)
  --projects N           number of projects (default 600; 17000 with --world tm)
  --world default|tm     tm: a world of TM's size (17,000 projects, 40 large ones of 40,000
                         to 160,000 history rows), histories simulated on first request
  --huge-project-rows N  add one project with at least N history rows
  --campaign-projects N  give campaign 1 exactly N published projects
  --latency MS           answer every request after MS milliseconds (default 0)
  --tm-version 4|5       serve TM4-era bodies with 4 (default 5)
  --now WHEN             the world's clock: its activity runs up to it (default: the real
                         clock; an ISO day or date-time, UTC without an offset, or "fixed"
                         for the tests' world near 2026-06-01); each response tells it in
                         an X-Emulator-Now header
  --help                 show this help

GET routes under /api/v2 (those after "token:" need Authorization: Token <token>; the others
are public or take an optional token; docs/endpoints.md describes the newer ones):
  projects/  projects/{id}/  projects/{id}/queries/summary/  projects/{id}/statistics/
  projects/{id}/activities/  projects/{id}/activities/latest/  projects/{id}/contributions/
  projects/{id}/contributions/queries/day/  projects/{id}/tasks/  projects/{id}/tasks/{task}/
  projects/{id}/statistics/queries/{username}/  projects/queries/{username}/touched/
  projects/{id}/queries/aoi/  projects/{id}/tasks/queries/mapped/  projects/{id}/comments/
  projects/queries/active/  levels/  organisations/  organisations/{id or slug}/
  organisations/{id}/statistics/  campaigns/  interests/  countries/  system/heartbeat/
  system/statistics/
  token: users/{username}/statistics/  tasks/statistics/  users/  users/{id}/
         users/queries/{username}/  users/{id}/tasks/  teams/  teams/{id}/`;

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new TypeError(`--${name} must be a non-negative integer, got "${text}"`);
  }
  return Number(text);
}

function tmVersion(text: string | undefined): 4 | 5 {
  if (text === undefined || text === "5") return 5;
  if (text === "4") return 4;
  throw new TypeError(`--tm-version must be 4 or 5, got "${text}"`);
}

function worldSize(text: string | undefined): "default" | "tm" {
  if (text === undefined || text === "default") return "default";
  if (text === "tm") return "tm";
  throw new TypeError(`--world must be default or tm, got "${text}"`);
}

/**
 * The clock `--now` asks for: the real clock when absent, none (the fixed world) for
 * `fixed`, else the ISO day or date-time (UTC when it has no offset).
 */
function clock(text: string | undefined): Date | undefined {
  if (text === undefined) return new Date();
  if (text === "fixed") return undefined;
  const iso = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?$/.exec(text);
  const utcText = iso && !iso[4] ? `${text}${iso[1] ? "Z" : "T00:00:00Z"}` : text;
  const date = new Date(utcText);
  if (iso === null || !Number.isFinite(date.getTime()) || date.getUTCFullYear() < 2017) {
    throw new TypeError(
      `--now must be an ISO day or date-time from 2017 on, or "fixed", got "${text}"`,
    );
  }
  return date;
}

/** Runs the CLI with `args`; returns the exit code when it does not serve. */
export async function main(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        hostname: { type: "string" },
        seed: { type: "string" },
        projects: { type: "string" },
        world: { type: "string" },
        "huge-project-rows": { type: "string" },
        "campaign-projects": { type: "string" },
        latency: { type: "string" },
        "tm-version": { type: "string" },
        now: { type: "string" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (e) {
    // deno-lint-ignore no-console
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    // deno-lint-ignore no-console
    console.log(USAGE);
    return 0;
  }
  let numbers;
  try {
    numbers = {
      port: integer("port", values.port) ?? 8787,
      seed: integer("seed", values.seed),
      projects: integer("projects", values.projects),
      huge: integer("huge-project-rows", values["huge-project-rows"]),
      campaign: integer("campaign-projects", values["campaign-projects"]),
      latency: integer("latency", values.latency),
      tmVersion: tmVersion(values["tm-version"]),
      now: clock(values.now),
      size: worldSize(values.world),
    };
  } catch (e) {
    // deno-lint-ignore no-console
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const emulator = await startEmulator({
    port: numbers.port,
    hostname: values.hostname ?? "127.0.0.1",
    ...(numbers.seed !== undefined ? { seed: numbers.seed } : {}),
    ...(numbers.projects !== undefined ? { projects: numbers.projects } : {}),
    size: numbers.size,
    ...(numbers.huge !== undefined ? { hugeProjectHistoryRows: numbers.huge } : {}),
    ...(numbers.campaign !== undefined ? { campaignProjects: numbers.campaign } : {}),
    ...(numbers.latency !== undefined ? { faults: { latencyMs: numbers.latency } } : {}),
    tmVersion: numbers.tmVersion,
    ...(numbers.now !== undefined ? { now: numbers.now } : {}),
  });
  if (emulator.world.lazy !== undefined) {
    // deno-lint-ignore no-console
    console.log(
      `  world: ${emulator.world.projects.length} projects, histories simulated on first request`,
    );
  }
  if (emulator.world.hugeProjectId !== undefined) {
    // deno-lint-ignore no-console
    console.log(`  huge project: ${emulator.world.hugeProjectId}`);
  }
  // deno-lint-ignore no-console
  console.log(`TM emulator serving ${emulator.url}`);
  // deno-lint-ignore no-console
  console.log(`  now: ${emulatorNow(emulator.world)} (the world's clock, also in X-Emulator-Now)`);
  for (const t of emulator.tokens) {
    // deno-lint-ignore no-console
    console.log(`  token for ${t.username}: Authorization: Token ${t.token}`);
  }
  const { promise, resolve } = Promise.withResolvers<void>();
  const stop = () => resolve();
  Deno.addSignalListener("SIGINT", stop);
  await promise;
  Deno.removeSignalListener("SIGINT", stop);
  await emulator.close();
  return 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
