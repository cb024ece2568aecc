import assert from "node:assert/strict";
import { createWorld, insertActivity } from "../src/emulator/world.ts";
import {
  activity,
  contributions,
  contributionsByDay,
  latestActivity,
  percentages,
  timeStatistics,
  totalMappers,
} from "../src/emulator/figures.ts";
import type { HistoryRow, Project, Task, World } from "../src/emulator/model.ts";
import type { TaskAction, TaskStatus } from "../src/schemas/enums.ts";
import { assertConsistent } from "./emulator_consistency.ts";
import {
  MappingType,
  ProjectDifficulty,
  ProjectPriority,
  ProjectStatus,
} from "../src/schemas/enums.ts";

let defaultWorld: World | undefined;
function getDefaultWorld(): World {
  defaultWorld ??= createWorld();
  return defaultWorld;
}

const DAY = 86_400_000_000;
const T0 = Date.UTC(2025, 0, 10, 9) * 1000;

/** A handmade project: the base's attributes with these tasks and history rows. */
function handmade(
  statuses: TaskStatus[],
  rows: [number, TaskAction, string | null, number, number][],
): Project {
  const base = createWorld({ projects: 1 }).projects[0]!;
  const tasks = statuses.map((status, i): Task => ({
    ...base.tasks[0]!,
    id: i + 1,
    status,
    lockedBy: status.startsWith("LOCKED") ? 1 : null,
    mappedBy: null,
    validatedBy: null,
  }));
  const history = rows.map(([taskId, action, actionText, actionDate, userId], i): HistoryRow => ({
    id: i + 1,
    projectId: base.id,
    taskId,
    action,
    actionText,
    actionDate,
    userId,
  }));
  return { ...base, tasks, history };
}

Deno.test("createWorld is deterministic by seed", () => {
  const a = createWorld({ seed: 7, projects: 40 });
  assert.deepStrictEqual(createWorld({ seed: 7, projects: 40 }), a);
  assert.notDeepStrictEqual(createWorld({ seed: 8, projects: 40 }), a);
  assert.ok(a.now > Date.UTC(2026, 4, 25) * 1000 && a.now < Date.UTC(2026, 5, 8) * 1000);
});

Deno.test("the default world covers every status, priority, difficulty and mapping type", () => {
  const w = getDefaultWorld();
  assert.equal(w.seed, 42);
  assert.equal(w.projects.length, 600);
  assert.equal(w.hugeProjectId, undefined);
  assert.deepEqual(w.levels.map((l) => l.name), ["BEGINNER", "INTERMEDIATE", "ADVANCED"]);
  assert.ok(w.users.length >= 200 && w.users.some((u) => u.role === "ADMIN"));
  assert.ok(w.organisations.some((o) => o.name.includes("&") && o.name.includes("<")));
  assert.ok(w.campaigns.length >= 10 && w.interests.length >= 8 && w.teams.length > 0);
  const combos = new Set(
    w.projects.flatMap((p) => p.mappingTypes.map((t) => `${p.priority} ${p.difficulty} ${t}`)),
  );
  assert.equal(combos.size, 4 * 3 * 5);
  for (const s of ProjectStatus.options) assert.ok(w.projects.some((p) => p.status === s), s);
  for (const s of ProjectPriority.options) assert.ok(w.projects.some((p) => p.priority === s), s);
  for (const s of ProjectDifficulty.options) {
    assert.ok(w.projects.some((p) => p.difficulty === s), s);
  }
  for (const s of MappingType.options) {
    assert.ok(w.projects.some((p) => p.mappingTypes.includes(s)), s);
  }
  assert.ok(w.projects.some((p) => p.private) && w.projects.some((p) => p.sandbox));
  assert.ok(
    w.projects.some((p) => p.countries === null) &&
      w.projects.some((p) => p.countries?.length === 2),
  );
  assert.ok(w.projects.some((p) => p.info.length > 1));
  const arbitrary = w.projects.find((p) => p.taskCreationMode === "ARBITRARY")!;
  assert.ok(arbitrary.tasks.every((t) => t.x === null && t.zoom === null && !t.isSquare));
  const grid = w.projects.find((p) => p.taskCreationMode === "GRID")!;
  assert.ok(grid.tasks.every((t) => t.x !== null && t.zoom !== null && t.isSquare));
  assert.ok(w.projects.every((p) => p.tasks.length >= 1 && p.tasks.length <= 450));
  const coords = grid.tasks.flatMap((t) => t.geometry.flat(2).flat());
  assert.ok(coords.every((c) => Math.abs(c * 1e9 - Math.round(c * 1e9)) < 1e-3));
});

