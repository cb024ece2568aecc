/**
 * The analyst queries against the emulator's world, over real HTTP. Each truth is computed
 * here from the world's task histories (`emulator.world.projects[i].history`, oldest first)
 * in plain TypeScript, independently of the polars transforms.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ProvenanceRecorder } from "../src/provenance.ts";
import type { HistoryRow, Project, World } from "../src/emulator/model.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { busiestProject, publicProjects } from "./analytics_helpers.ts";

const DAY_MS = 86_400_000;

/** A row's instant as the client reads it: milliseconds, the fraction truncated. */
const msOf = (row: HistoryRow) => Math.floor(row.actionDate / 1000);

function usernames(world: World): Map<number, string> {
  return new Map(world.users.map((user) => [user.id, user.username]));
}

/** The served log (no COMMENT rows), oldest first. */
function logOf(project: Project): HistoryRow[] {
  return project.history.filter((row) => row.action !== "COMMENT");
}

const isChange = (row: HistoryRow, text: string) =>
  row.action === "STATE_CHANGE" && row.actionText === text;

/** Each VALIDATED/INVALIDATED change with the MAPPED change it answers (oldest first). */
function verdicts(project: Project): { verdict: HistoryRow; mapping: HistoryRow | undefined }[] {
  const lastMapping = new Map<number, HistoryRow | undefined>();
  const out: { verdict: HistoryRow; mapping: HistoryRow | undefined }[] = [];
  for (const row of logOf(project)) {
    if (isChange(row, "VALIDATED") || isChange(row, "INVALIDATED")) {
      out.push({ verdict: row, mapping: lastMapping.get(row.taskId) });
    }
    if (isChange(row, "MAPPED")) lastMapping.set(row.taskId, row);
    if (isChange(row, "INVALIDATED")) lastMapping.set(row.taskId, undefined);
  }
  return out;
}

/** Seconds of a `HH:MM:SS[.ffffff]` duration. */
function seconds(text: string | null): number {
  if (text === null) return 0;
  const [h, m, s] = text.split(":").map(Number);
  return h! * 3600 + m! * 60 + s!;
}

Deno.test("invalidations(): each names the mapper, even when the mapping is older than the window", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 21 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const names = usernames(emulator.world);
    const project = busiestProject(emulator.world);
    const invalidations = verdicts(project).filter(({ verdict }) =>
      isChange(verdict, "INVALIDATED")
    );
    // A window that starts between the newest invalidation's mapping and the invalidation.
    const pivot = invalidations.findLast(({ verdict, mapping }) =>
      mapping !== undefined && msOf(verdict) - msOf(mapping) > 2
    );
    assert.ok(pivot, "the world has an invalidation of an earlier mapping");
    const since = Math.floor((msOf(pivot.verdict) + msOf(pivot.mapping!)) / 2);
    const expected = invalidations.filter(({ verdict }) => msOf(verdict) >= since);
    assert.ok(expected.some(({ mapping }) => mapping && msOf(mapping) < since));

    const rows = await tm.project(project.id).activities().since(new Date(since)).invalidations()
      .records();
    assert.deepEqual(
      rows.map((row) => [row.historyId, row.taskId, row.invalidatedBy, row.mappedBy]),
      expected.map(({ verdict, mapping }) => [
        verdict.id,
        verdict.taskId,
        names.get(verdict.userId),
        mapping ? names.get(mapping.userId) : null,
      ]),
    );
    for (const [i, row] of rows.entries()) {
      const { verdict, mapping } = expected[i]!;
      if (!mapping) continue;
      const hours = (verdict.actionDate - mapping.actionDate) / 3.6e9;
      assert.ok(Math.abs(row.hoursSinceMapped! - hours) < 1e-6, `hours of ${row.historyId}`);
    }
    assert.ok(rows.every((row) => row.projectId === project.id));
  } finally {
    await emulator.close();
  }
});

