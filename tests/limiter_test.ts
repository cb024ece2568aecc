import assert from "node:assert/strict";
import { Limiter } from "../src/limiter.ts";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

Deno.test("Limiter never runs more tasks than its concurrency, and starts them in order", async () => {
  const limiter = new Limiter({ concurrency: 3 });
  const started: number[] = [];
  const gates = Array.from({ length: 7 }, deferred);
  let running = 0;
  let peak = 0;
  const all = gates.map((gate, i) =>
    limiter.run(async () => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      await gate.promise;
      running--;
      return i;
    })
  );
  await Promise.resolve();
  assert.equal(limiter.active, 3);
  assert.equal(limiter.waiting, 4);
  for (const gate of gates) gate.resolve();
  assert.deepEqual(await Promise.all(all), [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(peak, 3);
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6]);
});

Deno.test("Limiter frees the slot when a task rejects", async () => {
  const limiter = new Limiter({ concurrency: 1 });
  await assert.rejects(limiter.run(() => Promise.reject(new Error("boom"))), /boom/);
  assert.equal(await limiter.run(() => Promise.resolve(5)), 5);
  assert.equal(limiter.active, 0);
});

Deno.test("Limiter drops a waiting task whose signal aborts, without starting it", async () => {
  const limiter = new Limiter({ concurrency: 1 });
  const gate = deferred();
  const first = limiter.run(() => gate.promise);
  const controller = new AbortController();
  let started = false;
  const second = limiter.run(() => {
    started = true;
    return Promise.resolve();
  }, controller.signal);
  controller.abort(new Error("not needed"));
  await assert.rejects(second, /not needed/);
  gate.resolve();
  await first;
  assert.equal(started, false);
  assert.equal(limiter.waiting, 0);
});

Deno.test("Limiter spaces starts by requestsPerSecond and holds starts during a pause", async () => {
  const limiter = new Limiter({ concurrency: 10, requestsPerSecond: 20 });
  const starts: number[] = [];
  await Promise.all(
    [0, 1, 2].map(() => limiter.run(() => Promise.resolve(starts.push(Date.now())))),
  );
  // A lower bound only (it cannot flake): 20 per second means 50 ms between starts, less 5 ms of timer slack.
  assert.ok(starts[2]! - starts[0]! >= 95, `starts ${starts.join(", ")}`);

  const paused = new Limiter({ concurrency: 2 });
  const before = Date.now();
  paused.pause(120);
  await paused.run(() => Promise.resolve());
  assert.ok(Date.now() - before >= 115);
});
