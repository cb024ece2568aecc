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
export type { ProgressMode } from "./src/progress.ts";
export { describeEstimate, type RequestEstimate, requestsFor } from "./src/estimate.ts";
export {
  type ActivityInterval,
  activityOverTime,
  type ActivityOverTimeOptions,
  type ChartElement,
  contributors,
  type ContributorsOptions,
  plotDocument,
  type PlotRow,
  plotRows,
  type ProgressBy,
  progressOverTime,
  type ProgressOverTimeOptions,
  type ProjectsColorBy,
  projectsOverview,
  type ProjectsOverviewOptions,
  TASK_STATUS_COLORS,
  taskMap,
  type TaskMapOptions,
  toSvg,
} from "./src/plot/mod.ts";
export { FrameTable, table, type TableOptions } from "./src/table.ts";
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
export type { ListQuery } from "./src/queries/list.ts";
export type { ActivitiesQuery, ActivityWindow } from "./src/queries/activities.ts";
export type { TaskFeature, TaskHistoryRow, TaskQuery, TasksQuery } from "./src/queries/tasks.ts";
export type { UserHandle } from "./src/queries/users.ts";
export type { OrganisationHandle, OrganisationStatisticsRow } from "./src/queries/organisations.ts";
export type { CampaignRow, CountryRow } from "./src/queries/catalogue.ts";
export type { TaskStatisticsFilters, TaskStatisticsQuery } from "./src/queries/task_statistics.ts";
export {
  type FrameWithFailures,
  type ManyProjectsQuery,
  type ProjectFailure,
  type ProjectRow,
  ProjectsFailedError,
  type RecordsWithFailures,
} from "./src/queries/many_projects.ts";
export type { ManyActivitiesQuery, ProjectSet } from "./src/queries/project_set.ts";
export { Activity, LatestActivity } from "./src/schemas/activities.ts";
export { DayContribution, UserContribution } from "./src/schemas/contributions.ts";
export { TaskDetail, TaskHistoryEntry } from "./src/schemas/tasks.ts";
export {
  ProjectUserStatistics,
  TouchedProject,
  UserDayContribution,
  UserStatistics,
} from "./src/schemas/users.ts";
export { Organisation, OrganisationStatistics } from "./src/schemas/organisations.ts";
export { Interest } from "./src/schemas/catalogue.ts";
export { Heartbeat, SystemStatistics } from "./src/schemas/system.ts";
export { TaskStatisticsDay } from "./src/schemas/task_statistics.ts";
export { TmDay, TmMidnight } from "./src/schemas/day.ts";
export {
  ApiError,
  DriftError,
  NetworkError,
  type NetworkFailure,
  OfflineCacheMiss,
  RequestLimitError,
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
export { type CacheMode, type CacheOptions, DEFAULT_CACHE_TTL } from "./src/cache.ts";
export type { ResponseRecord } from "./src/http.ts";
export { Provenance, ProvenanceRecorder, TmServer } from "./src/provenance.ts";
export {
  readSnapshot,
  type Snapshot,
  type SnapshotFiles,
  type SnapshotFormat,
  type SnapshotOptions,
  writeSnapshot,
} from "./src/snapshot.ts";
export { buildReport, type ReportOptions, type ReportSummary } from "./src/report/build.ts";
export { emulatorRoot, routedFetch } from "./src/report/route.ts";
export {
  type Emulator,
  type EmulatorOptions,
  type FaultKind,
  type Faults,
  type IssuedToken,
  startEmulator,
} from "./src/emulator/server.ts";