Deno.test("validationLatency() over a list of ids: every validation with its mapping", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 22 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const names = usernames(emulator.world);
    const projects = publicProjects(emulator.world).filter((p) => p.history.length > 0)
      .slice(0, 2);
    const query = tm.projects(projects.map((p) => p.id)).activities().validationLatency();
    const rows = await query.records();
    const expected = projects.flatMap((project) =>
      verdicts(project).filter(({ verdict }) => isChange(verdict, "VALIDATED"))
        .map(({ verdict, mapping }) => ({ project, verdict, mapping }))
    );
    assert.ok(expected.length > 0);
    const byId = new Map(rows.map((row) => [row.historyId, row]));
    assert.equal(rows.length, expected.length);
    for (const { project, verdict, mapping } of expected) {
      const row = byId.get(verdict.id)!;
      assert.equal(row.projectId, project.id);
      assert.equal(row.validatedBy, names.get(verdict.userId));
      assert.equal(row.mappedBy, mapping ? names.get(mapping.userId) : null);
      if (mapping) {
        const hours = (verdict.actionDate - mapping.actionDate) / 3.6e9;
        assert.ok(Math.abs(row.hoursToValidate! - hours) < 1e-6);
      }
    }
  } finally {
    await emulator.close();
  }
});

Deno.test("perUser() with lastDays(90, { from: 'data' }): the 90 days up to the newest row", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 23 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const names = usernames(emulator.world);
    const project = busiestProject(emulator.world);
    const log = logOf(project);
    const since = Math.max(...log.map(msOf)) - 90 * DAY_MS;
    const inWindow = log.filter((row) => msOf(row) >= since);
    assert.ok(inWindow.length > 0);

    const activities = tm.project(project.id).activities().lastDays(90, { from: "data" });
    assert.equal((await activities.frame()).height, inWindow.length);
    assert.equal(await activities.count(), inWindow.length);
    // Paging stops past the window, as with the same bound given by since().
    const newest = Math.max(...log.map(msOf));
    const requestsOf = async (query: { frame(): Promise<unknown> }) => {
      const before = emulator.requests;
      await query.frame();
      return emulator.requests - before;
    };
    const twoDays = await requestsOf(
      tm.project(project.id).activities().lastDays(2, { from: "data" }),
    );
    const bySince = await requestsOf(
      tm.project(project.id).activities().since(new Date(newest - 2 * DAY_MS)),
    );
    assert.equal(twoDays, bySince);
    assert.ok(twoDays < Math.ceil(log.length / 10));

    const laterInvalidated = new Set(
      verdicts(project).filter(({ verdict }) => isChange(verdict, "INVALIDATED"))
        .flatMap(({ mapping }) => mapping ? [mapping.id] : []),
    );
    const truth = new Map<
      string,
      {
        mapped: number;
        validated: number;
        invalidated: number;
        bad: number;
        hours: number;
        undone: number;
      }
    >();
    for (const row of inWindow) {
      const name = names.get(row.userId)!;
      const user = truth.get(name) ??
        { mapped: 0, validated: 0, invalidated: 0, bad: 0, hours: 0, undone: 0 };
      truth.set(name, user);
      if (isChange(row, "MAPPED")) user.mapped++;
      if (isChange(row, "MAPPED") && laterInvalidated.has(row.id)) user.undone++;
      if (isChange(row, "VALIDATED")) user.validated++;
      if (isChange(row, "INVALIDATED")) user.invalidated++;
      if (isChange(row, "BADIMAGERY")) user.bad++;
      if (row.action === "LOCKED_FOR_MAPPING" || row.action === "AUTO_UNLOCKED_FOR_MAPPING") {
        user.hours += seconds(row.actionText) / 3600;
      }
    }
    const rows = await activities.perUser().records();
    assert.deepEqual(rows.map((row) => row.username).sort(), [...truth.keys()].sort());
    for (const row of rows) {
      const user = truth.get(row.username)!;
      assert.deepEqual(
        [row.mapped, row.validated, row.invalidated, row.badImagery, row.mappedLaterInvalidated],
        [user.mapped, user.validated, user.invalidated, user.bad, user.undone],
        row.username,
      );
      assert.ok(Math.abs(row.mappingHours - user.hours) < 1e-6, `${row.username} hours`);
    }
    assert.ok(rows.some((row) => row.mappedLaterInvalidated > 0), "an invalidated mapping");
    const mapped = rows.map((row) => row.mapped);
    assert.deepEqual(mapped, [...mapped].sort((a, b) => b - a), "most mappings first");
  } finally {
    await emulator.close();
  }
});

