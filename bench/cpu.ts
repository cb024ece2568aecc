/**
 * CPU from bytes to DataFrame: the bodies of real emulator pages (search rows and activity
 * rows), already in memory, through tmframes' own steps (`JSON.parse`, the endpoint's zod
 * schema, folding the rows into columns, building the Series) against bare `JSON.parse` of the
 * same bytes. No network: this is the work that remains when latency is zero.
 *
 * @module
 */

import { startEmulator } from "../src/emulator/server.ts";
import { createClient } from "../src/client.ts";
import { type Endpoint } from "../src/query.ts";
import { FrameBuilder } from "../src/frame.ts";
import { decodeBody } from "../src/decode/body.ts";
import { ACTIVITIES_ENDPOINT } from "../src/queries/activities.ts";
import { PROJECTS_ENDPOINT } from "../src/queries/projects.ts";

/** Time per stage of the pipeline, s (from the median run). */
export interface CpuStages {
  parse: number;
  zod: number;
  fold: number;
  series: number;
}

/** The figures for one kind of row. */
export interface CpuFigure {
  what: string;
  rows: number;
  megabytes: number;
  /** Bare `JSON.parse` of every body, s (median). */
  jsonParse: number;
  /** Bytes to DataFrame, s (median). */
  pipeline: number;
  stages: CpuStages;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
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

function pipeline<P, Row>(endpoint: Endpoint<P, Row>, texts: string[]): [CpuStages, number] {
  const stages: CpuStages = { parse: 0, zod: 0, fold: 0, series: 0 };
  const builder = new FrameBuilder(endpoint.columns);
  for (const text of texts) {
    const t0 = performance.now();
    const data: unknown = JSON.parse(text);
    const t1 = performance.now();
    const page = decodeBody(endpoint.page, data, { url: "bench" });
    const t2 = performance.now();
    builder.add(endpoint.rows(page));
    const t3 = performance.now();
    stages.parse += t1 - t0;
    stages.zod += t2 - t1;
    stages.fold += t3 - t2;
  }
  const t4 = performance.now();
  const frame = builder.finish();
  stages.series = performance.now() - t4;
  for (const key of Object.keys(stages) as (keyof CpuStages)[]) stages[key] /= 1000;
  return [stages, frame.height];
}

function measure<P, Row>(
  what: string,
  endpoint: Endpoint<P, Row>,
  texts: string[],
  repeats: number,
): CpuFigure {
  const megabytes = texts.reduce((sum, text) => sum + text.length, 0) / 1e6;
  const parses: number[] = [];
  const runs: [CpuStages, number, number][] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    for (const text of texts) JSON.parse(text);
    parses.push((performance.now() - started) / 1000);
    const begun = performance.now();
    const [stages, rows] = pipeline(endpoint, texts);
    runs.push([stages, rows, (performance.now() - begun) / 1000]);
  }
  runs.sort((a, b) => a[2] - b[2]);
  const [stages, rows, seconds] = runs[Math.floor(runs.length / 2)]!;
  return { what, rows, megabytes, jsonParse: median(parses), pipeline: seconds, stages };
}

/**
 * Runs the benchmark: `searchRows` search rows and `activityRows` activity rows (the pages of
 * an emulator world, repeated until that many rows), `repeats` runs, medians.
 */
export async function cpuBenchmark(
  options: { searchRows?: number; activityRows?: number; repeats?: number } = {},
): Promise<CpuFigure[]> {
  const repeats = options.repeats ?? 3;
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
  return [
    measure(
      "search rows (`/projects/`)",
      PROJECTS_ENDPOINT,
      grow(search, 14, options.searchRows ?? 20_000),
      repeats,
    ),
    measure(
      "activity rows (`/activities/`)",
      ACTIVITIES_ENDPOINT,
      grow(activity, 10, options.activityRows ?? 100_000),
      repeats,
    ),
  ];
}
