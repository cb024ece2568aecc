/**
 * tm.project(id): contributions, contributionsByDay, tasks, task(taskId) and
 * userStatistics(username) over real HTTP against the emulator.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { contributions as worldContributions } from "../src/emulator/figures.ts";
import { contribsByDay } from "../src/emulator/figures_tm.ts";
import { userProjectTimes } from "../src/emulator/figures_user_projects.ts";
import { centroid } from "../src/emulator/geography.ts";
import { busiestProject, dayOf, dtypes, structList } from "./analytics_helpers.ts";
import { tokensOf } from "./emulator_helpers.ts";

const CONTRIBUTION_DTYPES = {
  username: "String",
  mappingLevel: "String",
  pictureUrl: "String",
  mapped: "Int64",
  validated: "Int64",
  badImagery: "Int64",
  total: "Int64",
  mappedTasks: "List(DataType(Int64))",
  validatedTasks: "List(DataType(Int64))",
  badImageryTasks: "List(DataType(Int64))",
  name: "String",
  dateRegistered: "Date",
};

const BY_DAY_DTYPES = {
  date: "Date",
  mapped: "Int64",
  validated: "Int64",
  cumulativeMapped: "Int64",
  cumulativeValidated: "Int64",
  totalTasks: "Int64",
};

Deno.test("contributions() and contributionsByDay() agree with the world", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 17 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const world = emulator.world;
    const project = busiestProject(world);
    const handle = tm.project(project.id);
    assert.equal(
      handle.contributions().url().href,
      `${emulator.url}projects/${project.id}/contributions/`,
    );
    assert.equal(
      handle.contributionsByDay().url().href,
      `${emulator.url}projects/${project.id}/contributions/queries/day/`,
    );

    const frame = await handle.contributions().frame();
    assert.deepEqual(dtypes(frame), CONTRIBUTION_DTYPES);
    const expected = worldContributions(project);
    const users = new Map(world.users.map((u) => [u.id, u]));
    assert.deepEqual(
      frame.getColumn("username").toArray(),
      expected.map((c) => users.get(c.userId)!.username),
    );
    assert.deepEqual(frame.getColumn("mappedTasks").toArray(), expected.map((c) => c.mappedTasks));
    const mappedTotal = (frame.getColumn("mapped").sum() as number) +
      (frame.getColumn("badImagery").sum() as number);
    assert.equal(mappedTotal, project.tasks.filter((t) => t.mappedBy !== null).length);
    const registered = (frame.getColumn("dateRegistered").toArray() as unknown as Date[]).map((d) =>
      d.toISOString().slice(0, 10)
    );
    assert.deepEqual(registered, expected.map((c) => dayOf(users.get(c.userId)!.dateRegistered)));

    const days = await handle.contributionsByDay().frame();
    assert.deepEqual(dtypes(days), BY_DAY_DTYPES);
    const figures = contribsByDay(project);
    assert.deepEqual(
      (days.getColumn("date").toArray() as unknown as Date[]).map((d) =>
        d.toISOString().slice(0, 10)
      ),
      figures.map((d) => d.date),
    );
    assert.equal(days.getColumn("mapped").sum(), figures.reduce((n, d) => n + d.mapped, 0));
    assert.deepEqual(
      days.getColumn("cumulativeMapped").toArray(),
      figures.map((d) => d.cumulativeMapped),
    );
    assert.deepEqual(
      days.getColumn("cumulativeValidated").toArray(),
      figures.map((d) => d.cumulativeValidated),
    );
    const stateDays = new Set(
      project.history.filter((h) =>
        h.action === "STATE_CHANGE" &&
        ["MAPPED", "VALIDATED", "INVALIDATED"].includes(h.actionText ?? "")
      ).map((h) => dayOf(h.actionDate)),
    );
    assert.equal(days.height, stateDays.size, "one row per day with a state change");
    assert.ok(days.getColumn("totalTasks").toArray().every((n) => n === project.tasks.length));

    const draft = world.projects.find((p) => p.status === "DRAFT" && !p.private)!;
    const admin = createClient({
      baseUrl: emulator.url,
      token: tokensOf(emulator).admin,
      progress: false,
    });
    const none = await admin.project(draft.id).contributions().frame();
    assert.equal(none.height, 0);
    assert.deepEqual(dtypes(none), CONTRIBUTION_DTYPES);
    const noDays = await tm.project(draft.id).contributionsByDay().frame();
    assert.equal(noDays.height, 0);
    assert.deepEqual(dtypes(noDays), BY_DAY_DTYPES);
    await assert.rejects(
      tm.project(99_999).contributionsByDay().frame(),
      (error: unknown) => error instanceof ApiError && error.status === 404,
    );
  } finally {
    await emulator.close();
  }
});

Deno.test("tasks(): one row per task, statuses and owners as the world's, centroids", async () => {
  const emulator = await startEmulator({ port: 0, projects: 20, seed: 9 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const project = busiestProject(emulator.world);
    const frame = await tm.project(project.id).tasks().frame();
    assert.deepEqual(dtypes(frame), {
      taskId: "Int64",
      taskX: "Int64",
      taskY: "Int64",
      taskZoom: "Int64",
      taskIsSquare: "Bool",
      taskStatus: "String",
      lockedBy: "Int64",
      mappedBy: "Int64",
      validatedBy: "Int64",
      geometry: "String",
      centroidLon: "Float64",
      centroidLat: "Float64",
    });
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    const rows = frame.toRecords();
    assert.equal(rows.length, project.tasks.length);
    for (const row of rows) {
      const task = byId.get(row.taskId as number)!;
      assert.equal(row.taskStatus, task.status);
      assert.equal(row.mappedBy, task.mappedBy);
      assert.equal(row.validatedBy, task.validatedBy);
      assert.equal(row.lockedBy, task.lockedBy);
      const [lon, lat] = centroid(task.geometry);
      assert.ok(Math.abs((row.centroidLon as number) - lon) < 1e-6, `lon of task ${task.id}`);
      assert.ok(Math.abs((row.centroidLat as number) - lat) < 1e-6, `lat of task ${task.id}`);
      assert.deepEqual(JSON.parse(row.geometry as string).coordinates, task.geometry);
    }
    const some = tm.project(project.id).tasks().ids(2, 1);
    assert.equal(some.url().searchParams.get("tasks"), "2,1");
    assert.deepEqual((await some.records()).map((f) => f.properties.taskId).sort(), [1, 2]);
    await assert.rejects(tm.project(99_999).tasks().frame(), ApiError);
  } finally {
    await emulator.close();
  }
});

Deno.test("task(taskId): its history rows, and detail() for the whole task", async () => {
  const emulator = await startEmulator({ port: 0, projects: 20, seed: 9 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const project = busiestProject(emulator.world);
    const taskId = project.history[project.history.length - 1]!.taskId;
    const history = project.history.filter((h) => h.taskId === taskId);
    const query = tm.project(project.id).task(taskId);
    assert.equal(query.url().href, `${emulator.url}projects/${project.id}/tasks/${taskId}/`);
    const frame = await query.frame();
    assert.deepEqual(dtypes(frame), {
      projectId: "Int64",
      taskId: "Int64",
      historyId: "Int64",
      action: "String",
      actionText: "String",
      actionDate: "Datetime(us,UTC)",
      actionBy: "String",
      pictureUrl: "String",
      issues: structList({ categoryId: "Int64", name: "String", count: "Int64" }),
    });
    assert.equal(frame.height, history.length, "comments included");
    assert.deepEqual(
      [...frame.getColumn("historyId").toArray()].sort(),
      history.map((h) => h.id).sort(),
    );
    assert.ok(frame.getColumn("taskId").toArray().every((id) => id === taskId));
    const [task] = await query.detail().records();
    assert.equal(task!.taskStatus, project.tasks.find((t) => t.id === taskId)!.status);
    assert.equal(task!.taskHistory.length, history.length);
    const detail = await query.detail().frame();
    assert.equal(detail.height, 1);
    assert.equal(dtypes(detail)["lastUpdated"], "Datetime(us,UTC)");
    assert.equal(detail.getColumn("lastUpdated").nullCount(), 0, "the +00:00Z quirk is read");
    await assert.rejects(
      tm.project(project.id).task(99_999).frame(),
      (error: unknown) => error instanceof ApiError && error.subCode === "TASK_NOT_FOUND",
    );
  } finally {
    await emulator.close();
  }
});

Deno.test("userStatistics(username): one user's time on one project", async () => {
  const emulator = await startEmulator({ port: 0, projects: 20, seed: 9 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const project = busiestProject(emulator.world);
    const mapper = project.history.find((h) => h.action === "LOCKED_FOR_MAPPING" && h.actionText)!;
    const user = emulator.world.users.find((u) => u.id === mapper.userId)!;
    const query = tm.project(project.id).userStatistics(user.username);
    assert.equal(
      query.url().href,
      `${emulator.url}projects/${project.id}/statistics/queries/${
        encodeURIComponent(user.username)
      }/`,
    );
    const frame = await query.frame();
    assert.deepEqual(dtypes(frame), {
      timeSpentMapping: "Float64",
      timeSpentValidating: "Float64",
      totalTimeSpent: "Float64",
    });
    const times = userProjectTimes(project, user.id);
    assert.equal(frame.getColumn("timeSpentMapping").toArray()[0], times.mapping);
    assert.equal(frame.getColumn("totalTimeSpent").toArray()[0], times.mapping + times.validation);
    await assert.rejects(
      tm.project(project.id).userStatistics("nobody-here").frame(),
      (error: unknown) => error instanceof ApiError && error.subCode === "USER_NOT_FOUND",
    );
  } finally {
    await emulator.close();
  }
});