Deno.test("validatorBacklog() and progress(): the world's MAPPED tasks and percentages, with names", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 24 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const projects = publicProjects(emulator.world).filter((p) => p.history.length > 0)
      .slice(0, 3);
    const ids = projects.map((p) => p.id);
    const backlog = await tm.projects(ids).validatorBacklog().records();
    const expected = projects.flatMap((p) =>
      p.tasks.filter((task) => task.status === "MAPPED").map((task) => `${p.id}/${task.id}`)
    );
    assert.deepEqual(
      backlog.map((row) => `${row.projectId}/${row.taskId}`).sort(),
      expected.sort(),
    );
    assert.ok(backlog.length > 0, "the world has tasks waiting for validation");
    const waits = backlog.map((row) => row.waitingHours ?? -1);
    assert.deepEqual(waits, [...waits].sort((a, b) => b - a), "longest waiting first");

    const one = await tm.project(projects[0]!.id).validatorBacklog().records();
    assert.ok(one.every((row) => row.projectId === projects[0]!.id));

    const progress = await tm.projects(ids).progress().records();
    assert.ok(progress.length > 0);
    for (const project of projects) {
      const rows = progress.filter((row) => row.projectId === project.id);
      const name = project.info.find((info) => info.locale === project.defaultLocale)!.name;
      assert.ok(rows.every((row) => row.name === name), `name of ${project.id}`);
      assert.ok(rows.every((row) => row.totalTasks === project.tasks.length));
      const last = rows[rows.length - 1];
      if (last === undefined) continue;
      const counted = new Set<number>();
      for (const row of logOf(project)) {
        if (isChange(row, "MAPPED") || isChange(row, "VALIDATED")) counted.add(row.taskId);
        if (isChange(row, "INVALIDATED")) counted.delete(row.taskId);
      }
      assert.equal(last.percentMapped, (counted.size / project.tasks.length) * 100);
    }
  } finally {
    await emulator.close();
  }
});

Deno.test("analyses over a search, limits refused on the activity, lastDays checked", () => {
  const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
  const search = tm.projects().campaign("Missing Maps").activities().lastDays(30);
  const query = search.perUser();
  assert.match(Deno.inspect(query), /from\s+the activity of each project the search matches/);
  assert.equal(query.url().pathname, "/api/v2/projects/");
  assert.throws(
    () => tm.project(1).activities().limit(10).invalidations(),
    /limit\(\) on the answer/,
  );
  assert.throws(() => tm.project(1).activities().lastDays(-1), /lastDays days/);
  assert.throws(
    () => tm.project(1).activities().lastDays(7, { from: "yesterday" as "now" }),
    /"now" or "data"/,
  );
  const fromNow = tm.project(1).activities().lastDays(7);
  assert.ok(Math.abs(fromNow.window.since! - (Date.now() - 7 * DAY_MS)) < 60_000);
  assert.match(
    Deno.inspect(tm.project(1).activities().lastDays(90, { from: "data" })),
    /the last 90 days up to the newest row/,
  );
});

Deno.test("analyses over a search: provenance and failures pass through to the sources", async () => {
  const emulator = await startEmulator({ port: 0, projects: 30, seed: 25 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const search = tm.projects().limit(3);
    const ids = (await search.records()).map((row) => row.projectId);
    const recorder = new ProvenanceRecorder();
    const progress: number[] = [];
    const rows = await search.activities().invalidations().records({
      provenance: recorder,
      onProgress: (p) => progress.push(p.pagesDone),
    });
    const answered = recorder.toJSON().requests.map((request) => new URL(request.url).pathname);
    assert.ok(answered.some((path) => path === "/api/v2/projects/"), "the search");
    for (const id of ids) {
      assert.ok(answered.some((path) => path === `/api/v2/projects/${id}/activities/`));
    }
    assert.ok(progress.length > 0);
    const expected = emulator.world.projects.filter((p) => ids.includes(p.id))
      .flatMap((p) => logOf(p).filter((row) => isChange(row, "INVALIDATED")));
    assert.ok(expected.length > 0, "the searched projects have invalidations");
    assert.deepEqual(rows.map((row) => row.historyId).sort(), expected.map((row) => row.id).sort());

    const { frame, failures } = await tm.projects(ids[0]!, 999_999).validatorBacklog()
      .frameWithFailures();
    assert.deepEqual(failures.map((failure) => failure.projectId), [999_999]);
    assert.ok(frame.getColumn("projectId").toArray().every((id) => id === ids[0]));
  } finally {
    await emulator.close();
  }
});