Deno.test("default world histories: unique ids, DRAFT empty, dates before now, both formats", () => {
  const w = getDefaultWorld();
  const ids = new Set<number>();
  let whole = 0, fractional = 0, durations = 0, wholeDurations = 0, open = 0;
  for (const p of w.projects) {
    if (p.status === "DRAFT") assert.equal(p.history.length, 0);
    assert.ok(p.created <= p.lastUpdated && p.lastUpdated <= w.now, `dates of ${p.id}`);
    for (const h of p.history) {
      assert.ok(!ids.has(h.id) && h.actionDate < w.now && h.projectId === p.id);
      ids.add(h.id);
      if (h.actionDate % 1_000_000 === 0) whole++;
      else fractional++;
      if (h.action.startsWith("LOCKED") && h.actionText !== null) {
        durations++;
        if (!h.actionText.includes(".")) wholeDurations++;
      }
      if (h.actionText === null && h.action.startsWith("LOCKED")) open++;
    }
  }
  assert.ok(whole > 0 && fractional > whole, `${whole} whole, ${fractional} fractional`);
  assert.ok(wholeDurations > 0 && wholeDurations < durations);
  assert.ok(
    open > 0 && w.projects.some((p) => p.tasks.some((t) => t.status === "LOCKED_FOR_VALIDATION")),
  );
  const rows = w.projects.reduce((n, p) => n + p.history.length, 0);
  assert.ok(rows > 10 * 600 && rows < 400 * 600, `${rows} rows`);
});

Deno.test("every task's state is what its history implies", () => {
  const w = getDefaultWorld();
  for (const p of w.projects) assertConsistent(p);
  const statuses = new Set(w.projects.flatMap((p) => p.tasks.map((t) => t.status)));
  for (
    const s of ["READY", "MAPPED", "VALIDATED", "INVALIDATED", "BADIMAGERY", "LOCKED_FOR_MAPPING"]
  ) {
    assert.ok(statuses.has(s as TaskStatus), s);
  }
});

Deno.test("percentages follow reference 2.11 with truncation and zero on division by zero", () => {
  const p = handmade([
    "MAPPED",
    "VALIDATED",
    "VALIDATED",
    "BADIMAGERY",
    "READY",
    "LOCKED_FOR_MAPPING",
    "INVALIDATED",
  ], []);
  assert.deepEqual(percentages(p), {
    percentMapped: 50,
    percentValidated: 33,
    percentBadImagery: 14,
  });
  const float = handmade([...Array(29).fill("MAPPED"), ...Array(71).fill("READY")], []);
  assert.equal(percentages(float).percentMapped, 28); // int(29 / 100 * 100) == 28 in float arithmetic
  assert.deepEqual(percentages(handmade(["BADIMAGERY"], [])), {
    percentMapped: 0,
    percentValidated: 0,
    percentBadImagery: 100,
  });
  assert.deepEqual(percentages(handmade([], [])), {
    percentMapped: 0,
    percentValidated: 0,
    percentBadImagery: 0,
  });
});

