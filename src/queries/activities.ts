/**
 * A project's activity: `GET /projects/{id}/activities/` (reference 3.5, every non-comment
 * history row, newest first, 10 a page, deduplicated by `historyId`) with an optional time
 * window, and `/activities/latest/` (3.6, one row per task).
 *
 * @module
 */

import type { Day } from "../args.ts";
import { Query } from "../builder.ts";
import type { DisplayRow } from "../display.ts";
import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import type { Columns } from "../frame.ts";
import { type Compiled, type Plan, planOf, type QueryContext } from "../query.ts";
import { ActivityPage, LatestActivityList } from "../schemas/activities.ts";
import { between, since, until } from "../window.ts";
import {
  activityBounds,
  type ActivityWindow,
  describeActivityWindow,
  type LastDaysOptions,
  withLastDays,
  withoutEnd,
} from "../analysis/activity_window.ts";
import type { AnalysisQuery } from "../analysis/analysis_query.ts";
import {
  type AnalysedActivity,
  invalidationsQuery,
  perUserQuery,
  validationLatencyQuery,
} from "../analysis/activity_analyses.ts";
import type { InvalidationRow } from "../analysis/invalidations.ts";
import type { UserActivityRow } from "../analysis/per_user.ts";
import type { ValidationLatencyRow } from "../analysis/validation_latency.ts";
import { requireWholeLog } from "../analysis/whole_log.ts";
import type { ProjectArgs } from "./project_args.ts";
import type { Activity, LatestActivity } from "../rows.ts";

const ISSUE_FIELDS = { categoryId: "int", name: "str", count: "int" } as const;

/** The activity frame's columns and dtypes. */
export const ACTIVITY_COLUMNS: Columns<Activity> = {
  historyId: { kind: "int" },
  taskId: { kind: "int" },
  action: { kind: "str" },
  actionText: { kind: "str" },
  actionDate: { kind: "datetime" },
  actionBy: { kind: "str" },
  pictureUrl: { kind: "str" },
  issues: { kind: "list<struct>", fields: ISSUE_FIELDS },
};

/** The `/activities/` spec: 10 rows a page, keyed by `historyId`. */
export const ACTIVITIES_ENDPOINT: Endpoint<ActivityPage, Activity, ProjectArgs> = defineEndpoint({
  request: ({ projectId }) => ({ path: `projects/${projectId}/activities/`, params: {} }),
  body: ActivityPage,
  rows: (page) => page.activity,
  pagination: (page) => page.pagination,
  key: (row) => row.historyId,
  columns: ACTIVITY_COLUMNS,
  perPage: 10,
});

/** The `/activities/latest/` spec: one row per task, keyed by `taskId`. */
export const LATEST_ACTIVITY_ENDPOINT: Endpoint<LatestActivityList, LatestActivity, ProjectArgs> =
  defineEndpoint({
    request: ({ projectId }) => ({ path: `projects/${projectId}/activities/latest/`, params: {} }),
    body: LatestActivityList,
    rows: (body) => body.activity,
    key: (row) => row.taskId,
    columns: {
      taskId: { kind: "int" },
      taskStatus: { kind: "str" },
      actionDate: { kind: "datetime" },
      actionBy: { kind: "str" },
    },
  });

/**
 * Milliseconds since the epoch of a TM timestamp (any of its shapes; UTC). The fraction is
 * truncated to milliseconds, which keeps comparisons with millisecond bounds exact.
 *
 * @example
 * ```ts
 * import { tmInstant } from "./activities.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(tmInstant("2024-05-01T00:00:00.000999Z"), Date.UTC(2024, 4, 1));
 * assert.equal(tmInstant("2024-05-01T00:00:01+00:00Z"), Date.UTC(2024, 4, 1, 0, 0, 1));
 * ```
 */
export function tmInstant(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,3})?/.exec(text);
  return match ? Date.parse(`${match[1]}${match[2] ?? ""}Z`) : NaN;
}

/**
 * The plan of one project's activity within a window: rows outside it are dropped, and
 * paging stops after the first page whose last row is older than `since` (or than the
 * newest row minus `daysBeforeNewest` days).
 */
export function activitiesPlan(
  projectId: number,
  window: ActivityWindow = {},
  limit?: number,
): Plan<Activity> {
  const bounds = activityBounds(window, (row) => tmInstant(row.actionDate));
  return planOf(ACTIVITIES_ENDPOINT, { projectId }, { limit, ...bounds });
}

