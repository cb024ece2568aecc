/**
 * The tolerant reader, end to end over HTTP: hand-written bodies in TM4 and TM5 form, served
 * on 127.0.0.1, read through the public client. The expected values are written down here.
 */

import assert from "node:assert/strict";
import { createClient } from "../mod.ts";
import { SchemaError } from "../src/errors.ts";
import { pl } from "../src/deps.ts";

/** Serves fixed JSON bodies by path (query strings included) on 127.0.0.1. */
async function withBodies(
  bodies: Record<string, unknown>,
  fn: (baseUrl: string) => Promise<void>,
): Promise<void> {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const url = new URL(request.url);
    const body = bodies[url.pathname + url.search];
    return body === undefined
      ? Response.json({ Error: "Not found", SubCode: "NotFound" }, { status: 404 })
      : Response.json(body);
  });
  try {
    await fn(`http://127.0.0.1:${server.addr.port}/api/v2/`);
  } finally {
    await server.shutdown();
  }
}

/** Runs `fn` with `Deno.stderr.writeSync` captured; returns the lines written. */
async function captureStderr(fn: () => Promise<void>): Promise<string[]> {
  const original = Deno.stderr.writeSync;
  const lines: string[] = [];
  Deno.stderr.writeSync = (bytes: Uint8Array) => {
    lines.push(...new TextDecoder().decode(bytes).split("\n").filter((line) => line !== ""));
    return bytes.length;
  };
  try {
    await fn();
  } finally {
    Deno.stderr.writeSync = original;
  }
  return lines;
}

const INFO = {
  locale: "en",
  name: "Roads",
  shortDescription: "",
  description: "",
  instructions: "",
  perTaskInstructions: "",
};

/** The same project as TM 5.5 sends its summary: `rapidPowerUser` null (never backfilled). */
const SUMMARY_TM5 = {
  projectId: 7,
  defaultLocale: "en",
  author: "ana",
  created: "2019-03-01T10:00:00.123456",
  dueDate: null,
  lastUpdated: "2021-05-01T10:00:00",
  projectPriority: "HIGH",
  campaigns: [],
  organisation: 3,
  organisationName: "HOT",
  organisationSlug: "hot",
  organisationLogo: null,
  countryTag: ["Nepal"],
  osmchaFilterId: null,
  mappingTypes: ["ROADS"],
  changesetComment: "#hotosm-project-7",
  percentMapped: 40,
  percentValidated: 10,
  percentBadImagery: 0,
  aoiCentroid: { type: "Point", coordinates: [85.3, 27.7] },
  difficulty: "EASY",
  mappingPermission: "ANY",
  validationPermission: "TEAMS",
  database: "OSM",
  allowedUsernames: [],
  enforceRandomTaskSelection: false,
  private: false,
  sandbox: false,
  teams: [],
  projectInfo: INFO,
  shortDescription: "",
  status: "PUBLISHED",
  imagery: null,
  licenseId: null,
  idPresets: [],
  extraIdParams: null,
  rapidPowerUser: null,
  mappingEditors: ["ID", "JOSM"],
  validationEditors: ["JOSM"],
  customEditor: null,
};

/** The same project from a TM4: no rapidPowerUser/database/sandbox keys, `TEAMS_LEVEL`. */
const {
  rapidPowerUser: _rapid,
  database: _database,
  sandbox: _sandbox,
  ...SUMMARY_TM4_BASE
} = SUMMARY_TM5;
const SUMMARY_TM4 = { ...SUMMARY_TM4_BASE, validationPermission: "TEAMS_LEVEL" };

