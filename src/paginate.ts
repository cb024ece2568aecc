/**
 * The one pagination engine, for every paged endpoint (reference 2.7): `paginate()` runs one
 * crawl (`crawl.ts`: planned pages, rows beyond the total kept, drift repair, bounds) over one
 * consistent view of the data.
 *
 * One view per crawl. With a response cache, the pages of a crawl come either all from the
 * network or all from the cache entries of ONE earlier crawl (each entry holds the random id of
 * the crawl that fetched it), never a mix: a stale cached page 1 beside fresh later pages would
 * give a frame the server never served. So when page 1 is a cache hit, the crawl is first read
 * from that crawl's entries alone, holding its pages back; if a page has no entry of that
 * crawl, or the cached view is incomplete (fewer rows than its total), the held pages are
 * dropped and the crawl starts over from the network, page 1 included. In mode `"offline"`
 * such a crawl rejects with `OfflineCacheMiss`.
 *
 * @module
 */

import { CachedViewMiss, type CrawlRead } from "./cache.ts";
import {
  crawl,
  type Page,
  type PageSource,
  type PaginateOptions,
  RepairNeeded,
  type SourcePage,
} from "./crawl.ts";

export type { Page, PageSource, PaginateOptions, Progress, SourcePage } from "./crawl.ts";

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
  const id = crypto.randomUUID();
  const signal = options.signal ?? new AbortController().signal;
  const first = await source.fetchPage(1, signal, { crawl: id, reuse: "any" });
  const cachedCrawl = first.origin?.fromCache ? first.origin.crawl : undefined;
  // A fresh page 1, or an answer in one body: one view already.
  if (cachedCrawl === undefined || !first.pagination) {
    yield* crawl(source, options, { first, read: { crawl: id, reuse: "network" }, repair: true });
    return;
  }
  if (cachedCrawl !== null) {
    const reuse = { crawl: cachedCrawl };
    const held = await readCachedView(source, options, first, { crawl: id, reuse });
    if (held !== undefined) {
      yield* held;
      return;
    }
  }
  const read: CrawlRead = { crawl: id, reuse: "network" };
  const fresh = await source.fetchPage(1, signal, read);
  yield* crawl(source, options, { first: fresh, read, repair: true });
}

/** The whole crawl from one cached crawl's entries, or `undefined` when they are not a whole view. */
async function readCachedView<Row>(
  source: PageSource<Row>,
  options: PaginateOptions,
  first: SourcePage<Row>,
  read: { crawl: string; reuse: { crawl: string } },
): Promise<Page<Row>[] | undefined> {
  const held: Page<Row>[] = [];
  try {
    for await (const page of crawl(source, options, { first, read, repair: false })) {
      held.push(page);
    }
  } catch (error) {
    if (error instanceof CachedViewMiss || error instanceof RepairNeeded) return undefined;
    throw error;
  }
  return held;
}
