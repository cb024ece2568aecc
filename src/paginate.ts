/**
 * The one pagination engine, for every paged endpoint (reference 2.7).
 *
 * Page 1 comes first and tells `pagination.pages`; the rest are requested concurrently
 * (through the client's limiter, at most `lookahead` pages ahead of the reader) and yielded in
 * page order. Rows are deduplicated by the endpoint's key. A body without `pagination`
 * (TM's no-match form `{"mapResults": {}, "results": []}`) is one page.
 *
 * Drift. TM pages by offset over live data. When rows are inserted at the head while we page
 * (newest-first activities), every later row shifts down: a row at a page boundary can slip
 * past two pages answered out of order, and new head rows land on pages already read. So after
 * the planned (concurrent) pages the engine compares the distinct rows it holds with the
 * newest `pagination.total`, and while short it repairs:
 *
 * 1. a full sequential scan from page 1 (a sequential scan cannot be overtaken by rows that
 *    only move down, so it sees every row that existed when it began), stopping as soon as
 *    the count is reached;
 * 2. then head scans: from page 1 until a page holds nothing new, since rows inserted during
 *    the scan can only be above it. Each head scan is shorter than the one before, so this
 *    converges while the insert rate is below the page rate. A head scan that finds nothing
 *    falls back to a full scan; a full scan that finds nothing, or `maxPasses` passes, throw
 *    `DriftError` rather than return a silently incomplete result.
 *
 * Rows found by repair are yielded after the others (pages carry `pass` > 1).
 *
 * @module
 */

import { DriftError } from "./errors.ts";
import type { Pagination } from "./schemas/common.ts";

/** One parsed page, as a source hands it over. */
export interface SourcePage<Row> {
  rows: readonly Row[];
  pagination: Pagination | null | undefined;
}

/** Where pages come from: one endpoint with its filters. */
export interface PageSource<Row> {
  /** The first page's URL, for error messages. */
  url: URL;
  /** Fetches and parses page `page` (1-based). */
  fetchPage(page: number, signal: AbortSignal): Promise<SourcePage<Row>>;
  /** The row's identity, e.g. `projectId` or `historyId`. */
  key(row: Row): unknown;
}

/** Progress after each page. */
export interface Progress {
  /** Pages received so far. */
  pagesDone: number;
  /** Pages planned so far (grows if drift needs another pass). */
  pagesTotal: number;
  /** Distinct rows so far. */
  rows: number;
  /** The server's newest `pagination.total` (`undefined` for an unpaged answer). */
  total: number | undefined;
}

/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** Stop after this many distinct rows; fetch no page that cannot be needed. @default undefined (all) */
  limit?: number | undefined;
  /** Called after each page. @default undefined */
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Aborts every request of this pagination. @default undefined */
  signal?: AbortSignal | undefined;
  /** Passes over the pages before giving up on drift. @default 8 */
  maxPasses?: number | undefined;
  /** Pages requested ahead of the one being read. @default 32 */
  lookahead?: number | undefined;
}

/** One page as the engine yields it: only rows not seen before. */
export interface Page<Row> {
  /** The page number asked for. */
  number: number;
  /** `pagination.pages` as of this page (1 when unpaged). */
  pages: number;
  /** `pagination.total` as of this page (the row count when unpaged). */
  total: number;
  /** 1 for the planned pages, 2 and up for drift repair. */
  pass: number;
  /** The page's rows not seen on an earlier page. */
  rows: Row[];
}

function ignore(): void {}

interface PassPlan {
  /** 1 for the planned pages, 2 and up for repair. */
  number: number;
  from: number;
  /** The last page, read again before each page (the total may grow). */
  to: () => number;
  /** Pages requested ahead of the one being read; 0 is a sequential scan. */
  lookahead: number;
  /** Stop at the first page that holds no new row (a head scan). */
  untilKnown: boolean;
}