Deno.test("contributions by day: last cumulative equals current counts", () => {
  const p = handmade(["VALIDATED", "MAPPED", "READY", "MAPPED"], [
    [1, "STATE_CHANGE", "MAPPED", T0, 10],
    [2, "STATE_CHANGE", "MAPPED", T0 + 1000, 11],
    [1, "STATE_CHANGE", "VALIDATED", T0 + DAY, 20],
    [2, "COMMENT", "nice", T0 + DAY, 20],
    [4, "STATE_CHANGE", "VALIDATED", T0 + 2 * DAY, 20], // validated without a MAPPED row: counts as mapped
    [4, "STATE_CHANGE", "INVALIDATED", T0 + 3 * DAY, 21],
    [4, "STATE_CHANGE", "MAPPED", T0 + 4 * DAY, 12],
  ]);
  const days = contributionsByDay(p);
  assert.deepEqual(
    days.map((d) => [d.date, d.mapped, d.validated, d.cumulativeMapped, d.cumulativeValidated]),
    [
      ["2025-01-10", 2, 0, 2, 0],
      ["2025-01-11", 0, 1, 2, 1],
      ["2025-01-12", 1, 1, 3, 2],
      ["2025-01-13", 0, 0, 2, 1],
      ["2025-01-14", 1, 0, 3, 1],
    ],
  );
  assert.ok(days.every((d) => d.totalTasks === 4));
  const last = days[days.length - 1]!;
  assert.equal(
    last.cumulativeMapped,
    p.tasks.filter((t) => t.status === "MAPPED" || t.status === "VALIDATED").length,
  );
  assert.equal(last.cumulativeValidated, p.tasks.filter((t) => t.status === "VALIDATED").length);
  assert.deepEqual(contributionsByDay(handmade(["READY"], [])), []);
});

Deno.test("contributions by day keeps TM's invalidation quirks", () => {
  const p = handmade(["INVALIDATED", "MAPPED"], [
    [1, "STATE_CHANGE", "MAPPED", T0, 10],
    [1, "STATE_CHANGE", "INVALIDATED", T0 + DAY, 20], // decrements nothing that day (counter at 0)
    [1, "STATE_CHANGE", "MAPPED", T0 + 2 * DAY, 11],
    [1, "STATE_CHANGE", "INVALIDATED", T0 + 3 * DAY, 20], // ignored: task still marked invalidated
    [2, "STATE_CHANGE", "MAPPED", T0 + 3 * DAY, 10],
    [2, "STATE_CHANGE", "INVALIDATED", T0 + 4 * DAY, 20],
    [2, "STATE_CHANGE", "MAPPED", T0 + 4 * DAY + 1000, 12], // same day: INVALIDATED is processed last
  ]);
  const days = contributionsByDay(p).map((
    d,
  ) => [d.mapped, d.validated, d.cumulativeMapped, d.cumulativeValidated]);
  assert.deepEqual(days, [[1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 1, 0], [1, 0, 2, 0], [0, 0, 1, 0]]);
});

Deno.test("timeStatistics sums lock durations per reference 3.4", () => {
  const p = handmade(["MAPPED", "READY", "LOCKED_FOR_MAPPING", "VALIDATED"], [
    [1, "LOCKED_FOR_MAPPING", "00:10:00", T0, 10],
    [4, "LOCKED_FOR_MAPPING", "00:05:30.500000", T0 + 1, 11],
    [2, "AUTO_UNLOCKED_FOR_MAPPING", "02:00:00", T0 + 2, 12],
    [4, "LOCKED_FOR_VALIDATION", "00:02:00", T0 + 3, 20],
    [4, "COMMENT", "00:09:00", T0 + 4, 20],
    [3, "LOCKED_FOR_MAPPING", null, T0 + 5, 1],
  ]);
  assert.deepEqual(timeStatistics(p), {
    totalMappingTime: 8130,
    totalValidationTime: 120,
    totalTimeSpent: 8250,
    averageMappingTime: 2032.5,
    averageValidationTime: 120,
    timeToFinishMapping: 4065,
    timeToFinishValidating: 360,
  });
});

