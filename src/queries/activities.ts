/**
 * A project's activity: `GET /projects/{id}/activities/` (reference 3.5, every non-comment
 * history row, newest first, 10 a page, deduplicated by `historyId`) with an optional time
 * window, and `/activities/latest/` (3.6, one row per task).
 *
 * @module
 */

import { requirePositiveInteger, show, toDay } from "../args.ts";
import { Query } from "../builder.ts";
import type { Columns } from "../frame.ts";
import type { Endpoint, Plan, QueryContext } from "../query.ts";
import {
  type Activity,
  ActivityPage,
  type LatestActivity,
  LatestActivityList,
} from "../schemas/activities.ts";
import { listEndpoint } from "./list.ts";

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
export const ACTIVITIES_ENDPOINT: Endpoint<ActivityPage, Activity> = {
  page: ActivityPage,
  rows: (page) => page.activity,
  pagination: (page) => page.pagination,
  key: (row) => row.historyId,
  columns: ACTIVITY_COLUMNS,
  perPage: 10,
};

/** The `/activities/latest/` spec: one row per task, keyed by `taskId`. */
export const LATEST_ACTIVITY_ENDPOINT: Endpoint<LatestActivityList, LatestActivity> = listEndpoint({
  page: LatestActivityList,
  rows: (body) => body.activity,
  key: (row) => row.taskId,
  columns: {
    taskId: { kind: "int" },
    taskStatus: { kind: "str" },
    actionDate: { kind: "datetime" },
    actionBy: { kind: "str" },
  },
});

/** A time window over activity: epoch milliseconds, `since` inclusive, `until` exclusive. */
export interface ActivityWindow {
  readonly since?: number;
  readonly until?: number;
  readonly limit?: number;
}

/**
 * Milliseconds since the epoch of a TM timestamp (any of its shapes; UTC). The fraction is
 * truncated to milliseconds, which keeps comparisons with millisecond bounds exact.
 *
 * @example
 * ```ts
 * import { instantOf } from "./activities.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(instantOf("2024-05-01T00:00:00.000999Z"), Date.UTC(2024, 4, 1));
 * assert.equal(instantOf("2024-05-01T00:00:01+00:00Z"), Date.UTC(2024, 4, 1, 0, 0, 1));
 * ```
 */
export function instantOf(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,3})?/.exec(text);
  return match ? Date.parse(`${match[1]}${match[2] ?? ""}Z`) : NaN;
}

/** Reads a window bound: a `Date` is that instant, a `"YYYY-MM-DD"` day its midnight UTC. */
export function toInstant(name: string, value: unknown): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RangeError(`Cannot use ${name} ${show(value)}: it is not a valid date`);
    }
    return value.getTime();
  }
  return Date.parse(`${toDay(name, value)}T00:00:00Z`);
}

/** A window with `patch` applied; `RangeError` when `until` is not later than `since`. */
export function mergeWindow(window: ActivityWindow, patch: ActivityWindow): ActivityWindow {
  const merged = { ...window, ...patch };
  if (merged.since !== undefined && merged.until !== undefined && merged.until <= merged.since) {
    throw new RangeError(
      `Cannot use the window since ${new Date(merged.since).toISOString()} until ${
        new Date(merged.until).toISOString()
      }: until must be later than since`,
    );
  }
  return merged;
}

/**
 * The plan of one project's activity within a window: rows outside it are dropped, and
 * paging stops after the first page whose last row is older than `since`.
 */
export function activitiesPlan(
  projectId: number,
  window: ActivityWindow = {},
): Plan<ActivityPage, Activity> {
  const { since, until } = window;
  const inWindow = since === undefined && until === undefined ? undefined : (row: Activity) => {
    const at = instantOf(row.actionDate);
    return (since === undefined || at >= since) && (until === undefined || at < until);
  };
  const isPastEnd = since === undefined ? undefined : (rows: readonly Activity[]) => {
    const last = rows[rows.length - 1];
    return last === undefined || instantOf(last.actionDate) < since;
  };
  return {
    endpoint: ACTIVITIES_ENDPOINT,
    path: `projects/${projectId}/activities/`,
    params: {},
    limit: window.limit,
    keep: inWindow,
    isPastEnd,
  };
}

/**
 * A project's activity: every non-comment task history row, newest first, with `actionDate`
 * as Datetime (UTC). `since()`/`until()` keep a time window; because TM sends activity newest
 * first, paging stops at the first page that ends before `since`, so a recent window costs a
 * few requests whatever the project's size.
 *
 * `count()` is TM's `pagination.total`: every activity row of the project, whatever the
 * window (the window is applied to the rows as they arrive). The height of `frame()` is the
 * window's count.
 *
 * @example The last 30 days of a project's activity
 * ```ts
 * import { createClient, startEmulator } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const project = emulator.world.projects.find((p) => p.status === "PUBLISHED" && !p.private)!;
 *   const since = new Date(emulator.world.now / 1000 - 30 * 86_400_000);
 *   const recent = await tm.project(project.id).activities().since(since).frame();
 *   const stamps = recent.getColumn("actionDate").toArray() as unknown as Date[];
 *   assert.ok(stamps.every((at) => at >= since));
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ActivitiesQuery extends Query<ActivityPage, Activity> {
  readonly #projectId: number;
  readonly #window: ActivityWindow;

  /** Use `client.project(id).activities()`. */
  constructor(context: QueryContext, projectId: number, window: ActivityWindow = {}) {
    super(context);
    this.#projectId = requirePositiveInteger("project id", projectId);
    this.#window = Object.freeze({ ...window });
  }

  #with(patch: ActivityWindow): ActivitiesQuery {
    return new ActivitiesQuery(this.context, this.#projectId, mergeWindow(this.#window, patch));
  }

  /** Plan for the shared verbs. */
  protected plan(): Plan<ActivityPage, Activity> {
    return activitiesPlan(this.#projectId, this.#window);
  }

  /** The window set so far (frozen), as epoch milliseconds. */
  get window(): Readonly<ActivityWindow> {
    return this.#window;
  }

  /**
   * Rows at or after `start`: a `Date` is that instant, a `"YYYY-MM-DD"` day its midnight UTC.
   * Paging stops at the first page that ends before it.
   */
  since(start: Date | string): ActivitiesQuery {
    return this.#with({ since: toInstant("since", start) });
  }

  /** Rows strictly before `end` (a `Date`, or a day's midnight UTC): `until("2024-02-01")` ends with January. */
  until(end: Date | string): ActivitiesQuery {
    return this.#with({ until: toInstant("until", end) });
  }

  /** At most `n` rows (the newest); no more pages are fetched than needed. */
  limit(n: number): ActivitiesQuery {
    return this.#with({ limit: requirePositiveInteger("limit", n) });
  }
}