/**
 * Pages through `source`, yielding pages in order with deduplicated rows.
 *
 * @example Three pages from an in-memory source
 * ```ts
 * import { paginate } from "./paginate.ts";
 * import assert from "node:assert/strict";
 *
 * const data = Array.from({ length: 25 }, (_, i) => ({ id: i }));
 * const source = {
 *   url: new URL("https://tm.example/items/"),
 *   key: (row: { id: number }) => row.id,
 *   fetchPage(page: number) {
 *     const pagination = {
 *       hasNext: page < 3, hasPrev: page > 1, nextNum: null, page, pages: 3, prevNum: null, perPage: 10, total: 25,
 *     };
 *     return Promise.resolve({ rows: data.slice((page - 1) * 10, page * 10), pagination });
 *   },
 * };
 * const ids: number[] = [];
 * for await (const page of paginate(source, { limit: 15 })) ids.push(...page.rows.map((row) => row.id));
 * assert.deepEqual(ids, data.slice(0, 15).map((row) => row.id));
 * ```
 */
export async function* paginate<Row>(
  source: PageSource<Row>,
  options: PaginateOptions = {},
): AsyncGenerator<Page<Row>, void, undefined> {
  const { limit, onProgress, maxPasses = 8, lookahead = 32 } = options;
  const main = new AbortController();
  const forward = () => main.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener("abort", forward, { once: true });
  const seen = new Set<unknown>();
  let total: number | undefined;
  let perPage = 1;
  let pagesDone = 0;
  let pagesTotal = 1;

  const target = () => Math.min(limit ?? Infinity, total ?? Infinity);
  const take = (number: number, pass: number, page: SourcePage<Row>): Page<Row> => {
    if (page.pagination) total = page.pagination.total;
    const fresh: Row[] = [];
    for (const row of page.rows) {
      if (seen.size >= target()) break;
      const key = source.key(row);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push(row);
    }
    pagesDone++;
    onProgress?.({ pagesDone, pagesTotal, rows: seen.size, total });
    const pages = page.pagination?.pages ?? 1;
    return { number, pages, total: page.pagination?.total ?? page.rows.length, pass, rows: fresh };
  };

  /** One pass over pages `from`..`to()`; sequential when `lookahead` is 0. */
  async function* pass(run: PassPlan): AsyncGenerator<Page<Row>> {
    main.signal.throwIfAborted();
    const controller = new AbortController();
    const stop = () => controller.abort(main.signal.reason);
    main.signal.addEventListener("abort", stop, { once: true });
    const pending = new Map<number, Promise<SourcePage<Row>>>();
    const request = (page: number) => {
      if (run.number > 1) pagesTotal++;
      const promise = source.fetchPage(page, controller.signal);
      promise.catch(ignore);
      pending.set(page, promise);
    };
    try {
      let next = run.from;
      for (let page = run.from; page <= run.to(); page++) {
        while (next <= run.to() && next <= page + run.lookahead) request(next++);
        const result = await (pending.get(page) as Promise<SourcePage<Row>>);
        pending.delete(page);
        const taken = take(page, run.number, result);
        yield taken;
        if (seen.size >= target()) return;
        if (run.untilKnown && taken.rows.length === 0) return;
      }
    } finally {
      controller.abort(new DOMException("pagination finished", "AbortError"));
      main.signal.removeEventListener("abort", stop);
    }
  }

  try {
    const first = await source.fetchPage(1, main.signal);
    if (first.pagination) perPage = first.pagination.perPage;
    yield take(1, 1, first);
    if (!first.pagination || seen.size >= target()) return;
    const planned = Math.min(first.pagination.pages, Math.ceil(target() / perPage));
    pagesTotal += Math.max(0, planned - 1);
    yield* pass({ number: 1, from: 2, to: () => planned, lookahead, untilKnown: false });
    let untilKnown = false;
    for (let passes = 2; seen.size < target(); passes++) {
      if (passes > maxPasses) {
        throw new DriftError({
          url: source.url.href,
          rows: seen.size,
          total: target(),
          passes: maxPasses,
        });
      }
      const before = seen.size;
      const to = () => Math.ceil(target() / perPage);
      yield* pass({ number: passes, from: 1, to, lookahead: 0, untilKnown });
      const found = seen.size - before;
      if (!untilKnown && found === 0) {
        throw new DriftError({ url: source.url.href, rows: seen.size, total: target(), passes });
      }
      // After a full scan only head insertions can be missing: scan from page 1 until a page
      // holds nothing new. A head scan that finds nothing falls back to a full scan.
      untilKnown = !untilKnown || found > 0;
    }
  } finally {
    options.signal?.removeEventListener("abort", forward);
    main.abort(new DOMException("pagination finished", "AbortError"));
  }
}
