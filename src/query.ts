/**
 * The terminal verbs every builder shares: `url()`, `count()`, `pages()`, `rows()`,
 * `records()` and `frame()`. A builder supplies a {@link Plan} (endpoint spec, path, wire
 * parameters, limit); this file turns it into requests, zod parses, pages and frames.
 *
 * @module
 */

import type { DataFrame, z } from "./deps.ts";
import { SchemaError } from "./errors.ts";
import { type Columns, FrameBuilder } from "./frame.ts";
import type { CrawlRead } from "./cache.ts";
import type { Http } from "./http.ts";
import { type Page, paginate, type Progress } from "./paginate.ts";
import { type ProgressMode, progressReporter } from "./progress.ts";
import { noteServer, type ProvenanceRecorder } from "./provenance.ts";
import type { Pagination } from "./schemas/common.ts";
import { compileUrl, type WireParams, withPage } from "./url.ts";

/** What a builder needs from its client. */
export interface QueryContext {
  http: Http;
  baseUrl: URL;
  /** The client's progress mode (see `progress.ts`). @default "auto" */
  progress?: ProgressMode | undefined;
}

/** An endpoint spec: how to read its pages and shape its frame. */
export interface Endpoint<P, Row> {
  /** The body schema (a page, or the one object of a single-object endpoint). */
  page: z.ZodType<P>;
  /** The rows of a parsed body. */
  rows(page: P): readonly Row[];
  /** The body's pagination; `undefined`/`null` means a single page. */
  pagination(page: P): Pagination | null | undefined;
  /** The row key used to drop duplicates. */
  key(row: Row): unknown;
  /** The frame's columns and dtypes. */
  columns: Columns<Row>;
  /** `"required"`: TM answers only with a token, so none is sent without one. @default public */
  auth?: "required" | undefined;
  /** TM's rows per page when the endpoint pages (14 for `/projects/`); absent when it answers in one body. */
  perPage?: number | undefined;
}

/** One concrete request: an endpoint, its path, wire parameters and an optional row limit. */
export interface Plan<P, Row> {
  endpoint: Endpoint<P, Row>;
  /** Relative to the base URL, with TM's trailing slash. */
  path: string;
  params: WireParams;
  limit?: number | undefined;
  /** The builder's filters in domain words, for display; the wire parameters when absent. */
  filters?: Readonly<Record<string, unknown>> | undefined;
  /** Which rows to keep (a window applied after the fetch). @default every row */
  keep?: ((row: Row) => boolean) | undefined;
  /** Ends the crawl after a page past the wanted rows (see `PageSource.isPastEnd`). @default none */
  isPastEnd?: ((rows: readonly Row[]) => boolean) | undefined;
}

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

/** The first page's URL of a plan. Pure. */
export function planUrl<P, Row>(context: QueryContext, plan: Plan<P, Row>): URL {
  return compileUrl(context.baseUrl, plan.path, plan.params);
}

/**
 * Throws `TypeError` when the plan's endpoint needs a token and the client has none, so that
 * nothing is sent that TM can only refuse.
 */
export function requireToken<P, Row>(context: QueryContext, plan: Plan<P, Row>): void {
  if (plan.endpoint.auth !== "required" || context.http.hasToken) return;
  throw new TypeError(
    `Cannot fetch ${plan.path}: TM answers it only with an API token; pass \`token\` to ` +
      "createClient() or set the TM_TOKEN environment variable",
  );
}

async function fetchPage<P, Row>(
  context: QueryContext,
  plan: Plan<P, Row>,
  page: number,
  signal: AbortSignal | undefined,
  recorder?: ProvenanceRecorder | undefined,
  read?: CrawlRead | undefined,
): Promise<{ data: P; origin?: { fromCache: boolean; crawl: string | null } }> {
  requireToken(context, plan);
  const first = planUrl(context, plan);
  const url = page === 1 ? first : withPage(first, page);
  if (recorder) await noteServer(context.http, context.baseUrl, recorder, signal);
  const answer = read
    ? await context.http.getPage(url, read, signal, recorder)
    : { data: await context.http.getJson(url, signal, recorder) };
  const body = answer.data;
  const parsed = plan.endpoint.page.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path,
      message: issue.message,
    }));
    throw new SchemaError({ url: url.href, page, issues });
  }
  if (!("fromCache" in answer)) return { data: parsed.data };
  return { data: parsed.data, origin: { fromCache: answer.fromCache, crawl: answer.crawl } };
}

/** One request; the server's `pagination.total`, or the row count of an unpaged answer. */
export async function countRows<P, Row>(
  context: QueryContext,
  plan: Plan<P, Row>,
  options: FetchOptions = {},
): Promise<number> {
  const { data: page } = await fetchPage(context, plan, 1, options.signal, options.provenance);
  const rows = plan.endpoint.rows(page);
  return plan.endpoint.pagination(page)?.total ??
    (plan.keep ? rows.filter(plan.keep).length : rows.length);
}

/** The plan's pages, in order, with deduplicated rows. */
export function iteratePages<P, Row>(
  context: QueryContext,
  plan: Plan<P, Row>,
  options: FetchOptions = {},
): AsyncGenerator<Page<Row>, void, undefined> {
  const { endpoint } = plan;
  return paginate<Row>({
    url: planUrl(context, plan),
    key: (row) => endpoint.key(row),
    ...(plan.keep ? { keep: plan.keep } : {}),
    ...(plan.isPastEnd ? { isPastEnd: plan.isPastEnd } : {}),
    async fetchPage(number, signal, read) {
      const { data, origin } = await fetchPage(
        context,
        plan,
        number,
        signal,
        options.provenance,
        read,
      );
      return { rows: endpoint.rows(data), pagination: endpoint.pagination(data), origin };
    },
  }, {
    limit: plan.limit,
    onProgress: options.onProgress,
    signal: options.signal,
    maxRequests: context.http.maxRequestsPerQuery,
  });
}

/** The plan's rows, one at a time. */
export async function* iterateRows<P, Row>(
  context: QueryContext,
  plan: Plan<P, Row>,
  options: FetchOptions = {},
): AsyncGenerator<Row, void, undefined> {
  for await (const page of iteratePages(context, plan, options)) yield* page.rows;
}

/** Every row, in an array. */
export async function collectRecords<P, Row>(
  context: QueryContext,
  plan: Plan<P, Row>,
  options: FetchOptions = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  await drainPages(context, plan, options, (page) => rows.push(...page.rows));
  return rows;
}

/** Every row, folded into a DataFrame with the endpoint's declared dtypes as pages arrive. */
export async function collectFrame<P, Row>(
  context: QueryContext,
  plan: Plan<P, Row>,
  options: FetchOptions = {},
): Promise<DataFrame> {
  const builder = new FrameBuilder(plan.endpoint.columns);
  await drainPages(context, plan, options, (page) => builder.add(page.rows));
  return builder.finish();
}

/** Reads every page into `take`, drawing progress (when on) until the last page or a failure. */
async function drainPages<P, Row>(
  context: QueryContext,
  plan: Plan<P, Row>,
  options: FetchOptions,
  take: (page: Page<Row>) => void,
): Promise<void> {
  const reporter = progressReporter(plan.path, options.progress ?? context.progress ?? "auto");
  const onProgress = reporter === undefined ? options.onProgress : (progress: Progress) => {
    reporter.update(progress);
    options.onProgress?.(progress);
  };
  try {
    for await (const page of iteratePages(context, plan, { ...options, onProgress })) take(page);
  } catch (error) {
    await reporter?.finish(error);
    throw error;
  }
  await reporter?.finish();
}
