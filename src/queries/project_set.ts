/**
 * `tm.projects([ids])`: a fixed list of projects, and the many-projects verbs shared with a
 * `tm.projects()` search (see `many_projects.ts`).
 *
 * @module
 */

import { requirePositiveInteger, show } from "../args.ts";
import type { Page } from "../paginate.ts";
import type { FetchOptions, QueryContext } from "../query.ts";
import type {
  Activity,
  ActivityPage,
  LatestActivity,
  LatestActivityList,
} from "../schemas/activities.ts";
import type {
  ContributionList,
  ContributionsByDay,
  DayContribution,
  UserContribution,
} from "../schemas/contributions.ts";
import { activitiesPlan, type ActivityWindow, mergeWindow, toInstant } from "./activities.ts";
import { LATEST_ACTIVITY_ENDPOINT } from "./activities.ts";
import { contributionsByDayPlan, contributionsPlan } from "./contributions.ts";
import { ManyProjectsQuery, type ProjectIds } from "./many_projects.ts";

/**
 * Activity of many projects, with the same window as one project's `activities()`: each
 * project's paging stops at its first page older than `since`.
 *
 * @example
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * const recent = tm.projects([1, 2]).activities().since("2026-01-01");
 * assert.equal(recent.url(2).href, "https://tm.example/api/v2/projects/2/activities/");
 * ```
 */
export class ManyActivitiesQuery extends ManyProjectsQuery<ActivityPage, Activity> {
  readonly #window: ActivityWindow;

  /** Use `activities()` of `tm.projects([ids])` or of a search. */
  constructor(context: QueryContext, ids: ProjectIds, window: ActivityWindow = {}) {
    super(context, ids, (id) => activitiesPlan(id, window), "activities");
    this.#window = Object.freeze({ ...window });
  }

  /** Rows at or after `start` (a `Date`, or a day's midnight UTC), in every project. */
  since(start: Date | string): ManyActivitiesQuery {
    const window = mergeWindow(this.#window, { since: toInstant("since", start) });
    return new ManyActivitiesQuery(this.context, this.ids, window);
  }

  /** Rows strictly before `end` (a `Date`, or a day's midnight UTC), in every project. */
  until(end: Date | string): ManyActivitiesQuery {
    const window = mergeWindow(this.#window, { until: toInstant("until", end) });
    return new ManyActivitiesQuery(this.context, this.ids, window);
  }
}

/**
 * The project ids of a search, one list per page, as the pages arrive.
 *
 * @example
 * ```ts
 * import { searchIds } from "./project_set.ts";
 * import assert from "node:assert/strict";
 *
 * const search = {
 *   async *pages() {
 *     yield { number: 1, pages: 1, total: 2, pass: 1, rows: [{ projectId: 5 }, { projectId: 3 }] };
 *   },
 * };
 * const seen: number[] = [];
 * for await (const ids of searchIds(search)(new AbortController().signal)) seen.push(...ids);
 * assert.deepEqual(seen, [5, 3]);
 * ```
 */
export function searchIds(
  search: { pages(options: FetchOptions): AsyncIterable<Page<{ projectId: number }>> },
): ProjectIds {
  return async function* (signal: AbortSignal) {
    for await (const page of search.pages({ signal })) yield page.rows.map((row) => row.projectId);
  };
}

/**
 * Many projects: a fixed list (`tm.projects([ids])`) or a search's matches. Each verb is one
 * endpoint over every project, as one frame with `projectId` first.
 *
 * @example The contributions of two projects in one frame
 * ```ts
 * import { createClient, startEmulator } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const ids = emulator.world.projects.filter((p) => !p.private && p.status !== "DRAFT").slice(0, 2).map((p) => p.id);
 *   const frame = await tm.projects(ids).contributions().frame();
 *   assert.deepEqual([...new Set(frame.getColumn("projectId").toArray())].every((id) => ids.includes(id as number)), true);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ProjectSet {
  readonly #context: QueryContext;
  readonly #source: ProjectIds;
  /** The project ids of a fixed list (`undefined` for a search). */
  readonly ids: readonly number[] | undefined;

  /** Use `tm.projects([ids])`, or the verbs of a `tm.projects()` search. */
  constructor(context: QueryContext, source: ProjectIds, ids?: readonly number[]) {
    this.#context = context;
    this.#source = source;
    this.ids = ids === undefined ? undefined : Object.freeze([...ids]);
    Object.freeze(this);
  }

  /** Every project's activity (`/activities/`), newest first per project. */
  activities(): ManyActivitiesQuery {
    return new ManyActivitiesQuery(this.#context, this.#source);
  }

  /** Every project's tasks with their latest action (`/activities/latest/`). */
  latestActivity(): ManyProjectsQuery<LatestActivityList, LatestActivity> {
    return new ManyProjectsQuery(this.#context, this.#source, (id) => ({
      endpoint: LATEST_ACTIVITY_ENDPOINT,
      path: `projects/${id}/activities/latest/`,
      params: {},
    }), "latest activity");
  }

  /** Every project's contributions per user (`/contributions/`). */
  contributions(): ManyProjectsQuery<ContributionList, UserContribution> {
    return new ManyProjectsQuery(this.#context, this.#source, contributionsPlan, "contributions");
  }

  /** Every project's contributions per day (`/contributions/queries/day/`). */
  contributionsByDay(): ManyProjectsQuery<ContributionsByDay, DayContribution> {
    return new ManyProjectsQuery(
      this.#context,
      this.#source,
      contributionsByDayPlan,
      "contributions by day",
    );
  }
}

/**
 * A fixed list of projects; ids must be positive integers (duplicates are dropped, the first
 * place kept). An empty list gives typed empty frames without a request.
 */
export function projectList(context: QueryContext, ids: readonly number[]): ProjectSet {
  if (!Array.isArray(ids)) {
    throw new TypeError(`Cannot use projects(${show(ids)}): give an array of project ids`);
  }
  const checked = [...new Set(ids.map((id) => requirePositiveInteger("project id", id)))];
  return new ProjectSet(context, async function* () {
    yield checked;
  }, checked);
}
