/**
 * CPU from bytes to DataFrame: the bodies of real emulator pages (search rows and activity
 * rows), already in memory, through tmframes' own steps (`JSON.parse`, the decoder compiled
 * from the endpoint's zod schema, folding the rows into column buffers, building the Series)
 * against bare `JSON.parse` of the same bytes. No network: this is the work that remains when
 * latency is zero. Each round times bare `JSON.parse` and the pipeline, one after the other
 * (which goes first alternates), so every ratio is taken within one round of a noisy machine;
 * the figure is the median ratio. Further rounds time the same with a full GC forced before
 * each half, as earlier runs did (run with `--v8-flags=--expose-gc`, as `deno task bench`
 * does): that reads higher, as far as we can tell because V8 then drops the shapes of the
 * objects JSON.parse made and the decoders' optimized code with them.
 *
 * Usage: deno run -A --v8-flags=--expose-gc bench/cpu.ts [ROUNDS] (prints the figures of one
 * process as JSON; `deno task bench --only cpu` pools five processes)
 *
 * @module
 */

import process from "node:process";
import { startEmulator } from "../src/emulator/server.ts";
import { createClient } from "../src/client.ts";
import type { Endpoint } from "../src/endpoint.ts";
import { FrameBuilder } from "../src/frame.ts";
import { decodeBody } from "../src/decode/body.ts";
import { ACTIVITIES_ENDPOINT } from "../src/queries/activities.ts";
import { PROJECTS_ENDPOINT } from "../src/queries/projects.ts";
import { median } from "./median.ts";

/** Time per stage of the pipeline, s (medians of instrumented runs, timed apart). */
export interface CpuStages {
  parse: number;
  decode: number;
  fold: number;
  series: number;
}

/** The figures for one kind of row. */
export interface CpuFigure {
  what: string;
  rows: number;
  megabytes: number;
  /** Bare `JSON.parse` of every body, s (in the median round). */
  jsonParse: number;
  /** Bytes to DataFrame, s (in the median round). */
  pipeline: number;
  stages: CpuStages;
  /** Each round's bare `JSON.parse` and pipeline, s, sorted by their ratio. */
  rounds: { parse: number; seconds: number }[];
  /** Pipeline ÷ `JSON.parse` of each round, sorted. */
  ratios: number[];
  /** The median ratio of each benchmark process (see {@link cpuBenchmarkProcess}). */
  processMedians: number[];
  /**
   * The ratio of rounds that start each half after a forced full GC, sorted: the method of
   * earlier runs. It reads higher, as far as we can tell because V8 then drops the shapes of
   * the objects JSON.parse made, and the decoders' inline caches and optimized code with them;
   * no crawl forces a full GC before it decodes.
   */
  afterGcRatios: number[];
  /**
   * The same ratio in CPU time of the whole process (every thread, polars' included), sorted:
   * steadier than wall time on a shared machine.
   */
  cpuRatios: number[];
  /** The goal for the median ratio. */
  goal: number;
}

/** CPU time used by the process so far (user + system, every thread), s. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Every page body of a paged URL, as text. */
async function bodies(first: URL): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1;; page++) {
    const url = new URL(first);
    url.searchParams.set("page", String(page));
    const text = await (await fetch(url, { headers: { "accept-language": "" } })).text();
    out.push(text);
    if (!JSON.parse(text).pagination?.hasNext) return out;
  }
}

/** `JSON.parse`, under a name of its own so that a CPU profile shows its share (`profile.ts`). */
function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** Bytes to DataFrame, as `frame()` does it after each response: the figure that is timed. */
export function pipeline<P, Row, A>(endpoint: Endpoint<P, Row, A>, texts: string[]): number {
  const builder = new FrameBuilder(endpoint.columns);
  for (const text of texts) {
    builder.add(endpoint.rows(decodeBody(endpoint.body, parseJson(text), { url: "bench" })));
  }
  return builder.finish().height;
}

/**
 * The same, with a clock read around each stage of each page: where the time goes. Reading
 * the clock four times a page costs about 10 % of the pipeline here, so this run is not the
 * one whose time is compared.
 */
