/**
 * The query model, compiled form. Every builder compiles, purely and without a request, to a
 * {@link Compiled} query: the requests it will make, as far as they are known before asking.
 * Each part is one {@link Plan} (one endpoint at one path with its parameters, read page by
 * page by the one paging engine); a query of many projects or of many time windows has many
 * parts, and a query over the matches of a search learns its parts as the search's pages
 * arrive. `execute.ts` runs any compiled query.
 *
 * @module
 */

import type { z } from "./deps.ts";
import { type Endpoint, type ReadPage, readPage, type Request } from "./endpoint.ts";
import type { Columns } from "./frame.ts";
import type { Http } from "./http.ts";
import type { ProgressMode } from "./progress.ts";
import { compileUrl } from "./url.ts";

/** What a query needs from its client. */
export interface QueryContext {
  readonly http: Http;
  readonly baseUrl: URL;
  /** The client's progress mode (see `progress.ts`). @default "auto" */
  readonly progress?: ProgressMode | undefined;
}

/** Bounds of one crawl: a row limit, and a time window applied to the rows as they arrive. */
export interface Bounds<Row> {
  /** At most this many rows (kept rows, when `keep` is given). */
  readonly limit?: number | undefined;
  /** Which rows to keep (a window applied after the fetch). @default every row */
  readonly keep?: ((row: Row) => boolean) | undefined;
  /** Ends the crawl after a page past the wanted rows (see `paginate.ts`). @default none */
  readonly isPastEnd?: ((rows: readonly Row[]) => boolean) | undefined;
}

/** One crawl: where it goes, how its bodies are read, and its bounds. */
export interface Plan<Row> extends Bounds<Row> {
  readonly request: Request;
  /** Validates one body and returns its rows and pagination (see `endpoint.ts`). */
  readonly read: (body: unknown, url: URL, page: number) => ReadPage<Row>;
  /** The body's schema, for the drift warnings (see `drift_warnings.ts`). */
  readonly schema: z.ZodType;
  readonly key: (row: Row) => unknown;
  readonly columns: Columns<Row>;
  readonly auth: "required" | "public";
  readonly perPage: number | undefined;
}

/**
 * The plan of one endpoint for these (already checked) arguments.
 *
 * @example
 * ```ts
 * import { planOf } from "./query.ts";
 * import { ACTIVITIES_ENDPOINT } from "./queries/activities.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = planOf(ACTIVITIES_ENDPOINT, { projectId: 7 }, { limit: 25 });
 * assert.equal(plan.request.path, "projects/7/activities/");
 * assert.equal(plan.perPage, 10);
 * assert.equal(plan.limit, 25);
 * ```
 */
export function planOf<P, Row, A>(
  endpoint: Endpoint<P, Row, A>,
  args: A,
  bounds: Bounds<Row> = {},
): Plan<Row> {
  return Object.freeze({
    request: endpoint.request(args),
    read: (body: unknown, url: URL, page: number) => readPage(endpoint, body, url, page),
    schema: endpoint.body,
    key: (row: Row) => endpoint.key(row),
    columns: endpoint.columns,
    auth: endpoint.auth,
    perPage: endpoint.perPage,
    ...bounds,
  });
}

/** A row of a query over many projects: the endpoint's row with its project id. */
export type ProjectRow<Row> = Row & { projectId: number };

/** The columns of a many-projects frame: `projectId` first, then the endpoint's own. */
export function withProjectIdColumn<Row>(columns: Columns<Row>): Columns<ProjectRow<Row>> {
  const { projectId: _own, ...rest } = columns as Columns<ProjectRow<Row>>;
  return { projectId: { kind: "int" }, ...rest };
}

/**
 * One project's plan whose rows carry `projectId` (first column of the frame).
 *
 * @example
 * ```ts
 * import { forProject, planOf } from "./query.ts";
 * import { CONTRIBUTIONS_ENDPOINT } from "./queries/contributions.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = forProject(planOf(CONTRIBUTIONS_ENDPOINT, { projectId: 3 }), 3);
 * assert.equal(Object.keys(plan.columns)[0], "projectId");
 * ```
 */
