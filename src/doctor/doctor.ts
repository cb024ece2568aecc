/**
 * The doctor: a polite self-check of the library against a Tasking Manager. It asks a small
 * sample of every endpoint through the public client, checks every body against the
 * library's schemas, and gives one line per endpoint: `ok`, `drift` (tolerated: unknown enum
 * values, keys left out) or `failed` (the error), then TM's release and the request count.
 *
 * @module
 */

import { createClient } from "../client.ts";
import { findUnknownValues } from "../drift_warnings.ts";
import { findMissingKeys } from "./absent_keys.ts";
import type { Heartbeat } from "../schemas/system.ts";
import type { LatestActivity } from "../schemas/activities.ts";
import type { UserContribution } from "../schemas/contributions.ts";
import type { Organisation } from "../schemas/organisations.ts";
import type { ProjectSearchResult } from "../schemas/projects.ts";
import {
  type Check,
  discoveryChecks,
  firstProjectChecks,
  type FirstProjectSample,
  organisationChecks,
  projectChecks,
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

/** Projects of different ages and statuses: the newest and oldest published, one archived. */
function sampleProjects(
  published: readonly ProjectSearchResult[],
  archived: readonly ProjectSearchResult[],
): ProjectSearchResult[] {
  const byId = [...published].sort((a, b) => b.projectId - a.projectId);
  const picked = [byId[0], byId.at(-1), archived[0]].filter((p) => p !== undefined);
  return picked.filter((p, i) => picked.findIndex((q) => q.projectId === p.projectId) === i);
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

  async function run(check: Check): Promise<readonly unknown[]> {
    const { result, rows } = await runCheck(check, recorder, hasToken);
    results.push(result);
    return rows;
  }

  const [heartbeat, published, archived] = discoveryChecks(tm);
  const beat = (await run(heartbeat!))[0] as Heartbeat | undefined;
  const release = beat?.release?.version ?? null;
  const publishedRows = (await run(published!)) as ProjectSearchResult[];
  const archivedRows = (await run(archived!)) as ProjectSearchResult[];
  const [first, ...others] = sampleProjects(publishedRows, archivedRows);

  const found: FirstProjectSample = {};
  if (first !== undefined) {
    found.lastUpdatedDay = first.lastUpdated?.slice(0, 10);
    for (const check of projectChecks(tm, first.projectId)) {
      const rows = await run(check);
      if (check.gives === "taskId") {
        found.taskId = (rows[0] as LatestActivity | undefined)?.taskId;
      } else if (check.gives === "username") {
        found.username = (rows[0] as UserContribution | undefined)?.username;
      }
    }
    for (const check of firstProjectChecks(tm, first.projectId, found)) await run(check);
  }
  for (const project of others) {
    for (const check of projectChecks(tm, project.projectId)) await run(check);
  }
  for (const check of userAndCatalogueChecks(tm, found.username)) {
    const rows = await run(check);
    const organisation = (rows[0] as Organisation | undefined)?.organisationId;
    if (check.gives === "organisationId" && organisation !== undefined) {
      for (const inner of organisationChecks(tm, organisation)) await run(inner);
    }
  }
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