function stagesOf<P, Row, A>(endpoint: Endpoint<P, Row, A>, texts: string[]): CpuStages {
  const stages: CpuStages = { parse: 0, decode: 0, fold: 0, series: 0 };
  const builder = new FrameBuilder(endpoint.columns);
  for (const text of texts) {
    const t0 = performance.now();
    const data: unknown = JSON.parse(text);
    const t1 = performance.now();
    const page = decodeBody(endpoint.body, data, { url: "bench" });
    const t2 = performance.now();
    builder.add(endpoint.rows(page));
    const t3 = performance.now();
    stages.parse += t1 - t0;
    stages.decode += t2 - t1;
    stages.fold += t3 - t2;
  }
  const t4 = performance.now();
  builder.finish();
  stages.series = performance.now() - t4;
  for (const key of Object.keys(stages) as (keyof CpuStages)[]) stages[key] /= 1000;
  return stages;
}

/** The wall and CPU seconds `work` took, and what it returned. */
function timed<T>(work: () => T): { seconds: number; cpu: number; value: T } {
  const started = performance.now();
  const cpu = cpuSeconds();
  const value = work();
  return { seconds: (performance.now() - started) / 1000, cpu: cpuSeconds() - cpu, value };
}

/** Untimed rounds before the timed ones, in each process. */
const WARM_UP_ROUNDS = 2;

function measure<P, Row, A>(
  what: string,
  endpoint: Endpoint<P, Row, A>,
  texts: string[],
  rounds: number,
  goal: number,
): CpuFigure {
  const megabytes = texts.reduce((sum, text) => sum + text.length, 0) / 1e6;
  const runs: { parse: number; seconds: number; rows: number; cpuRatio: number }[] = [];
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  // Untimed rounds first, so that a process's few timed rounds do not include V8 compiling
  // the decoders and the row loop.
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    for (const text of texts) JSON.parse(text);
    pipeline(endpoint, texts);
  }
  const timeParse = () =>
    timed(() => {
      for (const text of texts) JSON.parse(text);
      return 0;
    });
  const timePipeline = () => timed(() => pipeline(endpoint, texts));
  for (let i = 0; i < rounds; i++) {
    // Which half goes first alternates, so that neither always meets the other's garbage.
    let parse, run;
    if (i % 2 === 0) {
      parse = timeParse();
      run = timePipeline();
    } else {
      run = timePipeline();
      parse = timeParse();
    }
    runs.push({
      parse: parse.seconds,
      seconds: run.seconds,
      rows: run.value,
      cpuRatio: run.cpu / parse.cpu,
    });
  }
  // The method of earlier runs: a full GC before each half.
  const afterGc: number[] = [];
  for (let i = 0; i < rounds; i++) {
    collect();
    const parse = timeParse();
    collect();
    afterGc.push(timePipeline().seconds / parse.seconds);
  }
  // Stage shares: the median of a few instrumented runs, each stage on its own.
  const staged = Array.from({ length: 5 }, () => stagesOf(endpoint, texts));
  const stage = (key: keyof CpuStages) => median(staged.map((run) => run[key]));
  const stages = {
    parse: stage("parse"),
    decode: stage("decode"),
    fold: stage("fold"),
    series: stage("series"),
  };
  runs.sort((a, b) => a.seconds / a.parse - b.seconds / b.parse);
  const middle = runs[Math.floor(runs.length / 2)]!;
  return {
    what,
    rows: middle.rows,
    megabytes,
    jsonParse: middle.parse,
    pipeline: middle.seconds,
    stages,
    rounds: runs.map(({ parse, seconds }) => ({ parse, seconds })),
    ratios: runs.map((run) => run.seconds / run.parse),
    processMedians: [middle.seconds / middle.parse],
    afterGcRatios: afterGc.sort((a, b) => a - b),
    cpuRatios: runs.map((run) => run.cpuRatio).sort((a, b) => a - b),
    goal,
  };
}

/**
 * One figure from the same figure measured in several processes: every round pooled (the
 * median round is the pooled one's), each process's median kept, each stage the median of the
 * processes'.
 *
 * @example
 * ```ts
 * import { type CpuFigure, poolFigures } from "./cpu.ts";
 * import assert from "node:assert/strict";
 *
 * const figure = (parse: number[], seconds: number[]): CpuFigure => ({
 *   what: "rows", rows: 10, megabytes: 1, jsonParse: 0, pipeline: 0, goal: 3,
 *   stages: { parse: 1, decode: 1, fold: 1, series: 1 },
 *   rounds: parse.map((p, i) => ({ parse: p, seconds: seconds[i]! })),
 *   ratios: parse.map((p, i) => seconds[i]! / p),
 *   processMedians: [], cpuRatios: [1], afterGcRatios: [2],
 * });
 * const pooled = poolFigures([figure([1, 1, 1], [2, 3, 4]), figure([2, 2, 2], [2, 4, 6])]);
 * assert.deepEqual(pooled.ratios, [1, 2, 2, 3, 3, 4]);
 * assert.deepEqual(pooled.processMedians, [3, 2]);
 * assert.equal(pooled.pipeline / pooled.jsonParse, 3);
 * ```
 */
