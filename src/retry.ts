/**
 * The one retry policy, as ky's `retry` options: which answers are worth another attempt
 * (network errors, timeouts, 408, 429 and every 5xx; `http.ts`'s `shouldRetry` adds broken
 * bodies), exponential backoff with jitter, and the server's `Retry-After` (capped). ky waits; `http.ts` only adds what ky cannot know: the client's limiter.
 *
 * @module
 */

import type { KyRetryOptions } from "./deps.ts";

/** How a client retries a GET. Every field is set (`createClient` fills the defaults). */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** Delay before the first retry, in ms; doubles for each further retry. */
  baseDelay: number;
  /** The most any backoff delay may be, in ms. */
  backoffLimit: number;
  /** The most a server's `Retry-After` may make us wait, in ms. */
  maxRetryAfter: number;
}

/** The policy `createClient` fills in for every field not given. */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = {
  limit: 4,
  baseDelay: 500,
  backoffLimit: 30_000,
  maxRetryAfter: 60_000,
};

/** The statuses worth retrying: 408, 429 and every 5xx. */
export const RETRY_STATUSES: readonly number[] = [
  408,
  429,
  ...Array.from({ length: 100 }, (_, i) => 500 + i),
];

/**
 * ky's `retry` options for `policy`: GETs only, {@link RETRY_STATUSES} (honouring their
 * `Retry-After`, capped at `maxRetryAfter`), timeouts too. The backoff before retry `n` (1 for
 * the first) is `baseDelay · 2^(n−1)`, capped at `backoffLimit`, then jittered into its upper
 * half so that parallel requests spread out. `shouldRetry` is ky's, unchanged.
 *
 * @example
 * ```ts
 * import { kyRetry } from "./retry.ts";
 * import assert from "node:assert/strict";
 *
 * const retry = kyRetry({ limit: 5, baseDelay: 100, backoffLimit: 1000, maxRetryAfter: 5000 });
 * assert.equal(retry.limit, 5);
 * assert.equal(retry.delay!(1), 100);
 * assert.equal(retry.delay!(10), 1000);
 * const jittered = (retry.jitter as (delay: number) => number)(1000);
 * assert.ok(jittered >= 500 && jittered <= 1000);
 * ```
 */
export function kyRetry(
  policy: RetryPolicy,
  shouldRetry?: KyRetryOptions["shouldRetry"],
): KyRetryOptions {
  const { baseDelay, backoffLimit } = policy;
  return {
    limit: policy.limit,
    methods: ["get"],
    statusCodes: [...RETRY_STATUSES],
    afterStatusCodes: [...RETRY_STATUSES],
    maxRetryAfter: policy.maxRetryAfter,
    backoffLimit,
    delay: (retry) => Math.min(backoffLimit, baseDelay * 2 ** (retry - 1)),
    jitter: (delay) => delay / 2 + (delay / 2) * Math.random(),
    retryOnTimeout: true,
    ...(shouldRetry ? { shouldRetry } : {}),
  };
}

/**
 * The wait a `Retry-After` header asks for, in ms, read as ky reads it (whole seconds, or an
 * HTTP date from `now`); `undefined` when absent or unreadable (ky then backs off as usual).
 * `http.ts` pauses the client's limiter for it, capped as ky caps it.
 *
 * @example
 * ```ts
 * import { retryAfterMs } from "./retry.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(retryAfterMs("2"), 2000);
 * assert.equal(retryAfterMs("Wed, 21 Oct 2015 07:28:10 GMT", Date.UTC(2015, 9, 21, 7, 28, 0)), 10_000);
 * assert.equal(retryAfterMs("1.5"), undefined);
 * assert.equal(retryAfterMs(null), undefined);
 * ```
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  if (!/ GMT$|^\w{3} \w{3} [ \d]\d /.test(header)) return undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
