/**
 * The base of every builder: the fixed vocabulary of terminal verbs, delegating to
 * `query.ts`. Subclasses hold frozen filters and return new instances from every filter
 * method; a builder is never thenable (awaiting one does not fire a request).
 *
 * @module
 */

import type { DataFrame } from "./deps.ts";
import { type DisplayBundle, displayBundle, type DisplayRow } from "./display.ts";
import { describeEstimate, estimateRequests, type RequestEstimate } from "./estimate.ts";
import type { Page } from "./paginate.ts";
import {
  collectFrame,
  collectRecords,
  countRows,
  type FetchOptions,
  iteratePages,
  iterateRows,
  type Plan,
  planUrl,
  type QueryContext,
} from "./query.ts";

/**
 * The terminal verbs shared by every builder: `url()` (pure), `count()` (one request),
 * `pages()` and `rows()` (async iterators), `records()` (array) and `frame()` (DataFrame).
 *
 * @example The same verbs on every builder
 * ```ts
 * import { createClient } from "./client.ts";
 * import { Query } from "./builder.ts";
 * import { startEmulator } from "./emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const query = createClient({ baseUrl: emulator.url }).projects().limit(16);
 *   assert.ok(query instanceof Query);
 *   assert.equal(query.url().searchParams.get("omitMapResults"), "true");
 *   let pages = 0;
 *   for await (const page of query.pages()) pages += page.rows.length > 0 ? 1 : 0;
 *   assert.equal(pages, 2);
 *   assert.equal((await query.records()).length, 16);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export abstract class Query<P, Row> {
  readonly #context: QueryContext;

  /** Subclasses pass their client's context through. */
  constructor(context: QueryContext) {
    this.#context = context;
  }

  /** The context, for subclasses that create new instances. */
  protected get context(): QueryContext {
    return this.#context;
  }

  /** What to request: the subclass's endpoint, path, parameters and limit. */
  protected abstract plan(): Plan<P, Row>;

  /** The first request's URL. Pure: no request is made. */
  url(): URL {
    return planUrl(this.#context, this.plan());
  }

  /** One request: how many rows the server matches (`pagination.total`; 0 when none). */
  count(options?: FetchOptions): Promise<number> {
    return countRows(this.#context, this.plan(), options);
  }

  /** The pages, in order; each holds only rows not seen on an earlier page. */
  pages(options?: FetchOptions): AsyncGenerator<Page<Row>, void, undefined> {
    return iteratePages(this.#context, this.plan(), options);
  }

  /** The rows, one at a time, validated by the endpoint's schema. */
  rows(options?: FetchOptions): AsyncGenerator<Row, void, undefined> {
    return iterateRows(this.#context, this.plan(), options);
  }

  /** Every row, in an array. */
  records(options?: FetchOptions): Promise<Row[]> {
    return collectRecords(this.#context, this.plan(), options);
  }

  /** Every row, as a DataFrame with the endpoint's declared columns and dtypes. */
  frame(options?: FetchOptions): Promise<DataFrame> {
    return collectFrame(this.#context, this.plan(), options);
  }

  /** How Deno prints the builder: its class and URL. */
  [Symbol.for("Deno.customInspect")](): string {
    return `${this.constructor.name} ${this.url().href}`;
  }

  /** How many requests `records()`/`frame()` will make, as far as known before asking. Pure. */
  estimate(): RequestEstimate {
    return estimateRequests(this.plan());
  }

  /**
   * How Jupyter shows the builder: endpoint, filters, URL and estimated requests, as an
   * escaped HTML table and as plain text. Pure: no request is made.
   */
  [Symbol.for("Jupyter.display")](): DisplayBundle {
    const plan = this.plan();
    const filters: DisplayRow[] = Object.entries(plan.filters ?? plan.params)
      .filter(([name]) => name !== "limit");
    return displayBundle(this.constructor.name, [
      ["endpoint", `GET /${plan.path}`],
      ...filters,
      ["limit", plan.endpoint.perPage === undefined ? undefined : plan.limit ?? "all rows"],
      ["url", this.url()],
      ["requests", describeEstimate(this.estimate())],
    ]);
  }
}
