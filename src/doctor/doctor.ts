/**
 * The doctor: a polite self-check of the library against a Tasking Manager. It asks a small
 * sample of every endpoint through the public client, checks every body against the
 * library's schemas, and gives one line per endpoint: `ok`, `drift` (tolerated: unknown enum
 * values, keys left out) or `failed` (the error), then TM's release and the request count.
 *
 * @module
 */

import { createClient } from "../client.ts";
import { findMissingKeys, findUnknownValues } from "../drift_warnings.ts";
import type { Heartbeat } from "../schemas/system.ts";
import {
  type Check,
  discoveryChecks,
  projectChecks,
  type Sample,
  userAndCatalogueChecks,
} from "./checks.ts";
import { BodyRecorder, type SeenBody } from "./recorder.ts";

/** Options of {@link runDoctor}. */
export interface DoctorOptions {
  /** TM's API root, ending in `/api/v2/`. */
  baseUrl: string;
  /** An API token; without one the endpoints that need it are skipped. @default none */
  token?: string | undefined;
  /** The `fetch` to send requests with. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The outcome of one endpoint. */
export interface EndpointResult {
  /** The endpoint, with the ids used. */
  label: string;
  /** `ok`, `drift` (tolerated), `failed`, or `skipped` (needs a token). */
  outcome: "ok" | "drift" | "failed" | "skipped";
  /** For drift: what was tolerated; for failed: the error; for skipped: why. */
  detail: string;
}

/** What the doctor found. */
export interface DoctorReport {
  /** One result per endpoint, in the order asked. */
  results: EndpointResult[];
  /** TM's release from the heartbeat (`v5.5.2`), or null when it did not say. */
  release: string | null;
  /** How many requests were sent. */
  requests: number;
  /** Every body seen, for `--save`. */
  bodies: SeenBody[];
}

function driftOf(check: Check, bodies: readonly SeenBody[]): string {
  const found = new Set<string>();
  const absent = new Set<string>();
  for (const seen of bodies) {
    if (seen.status !== 200) continue;
    const body: unknown = JSON.parse(seen.text);
    for (const u of findUnknownValues(check.schema, body)) {
      found.add(`${u.field}=${JSON.stringify(u.value)}`);
    }
    for (const key of findMissingKeys(check.schema, body)) absent.add(key);
  }
  const parts = [];
  if (found.size > 0) parts.push(`unknown values ${[...found].join(", ")}`);
  if (absent.size > 0) parts.push(`absent keys ${[...absent].join(", ")}`);
  return parts.join("; ");
}

async function runCheck(
  check: Check,
  recorder: BodyRecorder,
  hasToken: boolean,
): Promise<{ result: EndpointResult; rows: readonly unknown[] }> {
  if (check.needs === "token" && !hasToken) {
    return {
      result: { label: check.label, outcome: "skipped", detail: "needs a token (TM_TOKEN)" },
      rows: [],
    };
  }
  const start = recorder.seen.length;
  try {
    const rows = await check.run();
    const drift = driftOf(check, recorder.seen.slice(start));
    return {
      result: { label: check.label, outcome: drift === "" ? "ok" : "drift", detail: drift },
      rows,
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { result: { label: check.label, outcome: "failed", detail }, rows: [] };
  }
}

function numbers(rows: readonly unknown[], key: string): number[] {
  return rows.flatMap((row) => {
    const value = (row as Record<string, unknown>)[key];
    return typeof value === "number" ? [value] : [];
  });
}

/**
 * Runs the doctor against `baseUrl`.
 *
 * @example Against the built-in emulator
 * ```ts
 * import { runDoctor } from "./doctor.ts";
 * import { startEmulator } from "../emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ projects: 8 });
 * try {
 *   const report = await runDoctor({ baseUrl: emulator.url, token: emulator.tokens[0]?.token });
 *   assert.equal(report.release, "v5.5.2");
 *   assert.ok(report.results.every((r) => r.outcome !== "skipped"));
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const recorder = new BodyRecorder(options.fetch);
  const tm = createClient({
    baseUrl: options.baseUrl,
    ...(options.token ? { token: options.token } : {}),
    fetch: recorder.fetch,
    concurrency: 2,
    progress: false,
  });
  const hasToken = Boolean(options.token);
  const results: EndpointResult[] = [];
  const sample: Sample = { projectIds: [] };
  let release: string | null = null;

  async function run(check: Check): Promise<readonly unknown[]> {
    const { result, rows } = await runCheck(check, recorder, hasToken);
    results.push(result);
    return rows;
  }

  const [heartbeat, published, archived] = discoveryChecks(tm);
  const beat = (await run(heartbeat!))[0] as Heartbeat | undefined;
  release = beat?.release?.version ?? null;
  const publishedIds = numbers(await run(published!), "projectId");
  const archivedIds = numbers(await run(archived!), "projectId");
  if (publishedIds.length > 0) {
    sample.projectIds.push(Math.max(...publishedIds));
    const oldest = Math.min(...publishedIds);
    if (!sample.projectIds.includes(oldest)) sample.projectIds.push(oldest);
  }
  sample.projectIds.push(...archivedIds.slice(0, 1));

  for (const [i, id] of sample.projectIds.entries()) {
    for (const check of projectChecks(tm, id)) {
      const rows = await run(check);
      if (i !== 0) continue;
      const firstTask = numbers(rows, "taskId")[0];
      if (check.label.endsWith("/activities/latest/") && firstTask !== undefined) {
        sample.taskId ??= firstTask;
      }
      if (check.label.endsWith("/contributions/")) {
        const name = (rows[0] as { username?: unknown } | undefined)?.username;
        if (typeof name === "string") sample.username ??= name;
      }
    }
    if (i === 0 && sample.taskId !== undefined) {
      await run(projectChecks(tm, id, sample.taskId).at(-1)!);
    }
  }
  for (const check of userAndCatalogueChecks(tm, sample.username)) await run(check);
  return { results, release, requests: recorder.requests, bodies: recorder.seen };
}

/**
 * The report as lines of text: one per endpoint, then the release and the request count.
 *
 * @example
 * ```ts
 * import { formatReport } from "./doctor.ts";
 * import assert from "node:assert/strict";
 *
 * const lines = formatReport({
 *   results: [{ label: "/projects/7/", outcome: "drift", detail: "unknown values validationPermission=\"LEVEL\"" }],
 *   release: "v4.8.5", requests: 1, bodies: [],
 * });
 * assert.deepEqual(lines, [
 *   'drift    /projects/7/: unknown values validationPermission="LEVEL"',
 *   "TM release: v4.8.5",
 *   "requests: 1 (1 ok or tolerated, 0 failed, 0 skipped)",
 * ]);
 * ```
 */
export function formatReport(report: DoctorReport): string[] {
  const lines = report.results.map((r) =>
    `${r.outcome.padEnd(8)} ${r.label}${r.detail === "" ? "" : `: ${r.detail}`}`
  );
  const failed = report.results.filter((r) => r.outcome === "failed").length;
  const skipped = report.results.filter((r) => r.outcome === "skipped").length;
  const good = report.results.length - failed - skipped;
  lines.push(`TM release: ${report.release ?? "unknown (the heartbeat did not say)"}`);
  lines.push(
    `requests: ${report.requests} (${good} ok or tolerated, ${failed} failed, ${skipped} skipped)`,
  );
  return lines;
}
