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
 * Bounded crawls. A source may say that a page is past the end of what is wanted
 * (`isPastEnd`, e.g. activity older than a `since` day) and which rows to keep (`keep`). Then
 * the pages after page 1 are requested with a growing lookahead (1, 2, 4 ... pages ahead, up to
 * `lookahead`), so a short window costs few requests, and the crawl ends after the first page
 * past the end. Completeness is judged by the total instead of the row count: if
 * `pagination.total` changed during the crawl (rows were inserted), the window is scanned
 * again sequentially from page 1, then head scans follow while the total keeps changing (at
 * most `maxPasses` passes, else `DriftError`). A bounded crawl that reaches the last page is checked like any other.
 *
 * @module
 */

import { DriftError } from "./errors.ts";
import type { Pagination } from "./rows.ts";

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
  /**
   * Whether to yield a row (default: every row). A row left out still counts as seen, so the
   * completeness check against `pagination.total` is unchanged; a `limit` counts kept rows.
   */
  keep?(row: Row): boolean;
  /**
   * Whether no page after this one can hold a row to keep, e.g. a newest-first log whose page
   * ends before the window asked for. When given, the crawl ends after the first such page
   * (see "Bounded crawls" above). @default undefined (every page is read)
   */
  isPastEnd?(rows: readonly Row[]): boolean;
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
  /** In a query of many parts (projects, windows): how many are done, failed, and known. */
  parts?: { unit: string; done: number; failed: number; total: number } | undefined;
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
  const bounded = source.isPastEnd !== undefined;
  let total: number | undefined;
  let perPage = 1;
  let pagesDone = 0;
  let pagesTotal = 1;
  let kept = 0;
  let pastEnd = false;
  /** Rows of the last page not seen before (kept or not). */
  let unseen = 0;

  const limitReached = () => kept >= (limit ?? Infinity);
  /** Every wanted row is held: the limit is reached, or every row of the total was seen. */
  const complete = () => limitReached() || seen.size >= (total ?? Infinity);
  /** Rows the crawl must see: the total, or fewer when a limit on unfiltered rows is lower. */
  const rowTarget = () =>
    source.keep ? total ?? Infinity : Math.min(limit ?? Infinity, total ?? Infinity);
  const take = (number: number, pass: number, page: SourcePage<Row>): Page<Row> => {
    if (page.pagination) total = page.pagination.total;
    const fresh: Row[] = [];
    unseen = 0;
    for (const row of page.rows) {
      if (complete()) break;
      const key = source.key(row);
      if (seen.has(key)) continue;
      seen.add(key);
      unseen++;
      if (source.keep && !source.keep(row)) continue;
      kept++;
      fresh.push(row);
    }
    if (source.isPastEnd?.(page.rows)) pastEnd = true;
    pagesDone++;
    onProgress?.({ pagesDone, pagesTotal, rows: kept, total });
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
        // A bounded crawl looks ahead as many pages as it has read, so it never runs far past
        // the end it is looking for.
        const ahead = bounded ? Math.min(run.lookahead, pagesDone) : run.lookahead;
        while (next <= run.to() && next <= page + ahead) request(next++);
        const result = await (pending.get(page) as Promise<SourcePage<Row>>);
        pending.delete(page);
        const taken = take(page, run.number, result);
        yield taken;
        if (complete() || pastEnd) return;
        if (run.untilKnown && unseen === 0) return;
      }
    } finally {
      controller.abort(new DOMException("pagination finished", "AbortError"));
      main.signal.removeEventListener("abort", stop);
      // Settle what is still in flight (an answer already received may be being cached), so
      // nothing of this crawl runs on after it has returned or thrown.
      await Promise.allSettled(pending.values());
    }
  }

  /** The crawl could not get every row after `passes` passes: say so rather than return less. */
  function drift(passes: number): DriftError {
    return new DriftError({ url: source.url.href, rows: seen.size, total: rowTarget(), passes });
  }

  /**
   * A bounded crawl ended at a page past the end. If the total moved while it ran, rows may
   * have slipped between pages answered out of order: scan the window again, sequentially from
   * page 1, until a scan sees the total unchanged.
   */
  async function* repairBounded(startTotal: number | undefined): AsyncGenerator<Page<Row>> {
    let before = startTotal;
    let head = false;
    for (let passes = 2; total !== before && !limitReached(); passes++) {
      if (passes > maxPasses) throw drift(maxPasses);
      before = total;
      pastEnd = false;
      const to = () => Math.ceil((total ?? 0) / perPage);
      // The first repair scans the whole window; after it only rows inserted at the head can
      // be missing, so later ones scan from page 1 until a page holds nothing new.
      yield* pass({ number: passes, from: 1, to, lookahead: 0, untilKnown: head });
      head = true;
    }
  }

  try {
    const first = await source.fetchPage(1, main.signal);
    if (first.pagination) perPage = first.pagination.perPage;
    const startTotal = first.pagination?.total;
    yield take(1, 1, first);
    if (!first.pagination || complete() || pastEnd) return;
    const planned = Math.min(first.pagination.pages, Math.ceil(rowTarget() / perPage));
    pagesTotal += Math.max(0, planned - 1);
    yield* pass({ number: 1, from: 2, to: () => planned, lookahead, untilKnown: false });
    if (pastEnd) {
      yield* repairBounded(startTotal);
      return;
    }
    let untilKnown = false;
    for (let passes = 2; !complete(); passes++) {
      if (passes > maxPasses) throw drift(maxPasses);
      const before = seen.size;
      const to = () => Math.ceil(rowTarget() / perPage);
      yield* pass({ number: passes, from: 1, to, lookahead: 0, untilKnown });
      const found = seen.size - before;
      if (!untilKnown && found === 0) {
        throw drift(passes);
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
