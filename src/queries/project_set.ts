/**
 * {@link ProjectSet}: the per-project endpoints over many projects, a fixed list of ids
 * (`tm.projects(ids)`) or the matches of a search (the same verbs on a `tm.projects()` query).
 *
 * @module
 */

import type { Endpoint } from "../endpoint.ts";
import { planOf, type QueryContext } from "../query.ts";

import { LATEST_ACTIVITY_ENDPOINT } from "./activities.ts";
import { CONTRIBUTIONS_BY_DAY_ENDPOINT, CONTRIBUTIONS_ENDPOINT } from "./contributions.ts";
import { ManyActivitiesQuery, ManyProjectsQuery, type ProjectSource } from "./many_projects.ts";
import {
  PROJECT_DETAIL_ENDPOINT,
  PROJECT_STATISTICS_ENDPOINT,
  PROJECT_SUMMARY_ENDPOINT,
} from "./project.ts";
import type { ProjectArgs } from "./project_args.ts";
import { type TaskFeature, TASKS_ENDPOINT } from "./tasks.ts";
import { PROJECT_AOI_ENDPOINT } from "./project_areas.ts";
import { MAPPED_TASKS_ENDPOINT, PROJECT_CHAT_ENDPOINT } from "./project_people.ts";
import type {
  AreaOfInterest,
  ChatMessage,
  DayContribution,
  LatestActivity,
  MappedTasksByUser,
  ProjectDetail,
  ProjectStatistics,
  ProjectSummary,
  UserContribution,
} from "../rows.ts";
import type { AnalysisQuery } from "../analysis/analysis_query.ts";
import {
  type BacklogOptions,
  progressQuery,
  validatorBacklogQuery,
} from "../analysis/project_analyses.ts";
import type { ProgressRow } from "../analysis/project_progress.ts";
import type { BacklogRow } from "../analysis/validator_backlog.ts";
import { instantOf } from "../window.ts";

/**
 * Many projects: a fixed list (`tm.projects(ids)`) or a search's matches. Each verb is one
 * endpoint over every project, as one query whose frame has `projectId` first.
 *
 * @example The contributions of two projects in one frame
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const ids = emulator.world.projects.filter((p) => !p.private && p.status !== "DRAFT").slice(0, 2).map((p) => p.id);
 *   const frame = await tm.projects(ids).contributions().frame();
 *   const seen = new Set(frame.getColumn("projectId").toArray());
 *   assert.ok([...seen].every((id) => ids.includes(id as number)));
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ProjectSet {
  readonly #context: QueryContext;
  readonly #source: ProjectSource;

  /** Use `tm.projects(ids)`, or the verbs of a `tm.projects()` search. */
  constructor(context: QueryContext, source: ProjectSource) {
    this.#context = context;
    this.#source = source;
    Object.freeze(this);
  }

  /** The project ids of a fixed list (`undefined` for a search's matches). */
  get ids(): readonly number[] | undefined {
    return "ids" in this.#source ? this.#source.ids : undefined;
  }

  #each<P, Row>(what: string, endpoint: Endpoint<P, Row, ProjectArgs>): ManyProjectsQuery<Row> {
    return new ManyProjectsQuery(this.#context, this.#source, {
      what,
      columns: endpoint.columns,
      auth: endpoint.auth,
      plan: (projectId, limit) => planOf(endpoint, { projectId }, { limit }),
    });
  }

  /** Every project's activity (`/activities/`), newest first per project. */
  activities(): ManyActivitiesQuery {
    return new ManyActivitiesQuery(this.#context, this.#source);
  }

  /** Every project's tasks with their latest action (`/activities/latest/`). */
  latestActivity(): ManyProjectsQuery<LatestActivity> {
    return this.#each("latest activity", LATEST_ACTIVITY_ENDPOINT);
  }

  /** Every project's contributions per user (`/contributions/`). */
  contributions(): ManyProjectsQuery<UserContribution> {
    return this.#each("contributions", CONTRIBUTIONS_ENDPOINT);
  }

  /** Every project's contributions per day (`/contributions/queries/day/`). */
  contributionsByDay(): ManyProjectsQuery<DayContribution> {
    return this.#each("contributions by day", CONTRIBUTIONS_BY_DAY_ENDPOINT);
  }

  /** Every project's detail (`/projects/{id}/`), one row each. */
  detail(): ManyProjectsQuery<ProjectDetail> {
    return this.#each("project detail", PROJECT_DETAIL_ENDPOINT);
  }

  /** Every project's summary (`/queries/summary/`), one row each: names and live figures. */
  summary(): ManyProjectsQuery<ProjectSummary> {
    return this.#each("project summaries", PROJECT_SUMMARY_ENDPOINT);
  }

  /** Every project's statistics (`/statistics/`), one row each. */
  statistics(): ManyProjectsQuery<ProjectStatistics> {
    return this.#each("project statistics", PROJECT_STATISTICS_ENDPOINT);
  }

  /** Every project's area of interest (`/queries/aoi/`), one row each. */
  aoi(): ManyProjectsQuery<AreaOfInterest> {
    return this.#each("areas of interest", PROJECT_AOI_ENDPOINT);
  }

  /** Every project's mappers of tasks waiting for validation (`/tasks/queries/mapped/`). */
  mappedTasks(): ManyProjectsQuery<MappedTasksByUser> {
    return this.#each("tasks waiting for validation", MAPPED_TASKS_ENDPOINT);
  }

  /** Every project's chat (`/comments/`). */
  chat(): ManyProjectsQuery<ChatMessage> {
    return this.#each("project chat", PROJECT_CHAT_ENDPOINT);
  }

  /** Every project's tasks (`/tasks/`), with geometry and centroid. */
  tasks(): ManyProjectsQuery<TaskFeature> {
    return this.#each("tasks", TASKS_ENDPOINT);
  }

  #described(): { from: string } {
    const ids = this.ids;
    return { from: ids ? `projects ${ids.join(", ")}` : "each project the search matches" };
  }

  /** The tasks now MAPPED in every project, with the hours since their latest action. */
  validatorBacklog(options: BacklogOptions = {}): AnalysisQuery<BacklogRow> {
    const asOf = options.asOf === undefined ? undefined : instantOf("asOf", options.asOf);
    return validatorBacklogQuery(this.latestActivity(), this.#described(), asOf);
  }

  /** Percent of tasks mapped and validated per day, every project on one scale, with names. */
  progress(): AnalysisQuery<ProgressRow> {
    return progressQuery(this.contributionsByDay(), this.summary(), this.#described());
  }
}
