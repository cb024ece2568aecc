/**
 * `tm.taskStatistics()`: mapped, validated and bad-imagery state changes per day, over
 * `GET /tasks/statistics/` (reference 3.12, token required). TM refuses a range longer than
 * a year, so a longer `between()` is split into consecutive windows of at most 366 days,
 * requested concurrently through the client's limiter and joined in order: the caller never
 * meets the cap.
 *
 * @module
 */

import { type Day, requirePositiveInteger, requireText } from "../args.ts";
import { Query } from "../builder.ts";
import type { DisplayRow } from "../display.ts";
import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import { type Many, manyOf } from "../many.ts";
import { type Compiled, planOf, type QueryContext } from "../query.ts";
import { TaskStatisticsBody } from "../schemas/task_statistics.ts";
import {
  between,
  dayAfter,
  describeWindow,
  midnightOf,
  since,
  type TimeWindow,
  until,
} from "../window.ts";
import type { TaskStatisticsDay } from "../rows.ts";

const DAY_MS = 86_400_000;
/** Days per window: TM accepts `endDate - startDate` up to 366 days; 366 inclusive days are safe. */
const WINDOW_DAYS = 366;

/** The filters of a task statistics query, besides its window. */
export interface TaskStatisticsFilters {
  /** Projects of an organisation, by exact name or by id. */
  readonly organisation?: string | number;
  /** Projects of a campaign, by exact name. */
  readonly campaign?: string;
  /** Only these projects. */
  readonly projects?: readonly number[];
  /** Projects whose country contains this text. */
  readonly country?: string;
}

/** One request of task statistics: the filters and an inclusive range of days. */
export interface TaskStatisticsArgs extends TaskStatisticsFilters {
  /** The first day, `YYYY-MM-DD`. */
  readonly from: string;
  /** The last day, included, `YYYY-MM-DD`. */
  readonly to: string;
}

/** `/tasks/statistics/`: one row per day with any such change; `date` is a Date. */
export const TASK_STATISTICS_ENDPOINT: Endpoint<
  TaskStatisticsBody,
  TaskStatisticsDay,
  TaskStatisticsArgs
> = defineEndpoint({
  request: (args) => {
    const organisation = args.organisation;
    return {
      path: "tasks/statistics/",
      params: {
        startDate: args.from,
        endDate: args.to,
        organisationName: typeof organisation === "string" ? organisation : undefined,
        organisationId: typeof organisation === "number" ? organisation : undefined,
        campaign: args.campaign,
        projectId: args.projects,
        country: args.country,
      },
    };
  },
  body: TaskStatisticsBody,
  rows: (body) => body.taskStats,
  key: (row) => row.date,
  auth: "required",
  columns: {
    date: { kind: "date" },
    mapped: { kind: "int" },
    validated: { kind: "int" },
    badImagery: { kind: "int" },
  },
});

function addDays(day: string, days: number): string {
  return dayAfter(Date.parse(`${day}T00:00:00Z`), days);
}

/**
 * Splits an inclusive day range into consecutive windows of at most 366 days.
 *
 * @example
 * ```ts
 * import { splitRange } from "./task_statistics.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(splitRange("2023-01-01", "2024-12-31"), [
 *   ["2023-01-01", "2024-01-01"],
 *   ["2024-01-02", "2024-12-31"],
 * ]);
 * ```
 */
export function splitRange(start: string, end: string): [string, string][] {
  const windows: [string, string][] = [];
  for (let from = start; from <= end;) {
    const last = addDays(from, WINDOW_DAYS - 1);
    const to = last < end ? last : end;
    windows.push([from, to]);
    from = addDays(to, 1);
  }
  return windows;
}

