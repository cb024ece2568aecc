import assert from "node:assert/strict";
import { backoffDelay, isRetryableStatus, parseRetryAfter, sleep } from "../src/retry.ts";

const POLICY = { limit: 5, baseDelay: 200, backoffLimit: 1000, maxRetryAfter: 3000 };

Deno.test("isRetryableStatus() retries 408, 429 and 5xx only", () => {
  assert.deepEqual([408, 429, 500, 502, 503, 504, 599].map(isRetryableStatus), Array(7).fill(true));
  assert.deepEqual(
    [200, 307, 400, 401, 403, 404, 422].map(isRetryableStatus),
    Array(7).fill(false),
  );
});

Deno.test("backoffDelay() doubles, caps at backoffLimit and jitters within the upper half", () => {
  assert.equal(backoffDelay(1, POLICY, () => 0.999999) <= 200, true);
  assert.equal(backoffDelay(1, POLICY, () => 0), 100);
  assert.equal(backoffDelay(2, POLICY, () => 1), 400);
  assert.equal(backoffDelay(3, POLICY, () => 1), 800);
  assert.equal(backoffDelay(4, POLICY, () => 1), 1000);
  assert.equal(backoffDelay(40, POLICY, () => 0), 500);
});

Deno.test("parseRetryAfter() reads seconds and HTTP dates, and ignores garbage", () => {
  assert.equal(parseRetryAfter("0"), 0);
  assert.equal(parseRetryAfter(" 7 "), 7000);
  assert.equal(parseRetryAfter("1.5"), 1500);
  const now = Date.UTC(2024, 0, 1, 0, 0, 0);
  assert.equal(parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now), 30_000);
  assert.equal(parseRetryAfter("Sun, 31 Dec 2023 00:00:00 GMT", now), 0);
  assert.equal(parseRetryAfter("soon"), undefined);
  assert.equal(parseRetryAfter(null), undefined);
});

Deno.test("sleep() resolves, and rejects at once when aborted", async () => {
  await sleep(1);
  const controller = new AbortController();
  const waiting = sleep(60_000, controller.signal);
  controller.abort(new Error("cancelled"));
  await assert.rejects(waiting, /cancelled/);
});