export function forProject<Row>(plan: Plan<Row>, projectId: number): Plan<ProjectRow<Row>> {
  return Object.freeze({
    ...plan,
    read(body: unknown, url: URL, page: number) {
      const read = plan.read(body, url, page);
      const rows = read.rows.map((row) => ({ ...(row as object), projectId }) as ProjectRow<Row>);
      return { pagination: read.pagination, rows };
    },
    columns: withProjectIdColumn(plan.columns),
  });
}

/** One part of a compiled query: a plan, and what it is in words (for failures and progress). */
export interface Part<Row> {
  /** E.g. `"project 7"` or `"2021-01-01 to 2022-01-01"`. */
  readonly label: string;
  /** The project it is about, in a query over many projects. */
  readonly projectId?: number | undefined;
  readonly plan: Plan<Row>;
}

/** Parts learnt from a search: one per matched project, in the search's order. */
export interface MatchedParts<Row> {
  /** The search whose rows name the projects. */
  readonly search: Plan<{ projectId: number }>;
  /** The part of one matched project. */
  partFor(projectId: number): Part<Row>;
  /** The per-project endpoint's auth (known before any project is). */
  readonly auth: "required" | "public";
}

/** A query compiled: what it fetches, its parts, and the frame's columns. */
export interface Compiled<Row> {
  /** What it fetches, in words: `"activities"`, `"task statistics"`. */
  readonly what: string;
  /** What one part is, in words (`"project"`, `"window"`); absent for a query of one part. */
  readonly unit?: string | undefined;
  readonly columns: Columns<Row>;
  /** The parts known before asking, or the parts a search will name. */
  readonly parts: readonly Part<Row>[] | MatchedParts<Row>;
  /** At most this many rows over all parts together. @default every row */
  readonly limit?: number | undefined;
  /**
   * What must be asked before the parts are known (a loose name looked up in TM's catalogue):
   * the executor runs the query it resolves to instead. @default none
   */
  readonly prepare?: ((context: QueryContext) => Promise<Compiled<Row>>) | undefined;
  /** Called once when the query found no row (to warn about names that match nothing). @default none */
  readonly whenEmpty?: ((context: QueryContext) => Promise<void>) | undefined;
}

/** Whether the parts are learnt from a search. */
export function isMatched<Row>(
  parts: readonly Part<Row>[] | MatchedParts<Row>,
): parts is MatchedParts<Row> {
  return !Array.isArray(parts);
}

/** The first page's URL of a plan. Pure. */
export function planUrl<Row>(context: QueryContext, plan: Plan<Row>): URL {
  return compileUrl(context.baseUrl, plan.request.path, plan.request.params);
}

/**
 * Every URL a compiled query will request that is known before asking: the first page of
 * each part (later pages follow from the first page's pagination), or the search's first
 * page when the parts come from a search. Pure.
 */
export function knownUrls<Row>(context: QueryContext, compiled: Compiled<Row>): URL[] {
  const parts = compiled.parts;
  if (isMatched(parts)) return [planUrl(context, parts.search)];
  return parts.map((part) => planUrl(context, part.plan));
}

/**
 * Throws `TypeError` when the query needs a token and the client has none, so that nothing
 * is sent that TM can only refuse.
 */
export function requireToken<Row>(context: QueryContext, compiled: Compiled<Row>): void {
  if (context.http.hasToken) return;
  const parts = compiled.parts;
  const needs = isMatched(parts)
    ? [parts.search.auth, parts.auth].includes("required")
    : parts.some((part) => part.plan.auth === "required");
  if (!needs) return;
  throw new TypeError(
    `Cannot fetch ${compiled.what}: TM answers it only with an API token; pass \`token\` to ` +
      "createClient() or set the TM_TOKEN environment variable",
  );
}
