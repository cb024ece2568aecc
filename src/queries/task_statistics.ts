/**
 * `tm.taskStatistics()`: mapped, validated and bad-imagery state changes per day, over
 * `GET /tasks/statistics/` (reference 3.12, token required). TM refuses a range longer than
 * a year, so a longer `between()` is split into consecutive windows of at most 366 days,
 * requested concurrently through the client's limiter and joined in order: the caller never
 * meets the cap.
 *
 * @module
 */

import { type Day, requirePositiveInteger, requireText, show, toDayRange } from "../args.ts";
import { Query } from "../builder.ts";
import type { DataFrame } from "../deps.ts";
import { FrameBuilder } from "../frame.ts";
import type { Page } from "../paginate.ts";
import {
  collectRecords,
  type Endpoint,
  type FetchOptions,
  type Plan,
  type QueryContext,
  requireToken,
} from "../query.ts";
import { TaskStatisticsBody, type TaskStatisticsDay } from "../schemas/task_statistics.ts";
import { listEndpoint } from "./list.ts";

const DAY_MS = 86_400_000;
/** Days per window: TM accepts `endDate - startDate` up to 366 days; 366 inclusive days are safe. */
const WINDOW_DAYS = 366;

/** `/tasks/statistics/`: one row per day with any such change; `date` is a Date. */
export const TASK_STATISTICS_ENDPOINT: Endpoint<TaskStatisticsBody, TaskStatisticsDay> =
  listEndpoint({
    page: TaskStatisticsBody,
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

/** The filters of a task statistics query. */
export interface TaskStatisticsFilters {
  readonly range?: readonly [string, string];
  readonly organisation?: string | number;
  readonly campaign?: string;
  readonly projects?: readonly number[];
  readonly country?: string;
}

function ignore(): void {}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
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
 * Task statistics per day. `between(start, end)` is required (both days inclusive); the other
 * filters are TM's and AND-ed. `url()` is the first window's URL; `count()` is the number of
 * days with changes, which takes one request per window.
 *
 * @example Three years of a campaign, in one frame
 * ```ts
 * import { createClient, startEmulator } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40, campaignProjects: 10 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, token: emulator.tokens[0]!.token });
 *   const query = tm.taskStatistics().between("2023-06-01", "2026-05-31").campaign("Emulator Campaign");
 *   assert.equal(query.url().searchParams.get("endDate"), "2024-05-31");
 *   const frame = await query.frame();
 *   assert.deepEqual(frame.columns, ["date", "mapped", "validated", "badImagery"]);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class TaskStatisticsQuery extends Query<TaskStatisticsBody, TaskStatisticsDay> {
  readonly #filters: TaskStatisticsFilters;

  /** Use `client.taskStatistics()`. */
  constructor(context: QueryContext, filters: TaskStatisticsFilters = {}) {
    super(context);
    this.#filters = Object.freeze({ ...filters });
  }

  #with(patch: TaskStatisticsFilters): TaskStatisticsQuery {
    return new TaskStatisticsQuery(this.context, { ...this.#filters, ...patch });
  }

  /** The filters set so far (frozen). */
  get filters(): Readonly<TaskStatisticsFilters> {
    return this.#filters;
  }

  #plans(): Plan<TaskStatisticsBody, TaskStatisticsDay>[] {
    const range = this.#filters.range;
    if (range === undefined) {
      throw new TypeError(
        "Cannot build a task statistics request: call between(start, end) first",
      );
    }
    const organisation = this.#filters.organisation;
    return splitRange(range[0], range[1]).map(([from, to]) => ({
      endpoint: TASK_STATISTICS_ENDPOINT,
      path: "tasks/statistics/",
      params: {
        startDate: from,
        endDate: to,
        organisationName: typeof organisation === "string" ? organisation : undefined,
        organisationId: typeof organisation === "number" ? organisation : undefined,
        campaign: this.#filters.campaign,
        projectId: this.#filters.projects,
        country: this.#filters.country,
      },
    }));
  }

  /** The first window's plan (for `url()` and display). */
  protected plan(): Plan<TaskStatisticsBody, TaskStatisticsDay> {
    return this.#plans()[0] as Plan<TaskStatisticsBody, TaskStatisticsDay>;
  }

  /** The days from `start` to `end`, both inclusive; longer than a year is fine. */
  between(start: Day, end: Day): TaskStatisticsQuery {
    if (start === null || end === null || start === undefined || end === undefined) {
      throw new TypeError(
        `Cannot use between(${show(start)}, ${show(end)}): give both a start and an end day`,
      );
    }
    const [from, to] = toDayRange("between", start, end);
    return this.#with({ range: [from as string, to as string] });
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

  /** Only these projects. */
  projects(...ids: number[]): TaskStatisticsQuery {
    if (ids.length === 0) throw new RangeError("Cannot use projects(): give at least one id");
    const checked = ids.map((id) => requirePositiveInteger("project id", id));
    return this.#with({ projects: [...new Set(checked)] });
  }

  /** Projects whose country contains this text (TM's `ILIKE %country%`). */
  country(name: string): TaskStatisticsQuery {
    return this.#with({ country: requireText("country", name) });
  }

  /** One page per window, in order; the windows are requested concurrently. */
  override async *pages(
    options: FetchOptions = {},
  ): AsyncGenerator<Page<TaskStatisticsDay>, void, undefined> {
    const plans = this.#plans();
    requireToken(this.context, plans[0] as Plan<TaskStatisticsBody, TaskStatisticsDay>);
    const controller = new AbortController();
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const pending = plans.map((plan) =>
      collectRecords(this.context, plan, {
        signal,
        progress: false,
        provenance: options.provenance,
      })
    );
    for (const promise of pending) promise.catch(ignore);
    let rows = 0;
    try {
      for (const [index, promise] of pending.entries()) {
        const days = await promise;
        rows += days.length;
        options.onProgress?.({
          pagesDone: index + 1,
          pagesTotal: plans.length,
          rows,
          total: undefined,
        });
        yield { number: index + 1, pages: plans.length, total: days.length, pass: 1, rows: days };
      }
    } finally {
      controller.abort(new DOMException("task statistics finished", "AbortError"));
    }
  }

  /** The days, in order. */
  override async *rows(options?: FetchOptions): AsyncGenerator<TaskStatisticsDay, void, undefined> {
    for await (const page of this.pages(options)) yield* page.rows;
  }

  /** Every day with changes, in an array. */
  override async records(options?: FetchOptions): Promise<TaskStatisticsDay[]> {
    const days: TaskStatisticsDay[] = [];
    for await (const page of this.pages(options)) days.push(...page.rows);
    return days;
  }

  /** How many days had changes (one request per window). */
  override async count(options?: FetchOptions): Promise<number> {
    return (await this.records(options)).length;
  }

  /** Every day with changes, as a frame: `date` (Date), `mapped`, `validated`, `badImagery` (Int64). */
  override async frame(options?: FetchOptions): Promise<DataFrame> {
    const builder = new FrameBuilder(TASK_STATISTICS_ENDPOINT.columns);
    for await (const page of this.pages(options)) builder.add(page.rows);
    return builder.finish();
  }
}
