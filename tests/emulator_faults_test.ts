import assert from "node:assert/strict";
import { get, obj, withEmulator } from "./emulator_helpers.ts";

const OPTIONS = { projects: 20, seed: 5 };

Deno.test("faults: 429 carries Retry-After", async () => {
  await withEmulator(
    { ...OPTIONS, faults: { rate: 1, kinds: ["429"], retryAfterSeconds: 3 } },
    async (emulator) => {
      const got = await get(emulator, "system/heartbeat/");
      assert.equal(got.status, 429);
      assert.equal(got.headers.get("retry-after"), "3");
    },
  );
});

Deno.test("faults: rate 1 with maxConsecutive 2 fails twice, then succeeds", async () => {
  await withEmulator(
    { ...OPTIONS, faults: { rate: 1, kinds: ["503"], maxConsecutive: 2 } },
    async (emulator) => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(emulator, "projects/")).status);
      assert.deepEqual(statuses, [503, 503, 200, 503]);
      assert.equal((await get(emulator, "projects/?page=2")).status, 503);
      emulator.setFaults({});
      assert.equal((await get(emulator, "projects/?page=2")).status, 200);
    },
  );
});

Deno.test("faults: the same seed fails the same requests", async () => {
  const faults = { rate: 0.5, kinds: ["500" as const] };
  const runs: number[][] = [];
  for (let i = 0; i < 2; i++) {
    await withEmulator({ ...OPTIONS, faults }, async (emulator) => {
      const statuses: number[] = [];
      for (let page = 1; page <= 12; page++) {
        statuses.push((await get(emulator, `projects/?page=${page}`)).status);
      }
      runs.push(statuses);
    });
  }
  assert.deepEqual(runs[0], runs[1]);
  assert.ok(runs[0]?.includes(500) && runs[0]?.includes(200));
});

Deno.test("faults: truncate gives an unparsable body", async () => {
  await withEmulator({ ...OPTIONS, faults: { rate: 1, kinds: ["truncate"] } }, async (emulator) => {
    const res = await fetch(emulator.url + "projects/");
    assert.equal(res.status, 200);
    await assert.rejects(async () => JSON.parse(await res.text()));
  });
});

Deno.test("faults: reset gives a fetch TypeError", async () => {
  await withEmulator({ ...OPTIONS, faults: { rate: 1, kinds: ["reset"] } }, async (emulator) => {
    await assert.rejects(async () => {
      const res = await fetch(emulator.url + "system/heartbeat/");
      await res.text();
    }, TypeError);
  });
});

Deno.test("faults: insertActivity shifts activity pages", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const project = emulator.world.projects
      .filter((p) => p.status === "PUBLISHED" && !p.private)
      .sort((a, b) => b.history.length - a.history.length)[0];
    assert.ok(project);
    const path = `projects/${project.id}/activities/?page=2`;
    const before = obj((await get(emulator, path)).json);
    emulator.setFaults({ insertActivity: { everyRequests: 1, projectId: project.id } });
    await get(emulator, "system/heartbeat/");
    emulator.setFaults({});
    const after = obj((await get(emulator, path)).json);
    const total = (body: Record<string, unknown>) => obj(body["pagination"])["total"];
    assert.ok(Number(total(after)) > Number(total(before)));
    assert.notDeepEqual(after["activity"], before["activity"]);
  });
});

Deno.test("faults: latency delays but still answers, requests are counted", async () => {
  await withEmulator({ ...OPTIONS, faults: { latencyMs: [1, 5] } }, async (emulator) => {
    assert.equal((await get(emulator, "system/heartbeat/")).status, 200);
    assert.equal(emulator.requests, 1);
  });
});