export function poolFigures(figures: readonly CpuFigure[]): CpuFigure {
  const rounds = figures.flatMap((figure) => figure.rounds)
    .sort((a, b) => a.seconds / a.parse - b.seconds / b.parse);
  const middle = rounds[Math.floor(rounds.length / 2)]!;
  const stage = (key: keyof CpuStages) => median(figures.map((figure) => figure.stages[key]));
  return {
    ...figures[0]!,
    jsonParse: middle.parse,
    pipeline: middle.seconds,
    stages: {
      parse: stage("parse"),
      decode: stage("decode"),
      fold: stage("fold"),
      series: stage("series"),
    },
    rounds,
    ratios: rounds.map((round) => round.seconds / round.parse),
    processMedians: figures.map((figure) => median(figure.ratios)),
    cpuRatios: figures.flatMap((figure) => figure.cpuRatios).sort((a, b) => a - b),
    afterGcRatios: figures.flatMap((figure) => figure.afterGcRatios).sort((a, b) => a - b),
  };
}

/** The page bodies the benchmark reads: search pages and a large project's activity pages. */
export interface BenchBodies {
  search: string[];
  activity: string[];
}

/**
 * Page bodies of an emulator world, as text: `searchRows` search rows and `activityRows`
 * activity rows (the world's pages repeated until that many rows).
 */
export async function benchBodies(
  options: { searchRows?: number; activityRows?: number } = {},
): Promise<BenchBodies> {
  const emulator = await startEmulator({
    port: 0,
    projects: 1_000,
    hugeProjectHistoryRows: 20_000,
  });
  let search: string[];
  let activity: string[];
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    search = await bodies(tm.projects().status("PUBLISHED", "ARCHIVED").url());
    activity = await bodies(tm.project(emulator.world.hugeProjectId!).activities().url());
  } finally {
    await emulator.close();
  }
  const grow = (texts: string[], perPage: number, rows: number) =>
    Array.from({ length: Math.ceil(rows / perPage) }, (_, i) => texts[i % texts.length]!);
  return {
    search: grow(search, 14, options.searchRows ?? 20_000),
    activity: grow(activity, 10, options.activityRows ?? 100_000),
  };
}

/**
 * Runs the benchmark: `searchRows` search rows and `activityRows` activity rows (the pages of
 * an emulator world, repeated until that many rows), `rounds` paired rounds each.
 */
export async function cpuBenchmark(
  options: { searchRows?: number; activityRows?: number; rounds?: number } = {},
): Promise<CpuFigure[]> {
  const rounds = options.rounds ?? 21;
  const { search, activity } = await benchBodies(options);
  return [
    measure("search rows (`/projects/`)", PROJECTS_ENDPOINT, search, rounds, 3),
    measure("activity rows (`/activities/`)", ACTIVITIES_ENDPOINT, activity, rounds, 2.5),
  ];
}

/**
 * {@link cpuBenchmark} in `processes` fresh processes one after the other, `rounds` rounds
 * each, pooled ({@link poolFigures}). Each process has V8's `gc()` exposed, so that each half
 * of a round starts from a collected heap. Several processes, because on this shared machine a
 * process's speed is a state of its own: bare `JSON.parse` of the same activity bodies takes
 * about 50 ms in one process and about 100 ms in the next (sometimes changing within one), and
 * the ratio moves with it; one process samples one state.
 */
export async function cpuBenchmarkProcess(
  options: { processes?: number; rounds?: number } = {},
): Promise<CpuFigure[]> {
  const perProcess: CpuFigure[][] = [];
  for (let i = 0; i < (options.processes ?? 5); i++) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-all",
        "--v8-flags=--expose-gc",
        new URL(import.meta.url).pathname,
        String(options.rounds ?? 7),
      ],
      stdout: "piped",
      stderr: "inherit",
    }).output();
    if (!out.success) throw new Error("Cannot measure CPU: the benchmark process failed");
    perProcess.push(JSON.parse(new TextDecoder().decode(out.stdout)));
  }
  return perProcess[0]!.map((_, k) => poolFigures(perProcess.map((figures) => figures[k]!)));
}

if (import.meta.main) {
  const rounds = Deno.args[0] === undefined ? undefined : Number(Deno.args[0]);
  // deno-lint-ignore no-console
  console.log(JSON.stringify(await cpuBenchmark(rounds === undefined ? {} : { rounds })));
}
