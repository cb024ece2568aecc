import assert from "node:assert/strict";
import { arr, get, obj, withEmulator } from "./emulator_helpers.ts";
import { startEmulator } from "../src/emulator/server.ts";
import type { Project } from "../src/emulator/model.ts";

const OPTIONS = { projects: 40, seed: 7 };

const SEARCH_RESULT_KEYS = [
  "projectId",
  "locale",
  "name",
  "shortDescription",
  "difficulty",
  "priority",
  "organisationName",
  "organisationLogo",
  "campaigns",
  "percentMapped",
  "percentValidated",
  "status",
  "activeMappers",
  "lastUpdated",
  "dueDate",
  "totalContributors",
  "country",
  "sandbox",
  "database",
  "creationDate",
  "author",
  "partnerNames",
  "totalAreaSquareKilometers",
];
const PAGINATION_KEYS = [
  "hasNext",
  "hasPrev",
  "nextNum",
  "page",
  "pages",
  "prevNum",
  "perPage",
  "total",
];
const DETAIL_KEYS = [
  "projectId",
  "status",
  "projectPriority",
  "areaOfInterest",
  "aoiBBOX",
  "tasks",
  "defaultLocale",
  "projectInfo",
  "projectInfoLocales",
  "difficulty",
  "mappingPermission",
  "mappingPermissionLevelId",
  "validationPermission",
  "validationPermissionLevelId",
  "enforceRandomTaskSelection",
  "private",
  "changesetComment",
  "osmchaFilterId",
  "dueDate",
  "imagery",
  "josmPreset",
  "idPresets",
  "extraIdParams",
  "rapidPowerUser",
  "sandbox",
  "mappingTypes",
  "campaigns",
  "organisation",
  "organisationName",
  "organisationSlug",
  "organisationLogo",
  "countryTag",
  "licenseId",
  "allowedUsernames",
  "priorityAreas",
  "created",
  "lastUpdated",
  "author",
  "database",
  "activeMappers",
  "percentMapped",
  "percentValidated",
  "percentBadImagery",
  "taskCreationMode",
  "teams",
  "mappingEditors",
  "validationEditors",
  "customEditor",
  "interests",
];
const INFO_KEYS = [
  "locale",
  "name",
  "shortDescription",
  "description",
  "instructions",
  "perTaskInstructions",
];
const SUMMARY_KEYS = [
  "projectId",
  "defaultLocale",
  "author",
  "created",
  "dueDate",
  "lastUpdated",
  "projectPriority",
  "campaigns",
  "organisation",
  "organisationName",
  "organisationSlug",
  "organisationLogo",
  "countryTag",
  "osmchaFilterId",
  "mappingTypes",
  "changesetComment",
  "percentMapped",
  "percentValidated",
  "percentBadImagery",
  "aoiCentroid",
  "difficulty",
  "mappingPermission",
  "validationPermission",
  "database",
  "allowedUsernames",
  "enforceRandomTaskSelection",
  "private",
  "sandbox",
  "teams",
  "projectInfo",
  "shortDescription",
  "status",
  "imagery",
  "licenseId",
  "idPresets",
  "extraIdParams",
  "rapidPowerUser",
  "mappingEditors",
  "validationEditors",
  "customEditor",
];
const STATS_KEYS = [
  "projectId",
  "projectArea(in sq.km)",
  "totalMappers",
  "totalTasks",
  "totalComments",
  "totalMappingTime",
  "totalValidationTime",
  "totalTimeSpent",
  "averageMappingTime",
  "averageValidationTime",
  "percentMapped",
  "percentValidated",
  "percentBadImagery",
  "aoiCentroid",
  "timeToFinishMapping",
  "timeToFinishValidating",
];
const ACTIVITY_KEYS = [
  "historyId",
  "taskId",
  "action",
  "actionText",
  "actionDate",
  "actionBy",
  "pictureUrl",
  "issues",
];
const CONTRIB_KEYS = [
  "username",
  "mappingLevel",
  "pictureUrl",
  "mapped",
  "validated",
  "badImagery",
  "total",
  "mappedTasks",
  "validatedTasks",
  "badImageryTasks",
  "name",
  "dateRegistered",
];
const DAY_KEYS = [
  "date",
  "mapped",
  "validated",
  "cumulative_mapped",
  "cumulative_validated",
  "total_tasks",
];
const TASK_PROPS = [
  "taskId",
  "taskX",
  "taskY",
  "taskZoom",
  "taskIsSquare",
  "taskStatus",
  "lockedBy",
  "mappedBy",
  "validatedBy",
];
const TASK_KEYS = [
  "taskId",
  "projectId",
  "taskStatus",
  "lockHolder",
  "taskHistory",
  "taskAnnotation",
  "perTaskInstructions",
  "autoUnlockSeconds",
  "lastUpdated",
  "numberOfComments",
];

