/**
 * How many requests a compiled query will make, as far as it is known before asking: what a
 * query shows in a notebook, and what `query.estimate()` returns.
 *
 * @module
 */

import { isMatched, type Plan } from "./query.ts";
import type { Compiled } from "./query.ts";

/** A query's request count, as far as it is known without asking the server. */
export interface RequestEstimate {
  /** Requests that will be made whatever the server answers (one per part known before asking). */
  readonly atLeast: number;
  /** The most requests it can take, when that is known before asking; `undefined` when it depends on the data. */
  readonly atMost: number | undefined;
  /** The estimate in words, as the query's display shows it. */
  readonly text: string;
}

/** One plan's requests: at most, and in words (for a part, or per part). */
function planRequests<Row>(plan: Plan<Row>): { atMost: number | undefined; text: string } {
  const perPage = plan.perPage;
  if (perPage === undefined) return { atMost: 1, text: "1 request" };
  const pages = `pages of ${perPage} rows`;
  if (plan.keep || plan.isPastEnd) {
    const upTo = plan.limit === undefined
      ? ""
      : `, at most ${
        Math.max(1, Math.ceil(plan.limit / perPage))
      } if the window holds ${plan.limit} rows`;
    return {
      atMost: undefined,
      text: `1 request per page of ${perPage} rows up to the first page past the window${upTo}`,
    };
  }
  if (plan.limit === undefined) {
    return {
      atMost: undefined,
      text: `ceil(total / ${perPage}) requests (${pages}); count() asks for total in 1 request`,
    };
  }
  const most = Math.max(1, Math.ceil(plan.limit / perPage));
  return { atMost: most, text: `at most ${most} request${most === 1 ? "" : "s"} (${pages})` };
}

/**
 * The estimate of a compiled query: from each part's page size, limit and window, and the
 * number of parts when it is known before asking.
 *
 * @example One search, and six windows
 * ```ts
 * import { createClient } from "./client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/", token: "example" });
 * assert.deepEqual(tm.projects().limit(30).estimate(), {
 *   atLeast: 1, atMost: 3, text: "at most 3 requests (pages of 14 rows)",
 * });
 * const windows = tm.taskStatistics().between("2021-01-01", "2026-06-30").estimate();
 * assert.equal(windows.atMost, 6);
 * assert.equal(windows.text, "6 requests: 1 request per window (6 windows)");
 * ```
 */
export function estimateRequests<Row>(compiled: Compiled<Row>): RequestEstimate {
  const parts = compiled.parts;
  const unit = compiled.unit ?? "part";
  if (isMatched(parts)) {
    const search = planRequests(parts.search);
    const each = planRequests(parts.partFor(1).plan);
    return {
      atLeast: 1,
      atMost: undefined,
      text: `the search: ${search.text}; then per matched ${unit}: ${each.text}`,
    };
  }
  if (parts.length === 0) return { atLeast: 0, atMost: 0, text: "no request" };
  const first = parts[0];
  if (parts.length === 1 && first !== undefined) {
    const one = planRequests(first.plan);
    return { atLeast: 1, atMost: one.atMost, text: one.text };
  }
  const all = parts.map((part) => planRequests(part.plan));
  const atMost = all.every((each) => each.atMost !== undefined)
    ? all.reduce((sum, each) => sum + (each.atMost as number), 0)
    : undefined;
  const each = all[0]?.text ?? "";
  const total = atMost === undefined
    ? `at least ${parts.length} requests`
    : all.every((one) => one.atMost === 1)
    ? `${atMost} requests`
    : `at most ${atMost} requests`;
  return {
    atLeast: parts.length,
    atMost,
    text: `${total}: ${each} per ${unit} (${parts.length} ${unit}s)`,
  };
}
