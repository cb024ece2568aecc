/**
 * The builder of an endpoint with no filter of its own: a fixed path (and parameters) whose
 * body holds a list, or one object. {@link listEndpoint} makes the spec of an unpaged list;
 * {@link ListQuery} gives it the terminal verbs of every builder.
 *
 * @module
 */

import { Query } from "../builder.ts";
import type { z } from "../deps.ts";
import type { Columns } from "../frame.ts";
import type { Endpoint, Plan, QueryContext } from "../query.ts";

/** What {@link listEndpoint} needs. */
export interface ListSpec<P, Row> {
  /** The body schema. */
  page: z.ZodType<P>;
  /** The rows of a parsed body. */
  rows(body: P): readonly Row[];
  /** The row key used to drop duplicates. */
  key(row: Row): unknown;
  /** The frame's columns and dtypes. */
  columns: Columns<Row>;
  /** `"required"` when TM answers only with a token. @default public */
  auth?: "required";
}

/**
 * The spec of an endpoint that answers every row in one body (no `pagination`).
 *
 * @example
 * ```ts
 * import { listEndpoint } from "./list.ts";
 * import { z } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = listEndpoint({
 *   page: z.object({ tags: z.array(z.string()) }),
 *   rows: (body) => body.tags.map((country) => ({ country })),
 *   key: (row) => row.country,
 *   columns: { country: { kind: "str" } },
 * });
 * assert.equal(spec.pagination({ tags: [] }), undefined);
 * ```
 */
export function listEndpoint<P, Row>(spec: ListSpec<P, Row>): Endpoint<P, Row> {
  return {
    page: spec.page,
    rows: (body) => spec.rows(body),
    pagination: () => undefined,
    key: (row) => spec.key(row),
    columns: spec.columns,
    auth: spec.auth,
  };
}

/**
 * A query of one fixed request. `count()` is the number of rows in the answer.
 *
 * @example The URL of the campaign list
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * assert.equal(tm.campaigns().url().href, "https://tm.example/api/v2/campaigns/");
 * ```
 */
export class ListQuery<P, Row> extends Query<P, Row> {
  readonly #plan: Plan<P, Row>;

  /** Use the client's and handles' methods (`tm.campaigns()`, `tm.project(id).tasks()` ...). */
  constructor(context: QueryContext, plan: Plan<P, Row>) {
    super(context);
    this.#plan = Object.freeze({ ...plan });
  }

  /** Plan for the shared verbs. */
  protected plan(): Plan<P, Row> {
    return this.#plan;
  }
}