Deno.test("summary: TM4 and TM5 forms give the same dtypes; nulls and unknown values kept", async () => {
  await withBodies({
    "/api/v2/projects/7/queries/summary/": SUMMARY_TM5,
    "/api/v2/projects/8/queries/summary/": { ...SUMMARY_TM4, projectId: 8 },
  }, async (baseUrl) => {
    const tm = createClient({ baseUrl, progress: false });
    let tm5 = pl.DataFrame();
    let tm4 = pl.DataFrame();
    const warnings = await captureStderr(async () => {
      tm5 = await tm.project(7).summary().frame();
      tm4 = await tm.project(8).summary().frame();
    });
    assert.deepEqual(tm4.dtypes.map(String), tm5.dtypes.map(String));
    assert.deepEqual(tm4.columns, tm5.columns);
    assert.deepEqual(tm5.getColumn("rapidPowerUser").toArray(), [null]);
    assert.deepEqual(tm4.getColumn("rapidPowerUser").toArray(), [null]);
    assert.deepEqual(tm4.getColumn("database").toArray(), [null]);
    assert.deepEqual(tm5.getColumn("validationPermission").toArray(), ["TEAMS"]);
    assert.deepEqual(tm4.getColumn("validationPermission").toArray(), ["TEAMS_LEVEL"]);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0] ?? "", /validationPermission.*"TEAMS_LEVEL".*Permission/);
    assert.match(warnings[0] ?? "", /projects\/8\/queries\/summary/);
  });
});

const PAGINATION = (page: number, pages: number, total: number) => ({
  hasNext: page < pages,
  hasPrev: page > 1,
  nextNum: page < pages ? page + 1 : null,
  page,
  pages,
  prevNum: page > 1 ? page - 1 : null,
  perPage: 2,
  total,
});

function activityRow(historyId: number, taskId: number | string, action: string) {
  return {
    historyId,
    taskId,
    action,
    actionText: action === "STATE_CHANGE" ? "MAPPED" : null,
    actionDate: `2024-05-0${historyId}T10:00:00.000000Z`,
    actionBy: "ana",
    pictureUrl: null,
    issues: null,
  };
}

Deno.test("activities: TM4's string task ids read as Int64; an unknown action is warned once per query", async () => {
  await withBodies({
    // TM5: numbers. Page 2 repeats the unknown action: still one warning.
    "/api/v2/projects/7/activities/": {
      activity: [activityRow(3, 12, "STATE_CHANGE"), activityRow(2, 12, "RESET_ALL")],
      pagination: PAGINATION(1, 2, 3),
    },
    "/api/v2/projects/7/activities/?page=2": {
      activity: [activityRow(1, 11, "RESET_ALL")],
      pagination: PAGINATION(2, 2, 3),
    },
    // TM4: TaskHistoryDTO.task_id was a StringType.
    "/api/v2/projects/8/activities/": {
      activity: [activityRow(3, "12", "STATE_CHANGE"), activityRow(2, "12", "LOCKED_FOR_MAPPING")],
      pagination: PAGINATION(1, 1, 2),
    },
  }, async (baseUrl) => {
    const tm = createClient({ baseUrl, progress: false });
    let tm5 = pl.DataFrame();
    let tm4 = pl.DataFrame();
    const warnings = await captureStderr(async () => {
      tm5 = await tm.project(7).activities().frame();
      tm4 = await tm.project(8).activities().frame();
    });
    assert.deepEqual(tm5.getColumn("taskId").toArray(), [12, 12, 11]);
    assert.deepEqual(tm4.getColumn("taskId").toArray(), [12, 12]);
    assert.ok(tm4.getColumn("taskId").dtype.equals(pl.Int64));
    assert.deepEqual(tm4.dtypes.map(String), tm5.dtypes.map(String));
    assert.deepEqual(tm5.getColumn("action").toArray(), ["STATE_CHANGE", "RESET_ALL", "RESET_ALL"]);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0] ?? "", /activity\[\]\.action.*"RESET_ALL".*TaskAction/);
  });
});

const USER_STATS = {
  totalTimeSpent: 3600,
  timeSpentMapping: 3000,
  timeSpentValidating: 600,
  projectsMapped: 2,
  countriesContributed: { countries: [], total: 0 },
  tasksMapped: 5,
  tasksValidated: 1,
  tasksInvalidated: 0,
  tasksInvalidatedByOthers: 0,
  tasksValidatedByOthers: 2,
  ContributionsByInterest: [],
};

