/**
 * The one executor: runs any compiled query (see `query.ts`) through the client's limiter,
 * cache and http into the one paging engine, and hands over its pages in part order.
 *
 * Parts run concurrently (the client's limiter bounds the requests of all of them together);
 * their pages are yielded in part order whatever order the answers arrive in. Parts learnt
 * from a search start as the search's pages arrive.
 *
 * Two modes. Throw mode (the default): a query of one part fails with that part's error as it
 * is; a query of many parts tries every part and then throws {@link PartsFailedError} naming
 * each failed part. Settle mode (a `failures` array is passed): failed parts are recorded
 * there and the others' rows are returned. A failure of the search that names the parts, or
 * an abort, always rejects.
 *
 * @module
 */

import { show } from "./args.ts";
import { warnUnknownValues } from "./drift_warnings.ts";
import { type PartFailure, PartsFailedError, TmError } from "./errors.ts";
import { FrameBuilder } from "./frame.ts";
import type { DataFrame } from "./deps.ts";
import type { CrawlRead } from "./cache.ts";
import { type Page, paginate, type Progress, type SourcePage } from "./paginate.ts";
import { type ProgressMode, progressReporter } from "./progress.ts";
import { noteServer, type ProvenanceRecorder } from "./provenance.ts";
import {
  type Compiled,
  isMatched,
  type Part,
  type Plan,
  planUrl,
  type QueryContext,
  requireToken,
} from "./query.ts";
import { withPage } from "./url.ts";

/** Options of the fetching verbs. */
export interface FetchOptions {
  /** Called after each page, e.g. to draw a progress bar. @default undefined */
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Aborts the requests. @default undefined */
  signal?: AbortSignal | undefined;
  /** Show progress when `records()`/`frame()` fetch more than one page (see `progress.ts`). @default the client's `progress` ("auto") */
  progress?: ProgressMode | undefined;
  /** Records what the result was built from (see `provenance.ts`). @default undefined */
  provenance?: ProvenanceRecorder | undefined;
}

function ignore(): void {}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new TmError(show(reason));
}

/**
 * One page of a plan (`first`: its first page's URL), read; unknown enum values are reported
 * once per `query`. With `read` (from the paging engine), the cache answers only for the
 * crawl's one view, and the page says where it came from.
 */
async function fetchPage<Row>(
  context: QueryContext,
  query: object,
  plan: Plan<Row>,
  first: URL,
  page: number,
  signal: AbortSignal | undefined,
  recorder: ProvenanceRecorder | undefined,
  read?: CrawlRead,
): Promise<SourcePage<Row>> {
  const url = page === 1 ? first : withPage(first, page);
  if (recorder) await noteServer(context.http, context.baseUrl, recorder, signal);
  if (read === undefined) {
    const body = await context.http.getJson(url, signal, recorder);
    const rows = plan.read(body, url, page);
    warnUnknownValues(query, url, plan.schema, body);
    return rows;
  }
  const answer = await context.http.getPage(url, read, signal, recorder);
  const rows = plan.read(answer.data, url, page);
  warnUnknownValues(query, url, plan.schema, answer.data);
  return { ...rows, origin: { fromCache: answer.fromCache, crawl: answer.crawl } };
}

/**
 * Progress with the rows the plan wants beside TM's total: at most its limit, and unknown for
 * a window (TM's total counts the rows outside it).
 */
function wantedRows<Row>(
  plan: Plan<Row>,
  onProgress: ((progress: Progress) => void) | undefined,
): ((progress: Progress) => void) | undefined {
  if (onProgress === undefined) return undefined;
  const windowed = plan.keep !== undefined || plan.isPastEnd !== undefined;
  return (progress) => {
    const wanted = windowed || progress.total === undefined
      ? undefined
      : Math.min(plan.limit ?? Infinity, progress.total);
    onProgress({ ...progress, wanted });
  };
}

/** One plan's pages, in order, with deduplicated rows: the paging engine over http. */
function iteratePlan<Row>(
  context: QueryContext,
  query: object,
  plan: Plan<Row>,
  options: FetchOptions,
): AsyncGenerator<Page<Row>, void, undefined> {
  const onProgress = wantedRows(plan, options.onProgress);
  const first = planUrl(context, plan);
  return paginate<Row>({
    url: first,
    key: plan.key,
    ...(plan.keep ? { keep: plan.keep } : {}),
    ...(plan.isPastEnd ? { isPastEnd: plan.isPastEnd } : {}),
    fetchPage: (number, signal, read) =>
      fetchPage(context, query, plan, first, number, signal, options.provenance, read),
  }, {
    limit: plan.limit,
    onProgress,
    signal: options.signal,
    maxRequests: context.http.maxRequestsPerQuery,
  });
}

