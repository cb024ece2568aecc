/**
 * tm.project(id).activities() and .latestActivity() over real HTTP against the emulator:
 * wire, dtypes, agreement with the world, windows (since/until) and errors.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { activity as worldActivity } from "../src/emulator/figures.ts";
import { busiestProject, dtypes, ms, publicProjects, structList } from "./analytics_helpers.ts";
import { tokensOf } from "./emulator_helpers.ts";

const ACTIVITY_DTYPES = {
  historyId: "Int64",
  taskId: "Int64",
  action: "String",
  actionText: "String",
  actionDate: "Datetime(us,UTC)",
  actionBy: "String",
  pictureUrl: "String",
  issues: structList({ categoryId: "Int64", name: "String", count: "Int64" }),
};

Deno.test("activities(): every non-comment row, deduplicated, 10 a page, typed", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 21 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const project = busiestProject(emulator.world);
    const query = tm.project(project.id).activities();
    assert.equal(query.url().href, `${emulator.url}projects/${project.id}/activities/`);
    const expected = worldActivity(project);
    assert.ok(expected.length > 20, "more than two pages");

    const before = emulator.requests;
    const frame = await query.frame();
    assert.equal(emulator.requests - before, Math.ceil(expected.length / 10), "one request a page");
    assert.deepEqual(dtypes(frame), ACTIVITY_DTYPES);
    assert.equal(frame.height, expected.length);
    assert.equal(await query.count(), expected.length, "pagination.total");
    assert.deepEqual(frame.getColumn("historyId").toArray(), expected.map((r) => r.id));
    const stamps = (frame.getColumn("actionDate").toArray() as unknown as Date[]).map((d) =>
      d.getTime()
    );
    assert.deepEqual(stamps, expected.map((r) => ms(r.actionDate)));
    assert.equal(frame.getColumn("action").toArray().includes("COMMENT"), false);

    const pages: number[] = [];
    for await (const page of query.pages()) pages.push(page.rows.length);
    assert.equal(pages.length, Math.ceil(expected.length / 10));
    assert.ok(pages.slice(0, -1).every((n) => n === 10));
  } finally {
    await emulator.close();
  }
});

Deno.test("activities().since()/until(): the window's rows exactly, in fewer requests", async () => {
  const emulator = await startEmulator({
    port: 0,
    projects: 5,
    seed: 8,
    hugeProjectHistoryRows: 1500,
  });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const project = emulator.world.projects.find((p) => p.id === emulator.world.hugeProjectId)!;
    const rows = worldActivity(project);
    const pagesAll = Math.ceil(rows.length / 10);
    const newest = ms(rows[0]!.actionDate);
    // A window of about three pages, a page below the newest row.
    const since = new Date(ms(rows[45]!.actionDate));
    const until = new Date(ms(rows[12]!.actionDate));
    const inWindow = (at: number) => at >= since.getTime() && at < until.getTime();
    const expected = rows.filter((r) => inWindow(ms(r.actionDate))).map((r) => r.id);
    assert.ok(expected.length > 10, `a window of more than one page (${expected.length})`);

    const before = emulator.requests;
    const windowed = await tm.project(project.id).activities().since(since).until(until).frame();
    const used = emulator.requests - before;
    assert.deepEqual(windowed.getColumn("historyId").toArray(), expected);
    assert.deepEqual(dtypes(windowed), ACTIVITY_DTYPES);
    const lastPage = Math.ceil(
      (rows.findIndex((r) => ms(r.actionDate) < since.getTime()) + 1) / 10,
    );
    assert.ok(used >= lastPage, `reads down to the first page before since (${used})`);
    assert.ok(used <= 2 * lastPage, `does not run far past it (${used} of ${lastPage})`);
    assert.ok(used < pagesAll / 4, `far fewer than the ${pagesAll} pages of the history`);

    const onlySince = await tm.project(project.id).activities().since(since).records();
    assert.deepEqual(
      onlySince.map((r) => r.historyId),
      rows.filter((r) => ms(r.actionDate) >= since.getTime()).map((r) => r.id),
    );
    const day = new Date(newest).toISOString().slice(0, 10);
    const today = await tm.project(project.id).activities().since(day).records();
    const midnight = Date.parse(`${day}T00:00:00Z`);
    assert.deepEqual(
      today.map((r) => r.historyId),
      rows.filter((r) => ms(r.actionDate) >= midnight).map((r) => r.id),
    );

    const cut = ms(rows[Math.floor(rows.length / 2)]!.actionDate);
    const old = await tm.project(project.id).activities().until(new Date(cut)).records();
    assert.deepEqual(
      old.map((r) => r.historyId),
      rows.filter((r) => ms(r.actionDate) < cut).map((r) => r.id),
    );
    assert.equal(
      await tm.project(project.id).activities().since(since).until(until).count(),
      expected.length,
      "with a window, count() is the window's rows, as frame().height is",
    );
    assert.equal(
      await tm.project(project.id).activities().count(),
      rows.length,
      "without one, TM's total for the whole history",
    );
    const before5 = emulator.requests;
    const limited = await tm.project(project.id).activities().since(since).limit(5).records();
    assert.deepEqual(
      limited.map((r) => r.historyId),
      onlySince.slice(0, 5).map((r) => r.historyId),
    );
    assert.equal(emulator.requests - before5, 1, "five rows are on page 1");
    assert.throws(
      () => tm.project(project.id).activities().since("2024-02-01").until("2024-01-01"),
      RangeError,
    );
    assert.throws(() => tm.project(project.id).activities().since("2024-02-30"), RangeError);
  } finally {
    await emulator.close();
  }
});

Deno.test("latestActivity(): one row per task with the world's status", async () => {
  const emulator = await startEmulator({ port: 0, projects: 20, seed: 4 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const project = busiestProject(emulator.world);
    const query = tm.project(project.id).latestActivity();
    assert.equal(query.url().href, `${emulator.url}projects/${project.id}/activities/latest/`);
    const frame = await query.frame();
    assert.deepEqual(dtypes(frame), {
      taskId: "Int64",
      taskStatus: "String",
      actionDate: "Datetime(us,UTC)",
      actionBy: "String",
    });
    const tasks = [...project.tasks].sort((a, b) => a.id - b.id);
    assert.deepEqual(frame.getColumn("taskId").toArray(), tasks.map((t) => t.id));
    assert.deepEqual(frame.getColumn("taskStatus").toArray(), tasks.map((t) => t.status));
    const untouched = tasks.filter((t) =>
      !project.history.some((h) => h.taskId === t.id && h.action !== "COMMENT")
    ).length;
    assert.equal(frame.getColumn("actionDate").nullCount(), untouched);
    assert.equal(await query.count(), tasks.length);
  } finally {
    await emulator.close();
  }
});

Deno.test("activities of a project without history: typed empty frames", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 21 });
  try {
    const draft = emulator.world.projects.find((p) => p.status === "DRAFT" && !p.private)!;
    assert.equal(draft.history.length, 0);
    const tm = createClient({
      baseUrl: emulator.url,
      token: tokensOf(emulator).admin,
      progress: false,
    });
    const frame = await tm.project(draft.id).activities().frame();
    assert.equal(frame.height, 0);
    assert.deepEqual(dtypes(frame), ACTIVITY_DTYPES);
    assert.equal(await tm.project(draft.id).activities().count(), 0);
    const since = await tm.project(draft.id).activities().since("2020-01-01").frame();
    assert.deepEqual(dtypes(since), ACTIVITY_DTYPES);
  } finally {
    await emulator.close();
  }
});

Deno.test("activities errors: unknown project 404, private project 403", async () => {
  const emulator = await startEmulator({ port: 0, projects: 60, seed: 3 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    for (const query of [tm.project(99_999).activities(), tm.project(99_999).latestActivity()]) {
      await assert.rejects(
        query.frame(),
        (error: unknown) => error instanceof ApiError && error.status === 404,
      );
    }
    const hidden = emulator.world.projects.find((p) => p.private && p.status !== "DRAFT");
    if (hidden !== undefined) {
      await assert.rejects(
        tm.project(hidden.id).activities().frame(),
        (error: unknown) => error instanceof ApiError && error.status === 403,
      );
    }
    assert.ok(publicProjects(emulator.world).length > 0);
  } finally {
    await emulator.close();
  }
});