const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/;
const DETAIL_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}000)?Z$/;
const NAIVE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/;
const TASK_UPDATED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00Z$/;
const DAY = /^\d{4}-\d\d-\d\d$/;

/** A public, published project with history, tasks and a due date if possible. */
function busyProject(projects: Project[]): Project {
  const open = projects.filter((p) => p.status === "PUBLISHED" && !p.private);
  const sorted = [...open].sort((a, b) => b.history.length - a.history.length);
  const found = sorted[0];
  if (found === undefined) throw new Error("no public published project");
  return found;
}

Deno.test("emulator: url, heartbeat and request counting", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/$/);
    assert.equal(emulator.requests, 0);
    const got = await get(emulator, "system/heartbeat/");
    assert.equal(got.status, 200);
    assert.equal(got.headers.get("content-type"), "application/json");
    assert.deepEqual(Object.keys(obj(got.json)), ["status", "release"]);
    const release = obj(obj(got.json)["release"]);
    assert.deepEqual(Object.keys(release), ["version", "published_at"]);
    assert.match(String(release["published_at"]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.equal(emulator.requests, 1);
    await get(emulator, "nothing/here/");
    assert.equal(emulator.requests, 2);
  });
});

Deno.test("emulator: /projects/ keys, order, types and pagination", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const got = await get(emulator, "projects/");
    assert.equal(got.status, 200);
    const body = obj(got.json);
    assert.deepEqual(Object.keys(body), ["mapResults", "results", "pagination"]);
    const results = arr(body["results"]);
    assert.ok(results.length > 0 && results.length <= 14);
    for (const r of results) {
      const row = obj(r);
      assert.deepEqual(Object.keys(row), SEARCH_RESULT_KEYS);
      assert.equal(typeof row["projectId"], "number");
      assert.equal(row["status"], "PUBLISHED");
      assert.match(String(row["lastUpdated"]), ISO_Z);
      if (row["dueDate"] !== null) assert.match(String(row["dueDate"]), ISO_Z);
      for (const c of arr(row["campaigns"])) assert.deepEqual(Object.keys(obj(c)), ["id", "name"]);
    }
    const published = emulator.world.projects.filter((p) => p.status === "PUBLISHED" && !p.private);
    const pag = obj(body["pagination"]);
    assert.deepEqual(Object.keys(pag), PAGINATION_KEYS);
    assert.equal(pag["total"], published.length);
    assert.equal(pag["perPage"], 14);
    assert.equal(pag["pages"], Math.ceil(published.length / 14));
    assert.equal(pag["hasPrev"], false);
    assert.equal(pag["prevNum"], null);
    const map = obj(body["mapResults"]);
    assert.equal(map["type"], "FeatureCollection");
    const features = arr(map["features"]);
    assert.equal(features.length, published.length);
    const f = obj(features[0]);
    assert.deepEqual(Object.keys(f), ["type", "geometry", "properties"]);
    assert.deepEqual(Object.keys(obj(f["properties"])), ["projectId", "priority"]);
    assert.equal(obj(f["geometry"])["type"], "Point");

    const pages = Number(pag["pages"]);
    const last = obj((await get(emulator, `projects/?page=${pages}&omitMapResults=true`)).json);
    const lastPag = obj(last["pagination"]);
    assert.equal(lastPag["hasNext"], false);
    assert.equal(lastPag["nextNum"], null);
    assert.equal(lastPag["hasPrev"], pages > 1);
    assert.equal(arr(last["results"]).length, published.length - (pages - 1) * 14);
    assert.deepEqual(last["mapResults"], []);
    const past = obj((await get(emulator, `projects/?page=${pages + 3}&omitMapResults=1`)).json);
    assert.deepEqual(past["results"], []);
    assert.equal(obj(past["pagination"])["total"], published.length);
    assert.equal(obj(past["pagination"])["page"], pages + 3);
  });
});

