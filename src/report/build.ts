/**
 * `buildReport(options)`: the report that `deno task demo` writes, for one organisation.
 *
 * It is always rendered from the response cache. A first pass fetches every frame through a
 * client in cache mode `"use"` (fresh entries are reused, the rest fetched and stored); a
 * second pass builds the same frames again through a client in mode `"offline"`, so every
 * answer in the report is a cache entry, with the time it was fetched from the API and
 * `fromCache: true`. With `offline: true` only the second pass runs. Either way, the same cache
 * gives the same files, byte for byte, except the page's one `Generated at` line.
 *
 * @module
 */

import { writeAtomically } from "../atomic_write.ts";
import { type Client, createClient } from "../client.ts";
import type { ProgressMode } from "../progress.ts";
import { writeSnapshot } from "../snapshot.ts";
import { type CollectOptions, collectReport, type ReportData } from "./collect.ts";
import { htmlPage } from "./html.ts";
import { reportProvenance, stableProvenance } from "./requests.ts";
import type { SnapshotEntry } from "./appendix.ts";
import { reportSections } from "./sections.ts";

/** Options of {@link buildReport}. */
export interface ReportOptions extends CollectOptions {
  /** The API root, e.g. the live TM's, or `emulatorRoot(seed)` with a routing `fetch`. */
  baseUrl: string | URL;
  /** The `fetch` the client uses. @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** A TM token; it never reaches an output file. @default env `TM_TOKEN`, else none */
  token?: string | undefined;
  /** Where the answers come from, in words, for the report. @default the API root */
  source?: string | undefined;
  /** The output folder. @default "out" */
  out?: string | undefined;
  /** The cache folder. @default `<out>/cache` */
  cache?: string | undefined;
  /** Only rebuild from the cache (mode "offline"): nothing is sent. @default false */
  offline?: boolean | undefined;
  /** How long cache entries stay fresh for the first pass, in ms. @default 24 hours */
  ttl?: number | undefined;
  /** Progress of the fetching pass (see `createClient`). @default "auto" */
  progress?: ProgressMode | undefined;
  /** The time written in the `Generated at` line. @default now */
  generatedAt?: Date | undefined;
}

/** What {@link buildReport} wrote and fetched. */
export interface ReportSummary {
  /** The HTML report's path. */
  readonly report: string;
  /** The report's provenance file. */
  readonly provenance: string;
  /** The Parquet snapshots, one per frame. */
  readonly snapshots: readonly string[];
  /** The organisation reported on. */
  readonly organisation: string;
  /** Its projects in the report. */
  readonly projects: number;
  /** Rows over every frame. */
  readonly rows: number;
  /** Answers the report is built from (all read from the cache). */
  readonly answers: number;
  /** Requests sent to the API in this run, retries included (0 offline, or when the cache was fresh). */
  readonly sent: number;
}

function clientFor(
  options: ReportOptions,
  mode: "use" | "offline",
  progress: ProgressMode,
  fetch: typeof globalThis.fetch | undefined,
): Client {
  const { baseUrl, token, ttl } = options;
  const dir = options.cache ?? `${options.out ?? "out"}/cache`;
  return createClient({
    baseUrl,
    ...(fetch === undefined ? {} : { fetch }),
    ...(token === undefined ? {} : { token }),
    progress,
    cache: { dir, mode, ...(ttl === undefined ? {} : { ttl }) },
  });
}

/** A `fetch` through `base` that counts its calls in `count.sent`. */
function countingFetch(base: typeof fetch | undefined, count: { sent: number }): typeof fetch {
  const send = base ?? globalThis.fetch;
  return function counting(input: URL | Request | string, init?: RequestInit) {
    count.sent++;
    return send(input, init);
  };
}

async function writeFrames(data: ReportData, out: string): Promise<SnapshotEntry[]> {
  const dir = `${out}/snapshots`;
  await Deno.remove(dir, { recursive: true }).catch((error: unknown) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
  const entries: SnapshotEntry[] = [];
  for (const { name, title, frame, recorder } of data.frames) {
    await writeSnapshot(frame, dir, name, { provenance: stableProvenance(recorder.toJSON()) });
    entries.push({
      name,
      title,
      file: `snapshots/${name}.parquet`,
      rows: frame.height,
      columns: frame.width,
    });
  }
  return entries;
}

/**
 * Builds the report: fetches (unless `offline`), rebuilds every frame from the cache, and
 * writes `<out>/report.html` (self-contained: inline SVG charts, escaped tables, provenance),
 * `<out>/provenance.json` and `<out>/snapshots/<frame>.parquet` with
 * `<frame>.provenance.json` beside each (the folder is replaced). `onStep` is told each step.
 *
 * @example A report of the emulator's organisation with most published projects
 * ```ts
 * import { startEmulator } from "../../emulator.ts";
 * import { buildReport } from "./build.ts";
 * import { emulatorRoot, routedFetch } from "./route.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 60, seed: 7 });
 * const out = await Deno.makeTempDir();
 * try {
 *   const summary = await buildReport({
 *     baseUrl: emulatorRoot(7),
 *     fetch: routedFetch(emulatorRoot(7), new URL(emulator.url)),
 *     out,
 *     progress: false,
 *   });
 *   assert.ok(summary.sent > 0 && summary.answers > 0);
 *   assert.match(await Deno.readTextFile(summary.report), /<h2>Provenance<\/h2>/);
 * } finally {
 *   await emulator.close();
 *   await Deno.remove(out, { recursive: true });
 * }
 * ```
 */
export async function buildReport(options: ReportOptions): Promise<ReportSummary> {
  const out = (options.out ?? "out").replace(/(.)[\\/]+$/, "$1");
  const { onStep } = options;
  const collect: CollectOptions = {
    organisation: options.organisation,
    limit: options.limit,
    activityProjects: options.activityProjects,
    activityRows: options.activityRows,
  };
  const progress = options.progress ?? "auto";
  const count = { sent: 0 };
  if (!options.offline) {
    const tm = clientFor(options, "use", progress, countingFetch(options.fetch, count));
    await collectReport(tm, { ...collect, onStep: (step) => onStep?.(`Fetch: ${step}`) });
  }
  onStep?.("Rebuilding every frame from the cache");
  const tm = clientFor(options, "offline", options.offline ? progress : false, options.fetch);
  const data = await collectReport(tm, {
    ...collect,
    onStep: options.offline ? (step) => onStep?.(`Read: ${step}`) : undefined,
  });
  const snapshots = await writeFrames(data, out);
  const { provenance, requests } = reportProvenance(data.frames);
  const source = options.source ?? new URL(options.baseUrl).href;
  const sections = await reportSections(
    { data, source, provenance, requests, snapshots },
    (step) => onStep?.(`Section: ${step}`),
  );
  const title = `${data.organisation}: a Tasking Manager report`;
  const generatedAt = (options.generatedAt ?? new Date()).toISOString();
  const report = `${out}/report.html`;
  await writeAtomically(report, htmlPage(title, generatedAt, sections), "the report");
  const provenancePath = `${out}/provenance.json`;
  await writeAtomically(
    provenancePath,
    JSON.stringify(provenance, null, 2) + "\n",
    "the report provenance",
  );
  return {
    report,
    provenance: provenancePath,
    snapshots: snapshots.map((entry) => `${out}/${entry.file}`),
    organisation: data.organisation,
    projects: data.frames.find((frame) => frame.name === "projects")?.frame.height ?? 0,
    rows: data.frames.reduce((sum, frame) => sum + frame.frame.height, 0),
    answers: requests.length,
    sent: count.sent,
  };
}
