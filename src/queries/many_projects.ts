/**
 * Many projects at once: `tm.projects(ids)` and any `tm.projects()` search offer each
 * per-project endpoint over every project, as one query whose frame has a `projectId` column
 * first. Each project is one part of the query (see `query.ts`): the one executor runs them
 * through the client's limiter, yields rows in the order of the ids given (or of the search),
 * and reports a failed project without losing the others (`frameWithFailures()`).
 *
 * @module
 */

import type { Day } from "../args.ts";
import { Query } from "../builder.ts";
import type { DisplayRow } from "../display.ts";
import type { Columns } from "../frame.ts";
import {
  type Compiled,
  forProject,
  type Plan,
  type ProjectRow,
  type QueryContext,
  withProjectIdColumn,
} from "../query.ts";

import { between, since, until } from "../window.ts";
import {
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
import { activitiesPlan, ACTIVITY_COLUMNS } from "./activities.ts";
import type { Activity } from "../rows.ts";

/** Where the projects come from: a list of ids, or the matches of a search. */
export type ProjectSource =
  | { readonly ids: readonly number[] }
  | {
    readonly search: Plan<{ projectId: number }>;
    /** The search's filters in domain words, for the display. */
    readonly filters: readonly DisplayRow[];
  };

/** One endpoint asked of each project. */
export interface PerProject<Row> {
  /** What it fetches, in words: `"activities"`. */
  readonly what: string;
  readonly columns: Columns<Row>;
  readonly auth: "required" | "public";
  /** One project's plan, with at most `limit` rows. */
  plan(projectId: number, limit: number | undefined): Plan<Row>;
}

/**
 * One endpoint over many projects. `limit(n)` keeps at most `n` rows of each project.
 *
 * @example Contributions by day of three projects, one failing
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [a, b] = emulator.world.projects;
 *   const query = tm.projects(a!.id, 999_999, b!.id).contributionsByDay();
 *   assert.equal(query.urls().length, 3);
 *   const { frame, failures } = await query.frameWithFailures();
 *   assert.equal(frame.columns[0], "projectId");
 *   assert.deepEqual(failures.map((f) => f.projectId), [999_999]);
 *   await assert.rejects(query.frame(), /999999/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ManyProjectsQuery<Row> extends Query<ProjectRow<Row>> {
  readonly #source: ProjectSource;
  readonly #each: PerProject<Row>;
  readonly #limit: number | undefined;

  /** Use the verbs of `tm.projects(ids)` or of a `tm.projects()` search. */
  constructor(
    context: QueryContext,
    source: ProjectSource,
    each: PerProject<Row>,
    limit?: number,
  ) {
    super(context);
    this.#source = source;
    this.#each = each;
    this.#limit = limit;
  }

  /**
   * The project source, for subclasses.
   * @ignore
   */
  protected get source(): ProjectSource {
    return this.#source;
  }

  /**
   * The per-project limit, for subclasses.
   * @ignore
   */
  protected get perProjectLimit(): number | undefined {
    return this.#limit;
  }

  /**
   * One part per project: known ids, or the matches of the search as its pages arrive.
   * @ignore
   */
  protected compile(): Compiled<ProjectRow<Row>> {
    const each = this.#each;
    const partFor = (projectId: number) => ({
      label: String(projectId),
      projectId,
      plan: forProject(each.plan(projectId, this.#limit), projectId),
    });
    const source = this.#source;
    return {
      what: each.what,
      unit: "project",
      columns: withProjectIdColumn(each.columns),
      parts: "ids" in source
        ? source.ids.map(partFor)
        : { search: source.search, partFor, auth: each.auth },
    };
  }

  /**
   * The search's filters when a search names the projects, and the per-project limit.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    const source = this.#source;
    const limit = this.#limit === undefined ? undefined : `${this.#limit} rows per project`;
    return [...("ids" in source ? [] : source.filters), ["limit", limit]];
  }

  /**
   * The same query with at most `limit` rows per project.
   * @ignore
   */
  protected withLimit(limit: number): ManyProjectsQuery<Row> {
    return new ManyProjectsQuery(this.context, this.#source, this.#each, limit);
  }
}

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
 * const recent = tm.projects([1, 2]).activities().since("2026-01-01").limit(50);
 * assert.deepEqual(recent.urls().map((url) => url.pathname), [
 *   "/api/v2/projects/1/activities/",
 *   "/api/v2/projects/2/activities/",
 * ]);
 * ```
 */
export class ManyActivitiesQuery extends ManyProjectsQuery<Activity> {
  readonly #window: ActivityWindow;

  /** Use `activities()` of `tm.projects(ids)` or of a search. */
  constructor(
    context: QueryContext,
    source: ProjectSource,
    window: ActivityWindow = {},
    limit?: number,
  ) {
    super(context, source, {
      what: "activities",
      columns: ACTIVITY_COLUMNS,
      auth: "public",
      plan: (projectId, limit) => activitiesPlan(projectId, window, limit),
    }, limit);
    this.#window = Object.freeze({ ...window });
  }

  #with(window: ActivityWindow): ManyActivitiesQuery {
    return new ManyActivitiesQuery(this.context, this.source, window, this.perProjectLimit);
  }

  /**
   * The window, then the search's filters and the limit.
   * @ignore
   */
  protected override describe(): DisplayRow[] {
    return [...describeActivityWindow(this.#window), ...super.describe()];
  }

  /**
   * The same activity with at most `limit` rows per project (the newest).
   * @ignore
   */
  protected override withLimit(limit: number): ManyActivitiesQuery {
    return new ManyActivitiesQuery(this.context, this.source, this.#window, limit);
  }

  /** Rows at or after `start` (a `Date`, or a day's midnight UTC), in every project. */
  since(start: Day): ManyActivitiesQuery {
    return this.#with(since(this.#window, start));
  }

  /** Rows strictly before `end` (a `Date`, or a day's midnight UTC), in every project. */
  until(end: Day): ManyActivitiesQuery {
    return this.#with(until(this.#window, end));
  }

  /** Rows at or after `start` and strictly before `end`, in every project. */
  between(start: Day, end: Day): ManyActivitiesQuery {
    return this.#with(between(this.#window, start, end));
  }

  /**
   * Rows of the last `days` days: up to now (`{ from: "now" }`, the default, fixed when
   * called), or up to the newest row of each project's log (`{ from: "data" }`).
   */
  lastDays(days: number, options: LastDaysOptions = {}): ManyActivitiesQuery {
    return this.#with(withLastDays(this.#window, days, options, Date.now()));
  }

  #analysed(what: string): AnalysedActivity {
    requireWholeLog(what, this.perProjectLimit);
    const source = this.source;
    return {
      recent: new ManyActivitiesQuery(this.context, source, withoutEnd(this.#window)),
      whole: new ManyActivitiesQuery(this.context, source),
      window: this.#window,
      from: "ids" in source
        ? `the activity of projects ${source.ids.join(", ")}`
        : "the activity of each project the search matches",
    };
  }

  /** Per-user activity in the window, over every project together. */
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