Deno.test("emulator: project detail keys, dates and abbreviated tasks", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const project = busyProject(emulator.world.projects);
    const got = await get(emulator, `projects/${project.id}/`);
    assert.equal(got.status, 200);
    const body = obj(got.json);
    assert.deepEqual(Object.keys(body), DETAIL_KEYS);
    assert.equal(body["projectId"], project.id);
    assert.match(String(body["created"]), DETAIL_DATE);
    assert.match(String(body["lastUpdated"]), DETAIL_DATE);
    assert.deepEqual(Object.keys(obj(body["projectInfo"])), INFO_KEYS);
    const tasks = obj(body["tasks"]);
    const features = arr(tasks["features"]);
    assert.equal(features.length, project.tasks.length);
    assert.deepEqual(Object.keys(obj(obj(features[0])["properties"])), TASK_PROPS);
    assert.equal(arr(body["aoiBBOX"]).length, 4);
    const abbreviated = obj((await get(emulator, `projects/${project.id}/?abbreviated=true`)).json);
    const feature = obj(arr(obj(abbreviated["tasks"])["features"])[0]);
    assert.equal(feature["geometry"], null);
    assert.deepEqual(Object.keys(obj(feature["properties"])), TASK_PROPS.slice(0, 6));
  });
});

Deno.test("emulator: summary, statistics, activities, contributions, tasks", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const project = busyProject(emulator.world.projects);
    const id = project.id;
    const summary = obj((await get(emulator, `projects/${id}/queries/summary/`)).json);
    assert.deepEqual(Object.keys(summary), SUMMARY_KEYS);
    assert.match(String(summary["created"]), NAIVE);
    assert.match(String(summary["lastUpdated"]), NAIVE);
    assert.equal(obj(summary["projectInfo"])["perTaskInstructions"], "");

    const statsGot = await get(emulator, `projects/${id}/statistics/`);
    const stats = obj(statsGot.json);
    assert.deepEqual(Object.keys(stats), STATS_KEYS);
    assert.equal(stats["totalTasks"], project.tasks.length);
    // Python floats keep their ".0": the raw text must carry a decimal point or exponent.
    assert.match(statsGot.text, /"totalMappingTime":-?\d+(\.\d+|e[+-]\d+|\.\d+e[+-]\d+)[,}]/);
    assert.match(statsGot.text, /"projectArea\(in sq\.km\)":\d/);

    const acts = obj((await get(emulator, `projects/${id}/activities/`)).json);
    assert.deepEqual(Object.keys(acts), ["pagination", "activity"]);
    const nonComment = project.history.filter((h) => h.action !== "COMMENT").length;
    const pag = obj(acts["pagination"]);
    assert.equal(pag["perPage"], 10);
    assert.equal(pag["total"], nonComment);
    assert.equal(pag["pages"], Math.ceil(nonComment / 10));
    const rows = arr(acts["activity"]);
    assert.equal(rows.length, Math.min(10, nonComment));
    for (const r of rows) {
      assert.deepEqual(Object.keys(obj(r)), ACTIVITY_KEYS);
      assert.match(String(obj(r)["actionDate"]), ISO_Z);
      assert.notEqual(obj(r)["action"], "COMMENT");
    }
    const dates = rows.map((r) => String(obj(r)["actionDate"]));
    assert.deepEqual([...dates].sort().reverse(), dates);

    const latest = obj((await get(emulator, `projects/${id}/activities/latest/`)).json);
    assert.deepEqual(Object.keys(latest), ["activity"]);
    const latestRows = arr(latest["activity"]);
    assert.equal(latestRows.length, project.tasks.length);
    assert.deepEqual(Object.keys(obj(latestRows[0])), [
      "taskId",
      "taskStatus",
      "actionDate",
      "actionBy",
    ]);

    const contrib = obj((await get(emulator, `projects/${id}/contributions/`)).json);
    assert.deepEqual(Object.keys(contrib), ["userContributions"]);
    const users = arr(contrib["userContributions"]);
    assert.ok(users.length > 0);
    assert.deepEqual(Object.keys(obj(users[0])), CONTRIB_KEYS);
    assert.match(String(obj(users[0])["dateRegistered"]), DAY);

    const day = obj((await get(emulator, `projects/${id}/contributions/queries/day/`)).json);
    assert.deepEqual(Object.keys(day), ["stats"]);
    const days = arr(day["stats"]);
    assert.ok(days.length > 0);
    assert.deepEqual(Object.keys(obj(days[0])), DAY_KEYS);
    assert.match(String(obj(days[0])["date"]), DAY);

    const tasks = obj((await get(emulator, `projects/${id}/tasks/`)).json);
    assert.deepEqual(Object.keys(tasks), ["type", "features"]);
    assert.equal(arr(tasks["features"]).length, project.tasks.length);
    const some = project.tasks.slice(0, 2).map((t) => t.id);
    const filtered = obj(
      (await get(emulator, `projects/${id}/tasks/?tasks=${some.join(",")}`)).json,
    );
    assert.deepEqual(
      arr(filtered["features"]).map((f) => obj(obj(f)["properties"])["taskId"]),
      some,
    );
    const file = await get(emulator, `projects/${id}/tasks/?as_file=true`);
    assert.equal(file.headers.get("content-type"), "application/geo+json");
    assert.equal(
      file.headers.get("content-disposition"),
      `attachment; filename="${id}-tasks.geojson"`,
    );
    assert.ok(file.text.includes('\n    "features": ['));

    const task = project.tasks.find((t) => project.history.some((h) => h.taskId === t.id));
    assert.ok(task);
    const one = obj((await get(emulator, `projects/${id}/tasks/${task.id}/`)).json);
    assert.deepEqual(Object.keys(one), TASK_KEYS);
    assert.equal(one["autoUnlockSeconds"], 7200);
    assert.match(String(one["lastUpdated"]), TASK_UPDATED);
    const history = arr(one["taskHistory"]);
    assert.equal(history.length, project.history.filter((h) => h.taskId === task.id).length);
    assert.equal(obj(history[0])["taskId"], null);
    assert.deepEqual(Object.keys(obj(history[0])), ACTIVITY_KEYS);
  });
});

Deno.test("emulator: same seed gives byte-identical bodies, another seed differs", async () => {
  const paths = ["projects/?page=2", "system/heartbeat/"];
  const a = await startEmulator(OPTIONS);
  const b = await startEmulator(OPTIONS);
  const c = await startEmulator({ ...OPTIONS, seed: 8 });
  try {
    const id = busyProject(a.world.projects).id;
    paths.push(`projects/${id}/`, `projects/${id}/activities/`, `projects/${id}/statistics/`);
    for (const path of paths) {
      assert.equal((await get(a, path)).text, (await get(b, path)).text, path);
    }
    assert.notEqual((await get(a, "projects/")).text, (await get(c, "projects/")).text);
    assert.deepEqual(a.tokens, b.tokens);
  } finally {
    await a.close();
    await b.close();
    await c.close();
  }
});
