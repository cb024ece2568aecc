/**
 * The report's provenance, in a stable form: the answers of every frame sorted by URL (pages
 * of one query arrive in any order when fetched concurrently), and `startedAt` set to the
 * earliest answer's fetch time instead of the moment the recorder was created. Rebuilt from
 * the same cache, a report's provenance is then the same, byte for byte.
 *
 * @module
 */

import type { ResponseRecord } from "../http.ts";
import type { Provenance, ProvenanceRecorder, TmServer } from "../provenance.ts";
import { VERSION } from "../version.ts";

/** One answer, with the snapshot (frame) it was fetched for. */
export interface ReportRequest extends ResponseRecord {
  /** The snapshot name of the frame it fed. */
  readonly frame: string;
}

function compareRecords(a: ResponseRecord, b: ResponseRecord): number {
  return a.url.localeCompare(b.url, "en", { numeric: true }) ||
    a.fetchedAt.localeCompare(b.fetchedAt) || a.sha256.localeCompare(b.sha256);
}

/**
 * A provenance with its requests sorted by URL (numbers in order: page 2 before page 10) and
 * `startedAt` the earliest `fetchedAt` among its answers (unchanged when it has none).
 *
 * @example
 * ```ts
 * import { stableProvenance } from "./requests.ts";
 * import assert from "node:assert/strict";
 *
 * const answer = { status: 200, fromCache: true, bytes: 2, sha256: "ab", language: null, authenticated: false };
 * const stable = stableProvenance({
 *   tmframes: "0.1.0", startedAt: "2030-01-01T00:00:00.000Z", servers: [],
 *   requests: [
 *     { ...answer, url: "https://tm.example/api/v2/x/?page=10", fetchedAt: "2024-01-02T00:00:00.000Z" },
 *     { ...answer, url: "https://tm.example/api/v2/x/?page=2", fetchedAt: "2024-01-01T00:00:00.000Z" },
 *   ],
 * });
 * assert.deepEqual(stable.requests.map((r) => r.url.slice(-2)), "=2 10".split(" "));
 * assert.equal(stable.startedAt, "2024-01-01T00:00:00.000Z");
 * ```
 */
export function stableProvenance(provenance: Provenance): Provenance {
  const requests = [...provenance.requests].sort(compareRecords);
  const times = requests.map((request) => request.fetchedAt).sort();
  const servers = [...provenance.servers].sort((a, b) => a.apiRoot.localeCompare(b.apiRoot));
  return { ...provenance, startedAt: times[0] ?? provenance.startedAt, servers, requests };
}

/**
 * One provenance for the whole report: the servers of every recorder (once per API root) and
 * every answer with the `frame` it fed (an extra key that `ProvenanceSchema.parse` drops), in
 * {@link stableProvenance} order.
 *
 * @example
 * ```ts
 * import { reportProvenance } from "./requests.ts";
 * import { ProvenanceRecorder } from "../provenance.ts";
 * import assert from "node:assert/strict";
 *
 * const merged = reportProvenance([{ name: "projects", recorder: new ProvenanceRecorder() }]);
 * assert.deepEqual(merged.provenance.requests, []);
 * assert.deepEqual(merged.requests, []);
 * ```
 */
export function reportProvenance(
  frames: readonly { readonly name: string; readonly recorder: ProvenanceRecorder }[],
): { provenance: Provenance; requests: ReportRequest[] } {
  const servers = new Map<string, TmServer>();
  const requests: ReportRequest[] = [];
  let fallback = new Date().toISOString();
  for (const { name, recorder } of frames) {
    const provenance = recorder.toJSON();
    if (provenance.startedAt < fallback) fallback = provenance.startedAt;
    for (const server of provenance.servers) {
      if (!servers.has(server.apiRoot)) servers.set(server.apiRoot, server);
    }
    for (const request of provenance.requests) requests.push({ ...request, frame: name });
  }
  requests.sort((a, b) => compareRecords(a, b) || a.frame.localeCompare(b.frame));
  const times = requests.map((request) => request.fetchedAt).sort();
  const provenance: Provenance = {
    tmframes: VERSION,
    startedAt: times[0] ?? fallback,
    servers: [...servers.values()].sort((a, b) => a.apiRoot.localeCompare(b.apiRoot)),
    requests,
  };
  return { provenance, requests };
}