Deno.test("user contributionsByDay: TM4 days and TM5 midnights read into the same Date column", async () => {
  await withBodies({
    "/api/v2/users/ana/statistics/": {
      ...USER_STATS,
      contributionsByDay: [
        { date: "2025-04-30T00:00:00", count: 2 },
        { date: "2024-02-29T00:00:00", count: 1 },
      ],
    },
    "/api/v2/users/ben/statistics/": {
      ...USER_STATS,
      contributionsByDay: [{ date: "2025-04-30", count: 2 }, { date: "2024-02-29", count: 1 }],
    },
  }, async (baseUrl) => {
    const tm = createClient({ baseUrl, token: "not-a-secret", progress: false });
    const tm5 = await tm.user("ana").contributionsByDay().frame();
    const tm4 = await tm.user("ben").contributionsByDay().frame();
    assert.ok(tm5.getColumn("date").dtype.equals(pl.Date));
    assert.deepEqual(tm4.dtypes.map(String), tm5.dtypes.map(String));
    const days = (frame: typeof tm5) =>
      frame.getColumn("date").cast(pl.String).toArray() as string[];
    assert.deepEqual(days(tm5), ["2025-04-30", "2024-02-29"]);
    assert.deepEqual(days(tm4), ["2025-04-30", "2024-02-29"]);
  });
});

Deno.test("contributions: TM4 rows without bad-imagery keys read those as null", async () => {
  const row = {
    username: "ana",
    mappingLevel: "BEGINNER",
    pictureUrl: null,
    mapped: 2,
    validated: 0,
    total: 2,
    mappedTasks: [1, 4],
    validatedTasks: [],
    name: null,
    dateRegistered: "2020-01-31",
  };
  await withBodies({
    "/api/v2/projects/7/contributions/": {
      userContributions: [{ ...row, badImagery: 1, badImageryTasks: [9] }],
    },
    "/api/v2/projects/8/contributions/": { userContributions: [row] },
  }, async (baseUrl) => {
    const tm = createClient({ baseUrl, progress: false });
    const tm5 = await tm.project(7).contributions().frame();
    const tm4 = await tm.project(8).contributions().frame();
    assert.deepEqual(tm4.dtypes.map(String), tm5.dtypes.map(String));
    assert.deepEqual(tm5.getColumn("badImagery").toArray(), [1]);
    assert.deepEqual(tm4.getColumn("badImagery").toArray(), [null]);
    assert.deepEqual(tm4.getColumn("mapped").toArray(), [2]);
  });
});

Deno.test("a missing required key is a SchemaError naming the URL, the row and the field", async () => {
  const { historyId: _gone, ...withoutId } = activityRow(2, 12, "STATE_CHANGE");
  await withBodies({
    "/api/v2/projects/7/activities/": {
      activity: [activityRow(3, 12, "STATE_CHANGE"), withoutId],
      pagination: PAGINATION(1, 1, 2),
    },
    "/api/v2/projects/9/activities/": {
      activity: [],
      pagination: { ...PAGINATION(1, 1, 0), pages: undefined },
    },
  }, async (baseUrl) => {
    const tm = createClient({ baseUrl, progress: false });
    await assert.rejects(() => tm.project(7).activities().frame(), (error: unknown) => {
      assert.ok(error instanceof SchemaError);
      assert.match(error.message, /http:\/\/127\.0\.0\.1:\d+\/api\/v2\/projects\/7\/activities\//);
      assert.deepEqual(error.issues[0]?.path, ["activity", 1, "historyId"]);
      assert.match(error.message, /activity\.1\.historyId/);
      return true;
    });
    await assert.rejects(() => tm.project(9).activities().frame(), (error: unknown) => {
      assert.ok(error instanceof SchemaError);
      assert.deepEqual(error.issues[0]?.path, ["pagination", "pages"]);
      return true;
    });
  });
});
