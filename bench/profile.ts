/**
 * Where the CPU time of bytes → DataFrame goes: the pipeline of `cpu.ts` (JSON.parse, the
 * compiled decoder, folding into column buffers, the Arrow IPC stream of each chunk) run over
 * the same emulator bodies in a process of its own under V8's sampling profiler
 * (`--cpu-prof`), and the functions with the most self time printed with their share. Only the
 * pipeline runs in that process: the bodies are fetched here and handed over in a file.
 *
 * Usage: deno run -A bench/profile.ts [search|activity] [--rounds N] [--top N]
 *
 * @module
 */

import { parseArgs } from "node:util";
import { benchBodies, pipeline } from "./cpu.ts";
import { ACTIVITIES_ENDPOINT } from "../src/queries/activities.ts";
import { PROJECTS_ENDPOINT } from "../src/queries/projects.ts";

/** One function of a profile and its share of the samples. */
export interface SelfTime {
  /** `name file:line`, as V8 names the function (anonymous ones by their file). */
  where: string;
  share: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The functions of a V8 `.cpuprofile` by self time, largest first, each with its share of all
 * sampled time.
 *
 * @example
 * ```ts
 * import { selfTimes } from "./profile.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = (functionName: string) => ({ functionName, url: "file:///x/a.ts", lineNumber: 0 });
 * const profile = {
 *   nodes: [{ id: 1, callFrame: frame("f") }, { id: 2, callFrame: frame("") }],
 *   samples: [1, 2, 1, 1],
 *   timeDeltas: [10, 10, 10, 10],
 * };
 * assert.deepEqual(selfTimes(profile), [
 *   { where: "f a.ts:1", share: 0.75 },
 *   { where: "(anonymous) a.ts:1", share: 0.25 },
 * ]);
 * ```
 */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const file = url.split("/").pop() ?? "";
    const where = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
    const delta = profile.timeDeltas[i] ?? 0;
    byFunction.set(where, (byFunction.get(where) ?? 0) + delta);
    total += delta;
  });
  return [...byFunction].map(([where, time]) => ({ where, share: time / total }))
    .sort((a, b) => b.share - a.share);
}

const ENDPOINTS = { search: PROJECTS_ENDPOINT, activity: ACTIVITIES_ENDPOINT } as const;
type Kind = keyof typeof ENDPOINTS;

/** In the profiled process: the pipeline over the bodies in `file`, `rounds` times. */
function runPipeline(kind: Kind, file: string, rounds: number): void {
  const texts: string[] = JSON.parse(Deno.readTextFileSync(file));
  for (let i = 0; i < rounds; i++) pipeline(ENDPOINTS[kind] as never, texts);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      rounds: { type: "string", default: "30" },
      top: { type: "string", default: "12" },
      child: { type: "string" },
    },
  });
  const kind = (positionals[0] ?? "search") as Kind;
  if (!(kind in ENDPOINTS)) {
    throw new TypeError(`Cannot profile ${kind}: it must be one of ${Object.keys(ENDPOINTS)}`);
  }
  const rounds = Number(values.rounds);
  if (values.child) return runPipeline(kind, values.child, rounds);
  const dir = await Deno.makeTempDir({ prefix: "tmframes-profile-" });
  try {
    const file = `${dir}/bodies.json`;
    await Deno.writeTextFile(file, JSON.stringify((await benchBodies())[kind]));
    const self = new URL(import.meta.url).pathname;
    const run = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--cpu-prof", `--cpu-prof-dir=${dir}`, self, kind, "--child", file],
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    if (!run.success) throw new Error("Cannot profile: the profiled process failed");
    const [profile] = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".cpuprofile"));
    const times = selfTimes(JSON.parse(await Deno.readTextFile(`${dir}/${profile!.name}`)));
    // deno-lint-ignore no-console
    console.log(
      `${kind} rows, ${rounds} runs of the pipeline (bench/cpu.ts), self time:\n` +
        times.slice(0, Number(values.top)).map(({ where, share }) =>
          `${(100 * share).toFixed(1).padStart(5)} %  ${where}`
        ).join("\n"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) await main();
