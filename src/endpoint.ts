/**
 * Endpoint specs: everything tmframes knows about one TM endpoint, in one object. A spec owns
 * its path and its wire parameters (`request(args)`: domain words in, TM's names out), its body
 * schema, how to find the rows and the pagination in a body, the row key, the frame's columns
 * and whether TM wants a token. No other file spells a TM path or parameter name.
 *
 * {@link readPage} is the one place where a body becomes rows: it validates with a decoder
 * compiled from the spec's zod schema (`decode/`), and a body the decoder rejects is explained
 * by zod itself in a `SchemaError` naming the URL, the page and the fields.
 *
 * @module
 */

import type { z } from "./deps.ts";
import { decodeBody } from "./decode/body.ts";
import type { Columns } from "./frame.ts";
import type { Pagination } from "./rows.ts";
import type { WireParams } from "./url.ts";

/** Where one request goes: a path relative to the API root (with TM's trailing slash) and its query. */
export interface Request {
  readonly path: string;
  readonly params: WireParams;
}

/** The spec of one TM endpoint, for arguments of type `A`. */
export interface Endpoint<P, Row, A> {
  /** The path and wire parameters for these arguments. Pure; arguments were checked before. */
  request(args: A): Request;
  /** The body schema (a page, or the one object of a single-object endpoint). */
  readonly body: z.ZodType<P>;
  /** The rows of a parsed body. */
  rows(body: P): readonly Row[];
  /** The body's pagination; `undefined`/`null` means one body holds every row. */
  pagination(body: P): Pagination | null | undefined;
  /** The row key used to drop duplicates across pages. */
  key(row: Row): unknown;
  /** The frame's columns and dtypes. */
  readonly columns: Columns<Row>;
  /** `"required"`: TM answers only with a token, so none is sent without one. */
  readonly auth: "required" | "public";
  /** TM's rows per page when the endpoint pages; `undefined` when it answers in one body. */
  readonly perPage: number | undefined;
}

/** What {@link defineEndpoint} needs; the rest has defaults. */
export interface EndpointSpec<P, Row, A> {
  request(args: A): Request;
  body: z.ZodType<P>;
  rows(body: P): readonly Row[];
  /** @default no pagination (one body) */
  pagination?: (body: P) => Pagination | null | undefined;
  key(row: Row): unknown;
  columns: Columns<Row>;
  /** @default "public" */
  auth?: "required" | "public";
  /** Required with `pagination`. @default undefined */
  perPage?: number;
}

/**
 * An endpoint spec with its defaults filled in.
 *
 * @example A one-body list
 * ```ts
 * import { defineEndpoint } from "./endpoint.ts";
 * import { z } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const countries = defineEndpoint({
 *   request: () => ({ path: "countries/", params: {} }),
 *   body: z.object({ tags: z.array(z.string()) }),
 *   rows: (body) => body.tags.map((country) => ({ country })),
 *   key: (row) => row.country,
 *   columns: { country: { kind: "str" } },
 * });
 * assert.equal(countries.request(undefined).path, "countries/");
 * assert.equal(countries.pagination({ tags: [] }), undefined);
 * assert.equal(countries.auth, "public");
 * ```
 */
export function defineEndpoint<P, Row, A>(spec: EndpointSpec<P, Row, A>): Endpoint<P, Row, A> {
  if ((spec.pagination === undefined) !== (spec.perPage === undefined)) {
    throw new TypeError("Cannot define an endpoint: give pagination and perPage together");
  }
  return Object.freeze({
    request: spec.request,
    body: spec.body,
    rows: spec.rows,
    pagination: spec.pagination ?? (() => undefined),
    key: spec.key,
    columns: spec.columns,
    auth: spec.auth ?? "public",
    perPage: spec.perPage,
  });
}

/**
 * The spec of an endpoint that answers one object: one row, one frame row.
 *
 * @example
 * ```ts
 * import { objectEndpoint } from "./endpoint.ts";
 * import { z } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const beat = objectEndpoint({
 *   request: () => ({ path: "system/heartbeat/", params: {} }),
 *   body: z.object({ status: z.string() }),
 *   columns: { status: { kind: "str" } },
 * });
 * assert.deepEqual(beat.rows({ status: "healthy" }), [{ status: "healthy" }]);
 * ```
 */
export function objectEndpoint<T, A>(
  spec: Pick<EndpointSpec<T, T, A>, "request" | "body" | "columns" | "auth">,
): Endpoint<T, T, A> {
  return defineEndpoint({ ...spec, rows: (object) => [object], key: () => 0 });
}

/** One body read: its rows and its pagination. */
export interface ReadPage<Row> {
  readonly rows: readonly Row[];
  readonly pagination: Pagination | null | undefined;
}

/**
 * Validates one body with the spec's schema and returns its rows and pagination; a body that
 * does not match raises `SchemaError` with the URL, the page and zod's issues.
 *
 * @example
 * ```ts
 * import { defineEndpoint, readPage } from "./endpoint.ts";
 * import { decodeBody } from "./decode/body.ts";
 * import { SchemaError } from "./errors.ts";
 * import { z } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = defineEndpoint({
 *   request: () => ({ path: "things/", params: {} }),
 *   body: z.object({ things: z.array(z.object({ id: z.number().int() })) }),
 *   rows: (body) => body.things,
 *   key: (row) => row.id,
 *   columns: { id: { kind: "int" } },
 * });
 * const url = new URL("https://tm.example/api/v2/things/");
 * assert.deepEqual(readPage(spec, { things: [{ id: 1 }] }, url, 1).rows, [{ id: 1 }]);
 * assert.throws(() => readPage(spec, { things: [{ id: "1" }] }, url, 1), SchemaError);
 * ```
 */
export function readPage<P, Row, A>(
  endpoint: Endpoint<P, Row, A>,
  body: unknown,
  url: URL,
  page: number,
): ReadPage<Row> {
  const decoded = decodeBody(endpoint.body, body, { url: url.href, page });
  return { rows: endpoint.rows(decoded), pagination: endpoint.pagination(decoded) };
}