/** Adds up the progress of every part into one figure for the reporter. */
class Tally {
  readonly #parts: Progress[] = [];
  readonly #unit: string | undefined;
  readonly #emit: (progress: Progress) => void;
  #failed = 0;
  #done = 0;

  constructor(unit: string | undefined, emit: (progress: Progress) => void) {
    this.#unit = unit;
    this.#emit = emit;
  }

  /** A new part's progress callback. */
  part(): (progress: Progress) => void {
    const index = this.#parts.push({ pagesDone: 0, pagesTotal: 1, rows: 0, total: undefined }) - 1;
    return (progress) => {
      this.#parts[index] = progress;
      this.#report();
    };
  }

  /** A part ended, well or not. */
  settled(failed: boolean): void {
    this.#done++;
    if (failed) this.#failed++;
    this.#report();
  }

  #report(): void {
    let pagesDone = 0, pagesTotal = 0, rows = 0;
    let total: number | undefined, wanted: number | undefined;
    for (const part of this.#parts) {
      pagesDone += part.pagesDone;
      pagesTotal += part.pagesTotal;
      rows += part.rows;
      if (part.total !== undefined) total = (total ?? 0) + part.total;
      if (part.wanted !== undefined) wanted = (wanted ?? 0) + part.wanted;
    }
    const parts = this.#unit === undefined ? undefined : {
      unit: this.#unit,
      done: this.#done,
      failed: this.#failed,
      total: this.#parts.length,
    };
    this.#emit({ pagesDone, pagesTotal, rows, total, wanted, ...(parts ? { parts } : {}) });
  }
}

/** The parts of a compiled query, as they become known (a search's pages name them). */
async function* partsOf<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions,
  signal: AbortSignal,
): AsyncGenerator<Part<Row>, void, undefined> {
  const parts = compiled.parts;
  if (!isMatched(parts)) {
    yield* parts;
    return;
  }
  const seen = new Set<number>();
  const search = iteratePlan(context, compiled, parts.search, {
    ...options,
    signal,
    onProgress: undefined,
  });
  for await (const page of search) {
    for (const { projectId } of page.rows) {
      if (seen.has(projectId)) continue;
      seen.add(projectId);
      yield parts.partFor(projectId);
    }
  }
}

/**
 * Runs a compiled query and yields its pages in part order. With `failures`, failed parts
 * are recorded there (settle mode); without, see the module doc (throw mode).
 */
export async function* executePages<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions = {},
  failures?: PartFailure[],
): AsyncGenerator<Page<Row>, void, undefined> {
  if (compiled.prepare) {
    yield* executePages(context, await compiled.prepare(context), options, failures);
    return;
  }
  let rows = 0;
  for await (const page of executeParts(context, compiled, options, failures)) {
    rows += page.rows.length;
    yield page;
  }
  if (rows === 0) await compiled.whenEmpty?.(context);
}

/** {@link executePages} of a query whose parts are known (or named by a search). */
async function* executeParts<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions,
  failures: PartFailure[] | undefined,
): AsyncGenerator<Page<Row>, void, undefined> {
  requireToken(context, compiled);
  const controller = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, controller.signal])
    : controller.signal;
  const tally = new Tally(compiled.unit, (progress) => options.onProgress?.(progress));
  const failed: PartFailure[] = failures ?? [];
  let left = compiled.limit ?? Infinity;
  try {
    if (!isMatched(compiled.parts) && compiled.parts.length === 1) {
      const part = compiled.parts[0] as Part<Row>;
      try {
        for await (
          const page of iteratePlan(context, compiled, part.plan, { ...options, signal })
        ) {
          const rows = page.rows.length > left ? page.rows.slice(0, left) : page.rows;
          left -= rows.length;
          yield rows === page.rows ? page : { ...page, rows };
          if (left <= 0) return;
        }
      } catch (error) {
        if (failures === undefined || signal.aborted) throw error;
        failures.push(failureOf(part, error));
      }
      return;
    }
    const jobs: { part: Part<Row>; pages: Promise<Page<Row>[]> }[] = [];
    for await (const part of partsOf(context, compiled, options, signal)) {
      const onProgress = tally.part();
      const pages = (async () => {
        const pages: Page<Row>[] = [];
        try {
          for await (
            const page of iteratePlan(context, compiled, part.plan, {
              signal,
              onProgress,
              ...provenanceOf(options),
            })
          ) {
            pages.push(page);
          }
        } catch (error) {
          tally.settled(true);
          throw error;
        }
        tally.settled(false);
        return pages;
      })();
      pages.catch(ignore);
      jobs.push({ part, pages });
    }
    for (const job of jobs) {
      let pages: Page<Row>[];
      try {
        pages = await job.pages;
      } catch (error) {
        signal.throwIfAborted();
        failed.push(failureOf(job.part, error));
        continue;
      }
      for (const page of pages) {
        if (left <= 0) break;
        const rows = page.rows.length > left ? page.rows.slice(0, left) : page.rows;
        left -= rows.length;
        yield rows === page.rows ? page : { ...page, rows };
      }
    }
    if (failures === undefined && failed.length > 0) {
      throw new PartsFailedError({
        what: compiled.what,
        unit: compiled.unit ?? "part",
        parts: jobs.length,
        failures: failed,
      });
    }
  } finally {
    controller.abort(new DOMException("query finished", "AbortError"));
  }
}

