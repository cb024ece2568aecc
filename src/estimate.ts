/**
 * How many requests a plan will take, known before any is sent: what a builder shows in a
 * notebook, and what `query.estimate()` returns.
 *
 * @module
 */

import type { Plan } from "./query.ts";

/**
 * A plan's request count, as far as it is known without asking the server:
 *
 * - `"one"`: the endpoint answers in one body: 1 request.
 * - `"limit"`: a paged search with a row limit: at most `requests` = ⌈limit / perPage⌉.
 * - `"total"`: a paged search without a limit: ⌈total / perPage⌉ requests (at least 1), where
 *   `total` is what `count()` tells in one request.
 * - `"window"`: a paged log read until the first page past a time window; the count depends on
 *   the data.
 */
export type RequestEstimate =
  | { readonly kind: "one"; readonly requests: 1 }
  | { readonly kind: "limit"; readonly perPage: number; readonly requests: number }
  | { readonly kind: "total"; readonly perPage: number }
  | { readonly kind: "window"; readonly perPage: number };

/**
 * The estimate of a plan: from the endpoint's page size, the plan's limit and whether it
 * reads a window.
 *
 * @example
 * ```ts
 * import { estimateRequests } from "./estimate.ts";
 * import { PROJECTS_ENDPOINT } from "./queries/projects.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = { endpoint: PROJECTS_ENDPOINT, path: "projects/", params: {} };
 * assert.deepEqual(estimateRequests(plan), { kind: "total", perPage: 14 });
 * assert.deepEqual(estimateRequests({ ...plan, limit: 30 }), { kind: "limit", perPage: 14, requests: 3 });
 * ```
 */
export function estimateRequests<P, Row>(plan: Plan<P, Row>): RequestEstimate {
  const perPage = plan.endpoint.perPage;
  if (perPage === undefined) return { kind: "one", requests: 1 };
  if (plan.isPastEnd !== undefined || plan.keep !== undefined) return { kind: "window", perPage };
  if (plan.limit === undefined) return { kind: "total", perPage };
  return { kind: "limit", perPage, requests: Math.max(1, Math.ceil(plan.limit / perPage)) };
}

/**
 * The number of requests, once the server's total is known (`undefined` for a window, whose
 * count depends on the dates of the rows).
 *
 * @example
 * ```ts
 * import { requestsFor } from "./estimate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(requestsFor({ kind: "total", perPage: 14 }, 600), 43);
 * assert.equal(requestsFor({ kind: "total", perPage: 14 }, 0), 1);
 * assert.equal(requestsFor({ kind: "limit", perPage: 14, requests: 3 }, 20), 2);
 * ```
 */
export function requestsFor(estimate: RequestEstimate, total: number): number | undefined {
  switch (estimate.kind) {
    case "one":
      return 1;
    case "limit":
      return Math.min(estimate.requests, Math.max(1, Math.ceil(total / estimate.perPage)));
    case "total":
      return Math.max(1, Math.ceil(total / estimate.perPage));
    case "window":
      return undefined;
  }
}

/**
 * The estimate in words, as a builder shows it in a notebook.
 *
 * @example
 * ```ts
 * import { describeEstimate } from "./estimate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(describeEstimate({ kind: "limit", perPage: 14, requests: 3 }), "at most 3 requests (pages of 14 rows)");
 * assert.equal(
 *   describeEstimate({ kind: "total", perPage: 14 }),
 *   "ceil(total / 14) requests, one per page of 14 rows; count() asks for total in 1 request",
 * );
 * ```
 */
export function describeEstimate(estimate: RequestEstimate): string {
  switch (estimate.kind) {
    case "one":
      return "1 request";
    case "limit":
      return `at most ${estimate.requests} request${
        estimate.requests === 1 ? "" : "s"
      } (pages of ${estimate.perPage} rows)`;
    case "total":
      return `ceil(total / ${estimate.perPage}) requests, one per page of ${estimate.perPage} rows; count() asks for total in 1 request`;
    case "window":
      return `one request per page of ${estimate.perPage} rows, up to the first page past the window`;
  }
}
