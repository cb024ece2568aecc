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
export type { DataFrame, Expr, PlotOptions, Series } from "./src/deps.ts";
export {
  type Client,
  type ClientOptions,
  createClient,
  DEFAULT_BASE_URL,
  type RetryOptions,
} from "./src/client.ts";
export type { FrameWithFailures, Query, RecordsWithFailures } from "./src/builder.ts";
export type { FetchOptions } from "./src/execute.ts";
export type { RequestEstimate } from "./src/estimate.ts";
export type { Page, Progress } from "./src/paginate.ts";
export type { ProgressMode } from "./src/progress.ts";
export type { Day } from "./src/args.ts";
export type { Many } from "./src/many.ts";
export type { TimeWindow } from "./src/window.ts";
export type { ProjectRow } from "./src/query.ts";
export type {
  ActiveProjectFeature,
  Activity,
  AreaOfInterest,
  CampaignRef,
  ChatMessage,
  CountryContribution,
  CustomEditor,
  DayContribution,
  Geometry,
  Heartbeat,
  HistoryIssue,
  Interest,
  InterestContribution,
  LatestActivity,
  ListedUser,
  MappedTasksByUser,
  MappingLevel,
  MappingType,
  Organisation,
  ProjectDetail,
  ProjectDifficulty,
  ProjectInfo,
  ProjectPriority,
  ProjectSearchResult,
  ProjectStatistics,
  ProjectStatus,
  ProjectSummary,
  ProjectTeam,
  ProjectUserStatistics,
  SummaryCampaign,
  SystemStatistics,
  TaskAction,
  TaskCollection,
  TaskDetail,
  TaskHistoryEntry,
  TaskProperties,
  TaskStatisticsDay,
  TaskStatus,
  Team,
  TeamDetail,
  TeamMember,
  TouchedProject,
  UserContribution,
  UserDayContribution,
  UserProfile,
  UserStatistics,
  UserTask,
} from "./src/rows.ts";
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
export type { UserHandle } from "./src/queries/users.ts";
export type { UserByIdHandle } from "./src/queries/user_by_id.ts";
export type { UserFilters, UsersQuery } from "./src/queries/user_directory.ts";
export type { UserTaskOrder, UserTasksQuery } from "./src/queries/user_tasks.ts";
export type { TeamHandle, TeamMemberRow } from "./src/queries/teams.ts";
export type { ActiveProjectRow } from "./src/queries/project_areas.ts";
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
export {
  ApiError,
  DriftError,
  NetworkError,
  type NetworkFailure,
  OfflineCacheMiss,
  type PartFailure,
  PartsFailedError,
  RequestLimitError,
  SchemaError,
  type SchemaIssue,
  TmError,
} from "./src/errors.ts";
export {
  type ActivityInclude,
  type ActivityInterval,
  activityOverTime,
  type ActivityOverTimeOptions,
  type ChartDocument,
  type ChartElement,
  contributors,
  type ContributorsOptions,
  type Heading,
  plotDocument,
  type PlotRow,
  plotRows,
  type ProgressBy,
  progressOverTime,
  type ProgressOverTimeOptions,
  type ProjectsColorBy,
  projectsOverview,
  type ProjectsOverviewOptions,
  save,
  type SaveOptions,
  TASK_STATUS_COLORS,
  taskMap,
  type TaskMapOptions,
  toSvg,
} from "./src/plot/mod.ts";
export { type Moment, type TimeUnit, utc, utcDay, valueAt } from "./src/time.ts";
export type { NameMatch, NameOptions } from "./src/names.ts";
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
