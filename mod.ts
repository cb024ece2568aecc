/**
 * tmframes: fluent, immutable queries over the HOT Tasking Manager API v2 that fetch pages
 * concurrently and politely, validate them with zod and return nodejs-polars DataFrames with
 * real dtypes.
 *
 * @example Search projects into a typed frame (here against the built-in emulator)
 * ```ts
 * import { createClient, startEmulator } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const recent = tm.projects()
 *     .status("PUBLISHED", "ARCHIVED")
 *     .mappingTypes(["BUILDINGS"])
 *     .orderBy("lastUpdated", "desc")
 *     .limit(30);
 *   const frame = await recent.frame();
 *   assert.ok(frame.height <= 30);
 *   assert.equal(frame.getColumn("lastUpdated").dtype.toString(), "DataType(Datetime(us,UTC))");
 * } finally {
 *   await emulator.close();
 * }
 * ```
 *
 * @module
 */

export {
  type Client,
  type ClientOptions,
  createClient,
  DEFAULT_BASE_URL,
  type RetryOptions,
} from "./src/client.ts";
export { Query } from "./src/builder.ts";
export type { FetchOptions } from "./src/query.ts";
export type { Page, Progress } from "./src/paginate.ts";
export type { Day } from "./src/args.ts";
export type {
  ProjectAction,
  ProjectFilters,
  ProjectOrderField,
  ProjectsQuery,
  SortDirection,
} from "./src/queries/projects.ts";
export type { ProjectHandle, ResourceQuery } from "./src/queries/project.ts";
export {
  ApiError,
  DriftError,
  NetworkError,
  type NetworkFailure,
  SchemaError,
  type SchemaIssue,
  TmError,
} from "./src/errors.ts";
export { Pagination, TmDateTime } from "./src/schemas/common.ts";
export { ProjectSearchResult } from "./src/schemas/projects.ts";
export { ProjectDetail, ProjectStatistics, ProjectSummary } from "./src/schemas/project.ts";
export {
  MappingType,
  ProjectDifficulty,
  ProjectPriority,
  ProjectStatus,
} from "./src/schemas/enums.ts";
export { VERSION } from "./src/version.ts";
export {
  type Emulator,
  type EmulatorOptions,
  type FaultKind,
  type Faults,
  type IssuedToken,
  startEmulator,
} from "./src/emulator/server.ts";
