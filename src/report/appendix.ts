/**
 * The report's last two sections: the snapshots it wrote and the provenance of every answer
 * it was built from.
 *
 * @module
 */

import type { Provenance } from "../provenance.ts";
import type { ReportData } from "./collect.ts";
import { htmlFacts, htmlTable, htmlText, type Section } from "./html.ts";
import type { ReportRequest } from "./requests.ts";

/** A snapshot the report wrote, for its list of files. */
export interface SnapshotEntry {
  /** The snapshot name. */
  readonly name: string;
  /** What the frame holds. */
  readonly title: string;
  /** The Parquet file, relative to the report. */
  readonly file: string;
  /** Rows and columns of the frame. */
  readonly rows: number;
  readonly columns: number;
}

/** What the sections are drawn from. */
export interface SectionInput {
  /** The frames and choices. */
  readonly data: ReportData;
  /** Where the answers came from, in words (e.g. "the built-in emulator, seed 42"). */
  readonly source: string;
  /** The report's provenance (`reportProvenance` of `requests.ts`). */
  readonly provenance: Provenance;
  /** Its requests, each with the frame it fed. */
  readonly requests: readonly ReportRequest[];
  /** The snapshots written. */
  readonly snapshots: readonly SnapshotEntry[];
}

/**
 * The list of snapshot files, with each frame's rows and columns.
 *
 * @example
 * ```ts
 * import { snapshotsSection } from "./appendix.ts";
 * import { ProvenanceRecorder } from "../provenance.ts";
 * import assert from "node:assert/strict";
 *
 * const section = snapshotsSection({
 *   snapshots: [{ name: "tasks", title: "Tasks", file: "snapshots/tasks.parquet", rows: 18, columns: 12 }],
 *   source: "the emulator", requests: [], provenance: new ProvenanceRecorder().toJSON(),
 * });
 * assert.match(section.html, /snapshots\/tasks\.parquet/);
 * ```
 */
export function snapshotsSection(input: Omit<SectionInput, "data">): Section {
  const rows = input.snapshots.map((entry) => [
    entry.file,
    entry.title,
    entry.rows,
    entry.columns,
  ]);
  return {
    id: "snapshots",
    title: "Snapshots",
    html: [
      htmlText(
        "Every frame of this report, as Parquet (readSnapshot(dir, name) reads it back with " +
          "its dtypes), with its provenance beside it as <name>.provenance.json.",
      ),
      htmlTable(["file", "frame", "rows", "columns"], rows),
    ].join("\n"),
  };
}

/** `url` without the API root it starts with. */
function relativeUrl(url: string, roots: readonly string[]): string {
  const root = roots.find((prefix) => url.startsWith(prefix));
  return root === undefined ? url : url.slice(root.length);
}

/**
 * The provenance: where the answers came from, the TM release and tmframes version, and a
 * table of every answer (URL under the API root, status, fetch time, from cache, bytes, the
 * start of its SHA-256, the frame it fed).
 *
 * @example
 * ```ts
 * import { provenanceSection } from "./appendix.ts";
 * import assert from "node:assert/strict";
 *
 * const root = "https://tm.example/api/v2/";
 * const request = {
 *   url: `${root}projects/1/tasks/`, status: 200, fetchedAt: "2025-01-01T00:00:00.000Z",
 *   fromCache: true, bytes: 10, sha256: "a".repeat(64), language: null, authenticated: false,
 *   frame: "tasks",
 * };
 * const section = provenanceSection({
 *   source: "a <test>", snapshots: [], requests: [request],
 *   provenance: {
 *     tmframes: "0.1.0", startedAt: request.fetchedAt, requests: [request],
 *     servers: [{ apiRoot: root, release: "v5.5.2", publishedAt: null, heartbeat: null }],
 *   },
 * });
 * assert.match(section.html, /<td>projects\/1\/tasks\/<\/td>/);
 * assert.match(section.html, /a &lt;test&gt;/);
 * ```
 */
export function provenanceSection(input: Omit<SectionInput, "data">): Section {
  const { provenance, requests } = input;
  const release = provenance.servers.map((server) => server.release ?? "unknown").join(", ");
  const bytes = requests.reduce((sum, request) => sum + request.bytes, 0);
  const roots = provenance.servers.map((server) => server.apiRoot);
  const rows = requests.map((request) => [
    relativeUrl(request.url, roots),
    request.status,
    request.fetchedAt,
    request.fromCache ? "yes" : "no",
    request.bytes,
    request.sha256.slice(0, 16),
    request.frame,
  ]);
  return {
    id: "provenance",
    title: "Provenance",
    html: [
      htmlFacts([
        ["Source", input.source],
        ["API root", provenance.servers.map((server) => server.apiRoot).join(", ")],
        ["TM release", release || "unknown"],
        ["tmframes", provenance.tmframes],
        ["Answers", `${requests.length} (${bytes} bytes), all read back from the cache`],
        ["Earliest answer", provenance.startedAt],
      ]),
      htmlText(
        "Every answer the frames were built from, sorted by URL: its status, when it was " +
          "fetched from the API, whether it was read from the cache, its size and the start " +
          "of its SHA-256 (in full in provenance.json).",
      ),
      `<div class="scroll requests">${
        htmlTable([
          "url (under the API root)",
          "status",
          "fetched at",
          "from cache",
          "bytes",
          "sha256",
          "frame",
        ], rows)
      }</div>`,
    ].join("\n"),
  };
}
