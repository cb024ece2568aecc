/**
 * Retry timing: which answers are worth another attempt, how long to wait (exponential
 * backoff with jitter, or the server's `Retry-After`, capped), and an abortable sleep.
 *
 * @module
 */

/** How `http.ts` retries a GET. Every field is set (`createClient` fills the defaults). */
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

/**
 * Whether an HTTP status is worth retrying: 408, 429 and every 5xx.
 *
 * @example
 * ```ts
 * import { isRetryableStatus } from "./retry.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isRetryableStatus(503), true);
 * assert.equal(isRetryableStatus(404), false);
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * The wait before retry number `retry` (1 for the first): `baseDelay · 2^(retry−1)`, capped
 * at `backoffLimit`, then jittered into its upper half so that parallel requests spread out.
 *
 * @example
 * ```ts
 * import { backoffDelay } from "./retry.ts";
 * import assert from "node:assert/strict";
 *
 * const policy = { limit: 5, baseDelay: 100, backoffLimit: 1000, maxRetryAfter: 5000 };
 * assert.equal(backoffDelay(1, policy, () => 1), 100);
 * assert.equal(backoffDelay(3, policy, () => 0), 200);
 * assert.equal(backoffDelay(10, policy, () => 1), 1000);
 * ```
 */
export function backoffDelay(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const full = Math.min(policy.backoffLimit, policy.baseDelay * 2 ** (retry - 1));
  return full / 2 + (full / 2) * random();
}

/**
 * Reads a `Retry-After` header (delay seconds or an HTTP date) as milliseconds from `now`;
 * `undefined` when absent or unreadable.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from "./retry.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseRetryAfter("2"), 2000);
 * assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.UTC(2015, 9, 21, 7, 28, 0)), 10_000);
 * assert.equal(parseRetryAfter(null), undefined);
 * ```
 */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Waits `ms` milliseconds; rejects with the signal's reason if it aborts first.
 *
 * @example
 * ```ts
 * import { sleep } from "./retry.ts";
 * import assert from "node:assert/strict";
 *
 * const controller = new AbortController();
 * controller.abort(new Error("stop"));
 * await assert.rejects(sleep(10_000, controller.signal), /stop/);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