/**
 * A project's activity: every non-comment task history row, newest first, with `actionDate`
 * as Datetime (UTC). `since()`, `until()` and `between()` keep a time window (since
 * inclusive, until exclusive); because TM sends activity newest first, paging stops at the
 * first page that ends before `since`, so a recent window costs a few requests whatever the
 * project's size. With a window, `count()` reads the window's pages: it is the window's rows,
 * as `frame().height` is, not TM's total.
 *
 * @example The last 30 days of a project's activity
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const project = emulator.world.projects.find((p) => p.status === "PUBLISHED" && !p.private)!;
 *   const since = new Date(emulator.world.now / 1000 - 30 * 86_400_000);
 *   const query = tm.project(project.id).activities().since(since);
 *   const recent = await query.frame();
 *   const stamps = recent.getColumn("actionDate").toArray() as unknown as Date[];
 *   assert.ok(stamps.every((at) => at >= since));
 *   assert.equal(await query.count(), recent.height);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ActivitiesQuery extends Query<Activity> {
  readonly #projectId: number;
  readonly #window: ActivityWindow;
  readonly #limit: number | undefined;

  /** Use `client.project(id).activities()`. */
  constructor(
    context: QueryContext,
    projectId: number,
    window: ActivityWindow = {},
    limit?: number,
  ) {
    super(context);
    this.#projectId = projectId;
    this.#window = Object.freeze({ ...window });
    this.#limit = limit;
  }

  #with(window: ActivityWindow): ActivitiesQuery {
    return new ActivitiesQuery(this.context, this.#projectId, window, this.#limit);
  }

  /**
   * One part: the project's activity log within the window.
   * @ignore
   */
  protected compile(): Compiled<Activity> {
    const what = `activities of project ${this.#projectId}`;
    const plan = activitiesPlan(this.#projectId, this.#window, this.#limit);
    return { what, columns: ACTIVITY_COLUMNS, parts: [{ label: what, plan }] };
  }

  /**
   * The project, the window and the limit.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    return [
      ["project", this.#projectId],
      ...describeActivityWindow(this.#window),
      ["limit", this.#limit],
    ];
  }

  /**
   * The newest `limit` rows of the window.
   * @ignore
   */
  protected withLimit(limit: number): ActivitiesQuery {
    return new ActivitiesQuery(this.context, this.#projectId, this.#window, limit);
  }

  /** The window set so far (frozen), as epoch milliseconds. */
  get window(): ActivityWindow {
    return this.#window;
  }

  /** Rows at or after `start`: a `Date` is that instant, a `"YYYY-MM-DD"` day its midnight UTC. */
  since(start: Day): ActivitiesQuery {
    return this.#with(since(this.#window, start));
  }

  /** Rows strictly before `end`: `until("2024-02-01")` ends with January. */
  until(end: Day): ActivitiesQuery {
    return this.#with(until(this.#window, end));
  }

  /** Rows at or after `start` and strictly before `end`: `since(start).until(end)`. */
  between(start: Day, end: Day): ActivitiesQuery {
    return this.#with(between(this.#window, start, end));
  }

  /**
   * Rows of the last `days` days: up to now (`{ from: "now" }`, the default: `since(now − days)`,
   * fixed when called), or up to the log's newest row (`{ from: "data" }`, which the first
   * page tells). It combines with `since`/`until`: a row is kept when it meets every bound.
   */
  lastDays(days: number, options: LastDaysOptions = {}): ActivitiesQuery {
    return this.#with(withLastDays(this.#window, days, options, Date.now()));
  }

  #analysed(what: string): AnalysedActivity {
    requireWholeLog(what, this.#limit);
    const id = this.#projectId;
    return {
      recent: new ActivitiesQuery(this.context, id, withoutEnd(this.#window)),
      whole: new ActivitiesQuery(this.context, id),
      window: this.#window,
      projectId: id,
      from: `the activity of project ${id}`,
    };
  }

  /** Per-user activity in the window (columns in the README, "Answers: analyst queries"). */
  perUser(): AnalysisQuery<UserActivityRow> {
    return perUserQuery(this.#analysed("per-user activity"));
  }

  /** The invalidations in the window, each with the mapper whose work it undid. */
  invalidations(): AnalysisQuery<InvalidationRow> {
    return invalidationsQuery(this.#analysed("invalidations"));
  }

  /** The validations in the window, each with its MAPPED change and the hours between. */
  validationLatency(): AnalysisQuery<ValidationLatencyRow> {
    return validationLatencyQuery(this.#analysed("validation latency"));
  }
}
