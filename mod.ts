/**
 * tmframes: fluent, immutable queries over the HOT Tasking Manager API v2 that fetch pages
 * concurrently and politely, validate them with zod and return nodejs-polars DataFrames with
 * real dtypes. `pl` and `Plot` are the exact nodejs-polars and Observable Plot the library
 * uses, so a notebook imports everything from here. The built-in TM emulator and the HTML
 * report are entry points of their own (`./emulator.ts`, `./report.ts`).
 *
 * @example Search projects into a typed frame (here against the built-in emulator)
 * ```ts
 * import { createClient, pl } from "./mod.ts";
 * import { startEmulator } from "./emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const recent = tm.projects()
 *     .status("PUBLISHED", "ARCHIVED")
 *     .mappingTypes("BUILDINGS")
 *     .orderBy("lastUpdated", "desc")
 *     .limit(30);
 *   const frame = await recent.frame();
 *   assert.ok(frame.height <= 30);
 *   assert.ok(frame.getColumn("lastUpdated").dtype.equals(pl.Datetime("us", "UTC")));
 * } finally {
 *   await emulator.close();
 * }
 * ```
 *
 * @module
 */

export { pl, Plot } from "./src/deps_public.ts";
export type { DataFrame, PlotOptions } from "./src/deps.ts";
export {
  type Client,
  type ClientOptions,
  createClient,
  DEFAULT_BASE_URL,
  type RetryOptions,
} from "./src/client.ts";
export { type FrameWithFailures, Query, type RecordsWithFailures } from "./src/builder.ts";
export type { FetchOptions } from "./src/execute.ts";
export type { RequestEstimate } from "./src/estimate.ts";
export type { Page, Progress } from "./src/paginate.ts";
export type { ProgressMode } from "./src/progress.ts";
export type { Day } from "./src/args.ts";
export type { Many } from "./src/many.ts";
export type { TimeWindow } from "./src/window.ts";
export type { ProjectRow } from "./src/query.ts";
export type { DisplayBundle } from "./src/display.ts";
export type { ResponseObserver, ResponseRecord } from "./src/http.ts";
export type {
  ProjectAction,
  ProjectFilters,
  ProjectOrderField,
  ProjectsQuery,
  SortDirection,
} from "./src/queries/projects.ts";
export type { ProjectHandle } from "./src/queries/project.ts";
export type { EndpointQuery } from "./src/queries/endpoint_query.ts";
export type { ActivitiesQuery } from "./src/queries/activities.ts";
export type { TaskFeature, TaskHistoryRow, TaskQuery, TasksQuery } from "./src/queries/tasks.ts";
export type { TaskCollection } from "./src/schemas/project.ts";
export type { UserHandle } from "./src/queries/users.ts";
export type { OrganisationHandle, OrganisationStatisticsRow } from "./src/queries/organisations.ts";
export type { CampaignRow, CountryRow } from "./src/queries/catalogue.ts";
export type { TaskStatisticsFilters, TaskStatisticsQuery } from "./src/queries/task_statistics.ts";
export type { ManyActivitiesQuery, ManyProjectsQuery } from "./src/queries/many_projects.ts";
export type { ProjectSet } from "./src/queries/project_set.ts";
export type { AnalysisQuery, SourceQuery } from "./src/analysis/analysis_query.ts";
export type { ActivityWindow, LastDaysOptions } from "./src/analysis/activity_window.ts";
export type { UserActivityRow } from "./src/analysis/per_user.ts";
export type { InvalidationRow } from "./src/analysis/invalidations.ts";
export type { ValidationLatencyRow } from "./src/analysis/validation_latency.ts";
export type { BacklogOptions } from "./src/analysis/project_analyses.ts";
export type { BacklogRow } from "./src/analysis/validator_backlog.ts";
export type { ProgressRow } from "./src/analysis/project_progress.ts";
export type { Activity, LatestActivity } from "./src/schemas/activities.ts";
export type { DayContribution, UserContribution } from "./src/schemas/contributions.ts";
export type { TaskDetail, TaskHistoryEntry } from "./src/schemas/tasks.ts";
export type {
  ProjectUserStatistics,
  TouchedProject,
  UserDayContribution,
  UserStatistics,
} from "./src/schemas/users.ts";
export type { Organisation } from "./src/schemas/organisations.ts";
export type { Interest } from "./src/schemas/catalogue.ts";
export type { Heartbeat, SystemStatistics } from "./src/schemas/system.ts";
export type { TaskStatisticsDay } from "./src/schemas/task_statistics.ts";
export type { ProjectSearchResult } from "./src/schemas/projects.ts";
export type { ProjectDetail, ProjectStatistics, ProjectSummary } from "./src/schemas/project.ts";
export type {
  MappingType,
  ProjectDifficulty,
  ProjectPriority,
  ProjectStatus,
} from "./src/schemas/enums.ts";
export {
  ApiError,
  DriftError,
  NetworkError,
  type NetworkFailure,
  OfflineCacheMiss,
  type PartFailure,
  PartsFailedError,
  SchemaError,
  type SchemaIssue,
  TmError,
} from "./src/errors.ts";
export {
  type ActivityInterval,
  activityOverTime,
  type ActivityOverTimeOptions,
  type ChartElement,
  contributors,
  type ContributorsOptions,
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
export { type CacheMode, type CacheOptions, DEFAULT_CACHE_TTL } from "./src/cache.ts";
export { type Provenance, ProvenanceRecorder, type TmServer } from "./src/provenance.ts";
export {
  readSnapshot,
  type Snapshot,
  type SnapshotFiles,
  type SnapshotFormat,
  type SnapshotOptions,
  writeSnapshot,
} from "./src/snapshot.ts";
export { VERSION } from "./src/version.ts";
