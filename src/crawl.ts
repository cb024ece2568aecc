/**
 * The crawl engine behind `paginate()`: pages 1..n of one endpoint, through one read mode of the
 * cache (see `paginate.ts` for the view that chooses it).
 *
 * Page 1 tells `pagination.pages`; the rest are requested concurrently (at most `lookahead`
 * pages ahead of the reader, 512 by default) and yielded in page order, with rows deduplicated by the
 * endpoint's key. A body without `pagination` (TM's no-match form) is one page.
 *
 * Every row served is kept: a server that serves more rows than its `pagination.total` gives
 * them all, and a last page that says `hasNext: true` is followed while the pages behind it
 * bring new rows (the first that brings none ends the crawl's first pass).
 *
 * Drift. TM pages by offset over live data: rows inserted at the head while we page shift every
 * later row down, so a row at a page boundary can slip past two pages answered out of order.
 * While the distinct rows are fewer than the newest `pagination.total`, repair passes follow:
 * first a full sequential scan from page 1 (it cannot be overtaken by rows that only move down),
 * then head scans from page 1 until a page holds nothing new. A head scan that finds nothing
 * falls back to a full scan; a full scan that finds nothing, or `maxPasses` passes, end the
 * crawl with `DriftError`.
 *
 * Bounded by observation. Every pass stops at the first page that shows the end of the data
 * (no rows, or `hasNext: false`), whatever the total claims; a repair pass reads at most twice
 * the pages the total asked for when it began, plus one; and `maxRequests` caps the page
 * requests of the whole crawl (`RequestLimitError`).
 *
 * Bounded crawls. A source may say that a page is past the end of what is wanted (`isPastEnd`)
 * and which rows to keep (`keep`). Then pages after page 1 are requested with a growing
 * lookahead (1, 2, 4 ... up to `lookahead`), and the crawl ends after the first page past the
 * end. If `pagination.total` changed meanwhile, the window is scanned again sequentially from
 * page 1, then head scans follow while the total keeps changing (at most `maxPasses` passes).
 *
 * @module
 */

import type { CrawlRead } from "./cache.ts";
import { DriftError, RequestLimitError } from "./errors.ts";
import { KeySet } from "./key_set.ts";
import type { Pagination } from "./rows.ts";

/** One parsed page, as a source hands it over. */
export interface SourcePage<Row> {
  rows: readonly Row[];
  pagination: Pagination | null | undefined;
  /**
   * Whether the page came from the response cache, and from which crawl; absent when the
   * source knows nothing of a cache.
   */
  origin?: { fromCache: boolean; crawl: string | null } | undefined;
}

/** Where pages come from: one endpoint with its filters. */
export interface PageSource<Row> {
  /** The first page's URL, for error messages. */
  url: URL;
  /** Fetches and parses page `page` (1-based), reading the cache as `read` allows. */
  fetchPage(page: number, signal: AbortSignal, read?: CrawlRead): Promise<SourcePage<Row>>;
  /** The row's identity, e.g. `projectId` or `historyId`. */
  key(row: Row): unknown;
  /**
   * Whether to yield a row (default: every row). A row left out still counts as seen, so the
   * completeness check against `pagination.total` is unchanged; a `limit` counts kept rows.
   */
  keep?(row: Row): boolean;
  /**
   * Whether no page after this one can hold a row to keep, e.g. a newest-first log whose page
   * ends before the window asked for. When given, the crawl ends after the first such page.
   * @default undefined (every page is read)
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
  /**
   * The rows the query wants, as far as known: the total capped by its limit; `undefined` for
   * a time window (the total counts rows outside it). Absent when the caller ran `paginate()`.
   */
  wanted?: number | undefined;
  /** In a query of many parts (projects, windows): how many are done, failed, and known. */
  parts?: { unit: string; done: number; failed: number; total: number } | undefined;
}

