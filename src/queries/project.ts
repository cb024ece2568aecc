/**
 * One project by id: `tm.project(id)` and its single-object endpoints `detail()`
 * (`/projects/{id}/`), `summary()` (`/projects/{id}/queries/summary/`) and `statistics()`
 * (`/projects/{id}/statistics/`). Each is an `EndpointQuery` with the same verbs
 * as every builder; its one object is one page, one row, one frame row.
 *
 * @module
 */

import { requirePositiveInteger, requireText } from "../args.ts";
import { type Endpoint, objectEndpoint } from "../endpoint.ts";
import { pathSegment } from "../url.ts";
import type { QueryContext } from "../query.ts";
import * as schemas from "../schemas/project.ts";

import { ActivitiesQuery, LATEST_ACTIVITY_ENDPOINT } from "./activities.ts";
import { CONTRIBUTIONS_BY_DAY_ENDPOINT, CONTRIBUTIONS_ENDPOINT } from "./contributions.ts";
import { EndpointQuery } from "./endpoint_query.ts";
import type { ProjectArgs } from "./project_args.ts";
import {
  PROJECT_DETAIL_COLUMNS,
  PROJECT_STATISTICS_COLUMNS,
  PROJECT_SUMMARY_COLUMNS,
} from "./project_columns.ts";
import { TaskQuery, TasksQuery } from "./tasks.ts";
import { PROJECT_AOI_ENDPOINT } from "./project_areas.ts";
import { MAPPED_TASKS_ENDPOINT, PROJECT_CHAT_ENDPOINT } from "./project_people.ts";

import type { AnalysisQuery } from "../analysis/analysis_query.ts";
import {
  type BacklogOptions,
  progressQuery,
  validatorBacklogQuery,
} from "../analysis/project_analyses.ts";
import type { ProgressRow } from "../analysis/project_progress.ts";
import type { BacklogRow } from "../analysis/validator_backlog.ts";
import { instantOf } from "../window.ts";
import { PROJECT_USER_STATISTICS_ENDPOINT } from "./users.ts";
import type {
  AreaOfInterest,
  ChatMessage,
  DayContribution,
  LatestActivity,
  MappedTasksByUser,
  ProjectDetail,
  ProjectStatistics,
  ProjectSummary,
  ProjectUserStatistics,
  UserContribution,
} from "../rows.ts";

/** `/projects/{id}/`: everything about a project, one row. */
export const PROJECT_DETAIL_ENDPOINT: Endpoint<ProjectDetail, ProjectDetail, ProjectArgs> =
  objectEndpoint({
    request: ({ projectId }) => ({ path: `projects/${projectId}/`, params: {} }),
    body: schemas.ProjectDetail,
    columns: PROJECT_DETAIL_COLUMNS,
  });

/** `/projects/{id}/queries/summary/`: header figures with live percentages, one row. */
export const PROJECT_SUMMARY_ENDPOINT: Endpoint<ProjectSummary, ProjectSummary, ProjectArgs> =
  objectEndpoint({
    request: ({ projectId }) => ({ path: `projects/${projectId}/queries/summary/`, params: {} }),
    body: schemas.ProjectSummary,
    columns: PROJECT_SUMMARY_COLUMNS,
  });

/** `/projects/{id}/statistics/`: area, mapping and validation times, one row. */
export const PROJECT_STATISTICS_ENDPOINT: Endpoint<
  ProjectStatistics,
  ProjectStatistics,
  ProjectArgs
> = objectEndpoint({
  request: ({ projectId }) => ({ path: `projects/${projectId}/statistics/`, params: {} }),
  body: schemas.ProjectStatistics,
  columns: PROJECT_STATISTICS_COLUMNS,
});

