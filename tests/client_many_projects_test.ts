/**
 * Many projects in one call: tm.projects([ids]) and a search's verbs, over real HTTP against
 * the emulator; failures named or collected, order, and the shared limiter.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError, PartsFailedError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { activity as worldActivity, contributionsByDay } from "../src/emulator/figures.ts";
import { dtypes, ms, publicProjects } from "./analytics_helpers.ts";

Deno.test("30 projects, one private: the error names it; collect mode keeps the other 29", async () => {
  const emulator = await startEmulator({ port: 0, projects: 80, seed: 31 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const world = emulator.world;
    const hidden = world.projects.find((p) => p.private && p.status !== "DRAFT")!;
    assert.ok(hidden, "the world has a private project");
    const open = publicProjects(world).slice(0, 29).reverse();
    const ids = [
      ...open.slice(0, 10).map((p) => p.id),
      hidden.id,
      ...open.slice(10).map((p) => p.id),
    ];
    const query = tm.projects(ids).contributionsByDay();
    assert.equal(query.url().href, `${emulator.url}projects/${ids[0]}/contributions/queries/day/`);
    assert.deepEqual(
      query.urls().map((url) => url.href),
      ids.map((id) => `${emulator.url}projects/${id}/contributions/queries/day/`),
    );

    // contributions by day is public for private projects too (reference 3.7); activities is not.
    const activities = tm.projects(ids).activities();
    await assert.rejects(activities.frame(), (error: unknown) => {
      assert.ok(error instanceof PartsFailedError, String(error));
      assert.equal(error.parts, 30);
      assert.deepEqual(error.failures.map((f) => f.projectId), [hidden.id]);
      assert.ok(error.failures[0]!.error instanceof ApiError);
      assert.equal((error.failures[0]!.error as ApiError).status, 403);
      assert.match(error.message, new RegExp(`\\b${hidden.id}\\b`));
      return true;
    });
    const { frame, failures } = await activities.frameWithFailures();
    assert.deepEqual(failures.map((f) => f.projectId), [hidden.id]);
    assert.equal(frame.columns[0], "projectId");
    assert.equal(dtypes(frame)["projectId"], "Int64");
    assert.equal(dtypes(frame)["actionDate"], "Datetime(us,UTC)");
    const expectedIds = open.flatMap((p) => worldActivity(p).map(() => p.id));
    assert.deepEqual(frame.getColumn("projectId").toArray(), expectedIds, "in the order given");
    assert.deepEqual(
      frame.getColumn("historyId").toArray(),
      open.flatMap((p) => worldActivity(p).map((r) => r.id)),
    );
    const { records } = await activities.recordsWithFailures();
    assert.equal(records.length, frame.height);

    const days = await query.frame();
    const expectedDays = ids.flatMap((id) => {
      const project = world.projects.find((p) => p.id === id)!;
      return contributionsByDay(project).map((d) => [id, d.cumulativeMapped]);
    });
    assert.deepEqual(
      days.select("projectId", "cumulativeMapped").rows(),
      expectedDays,
    );
    assert.equal(dtypes(days)["date"], "Date");
  } finally {
    await emulator.close();
  }
});

Deno.test("an unknown project id fails alone; an empty list gives typed empty frames without requests", async () => {
  const emulator = await startEmulator({ port: 0, projects: 20, seed: 31 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const [a, b] = publicProjects(emulator.world);
    const { frame, failures } = await tm.projects([a!.id, 99_999, b!.id, a!.id]).latestActivity()
      .frameWithFailures();
    assert.deepEqual(failures.map((f) => [f.projectId, (f.error as ApiError).status]), [[
      99_999,
      404,
    ]]);
    assert.deepEqual(
      [...new Set(frame.getColumn("projectId").toArray())],
      [a!.id, b!.id],
      "duplicates dropped, order kept",
    );
    assert.equal(frame.height, a!.tasks.length + b!.tasks.length);
    const before = emulator.requests;
    const empty = await tm.projects([]).contributions().frame();
    assert.equal(empty.height, 0);
    assert.equal(empty.columns[0], "projectId");
    assert.equal(dtypes(empty)["mappedTasks"], "List(DataType(Int64))");
    assert.equal(emulator.requests, before);
    assert.throws(() => tm.projects([1, 0]), RangeError);
  } finally {
    await emulator.close();
  }
});

Deno.test("a search's projects: every match, in search order, through the client's one limiter", async () => {
  const emulator = await startEmulator({ port: 0, projects: 40, seed: 5, campaignProjects: 30 });
  let inFlight = 0;
  let peak = 0;
  async function countingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      const response = await fetch(input, init);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return response;
    } finally {
      inFlight--;
    }
  }
  try {
    const tm = createClient({
      baseUrl: emulator.url,
      concurrency: 3,
      fetch: countingFetch,
      progress: false,
    });
    const search = tm.projects().campaign("Emulator Campaign");
    const searchIds = (await search.records()).map((r) => r.projectId);
    const visible = emulator.world.projects.filter((p) =>
      p.campaignIds.includes(1) && !p.private && p.status === "PUBLISHED"
    );
    assert.deepEqual([...searchIds].sort(), visible.map((p) => p.id).sort());
    assert.ok(searchIds.length > 14, "more than one search page");
    const query = search.contributions();
    assert.deepEqual(query.urls().map((url) => url.href), [search.url().href]);
    const before = emulator.requests;
    peak = 0;
    const frame = await query.frame();
    assert.equal(
      emulator.requests - before,
      Math.ceil(searchIds.length / 14) + searchIds.length,
      "the search's pages, then one per project",
    );
    assert.ok(peak <= 3, `at most 3 requests in flight (saw ${peak})`);
    assert.deepEqual(
      [...new Set(frame.getColumn("projectId").toArray())],
      searchIds.filter((id) =>
        emulator.world.projects.find((p) => p.id === id)!.history.some((h) =>
          h.action !== "COMMENT"
        )
      ),
    );
    const recent = search.limit(5).activities().since(
      new Date(ms(emulator.world.now) - 7 * 86_400_000),
    );
    const rows = await recent.records();
    assert.ok(
      rows.every((r) => Date.parse(r.actionDate) >= ms(emulator.world.now) - 7 * 86_400_000),
    );
    assert.deepEqual(
      [...new Set(rows.map((r) => r.projectId))].every((id) => searchIds.slice(0, 5).includes(id)),
      true,
    );
  } finally {
    await emulator.close();
  }
});