/** Options of `paginate()`. */
export interface PaginateOptions {
  /** Stop after this many distinct rows; fetch no page that cannot be needed. @default undefined (all) */
  limit?: number | undefined;
  /** Called after each page. @default undefined */
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Aborts every request of this pagination. @default undefined */
  signal?: AbortSignal | undefined;
  /** Passes over the pages before giving up on drift. @default 8 */
  maxPasses?: number | undefined;
  /**
   * Pages requested ahead of the one being read. Pages are yielded in order, so a page in
   * retry backoff holds the reader while the pages behind it keep arriving only as far as this
   * window reaches; then the client's slots sit idle. 512 pages cover a backoff of a second or
   * two at 8 concurrent requests of 20 ms, and hold a few MiB of parsed pages at most.
   * @default 512
   */
  lookahead?: number | undefined;
  /** The most page requests of one crawl (`RequestLimitError` beyond). @default no cap */
  maxRequests?: number | undefined;
  /**
   * Page requests of this crawl not yet answered, at most: `lookahead` bounds how far ahead
   * pages are read, this bounds how many wait in the client's limiter queue. A request queued
   * 512 pages ahead lives through several young-generation GCs and is promoted to the old
   * generation, where it stays as garbage until a full GC: a fast crawl then grows the heap
   * by tens of MiB. Keep it at least the client's concurrency.
   * @default 32
   */
  inFlight?: number | undefined;
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

/**
 * Thrown by a crawl that may not repair (a view read from the cache): the view is incomplete,
 * so the caller starts over from the network.
 *
 * @example
 * ```ts
 * import { RepairNeeded } from "./crawl.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(new RepairNeeded().name, "RepairNeeded");
 * ```
 */
export class RepairNeeded extends Error {
  override name = "RepairNeeded";
}

interface PassPlan {
  /** 1 for the planned pages, 2 and up for repair. */
  number: number;
  from: number;
  /** The last page, read again before each page (the total may grow). */
  to: () => number;
  /** Pages requested ahead of the one being read; 0 is a sequential scan. */
  lookahead: number;
  /**
   * After this page, the first page that holds no new row ends the pass: 0 for a head scan,
   * the planned pages for pass 1 (pages followed past them must bring new rows), `Infinity`
   * for a full scan.
   */
  staleEndsAfter: number;
}

/** How one crawl runs: its first page (already fetched), how it reads, whether it may repair. */
export interface CrawlPlan<Row> {
  first: SourcePage<Row>;
  read: CrawlRead | undefined;
  /** `false`: throw {@link RepairNeeded} instead of repairing. */
  repair: boolean;
}

/**
 * One crawl of `source`, from its already fetched first page; see the module doc.
 *
 * @example Rows beyond the claimed total are kept
 * ```ts
 * import { crawl } from "./crawl.ts";
 * import assert from "node:assert/strict";
 *
 * const pagination = { hasNext: false, hasPrev: false, nextNum: null, page: 1, pages: 1, prevNum: null, perPage: 14, total: 2 };
 * const first = { rows: [{ id: 1 }, { id: 2 }, { id: 3 }], pagination };
 * const source = { url: new URL("https://tm.example/x/"), key: (row: { id: number }) => row.id, fetchPage: () => Promise.resolve(first) };
 * const ids: number[] = [];
 * for await (const page of crawl(source, {}, { first, read: undefined, repair: true })) ids.push(...page.rows.map((row) => row.id));
 * assert.deepEqual(ids, [1, 2, 3]);
 * ```
 */
export async function* crawl<Row>(
  source: PageSource<Row>,
  options: PaginateOptions,
  plan: CrawlPlan<Row>,
): AsyncGenerator<Page<Row>, void, undefined> {
  const { limit, onProgress, maxPasses = 8, lookahead = 512, maxRequests } = options;
  const inFlight = options.inFlight ?? 32;
  const main = new AbortController();
  const forward = () => main.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener("abort", forward, { once: true });
  const seen = new KeySet();
  const bounded = source.isPastEnd !== undefined;
  let total: number | undefined;
  let perPage = 1;
  let pagesDone = 0;
  let pagesTotal = 1;
  let requests = 1;
  let kept = 0;
  let pastEnd = false;
  /** Rows of the last page not seen before (kept or not). */
  let unseen = 0;
  /** The page after the highest page that said `hasNext: true`. */
  let follow = 0;

  const limitReached = () => kept >= (limit ?? Infinity);
  /** Every wanted row is held: the limit is reached, or at least the total was seen. */
  const complete = () => limitReached() || seen.size >= (total ?? 0);
  /** Rows the crawl must see: the total, or fewer when a limit on unfiltered rows is lower. */
  const rowTarget = () =>
    source.keep ? total ?? Infinity : Math.min(limit ?? Infinity, total ?? Infinity);
  /** Whether a page shows the end of the data, whatever the total claims. */
  const endsData = (page: SourcePage<Row>) =>
    page.rows.length === 0 || page.pagination?.hasNext === false;
  const take = (number: number, pass: number, page: SourcePage<Row>): Page<Row> => {
    if (page.pagination) total = page.pagination.total;
    if (page.pagination?.hasNext) follow = Math.max(follow, number + 1);
    const fresh: Row[] = [];
    unseen = 0;
    for (const row of page.rows) {
      if (limitReached()) break;
      if (!seen.add(source.key(row))) continue;
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
    /** Requests not yet answered; a settling one wakes the reader to request more. */
    let unsettled = 0;
    let wake: (() => void) | undefined;
    const request = (page: number) => {
      if (++requests > (maxRequests ?? Infinity)) {
        throw new RequestLimitError({ url: source.url.href, limit: maxRequests ?? 0 });
      }
      if (run.number > 1) pagesTotal++;
      const promise = source.fetchPage(page, controller.signal, plan.read);
      unsettled++;
      const settle = () => {
        unsettled--;
        wake?.();
      };
      promise.then(settle, settle);
      pending.set(page, promise);
    };
    try {
      let next = run.from;
      for (let page = run.from; page <= run.to(); page++) {
        // A bounded crawl looks ahead as many pages as it has read, so it never runs far past
        // the end it is looking for.
        const ahead = bounded ? Math.min(run.lookahead, pagesDone) : run.lookahead;
        const more = () => {
          while (
            next <= run.to() && next <= page + ahead && (unsettled < inFlight || next === page)
          ) {
            request(next++);
          }
        };
        more();
        const wanted = pending.get(page) as Promise<SourcePage<Row>>;
        // While the page is awaited, each answer that arrives makes room for another request.
        let refused: unknown;
        wake = () => {
          try {
            more();
          } catch (error) {
            refused ??= error;
          }
        };
        let result: SourcePage<Row>;
        try {
          result = await wanted;
        } finally {
          wake = undefined;
        }
        // A request refused while waiting (the request cap) fails the crawl here.
        if (refused !== undefined) throw refused;
        pending.delete(page);
        const taken = take(page, run.number, result);
        yield taken;
        if (limitReached() || pastEnd || endsData(result)) return;
        if (page > run.staleEndsAfter && unseen === 0) return;
      }
    } finally {
      controller.abort(new DOMException("pagination finished", "AbortError"));
      main.signal.removeEventListener("abort", stop);
      // Settle what is still in flight (an answer already received may be being cached), so
      // nothing of this crawl runs on after it has returned or thrown.
      await Promise.allSettled(pending.values());
    }
  }

  /** The crawl could not get every row: say what the server claimed and what it served. */
  function drift(passes: number): Error {
    if (!plan.repair) return new RepairNeeded();
    return new DriftError({
      url: source.url.href,
      rows: seen.size,
      total: rowTarget(),
      passes,
      pages: requests,
    });
  }

  /** A repair pass reads at most twice the pages the total asked for when it began, plus one. */
  function repairEnd(): () => number {
    const cap = 2 * Math.ceil(rowTarget() / perPage) + 1;
    return () => Math.min(cap, Math.ceil(rowTarget() / perPage));
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
      if (passes > maxPasses || !plan.repair) throw drift(Math.min(passes, maxPasses));
      before = total;
      pastEnd = false;
      // The first repair scans the whole window; after it only rows inserted at the head can
      // be missing, so later ones scan from page 1 until a page holds nothing new.
      const staleEndsAfter = head ? 0 : Infinity;
      yield* pass({ number: passes, from: 1, to: repairEnd(), lookahead: 0, staleEndsAfter });
      head = true;
    }
  }

  try {
    const { first } = plan;
    if (first.pagination) perPage = first.pagination.perPage;
    const startTotal = first.pagination?.total;
    yield take(1, 1, first);
    if (!first.pagination || limitReached() || pastEnd) return;
    if (!endsData(first)) {
      const planned = Math.min(first.pagination.pages, Math.ceil(rowTarget() / perPage));
      pagesTotal += Math.max(0, planned - 1);
      // The planned pages, then any page that a last page says follows it.
      const to = () => Math.max(planned, follow);
      yield* pass({ number: 1, from: 2, to, lookahead, staleEndsAfter: planned });
      if (pastEnd) {
        yield* repairBounded(startTotal);
        return;
      }
    }
    let untilKnown = false;
    for (let passes = 2; !complete(); passes++) {
      if (passes > maxPasses) throw drift(maxPasses);
      if (!plan.repair) throw drift(passes);
      const before = seen.size;
      const staleEndsAfter = untilKnown ? 0 : Infinity;
      yield* pass({ number: passes, from: 1, to: repairEnd(), lookahead: 0, staleEndsAfter });
      const found = seen.size - before;
      if (!untilKnown && found === 0) throw drift(passes);
      // After a full scan only head insertions can be missing: scan from page 1 until a page
      // holds nothing new. A head scan that finds nothing falls back to a full scan.
      untilKnown = !untilKnown || found > 0;
    }
  } finally {
    options.signal?.removeEventListener("abort", forward);
    main.abort(new DOMException("pagination finished", "AbortError"));
  }
}