/**
 * One project's endpoints.
 *
 * @example Detail of a project served by the emulator
 * ```ts
 * import { createClient } from "../client.ts";
 * import { startEmulator } from "../emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [first] = await tm.projects().limit(1).records();
 *   const frame = await tm.project(first!.projectId).detail().frame();
 *   assert.equal(frame.height, 1);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ProjectHandle {
  readonly #context: QueryContext;
  /** The project id. */
  readonly id: number;

  /** Use `client.project(id)`. */
  constructor(context: QueryContext, id: number) {
    this.#context = context;
    this.id = requirePositiveInteger("project id", id);
    Object.freeze(this);
  }

  #query<P, Row>(what: string, endpoint: Endpoint<P, Row, ProjectArgs>): EndpointQuery<Row> {
    const facts: [string, unknown][] = [["project", this.id]];
    return EndpointQuery.of(this.#context, what, endpoint, { projectId: this.id }, facts);
  }

  /** `GET /projects/{id}/`: everything about the project. */
  detail(): EndpointQuery<ProjectDetail> {
    return this.#query(`project ${this.id}`, PROJECT_DETAIL_ENDPOINT);
  }

  /** `GET /projects/{id}/queries/summary/`: header figures, live percentages. */
  summary(): EndpointQuery<ProjectSummary> {
    return this.#query(`summary of project ${this.id}`, PROJECT_SUMMARY_ENDPOINT);
  }

  /** `GET /projects/{id}/statistics/`: area, mapping and validation times. */
  statistics(): EndpointQuery<ProjectStatistics> {
    return this.#query(`statistics of project ${this.id}`, PROJECT_STATISTICS_ENDPOINT);
  }

  /** `GET /projects/{id}/activities/`: every non-comment history row, newest first. */
  activities(): ActivitiesQuery {
    return new ActivitiesQuery(this.#context, this.id);
  }

  /** `GET /projects/{id}/activities/latest/`: each task's status and latest action. */
  latestActivity(): EndpointQuery<LatestActivity> {
    return this.#query(`latest activity of project ${this.id}`, LATEST_ACTIVITY_ENDPOINT);
  }

  /** `GET /projects/{id}/contributions/`: one row per user. */
  contributions(): EndpointQuery<UserContribution> {
    return this.#query(`contributions to project ${this.id}`, CONTRIBUTIONS_ENDPOINT);
  }

  /** `GET /projects/{id}/contributions/queries/day/`: one row per day, with cumulative counts. */
  contributionsByDay(): EndpointQuery<DayContribution> {
    return this.#query(`contributions to project ${this.id} by day`, CONTRIBUTIONS_BY_DAY_ENDPOINT);
  }

  /** `GET /projects/{id}/queries/aoi/`: the area of interest, one row (`geometry`, GeoJSON text). */
  aoi(): EndpointQuery<AreaOfInterest> {
    return this.#query(`area of project ${this.id}`, PROJECT_AOI_ENDPOINT);
  }

  /** `GET /projects/{id}/tasks/queries/mapped/`: each mapper of tasks waiting for validation. */
  mappedTasks(): EndpointQuery<MappedTasksByUser> {
    return this.#query(`tasks of project ${this.id} waiting for validation`, MAPPED_TASKS_ENDPOINT);
  }

  /** `GET /projects/{id}/comments/`: the project chat, newest first (20 messages a page). */
  chat(): EndpointQuery<ChatMessage> {
    return this.#query(`chat of project ${this.id}`, PROJECT_CHAT_ENDPOINT);
  }

  /** `GET /projects/{id}/tasks/`: one row per task, with geometry and centroid. */
  tasks(): TasksQuery {
    return new TasksQuery(this.#context, { projectId: this.id });
  }

  /** `GET /projects/{id}/tasks/{taskId}/`: the task's history rows; `.detail()` for the task. */
  task(taskId: number): TaskQuery {
    return new TaskQuery(this.#context, this.id, taskId);
  }

  /** `GET /projects/{id}/statistics/queries/{username}/`: one user's time on the project. */
  userStatistics(username: string): EndpointQuery<ProjectUserStatistics> {
    const args = { projectId: this.id, username: requireText("username", username) };
    pathSegment("username", username);
    return EndpointQuery.of(
      this.#context,
      `statistics of ${username} on project ${this.id}`,
      PROJECT_USER_STATISTICS_ENDPOINT,
      args,
      [["project", this.id], ["user", username]],
    );
  }

  /** The tasks now MAPPED, with the hours since their latest action, longest waiting first. */
  validatorBacklog(options: BacklogOptions = {}): AnalysisQuery<BacklogRow> {
    const asOf = options.asOf === undefined ? undefined : instantOf("asOf", options.asOf);
    const projects = { projectId: this.id, from: `project ${this.id}` };
    return validatorBacklogQuery(this.latestActivity(), projects, asOf);
  }

  /** Percent of tasks mapped and validated per day, with the project's name. */
  progress(): AnalysisQuery<ProgressRow> {
    const projects = { projectId: this.id, from: `project ${this.id}` };
    return progressQuery(this.contributionsByDay(), this.summary(), projects);
  }
}