/**
 * Task statistics per day. `since(day)` is required; `until(day)` is excluded and defaults to
 * the end of today (UTC); `between(start, end)` sets both. TM filters by whole days and
 * refuses a range longer than a year, so a longer window is compiled into consecutive windows
 * of at most 366 days, one request each, joined in order. The other filters are TM's and
 * AND-ed. `limit(n)` keeps the first `n` days of the whole window.
 *
 * @example Three years of a campaign, in one frame
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40, campaignProjects: 10 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, token: emulator.tokens[0]!.token });
 *   const query = tm.taskStatistics().between("2023-06-01", "2026-06-01").campaign("Emulator Campaign");
 *   assert.equal(query.url().searchParams.get("endDate"), "2024-05-31");
 *   assert.equal(query.urls().length, 3);
 *   const frame = await query.frame();
 *   assert.deepEqual(frame.columns, ["date", "mapped", "validated", "badImagery"]);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class TaskStatisticsQuery extends Query<TaskStatisticsDay> {
  readonly #window: TimeWindow;
  readonly #filters: TaskStatisticsFilters;
  readonly #limit: number | undefined;

  /** Use `client.taskStatistics()`. */
  constructor(
    context: QueryContext,
    window: TimeWindow = {},
    filters: TaskStatisticsFilters = {},
    limit?: number,
  ) {
    super(context);
    this.#window = Object.freeze({ ...window });
    this.#filters = Object.freeze({ ...filters });
    this.#limit = limit;
  }

  #with(patch: TaskStatisticsFilters): TaskStatisticsQuery {
    const filters = { ...this.#filters, ...patch };
    return new TaskStatisticsQuery(this.context, this.#window, filters, this.#limit);
  }

  #within(window: TimeWindow): TaskStatisticsQuery {
    return new TaskStatisticsQuery(this.context, window, this.#filters, this.#limit);
  }

  /** The filters set so far (frozen). */
  get filters(): Readonly<TaskStatisticsFilters> {
    return this.#filters;
  }

  /**
   * One part per window of at most 366 days.
   * @ignore
   */
  protected compile(): Compiled<TaskStatisticsDay> {
    const { since, until } = this.#window;
    if (since === undefined) {
      throw new TypeError(
        "Cannot build a task statistics request: call since(day) or between(start, end) first",
      );
    }
    const end = until ?? Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
    const windows = splitRange(dayAfter(since, 0), dayAfter(end, -1));
    return {
      what: "task statistics",
      unit: "window",
      columns: TASK_STATISTICS_ENDPOINT.columns,
      limit: this.#limit,
      parts: windows.map(([from, to]) => ({
        label: `${from} to ${to}`,
        plan: planOf(TASK_STATISTICS_ENDPOINT, { ...this.#filters, from, to }),
      })),
    };
  }

  /**
   * The window and the filters that were set, in domain words.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    const filters = this.#filters;
    return [
      ...describeWindow("window", this.#window),
      ["organisation", filters.organisation],
      ["campaign", filters.campaign],
      ["projects", filters.projects],
      ["country", filters.country],
      ["limit", this.#limit === undefined ? undefined : `${this.#limit} days`],
    ];
  }

  /**
   * The first `limit` days with changes.
   * @ignore
   */
  protected withLimit(limit: number): TaskStatisticsQuery {
    return new TaskStatisticsQuery(this.context, this.#window, this.#filters, limit);
  }

  /** Days from `start` on (a day, or a `Date` at midnight UTC). */
  since(start: Day): TaskStatisticsQuery {
    return this.#within(since(this.#window, start, midnightOf));
  }

  /** Days before `end` (excluded). @default the end of today (UTC) */
  until(end: Day): TaskStatisticsQuery {
    return this.#within(until(this.#window, end, midnightOf));
  }

  /** Days from `start` (included) to `end` (excluded); longer than a year is fine. */
  between(start: Day, end: Day): TaskStatisticsQuery {
    return this.#within(between(this.#window, start, end, midnightOf));
  }

  /** Projects of an organisation, by exact name or by id. */
  organisation(nameOrId: string | number): TaskStatisticsQuery {
    const value = typeof nameOrId === "number"
      ? requirePositiveInteger("organisation id", nameOrId)
      : requireText("organisation", nameOrId);
    return this.#with({ organisation: value });
  }

  /** Projects of a campaign, by exact name. */
  campaign(name: string): TaskStatisticsQuery {
    return this.#with({ campaign: requireText("campaign", name) });
  }

  /** Only these projects: `projects(1, 2)` or `projects([1, 2])`. */
  projects(...ids: Many<number>[]): TaskStatisticsQuery {
    const checked = manyOf("projects", ids, (id) => requirePositiveInteger("project id", id));
    return this.#with({ projects: checked });
  }

  /** Projects whose country contains this text (TM's `ILIKE %country%`). */
  country(name: string): TaskStatisticsQuery {
    return this.#with({ country: requireText("country", name) });
  }
}
