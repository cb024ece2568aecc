/**
 * {@link EndpointQuery}: the query of one endpoint with no filter of its own (a project's
 * detail, the organisations, a task's history ...). Its one plan is one part.
 *
 * @module
 */

import { Query } from "../builder.ts";
import type { DisplayRow } from "../display.ts";
import type { Endpoint } from "../endpoint.ts";
import { type Compiled, type Plan, planOf, type QueryContext } from "../query.ts";

/**
 * A query of one endpoint at one path. `count()` is the number of rows in the answer (one
 * request); an endpoint that answers one object has one row.
 *
 * @example The campaign list, as a URL and a frame
 * ```ts
 * import { createClient } from "../client.ts";
 * import { startEmulator } from "../emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   assert.equal(tm.campaigns().url().href, `${emulator.url}campaigns/`);
 *   const frame = await tm.campaigns().limit(2).frame();
 *   assert.deepEqual(frame.columns, ["id", "name"]);
 *   assert.ok(frame.height <= 2);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class EndpointQuery<Row> extends Query<Row> {
  readonly #what: string;
  readonly #plan: Plan<Row>;
  readonly #facts: readonly DisplayRow[];

  /** Use the client's and handles' methods (`tm.campaigns()`, `tm.project(id).detail()` ...). */
  constructor(context: QueryContext, what: string, plan: Plan<Row>, facts: DisplayRow[] = []) {
    super(context);
    this.#what = what;
    this.#plan = plan;
    this.#facts = Object.freeze([...facts]);
  }

  /** The query of `endpoint` for `args` (already checked). */
  static of<P, Row, A>(
    context: QueryContext,
    what: string,
    endpoint: Endpoint<P, Row, A>,
    args: A,
    facts: DisplayRow[] = [],
  ): EndpointQuery<Row> {
    return new EndpointQuery(context, what, planOf(endpoint, args), facts);
  }

  /**
   * One part: the endpoint's plan.
   * @ignore
   */
  protected compile(): Compiled<Row> {
    const plan = this.#plan;
    return { what: this.#what, columns: plan.columns, parts: [{ label: this.#what, plan }] };
  }

  /**
   * The arguments given, and the limit.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    return [...this.#facts, ["limit", this.#plan.limit]];
  }

  /**
   * The same query with a row limit.
   * @ignore
   */
  protected withLimit(limit: number): EndpointQuery<Row> {
    return new EndpointQuery(this.context, this.#what, { ...this.#plan, limit }, [...this.#facts]);
  }
}