function provenanceOf(options: FetchOptions): Pick<FetchOptions, "provenance"> {
  return options.provenance ? { provenance: options.provenance } : {};
}

function failureOf<Row>(part: Part<Row>, error: unknown): PartFailure {
  return {
    label: part.label,
    ...(part.projectId === undefined ? {} : { projectId: part.projectId }),
    error: asError(error),
  };
}

/** Reads every page into `take`, drawing progress (when on) until the end or a failure. */
async function drain<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions,
  failures: PartFailure[] | undefined,
  take: (page: Page<Row>) => void,
): Promise<void> {
  const mode = options.progress ?? context.progress ?? "auto";
  const reporter = progressReporter(compiled.what, mode);
  const onProgress = reporter === undefined ? options.onProgress : (progress: Progress) => {
    reporter.update(progress);
    options.onProgress?.(progress);
  };
  try {
    for await (
      const page of executePages(context, compiled, { ...options, onProgress }, failures)
    ) {
      take(page);
    }
  } catch (error) {
    await reporter?.finish(error);
    throw error;
  }
  await reporter?.finish();
}

/** Every row in an array; with `failures`, in settle mode. */
export async function collectRecords<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions = {},
  failures?: PartFailure[],
): Promise<Row[]> {
  const rows: Row[] = [];
  await drain(context, compiled, options, failures, (page) => {
    for (const row of page.rows) rows.push(row);
  });
  return rows;
}

/** Every row folded into a frame with the declared dtypes as pages arrive; with `failures`, in settle mode. */
export async function collectFrame<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions = {},
  failures?: PartFailure[],
): Promise<DataFrame> {
  const builder = new FrameBuilder(compiled.columns);
  await drain(context, compiled, options, failures, (page) => builder.add(page.rows));
  return builder.finish();
}

/**
 * How many rows `frame()` would hold, with as few requests as the server allows: one
 * request per part when its `pagination.total` (or its one body) tells it; a part with a time
 * window is read up to the end of the window, since the server's total counts rows outside it.
 */
export async function countRows<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions = {},
): Promise<number> {
  if (compiled.prepare) return countRows(context, await compiled.prepare(context), options);
  const count = await countParts(context, compiled, options);
  if (count === 0) await compiled.whenEmpty?.(context);
  return count;
}

/** {@link countRows} of a query whose parts are known (or named by a search). */
async function countParts<Row>(
  context: QueryContext,
  compiled: Compiled<Row>,
  options: FetchOptions,
): Promise<number> {
  requireToken(context, compiled);
  const parts = compiled.parts;
  if (isMatched(parts)) {
    const ids = await collectRecords(context, {
      what: compiled.what,
      columns: { projectId: { kind: "int" } },
      parts: [{ label: "search", plan: parts.search }],
    }, { ...options, progress: false });
    const matched = [...new Set(ids.map((row) => row.projectId))].map(parts.partFor);
    return countParts(context, { ...compiled, parts: matched }, options);
  }
  const counts = parts.map(async (part) => {
    const plan = part.plan;
    if (plan.keep || plan.isPastEnd) {
      let rows = 0;
      for await (const page of iteratePlan(context, compiled, plan, options)) {
        rows += page.rows.length;
      }
      return rows;
    }
    const url = planUrl(context, plan);
    const first = await fetchPage(
      context,
      compiled,
      plan,
      url,
      1,
      options.signal,
      options.provenance,
    );
    const total = first.pagination?.total ?? first.rows.length;
    return Math.min(plan.limit ?? Infinity, total);
  });
  for (const count of counts) count.catch(ignore);
  const settled = await Promise.allSettled(counts);
  const failed = settled.flatMap((outcome, index) =>
    outcome.status === "rejected" ? [failureOf(parts[index] as Part<Row>, outcome.reason)] : []
  );
  if (failed.length > 0) {
    if (parts.length === 1) throw (failed[0] as PartFailure).error;
    throw new PartsFailedError({
      what: compiled.what,
      unit: compiled.unit ?? "part",
      parts: parts.length,
      failures: failed,
    });
  }
  const sum = settled.reduce(
    (n, outcome) => n + (outcome.status === "fulfilled" ? outcome.value : 0),
    0,
  );
  return Math.min(compiled.limit ?? Infinity, sum);
}
