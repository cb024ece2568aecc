/**
 * Many projects at once: `tm.projects([ids])` and any `tm.projects()` search offer
 * `activities()`, `latestActivity()`, `contributions()` and `contributionsByDay()` over every
 * project, as one frame with a `projectId` column first.
 *
 * Every request goes through the client's one limiter, so the client's `concurrency` bounds
 * them all together. A search's projects are started as its pages arrive. Rows come in the
 * order of the ids given, or of the search, whatever order the answers arrive in.
 *
 * A failing project does not lose the others: `frame()`/`records()` throw
 * {@link ProjectsFailedError} naming every failed project and its cause, after every project
 * was tried; `frameWithFailures()`/`recordsWithFailures()` return what succeeded plus the
 * failures. A failure of the search itself, or an abort, rejects as it is.
 *
 * @module
 */

import { requirePositiveInteger, show } from "../args.ts";
import type { DataFrame } from "../deps.ts";
import { TmError } from "../errors.ts";
import { type Columns, FrameBuilder } from "../frame.ts";
import {
  collectRecords,
  type FetchOptions,
  type Plan,
  planUrl,
  type QueryContext,
} from "../query.ts";

/** One project that could not be fetched, and why. */
export interface ProjectFailure {
  readonly projectId: number;
  readonly error: Error;
}

/**
 * Some projects of a many-projects query failed (the others succeeded). `failures` lists
 * each failed project with its error, in the query's project order.
 *
 * @example
 * ```ts
 * import { ProjectsFailedError } from "./many_projects.ts";
 * import { ApiError, TmError } from "../errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new ProjectsFailedError({
 *   what: "activities",
 *   projects: 30,
 *   failures: [{ projectId: 7, error: new ApiError({ url: "https://tm.example/api/v2/projects/7/activities/", status: 403 }) }],
 * });
 * assert.ok(error instanceof TmError);
 * assert.match(error.message, /^Cannot fetch activities of 1 of 30 projects: 7 /);
 * ```
 */
export class ProjectsFailedError extends TmError {
  override name = "ProjectsFailedError";
  /** The failed projects, in the query's order. */
  readonly failures: readonly ProjectFailure[];
  /** How many projects were tried. */
  readonly projects: number;

  /** Builds the error; the message names every failed project (the first ten with causes). */
  constructor(init: { what: string; projects: number; failures: readonly ProjectFailure[] }) {
    const named = init.failures.slice(0, 10).map((f) => `${f.projectId} (${f.error.message})`);
    const more = init.failures.length > 10
      ? `, and ${init.failures.slice(10).map((f) => f.projectId).join(", ")}`
      : "";
    super(
      `Cannot fetch ${init.what} of ${init.failures.length} of ${init.projects} projects: ` +
        `${named.join("; ")}${more}; frameWithFailures() returns the others`,
      { cause: init.failures[0]?.error },
    );
    this.failures = init.failures;
    this.projects = init.projects;
  }
}

/** Where project ids come from: lists of ids, in order (a search yields one list per page). */
export type ProjectIds = (signal: AbortSignal) => AsyncIterable<readonly number[]>;

/** A row of a many-projects frame: the endpoint's row with its project id. */
export type ProjectRow<Row> = Row & { projectId: number };

/** What `recordsWithFailures()` returns. */
export interface RecordsWithFailures<Row> {
  records: ProjectRow<Row>[];
  failures: ProjectFailure[];
}

/** What `frameWithFailures()` returns. */
export interface FrameWithFailures {
  frame: DataFrame;
  failures: ProjectFailure[];
}

function ignore(): void {}

