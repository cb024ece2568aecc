/**
 * `GET /users/{id}/tasks/` (token): the tasks a user touched, across projects, with each
 * task's current state; TM's snake_case parameters spelled here and nowhere else.
 *
 * @module
 */

import { type Day, requireOneOf, requirePositiveInteger, requireText } from "../args.ts";
import { Query } from "../builder.ts";
import type { DisplayRow } from "../display.ts";
import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import { type Compiled, planOf, type QueryContext } from "../query.ts";
import { UserTaskPage } from "../schemas/user_tasks.ts";
import { between, describeWindow, since, type TimeWindow, until } from "../window.ts";
import type { UserTask } from "../rows.ts";

/** Sort orders of a user's tasks. */
export type UserTaskOrder = "newest" | "oldest" | "projectAsc" | "projectDesc";

const ORDERS: Readonly<Record<UserTaskOrder, string>> = {
  newest: "-action_date",
  oldest: "action_date",
  projectAsc: "project_id",
  projectDesc: "-project_id",
};

/** The filters of a user's tasks, in domain words. */
export interface UserTaskFilters {
  /** The user, by id. */
  readonly userId: number;
  /** Only tasks where the user's latest state change set this status (`MAPPED`, `VALIDATED` ...). */
  readonly status?: string;
  /** Only tasks of projects in this status. */
  readonly projectStatus?: string;
  /** Only tasks of this project. */
  readonly projectId?: number;
  /** Only actions in this window. */
  readonly window?: TimeWindow;
  /** The order. @default "newest" on the server */
  readonly orderBy?: UserTaskOrder;
}

/** An instant as TM's naive UTC timestamp, to the microsecond. */
function naive(at: number, micros = "000"): string {
  return new Date(at).toISOString().replace("Z", micros);
}

/** TM compares `end_date` with `<=`: the last microsecond before `until` keeps it excluded. */
function endDate(until: number | undefined): string | undefined {
  return until === undefined ? undefined : naive(until - 1, "999");
}

/** `/users/{id}/tasks/`: 10 tasks a page, keyed by project and task. */
export const USER_TASKS_ENDPOINT: Endpoint<UserTaskPage, UserTask, UserTaskFilters> =
  defineEndpoint({
    request: (filters) => ({
      path: `users/${filters.userId}/tasks/`,
      params: {
        status: filters.status,
        project_status: filters.projectStatus,
        project_id: filters.projectId,
        start_date: filters.window?.since === undefined ? undefined : naive(filters.window.since),
        end_date: endDate(filters.window?.until),
        sort_by: filters.orderBy === undefined ? undefined : ORDERS[filters.orderBy],
      },
    }),
    body: UserTaskPage,
    rows: (body) => body.tasks,
    // A date TM cannot parse gives `{"total": 0}` and no tasks: one empty page.
    pagination: (body) => "page" in body.pagination ? body.pagination : undefined,
    key: (row) => `${row.projectId}/${row.taskId}`,
    auth: "required",
    columns: {
      projectId: { kind: "int" },
      taskId: { kind: "int" },
      taskStatus: { kind: "str" },
      lockHolder: { kind: "str" },
      autoUnlockSeconds: { kind: "float" },
      lastUpdated: { kind: "datetime" },
      numberOfComments: { kind: "int" },
    },
    perPage: 10,
  });

/**
 * The tasks a user touched (token required), one row per task with its current state.
 *
 * @example Tasks a user mapped in 2025
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/", token: "example" });
 * const query = tm.user(42).tasks().status("MAPPED").between("2025-01-01", "2026-01-01");
 * assert.equal(
 *   query.url().search,
 *   "?status=MAPPED&start_date=2025-01-01T00%3A00%3A00.000000&end_date=2025-12-31T23%3A59%3A59.999999",
 * );
 * ```
 */
export class UserTasksQuery extends Query<UserTask> {
  readonly #filters: UserTaskFilters;
  readonly #limit: number | undefined;

  /** Use `client.user(id).tasks()`. */
  constructor(context: QueryContext, filters: UserTaskFilters, limit?: number) {
    super(context);
    this.#filters = Object.freeze({ ...filters });
    this.#limit = limit;
  }

  #with(patch: Partial<UserTaskFilters>): UserTasksQuery {
    return new UserTasksQuery(this.context, { ...this.#filters, ...patch }, this.#limit);
  }

  /**
   * One part: the user's tasks, page by page.
   * @ignore
   */
  protected compile(): Compiled<UserTask> {
    const plan = planOf(USER_TASKS_ENDPOINT, this.#filters, { limit: this.#limit });
    const what = `tasks of user ${this.#filters.userId}`;
    return { what, columns: plan.columns, parts: [{ label: what, plan }] };
  }

  /**
   * The user and the filters that were set.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    const f = this.#filters;
    return [
      ["user id", f.userId],
      ["status", f.status],
      ["project status", f.projectStatus],
      ["project", f.projectId],
      ...describeWindow("window", f.window ?? {}),
      ["order", f.orderBy],
      ["limit", this.#limit],
    ];
  }

  /**
   * The same tasks, at most `limit`.
   * @ignore
   */
  protected withLimit(limit: number): UserTasksQuery {
    return new UserTasksQuery(this.context, this.#filters, limit);
  }

  /** Tasks whose latest change by the user set this status (`MAPPED`, `VALIDATED` ...). */
  status(status: string): UserTasksQuery {
    return this.#with({ status: requireText("status", status) });
  }

  /** Tasks of projects in this status (`PUBLISHED`, `ARCHIVED`, `DRAFT`). */
  projectStatus(status: string): UserTasksQuery {
    return this.#with({ projectStatus: requireText("projectStatus", status) });
  }

  /** Tasks of one project. */
  project(projectId: number): UserTasksQuery {
    return this.#with({ projectId: requirePositiveInteger("project id", projectId) });
  }

  /** Actions at or after `start`. */
  since(start: Day): UserTasksQuery {
    return this.#with({ window: since(this.#filters.window ?? {}, start) });
  }

  /** Actions strictly before `end`. */
  until(end: Day): UserTasksQuery {
    return this.#with({ window: until(this.#filters.window ?? {}, end) });
  }

  /** Actions at or after `start` and strictly before `end`. */
  between(start: Day, end: Day): UserTasksQuery {
    return this.#with({ window: between(this.#filters.window ?? {}, start, end) });
  }

  /** The order: `"newest"` (TM's default), `"oldest"`, `"projectAsc"` or `"projectDesc"`. */
  orderBy(order: UserTaskOrder): UserTasksQuery {
    const orders = Object.keys(ORDERS) as UserTaskOrder[];
    return this.#with({ orderBy: requireOneOf("orderBy", order, orders) });
  }
}
