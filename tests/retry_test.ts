import assert from "node:assert/strict";
import { kyRetry, RETRY_STATUSES, retryAfterMs } from "../src/retry.ts";

const POLICY = { limit: 5, baseDelay: 200, backoffLimit: 1000, maxRetryAfter: 3000 };

Deno.test("RETRY_STATUSES retries 408, 429 and 5xx only", () => {
  for (const status of [408, 429, 500, 502, 503, 504, 599]) {
    assert.ok(RETRY_STATUSES.includes(status), String(status));
  }
  for (const status of [200, 307, 400, 401, 403, 404, 413, 422]) {
    assert.ok(!RETRY_STATUSES.includes(status), String(status));
  }
});

Deno.test("kyRetry() maps the policy onto ky: GETs, statuses, timeouts, Retry-After capped", () => {
  const retry = kyRetry(POLICY);
  assert.equal(retry.limit, 5);
  assert.deepEqual(retry.methods, ["get"]);
  assert.deepEqual(retry.statusCodes, [...RETRY_STATUSES]);
  assert.deepEqual(retry.afterStatusCodes, [...RETRY_STATUSES]);
  assert.equal(retry.maxRetryAfter, 3000);
  assert.equal(retry.retryOnTimeout, true);
  assert.equal(retry.shouldRetry, undefined);
});

Deno.test("kyRetry() backoff doubles, caps at backoffLimit and jitters within the upper half", () => {
  const retry = kyRetry(POLICY);
  const delay = retry.delay!;
  const jitter = retry.jitter as (delay: number) => number;
  assert.deepEqual([1, 2, 3, 4, 40].map(delay), [200, 400, 800, 1000, 1000]);
  for (let i = 0; i < 200; i++) {
    const jittered = jitter(delay(1));
    assert.ok(jittered >= 100 && jittered <= 200, String(jittered));
  }
});

Deno.test("retryAfterMs() reads whole seconds and HTTP dates as ky does, and ignores garbage", () => {
  assert.equal(retryAfterMs("0"), 0);
  assert.equal(retryAfterMs("7"), 7000);
  assert.equal(retryAfterMs("1.5"), undefined);
  const now = Date.UTC(2024, 0, 1, 0, 0, 0);
  assert.equal(retryAfterMs("Mon, 01 Jan 2024 00:00:30 GMT", now), 30_000);
  assert.equal(retryAfterMs("Sun, 31 Dec 2023 00:00:00 GMT", now), 0);
  assert.equal(retryAfterMs("soon"), undefined);
  assert.equal(retryAfterMs("2024-01-01"), undefined);
  assert.equal(retryAfterMs(null), undefined);
});