/**
 * One endpoint over many projects. Build it with `tm.projects([ids])` or a `tm.projects()`
 * search and one of their verbs.
 *
 * @example Contributions by day of three projects, one failing
 * ```ts
 * import { createClient, startEmulator } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [a, b] = emulator.world.projects;
 *   const query = tm.projects([a!.id, 999_999, b!.id]).contributionsByDay();
 *   const { frame, failures } = await query.frameWithFailures();
 *   assert.equal(frame.columns[0], "projectId");
 *   assert.deepEqual(failures.map((f) => f.projectId), [999_999]);
 *   await assert.rejects(query.frame(), /999999/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ManyProjectsQuery<P, Row> {
  readonly #context: QueryContext;
  readonly #ids: ProjectIds;
  readonly #planFor: (projectId: number) => Plan<P, Row>;
  readonly #what: string;

  /** Use the verbs of `tm.projects([ids])` or of a `tm.projects()` search. */
  constructor(
    context: QueryContext,
    ids: ProjectIds,
    planFor: (projectId: number) => Plan<P, Row>,
    what: string,
  ) {
    this.#context = context;
    this.#ids = ids;
    this.#planFor = planFor;
    this.#what = what;
  }

  /** The context, for subclasses. */
  protected get context(): QueryContext {
    return this.#context;
  }

  /** The id source, for subclasses. */
  protected get ids(): ProjectIds {
    return this.#ids;
  }

  /** The URL of one project's request. Pure: no request is made. */
  url(projectId: number): URL {
    return planUrl(this.#context, this.#planFor(requirePositiveInteger("project id", projectId)));
  }

  /** The projects it covers, in order (a search costs its pages). */
  async projectIds(options: FetchOptions = {}): Promise<number[]> {
    const controller = new AbortController();
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const ids = new Set<number>();
    try {
      for await (const page of this.#ids(signal)) for (const id of page) ids.add(id);
    } finally {
      controller.abort(new DOMException("done", "AbortError"));
    }
    return [...ids];
  }

  async #settle(options: FetchOptions): Promise<RecordsWithFailures<Row> & { projects: number }> {
    const controller = new AbortController();
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const jobs: { projectId: number; rows: Promise<Row[]> }[] = [];
    const started = new Set<number>();
    try {
      for await (const page of this.#ids(signal)) {
        for (const projectId of page) {
          if (started.has(projectId)) continue;
          started.add(projectId);
          const rows = collectRecords(this.#context, this.#planFor(projectId), {
            signal,
            progress: false,
            provenance: options.provenance,
          });
          rows.catch(ignore);
          jobs.push({ projectId, rows });
        }
      }
      const settled = await Promise.allSettled(jobs.map((job) => job.rows));
      signal.throwIfAborted();
      const records: ProjectRow<Row>[] = [];
      const failures: ProjectFailure[] = [];
      settled.forEach((outcome, index) => {
        const projectId = (jobs[index] as { projectId: number }).projectId;
        if (outcome.status === "fulfilled") {
          for (const row of outcome.value) records.push({ ...row, projectId });
        } else {
          const reason: unknown = outcome.reason;
          const error = reason instanceof Error ? reason : new TmError(show(reason));
          failures.push({ projectId, error });
        }
      });
      return { records, failures, projects: jobs.length };
    } catch (error) {
      controller.abort(error);
      throw error;
    }
  }

  #throwIfFailed(failures: readonly ProjectFailure[], projects: number): void {
    if (failures.length === 0) return;
    throw new ProjectsFailedError({ what: this.#what, projects, failures });
  }

  /** Every project's rows with `projectId`, in project order, and the projects that failed. */
  async recordsWithFailures(options: FetchOptions = {}): Promise<RecordsWithFailures<Row>> {
    const { records, failures } = await this.#settle(options);
    return { records, failures };
  }

  /** Every project's rows with `projectId`; rejects with {@link ProjectsFailedError} if any failed. */
  async records(options: FetchOptions = {}): Promise<ProjectRow<Row>[]> {
    const { records, failures, projects } = await this.#settle(options);
    this.#throwIfFailed(failures, projects);
    return records;
  }

  /** The frame of every project that succeeded (`projectId` first), and the failures. */
  async frameWithFailures(options: FetchOptions = {}): Promise<FrameWithFailures> {
    const { records, failures } = await this.#settle(options);
    return { frame: this.#frame(records), failures };
  }

  /** One frame, `projectId` first; rejects with {@link ProjectsFailedError} if any project failed. */
  async frame(options: FetchOptions = {}): Promise<DataFrame> {
    const { records, failures, projects } = await this.#settle(options);
    this.#throwIfFailed(failures, projects);
    return this.#frame(records);
  }

  #frame(records: readonly ProjectRow<Row>[]): DataFrame {
    const { columns } = this.#planFor(1).endpoint;
    const { projectId: _ignored, ...rest } = columns as Columns<ProjectRow<Row>>;
    const builder = new FrameBuilder<ProjectRow<Row>>({ projectId: { kind: "int" }, ...rest });
    builder.add(records);
    return builder.finish();
  }
}
