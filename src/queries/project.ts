/**
 * One project by id: `tm.project(id)` and its single-object endpoints `detail()`
 * (`/projects/{id}/`), `summary()` (`/projects/{id}/queries/summary/`) and `statistics()`
 * (`/projects/{id}/statistics/`). Each is a {@link ResourceQuery} with the same terminal verbs
 * as every builder; its one object is one page, one row, one frame row.
 *
 * @module
 */

import { requirePositiveInteger } from "../args.ts";
import { Query } from "../builder.ts";
import type { Columns } from "../frame.ts";
import type { Endpoint, Plan, QueryContext } from "../query.ts";
import { ProjectDetail, ProjectStatistics, ProjectSummary } from "../schemas/project.ts";
import type { z } from "../deps.ts";
import { ActivitiesQuery, LATEST_ACTIVITY_ENDPOINT } from "./activities.ts";
import { contributionsByDayPlan, contributionsPlan } from "./contributions.ts";
import { ListQuery } from "./list.ts";
import { TaskQuery, TasksQuery } from "./tasks.ts";
import { projectUserStatisticsQuery } from "./users.ts";
import type { LatestActivity, LatestActivityList } from "../schemas/activities.ts";
import type {
  ContributionList,
  ContributionsByDay,
  DayContribution,
  UserContribution,
} from "../schemas/contributions.ts";
import type { ProjectUserStatistics } from "../schemas/users.ts";
import {
  PROJECT_DETAIL_COLUMNS,
  PROJECT_STATISTICS_COLUMNS,
  PROJECT_SUMMARY_COLUMNS,
} from "./project_columns.ts";

/** The spec of an endpoint that answers one object. */
export function objectEndpoint<T>(schema: z.ZodType<T>, columns: Columns<T>): Endpoint<T, T> {
  return {
    page: schema,
    rows: (object) => [object],
    pagination: () => undefined,
    key: () => 0,
    columns,
  };
}

const DETAIL = objectEndpoint(ProjectDetail, PROJECT_DETAIL_COLUMNS);
const SUMMARY = objectEndpoint(ProjectSummary, PROJECT_SUMMARY_COLUMNS);
const STATISTICS = objectEndpoint(ProjectStatistics, PROJECT_STATISTICS_COLUMNS);

/**
 * A query for one object. `count()` is 1 once the server answers (an unknown id rejects with
 * `ApiError` 404); `records()` holds the object; `frame()` has one row.
 *
 * @example The URL of a project's statistics
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * assert.equal(tm.project(8345).statistics().url().href, "https://tm.example/api/v2/projects/8345/statistics/");
 * ```
 */
export class ResourceQuery<T> extends Query<T, T> {
  readonly #endpoint: Endpoint<T, T>;
  readonly #path: string;

  /** Use `client.project(id).detail()` and its siblings. */
  constructor(context: QueryContext, endpoint: Endpoint<T, T>, path: string) {
    super(context);
    this.#endpoint = endpoint;
    this.#path = path;
  }

  /** Plan for the shared verbs. */
  protected plan(): Plan<T, T> {
    return { endpoint: this.#endpoint, path: this.#path, params: {} };
  }
}

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

  /** `GET /projects/{id}/`: everything about the project. */
  detail(): ResourceQuery<ProjectDetail> {
    return new ResourceQuery(this.#context, DETAIL, `projects/${this.id}/`);
  }

  /** `GET /projects/{id}/queries/summary/`: header figures, live percentages. */
  summary(): ResourceQuery<ProjectSummary> {
    return new ResourceQuery(this.#context, SUMMARY, `projects/${this.id}/queries/summary/`);
  }

  /** `GET /projects/{id}/statistics/`: area, mapping and validation times. */
  statistics(): ResourceQuery<ProjectStatistics> {
    return new ResourceQuery(this.#context, STATISTICS, `projects/${this.id}/statistics/`);
  }

  /** `GET /projects/{id}/activities/`: every non-comment history row, newest first. */
  activities(): ActivitiesQuery {
    return new ActivitiesQuery(this.#context, this.id);
  }

  /** `GET /projects/{id}/activities/latest/`: each task's status and latest action. */
  latestActivity(): ListQuery<LatestActivityList, LatestActivity> {
    return this.#list(LATEST_ACTIVITY_ENDPOINT, `projects/${this.id}/activities/latest/`);
  }

  /** `GET /projects/{id}/contributions/`: one row per user. */
  contributions(): ListQuery<ContributionList, UserContribution> {
    return new ListQuery(this.#context, contributionsPlan(this.id));
  }

  /** `GET /projects/{id}/contributions/queries/day/`: one row per day, with cumulative counts. */
  contributionsByDay(): ListQuery<ContributionsByDay, DayContribution> {
    return new ListQuery(this.#context, contributionsByDayPlan(this.id));
  }

  /** `GET /projects/{id}/tasks/`: one row per task, with geometry and centroid. */
  tasks(): TasksQuery {
    return new TasksQuery(this.#context, this.id);
  }

  /** `GET /projects/{id}/tasks/{taskId}/`: the task's history rows; `.detail()` for the task. */
  task(taskId: number): TaskQuery {
    return new TaskQuery(this.#context, this.id, taskId);
  }

  /** `GET /projects/{id}/statistics/queries/{username}/`: one user's time on the project. */
  userStatistics(username: string): ListQuery<ProjectUserStatistics, ProjectUserStatistics> {
    return projectUserStatisticsQuery(this.#context, this.id, username);
  }

  #list<P, Row>(endpoint: Endpoint<P, Row>, path: string): ListQuery<P, Row> {
    return new ListQuery(this.#context, { endpoint, path, params: {} });
  }
}
