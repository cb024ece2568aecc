/**
 * The HTML report of one organisation that `deno task demo` writes: charts, tables and
 * provenance, with Parquet snapshots, rendered from the response cache so that reruns are
 * byte-identical.
 *
 * @example The report's options
 * ```ts
 * import { buildReport } from "./report.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(typeof buildReport, "function");
 * ```
 *
 * @module
 */

export { buildReport, type ReportOptions, type ReportSummary } from "./src/report/build.ts";
export { emulatorRoot, routedFetch } from "./src/report/route.ts";
export type { CollectOptions } from "./src/report/collect.ts";