Deno.test("contributions, activity and latest activity of a handmade project", () => {
  const p = handmade(["VALIDATED", "BADIMAGERY", "MAPPED"], [
    [1, "STATE_CHANGE", "MAPPED", T0, 10],
    [2, "STATE_CHANGE", "BADIMAGERY", T0 + 5, 10],
    [3, "STATE_CHANGE", "MAPPED", T0 + 5, 11],
    [1, "STATE_CHANGE", "VALIDATED", T0 + 9, 20],
    [3, "COMMENT", "hello", T0 + 10, 30],
  ]);
  Object.assign(p.tasks[0]!, { mappedBy: 10, validatedBy: 20 });
  Object.assign(p.tasks[1]!, { mappedBy: 10 });
  Object.assign(p.tasks[2]!, { mappedBy: 11 });
  const c = contributions(p);
  assert.deepEqual(
    c.map((r) => [r.userId, r.mapped, r.validated, r.badImagery, r.total, r.badImageryTasks]),
    [
      [10, 1, 0, 1, 2, [2]],
      [11, 1, 0, 0, 1, []],
      [20, 0, 1, 0, 1, []],
    ],
  );
  assert.deepEqual(activity(p).map((h) => h.id), [4, 3, 2, 1]);
  assert.deepEqual(latestActivity(p).map((l) => [l.taskId, l.actionDate, l.userId]), [
    [1, T0 + 9, 20],
    [2, T0 + 5, 10],
    [3, T0 + 5, 11],
  ]);
  assert.equal(totalMappers(p), 3, "the validator counts too");
});

Deno.test("hugeProjectHistoryRows and campaignProjects", () => {
  const w = createWorld({ projects: 5, hugeProjectHistoryRows: 20000, campaignProjects: 8 });
  const huge = w.projects.find((p) => p.id === w.hugeProjectId);
  assert.ok(huge && huge.status === "PUBLISHED");
  assert.ok(huge.history.filter((h) => h.action !== "COMMENT").length >= 20000);
  assertConsistent(huge);
  assert.equal(w.campaigns[0]!.name, "Emulator Campaign");
  const tagged = w.projects.filter((p) => p.campaignIds.includes(1));
  assert.equal(tagged.length, 8);
  assert.ok(tagged.every((p) => p.status === "PUBLISHED"));
});

Deno.test("insertActivity is deterministic and shifts activity", () => {
  const a = createWorld({ seed: 3, projects: 12 });
  const b = createWorld({ seed: 3, projects: 12 });
  const target = a.projects.find((p) =>
    p.status === "PUBLISHED" && p.tasks.some((t) => t.status === "READY")
  )!;
  const before = activity(target);
  const now = a.now;
  const rows = insertActivity(a, target.id, 1);
  assert.deepStrictEqual(insertActivity(b, target.id, 1), rows);
  assert.deepStrictEqual(b, a);
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => r.actionDate > now && r.actionDate < a.now));
  const maxBefore = Math.max(
    ...a.projects.flatMap((p) => p.history.filter((h) => !rows.includes(h)).map((h) => h.id)),
  );
  assert.ok(rows[0]!.id > maxBefore && rows[1]!.id === rows[0]!.id + 1);
  const after = activity(target);
  assert.equal(after.length, before.length + 2);
  assert.deepEqual(after.slice(0, 2), [rows[1], rows[0]]);
  assert.deepEqual(after[2], before[0]);
  assert.equal(target.lastUpdated, rows[1]!.actionDate);
  assertConsistent(target);
  const c = createWorld({ seed: 3, projects: 12 });
  assert.notDeepStrictEqual(insertActivity(c, target.id, 2), rows);
  const draft = a.projects.find((p) => p.status === "DRAFT");
  if (draft) assert.deepEqual(insertActivity(a, draft.id, 1), []);
});
