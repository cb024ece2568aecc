/**
 * The base of every query: the fixed vocabulary of verbs over a compiled query (see
 * `query.ts`), run by the one executor (`execute.ts`). Subclasses hold frozen filters, return
 * new instances from every filter method, and compile purely to the requests they will make;
 * a query is never thenable (awaiting one does not fire a request).
 *
 * @module
 */

import { requirePositiveInteger } from "./args.ts";
import type { DataFrame } from "./deps.ts";
import { type DisplayBundle, displayBundle, type DisplayRow } from "./display.ts";
import { estimateRequests, type RequestEstimate } from "./estimate.ts";
import type { PartFailure } from "./errors.ts";
import {
  collectFrame,
  collectRecords,
  countRows,
  executePages,
  type FetchOptions,
} from "./execute.ts";
import type { Page } from "./paginate.ts";
import { type Compiled, isMatched, knownUrls, type QueryContext } from "./query.ts";

/** What `recordsWithFailures()` returns. */
export interface RecordsWithFailures<Row> {
  /** The rows of every part that succeeded, in part order. */
  readonly records: Row[];
  /** Each part that failed, with its error, in part order. */
  readonly failures: PartFailure[];
}

/** What `frameWithFailures()` returns. */
export interface FrameWithFailures {
  /** The frame of every part that succeeded. */
  readonly frame: DataFrame;
  /** Each part that failed, with its error, in part order. */
  readonly failures: PartFailure[];
}

/**
 * The verbs shared by every query: `url()` and `urls()` (pure), `count()`, `pages()` and
 * `rows()` (async iterators), `records()` and `frame()` (which throw when a part fails),
 * `recordsWithFailures()` and `frameWithFailures()` (which return the parts that succeeded
 * and the failures), `estimate()` (pure) and `limit(n)`. In Jupyter and `Deno.inspect` a
 * query shows what it fetches, its filters in domain words, its first URL and its requests.
 *
 * @example The same verbs on every query
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
 *   assert.equal(query.estimate().atMost, 2);
 *   let pages = 0;
 *   for await (const page of query.pages()) pages += page.rows.length > 0 ? 1 : 0;
 *   assert.equal(pages, 2);
 *   assert.equal((await query.records()).length, 16);
 *   assert.equal(await query.count(), 16);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export abstract class Query<Row> {
  readonly #context: QueryContext;

  /** Subclasses pass their client's context through. */
  constructor(context: QueryContext) {
    this.#context = context;
  }

  /**
   * The context, for subclasses that create new instances.
   * @ignore
   */
  protected get context(): QueryContext {
    return this.#context;
  }

  /**
   * The requests this query makes, as known before asking. Pure: no request.
   * @ignore
   */
  protected abstract compile(): Compiled<Row>;

  /**
   * The filters and window that were set, in domain words, for the display.
   * @ignore
   */
  protected abstract describe(): DisplayRow[];

  /**
   * A copy with at most `limit` rows (already checked); see {@link limit}.
   * @ignore
   */
  protected abstract withLimit(limit: number): Query<Row>;

  /**
   * At most `n` rows, the first in the server's order; no page is fetched that cannot be
   * needed. In a query over many projects the limit applies to each project.
   */
  limit(n: number): this {
    return this.withLimit(requirePositiveInteger("limit", n)) as this;
  }

  /** The first request's URL. Pure: no request is made. */
  url(): URL {
    const [first] = knownUrls(this.#context, this.compile());
    if (first === undefined) {
      throw new RangeError(`Cannot give a URL: ${this.constructor.name} makes no request`);
    }
    return first;
  }

  /**
   * Every URL known before asking: the first page of each part (later pages follow from the
   * first page's pagination), or the search's first page when a search names the projects.
   */
  urls(): URL[] {
    return knownUrls(this.#context, this.compile());
  }

  /**
   * How many rows `frame()` would hold: one request per part when TM's `pagination.total` (or
   * its one body) tells it; a query with a time window reads the window's pages, since TM's
   * total counts the rows outside it too.
   */
  count(options?: FetchOptions): Promise<number> {
    return countRows(this.#context, this.compile(), options);
  }

  /** The pages, in order; each holds only rows not seen on an earlier page. */
  pages(options?: FetchOptions): AsyncGenerator<Page<Row>, void, undefined> {
    return executePages(this.#context, this.compile(), options);
  }

  /** The rows, one at a time, validated by the endpoint's schema. */
  async *rows(options?: FetchOptions): AsyncGenerator<Row, void, undefined> {
    for await (const page of this.pages(options)) yield* page.rows;
  }

  /** Every row, in an array. Rejects if any part failed (see `recordsWithFailures()`). */
  records(options?: FetchOptions): Promise<Row[]> {
    return collectRecords(this.#context, this.compile(), options);
  }

  /** Every row as a DataFrame with the declared columns and dtypes. Rejects if any part failed. */
  frame(options?: FetchOptions): Promise<DataFrame> {
    return collectFrame(this.#context, this.compile(), options);
  }

  /** The rows of every part that succeeded, and the parts that failed (with their errors). */
  async recordsWithFailures(options?: FetchOptions): Promise<RecordsWithFailures<Row>> {
    const failures: PartFailure[] = [];
    const records = await collectRecords(this.#context, this.compile(), options, failures);
    return { records, failures };
  }

  /** The frame of every part that succeeded, and the parts that failed (with their errors). */
  async frameWithFailures(options?: FetchOptions): Promise<FrameWithFailures> {
    const failures: PartFailure[] = [];
    const frame = await collectFrame(this.#context, this.compile(), options, failures);
    return { frame, failures };
  }

  /** How many requests `records()`/`frame()` will make, as far as known before asking. Pure. */
  estimate(): RequestEstimate {
    return estimateRequests(this.compile());
  }

  /** The facts the display shows, or why the query cannot run yet. */
  #facts(): DisplayRow[] {
    let compiled: Compiled<Row>;
    try {
      compiled = this.compile();
    } catch (error) {
      return [...this.describe(), ["not ready", error instanceof Error ? error.message : error]];
    }
    const parts = compiled.parts;
    const urls = knownUrls(this.#context, compiled);
    const single = !isMatched(parts) && parts.length === 1 ? parts[0] : undefined;
    const scope: DisplayRow[] = single
      ? [["endpoint", `GET /${single.plan.request.path}`]]
      : isMatched(parts)
      ? [[`${compiled.unit}s`, "each project the search matches"]]
      : [[`${compiled.unit}s`, `${parts.length}: ${parts.map((part) => part.label).join(", ")}`]];
    return [
      ["fetches", compiled.what],
      ...scope,
      ...this.describe(),
      ["url", urls[0]],
      ["requests", this.estimate().text],
    ];
  }

  /** How Deno prints the query: the same facts as the notebook display, as text. */
  [Symbol.for("Deno.customInspect")](): string {
    return displayBundle(this.constructor.name, this.#facts())["text/plain"];
  }

  /**
   * How Jupyter shows the query: what it fetches, its filters, its first URL and its
   * requests, as an escaped HTML table and as plain text. Pure: no request is made.
   */
  [Symbol.for("Jupyter.display")](): DisplayBundle {
    return displayBundle(this.constructor.name, this.#facts());
  }
}
