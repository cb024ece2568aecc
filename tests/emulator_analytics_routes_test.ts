import assert from "node:assert/strict";
import { arr, auth, get, type Got, obj, tokensOf, withEmulator } from "./emulator_helpers.ts";
import type { Emulator } from "../src/emulator/server.ts";
import type { HistoryRow, Project, World } from "../src/emulator/model.ts";

const OPTIONS = { port: 0, projects: 60 };
const DAY_MS = 86_400_000;

function day(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString().slice(0, 10);
}

function seconds(text: string | null): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})/.exec(text ?? "");
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 0;
}

function rows(world: World, test: (h: HistoryRow, p: Project) => boolean): HistoryRow[] {
  return world.projects.flatMap((p) => p.history.filter((h) => test(h, p)));
}

function keys(value: unknown): string[] {
  return Object.keys(obj(value));
}

/** The user with the most MAPPED state changes in the world. */
function busiestMapper(world: World): { id: number; username: string } {
  const counts = new Map<number, number>();
  for (const h of rows(world, (h) => h.action === "STATE_CHANGE" && h.actionText === "MAPPED")) {
    counts.set(h.userId, (counts.get(h.userId) ?? 0) + 1);
  }
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0];
  const user = world.users.find((u) => u.id === id);
  assert.ok(user);
  return user;
}

function assertNotAuthenticated(got: Got): void {
  assert.equal(got.status, 403);
  assert.deepEqual(got.json, { detail: "Not authenticated" });
}

function assertInvalidToken(got: Got): void {
  assert.equal(got.status, 401);
  assert.equal(got.headers.get("www-authenticate"), "Bearer");
  assert.deepEqual(got.json, { Error: "Token is expired or invalid", SubCode: "InvalidToken" });
}

const BAD_TOKEN = auth(btoa("1.nope.nope"));

Deno.test("analytics: per-user project times add up to the project's statistics", async () => {
  await withEmulator(OPTIONS, async (em: Emulator) => {
    const project = [...em.world.projects].sort((a, b) => b.history.length - a.history.length)[0];
    assert.ok(project);
    const lockers = new Set(
      project.history.filter((h) => h.action !== "COMMENT").map((h) => h.userId),
    );
    let mapping = 0;
    let sawFloat = false;
    for (const id of lockers) {
      const user = em.world.users.find((u) => u.id === id);
      assert.ok(user);
      const got = await get(
        em,
        `projects/${project.id}/statistics/queries/${encodeURIComponent(user.username)}/`,
      );
      assert.equal(got.status, 200);
      assert.deepEqual(keys(got.json), [
        "timeSpentMapping",
        "timeSpentValidating",
        "totalTimeSpent",
      ]);
      const body = obj(got.json);
      const own: HistoryRow[] = project.history.filter((h) => h.userId === id);
      const want: number = own.filter((h) =>
        /_FOR_MAPPING$/.test(h.action) && !h.action.startsWith("EXT")
      )
        .reduce((s, h) => s + seconds(h.actionText), 0);
      assert.equal(body["timeSpentMapping"], want);
      assert.equal(
        body["totalTimeSpent"],
        Number(body["timeSpentMapping"]) + Number(body["timeSpentValidating"]),
      );
      if (want > 0) {
        assert.match(got.text, /^\{"timeSpentMapping":\d+\.0,/);
        sawFloat = true;
      }
      mapping += want;
    }
    assert.ok(sawFloat);
    const stats = obj((await get(em, `projects/${project.id}/statistics/`)).json);
    assert.equal(stats["totalMappingTime"], mapping);
    const idle = em.world.users.find((u) => !project.history.some((h) => h.userId === u.id));
    assert.ok(idle);
    const zero = await get(em, `projects/${project.id}/statistics/queries/${idle.username}/`);
    assert.equal(zero.text, '{"timeSpentMapping":0,"timeSpentValidating":0,"totalTimeSpent":0}');
    const noProject = await get(em, `projects/99999/statistics/queries/${idle.username}/`);
    assert.equal(noProject.status, 404);
    assert.equal(obj(obj(noProject.json)["error"])["sub_code"], "PROJECT_NOT_FOUND");
    const noUser = await get(em, `projects/${project.id}/statistics/queries/nobody-here/`);
    assert.deepEqual(noUser.json, {
      error: {
        code: 404,
        sub_code: "USER_NOT_FOUND",
        message: "The requested user was not found on the server.",
        details: { username: "nobody-here" },
      },
    });
    assert.equal((await get(em, "projects/abc/statistics/queries/x/")).status, 422);
  });
});

Deno.test("analytics: touched projects follow current task ownership", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const user = busiestMapper(em.world);
    const got = await get(em, `projects/queries/${encodeURIComponent(user.username)}/touched/`);
    assert.equal(got.status, 200);
    assert.deepEqual(keys(got.json), ["mappedProjects"]);
    const list = arr(obj(got.json)["mappedProjects"]).map(obj);
    const expected = em.world.projects.filter((p) =>
      p.tasks.some((t) => t.mappedBy === user.id || t.validatedBy === user.id)
    ).map((p) => p.id).sort((a, b) => b - a);
    assert.ok(expected.length > 0);
    assert.deepEqual(list.map((p) => p["projectId"]), expected);
    for (const item of list) {
      assert.deepEqual(Object.keys(item), [
        "projectId",
        "name",
        "tasksMapped",
        "tasksValidated",
        "status",
        "centroid",
      ]);
      assert.equal(typeof item["name"], "string");
      assert.equal(obj(item["centroid"])["type"], "Point");
      const project = em.world.projects.find((p) => p.id === item["projectId"]);
      assert.ok(project);
      assert.equal(item["status"], project.status);
      if (project.private || project.status === "DRAFT") continue;
      const contributions = arr(
        obj((await get(em, `projects/${project.id}/contributions/`)).json)["userContributions"],
      ).map(obj).find((c) => c["username"] === user.username);
      assert.ok(contributions);
      assert.equal(
        item["tasksMapped"],
        Number(contributions["mapped"]) + Number(contributions["badImagery"]),
      );
      assert.equal(item["tasksValidated"], contributions["validated"]);
    }
    const odd = await get(em, `projects/queries/${encodeURIComponent("zoë+osm")}/touched/`);
    assert.equal(odd.status, 200);
    const swallowed = await get(em, "projects/queries/tasks/touched/");
    assert.equal(swallowed.status, 404);
    assert.equal(obj(obj(swallowed.json)["error"])["sub_code"], "USER_NOT_FOUND");
  });
});

const USER_STATS_KEYS = [
  "totalTimeSpent",
  "timeSpentMapping",
  "timeSpentValidating",
  "projectsMapped",
  "countriesContributed",
  "contributionsByDay",
  "tasksMapped",
  "tasksValidated",
  "tasksInvalidated",
  "tasksInvalidatedByOthers",
  "tasksValidatedByOthers",
  "ContributionsByInterest",
];

Deno.test("analytics: user statistics need a token and agree with the history", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const today = day(em.world.now);
    const since = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const recent = rows(em.world, (h) => h.action === "STATE_CHANGE" && day(h.actionDate) > since);
    const user = em.world.users.find((u) => u.id === recent[recent.length - 1]?.userId);
    assert.ok(user);
    const path = `users/${encodeURIComponent(user.username)}/statistics/`;
    assertNotAuthenticated(await get(em, path));
    assertInvalidToken(await get(em, path, BAD_TOKEN));
    const got = await get(em, path, auth(tokensOf(em).mapper));
    assert.equal(got.status, 200);
    assert.deepEqual(keys(got.json), USER_STATS_KEYS);
    const body = obj(got.json);
    const mine = rows(em.world, (h) => h.userId === user.id);
    const mapped = mine.filter((h) => h.actionText === "MAPPED");
    assert.equal(
      body["tasksMapped"],
      new Set(mapped.map((h) => `${h.projectId}/${h.taskId}`)).size,
    );
    assert.equal(body["projectsMapped"], new Set(mapped.map((h) => h.projectId)).size);
    const mapping = mine.filter((h) =>
      h.action === "LOCKED_FOR_MAPPING" || h.action === "AUTO_UNLOCKED_FOR_MAPPING"
    ).reduce((s, h) => s + seconds(h.actionText), 0);
    assert.equal(body["timeSpentMapping"], mapping);
    assert.ok(Number.isInteger(body["timeSpentValidating"]));
    assert.equal(body["totalTimeSpent"], mapping + Number(body["timeSpentValidating"]));
    const days = arr(body["contributionsByDay"]).map(obj);
    assert.ok(days.length > 0);
    const dates = days.map((d) => String(d["date"]));
    for (const d of days) assert.deepEqual(Object.keys(d), ["date", "count"]);
    for (const d of dates) assert.match(d, /^\d{4}-\d{2}-\d{2}T00:00:00$/);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(new Set(dates).size, dates.length);
    const changes = mine.filter((h) => h.action === "STATE_CHANGE" && day(h.actionDate) > since);
    assert.equal(days.reduce((s, d) => s + Number(d["count"]), 0), changes.length);
    const countries = obj(body["countriesContributed"]);
    assert.deepEqual(Object.keys(countries), ["countries", "total"]);
    const list = arr(countries["countries"]).map(obj);
    assert.equal(countries["total"], list.length);
    for (const c of list) {
      assert.deepEqual(Object.keys(c), ["name", "mapped", "validated", "total"]);
      assert.equal(c["total"], Number(c["mapped"]) + Number(c["validated"]));
    }
    const interests = arr(body["ContributionsByInterest"]).map(obj);
    assert.ok(interests.length > 0);
    for (const i of interests) {
      assert.deepEqual(Object.keys(i), [
        "id",
        "name",
        "userSelected",
        "countProjects",
        "countUsers",
      ]);
      assert.equal(i["userSelected"], null);
      assert.equal(i["countUsers"], null);
      assert.equal(typeof i["countProjects"], "number");
    }
    const locks = rows(
      em.world,
      (h) => h.action === "LOCKED_FOR_VALIDATION" && h.actionText !== null,
    );
    const validator = em.world.users.find((u) => u.id === locks[0]?.userId);
    assert.ok(validator);
    const perMinute = new Map<number, string>();
    for (const h of locks.filter((h) => h.userId === validator.id)) {
      const minute = Math.floor(h.actionDate / 60_000_000);
      const text = h.actionText ?? "";
      if ((perMinute.get(minute) ?? "") < text) perMinute.set(minute, text);
    }
    const validating = [...perMinute.values()].reduce((s, t) => s + seconds(t), 0);
    assert.ok(validating > 0);
    const vPath = `users/${encodeURIComponent(validator.username)}/statistics/`;
    const vBody = obj((await get(em, vPath, auth(tokensOf(em).admin))).json);
    assert.equal(vBody["timeSpentValidating"], validating);
    const missing = await get(em, "users/nobody-here/statistics/", auth(tokensOf(em).admin));
    assert.equal(missing.status, 404);
    assert.deepEqual(obj(obj(missing.json)["error"])["details"], { username: "nobody-here" });
  });
});

Deno.test("analytics: /tasks/statistics/ checks and counts state changes", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const token = auth(tokensOf(em).mapper);
    assertNotAuthenticated(await get(em, "tasks/statistics/?startDate=2026-01-01"));
    assertInvalidToken(await get(em, "tasks/statistics/?startDate=2026-01-01", BAD_TOKEN));
    const missing = await get(em, "tasks/statistics/", token);
    assert.equal(missing.status, 422);
    assert.equal(
      missing.text,
      '{"detail":[{"type":"missing","loc":["query","startDate"],"msg":"Field required",' +
        '"input":null,"url":"https://errors.pydantic.dev/2.5/v/missing"}]}',
    );
    const check = async (query: string, error: string, subCode: string) => {
      const got = await get(em, `tasks/statistics/?${query}`, token);
      assert.equal(got.status, 400, query);
      assert.deepEqual(got.json, { Error: error, SubCode: subCode });
    };
    await check("startDate=2026-13-01", " Invalid date value", "InvalidDateValue");
    await check("startDate=2026-01-01&endDate=x", " Invalid date value", "InvalidDateValue");
    const early = " Start date must be earlier than end date";
    await check("startDate=2026-02-01&endDate=2026-01-31", early, "InvalidDateRange");
    const long = " Date range cannot be greater than 1 year";
    await check("startDate=2024-01-01&endDate=2025-01-02", long, "InvalidDateRange");
    const leap = await get(em, "tasks/statistics/?startDate=2024-01-01&endDate=2025-01-01", token);
    assert.equal(leap.status, 200);
    const bad = await get(em, "tasks/statistics/?startDate=2026-01-01&projectId=abc", token);
    assert.equal(bad.status, 500);
    assert.equal(bad.text, "Internal Server Error");

    const project = [...em.world.projects].sort((a, b) => b.history.length - a.history.length)[0];
    assert.ok(project);
    const counted = project.history.filter((h) =>
      h.action === "STATE_CHANGE" &&
      ["MAPPED", "VALIDATED", "BADIMAGERY"].includes(h.actionText ?? "")
    );
    assert.ok(counted.length > 0);
    const first = Date.parse(day(counted[0]?.actionDate ?? 0));
    const last = Date.parse(day(em.world.now));
    const totals = { mapped: 0, validated: 0, badImagery: 0 };
    for (let from = first; from <= last; from += 367 * DAY_MS) {
      const to = Math.min(last, from + 366 * DAY_MS);
      const range = `startDate=${day(from * 1000)}&endDate=${day(to * 1000)}`;
      const got = await get(em, `tasks/statistics/?${range}&projectId=${project.id}`, token);
      assert.equal(got.status, 200);
      assert.deepEqual(keys(got.json), ["taskStats"]);
      const stats = arr(obj(got.json)["taskStats"]).map(obj);
      const dates = stats.map((s) => String(s["date"]));
      assert.deepEqual(dates, [...dates].sort());
      for (const s of stats) {
        assert.deepEqual(Object.keys(s), ["date", "mapped", "validated", "badImagery"]);
        assert.match(String(s["date"]), /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(Number(s["mapped"]) + Number(s["validated"]) + Number(s["badImagery"]) > 0);
        totals.mapped += Number(s["mapped"]);
        totals.validated += Number(s["validated"]);
        totals.badImagery += Number(s["badImagery"]);
      }
    }
    const count = (text: string) => counted.filter((h) => h.actionText === text).length;
    assert.deepEqual(totals, {
      mapped: count("MAPPED"),
      validated: count("VALIDATED"),
      badImagery: count("BADIMAGERY"),
    });

    const start = day(em.world.now - 200 * DAY_MS * 1000);
    const all = await get(em, `tasks/statistics/?startDate=${start}`, token);
    const explicit = await get(
      em,
      `tasks/statistics/?startDate=${start}&endDate=${day(em.world.now)}`,
      token,
    );
    assert.equal(all.text, explicit.text);
    const org = project.organisationId ?? 1;
    const byOrg = await get(
      em,
      `tasks/statistics/?startDate=${start}&organisationId=${org}`,
      token,
    );
    const want = rows(em.world, (h, p) =>
      p.organisationId === org && h.action === "STATE_CHANGE" && h.actionText === "MAPPED" &&
      day(h.actionDate) >= start).length;
    const got = arr(obj(byOrg.json)["taskStats"]).map(obj);
    assert.equal(
      got.reduce((s, d) =>
        s + Number(d["mapped"]), 0),
      want,
    );
    const country = (project.countries ?? ["Nepal"])[0] ?? "Nepal";
    const part = country.slice(1, 4).toLowerCase();
    const byCountry = await get(em, `tasks/statistics/?startDate=${start}&country=${part}`, token);
    const wantCountry = rows(em.world, (h, p) =>
      (p.countries ?? []).some((c) =>
        c.toLowerCase().includes(part)
      ) &&
      h.action === "STATE_CHANGE" && h.actionText === "MAPPED" && day(h.actionDate) >= start)
      .length;
    const gotCountry = arr(obj(byCountry.json)["taskStats"]).map(obj);
    assert.equal(
      gotCountry.reduce((s, d) =>
        s + Number(d["mapped"]), 0),
      wantCountry,
    );
  });
});

const ORG_KEYS = [
  "organisationId",
  "managers",
  "name",
  "slug",
  "logo",
  "description",
  "url",
  "isManager",
  "projects",
  "teams",
  "campaigns",
  "stats",
  "type",
  "subscriptionTier",
];
const ORG_STATS = {
  projects: ["draft", "published", "archived", "recent", "stale"],
  activeTasks: [
    "ready",
    "lockedForMapping",
    "lockedForValidation",
    "mapped",
    "validated",
    "invalidated",
    "badImagery",
  ],
};

function assertOrgStatsShape(value: unknown): Record<string, unknown> {
  const stats = obj(value);
  assert.deepEqual(Object.keys(stats), ["projects", "activeTasks"]);
  assert.deepEqual(keys(stats["projects"]), ORG_STATS.projects);
  assert.deepEqual(keys(stats["activeTasks"]), ORG_STATS.activeTasks);
  return stats;
}

Deno.test("analytics: /organisations/ list, managers, filters and stats", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const tokens = tokensOf(em);
    const anonymous = await get(em, "organisations/");
    assert.equal(anonymous.status, 200);
    assert.deepEqual(keys(anonymous.json), ["organisations"]);
    const orgs = arr(obj(anonymous.json)["organisations"]).map(obj);
    assert.equal(orgs.length, em.world.organisations.length);
    for (const org of orgs) {
      assert.deepEqual(Object.keys(org), ORG_KEYS.filter((k) => k !== "managers"));
      assert.equal(org["type"], null);
      assert.equal(org["stats"], null);
      assert.equal(org["isManager"], null);
      assert.deepEqual(org["projects"], []);
    }
    const names = orgs.map((o) => String(o["name"]));
    const before = (a: string, b: string) => assert.ok(names.indexOf(a) < names.indexOf(b), a);
    before("Médecins Sans Frontières", "Missing Maps");
    before("OpenStreetMap Indonesia", "OSM Kenya");
    before("HOT Open Mapping Hub Asia-Pacific", "Humanitarian OpenStreetMap Team");
    const bearer = await get(em, "organisations/", { headers: { Authorization: "Bearer x" } });
    assert.equal(bearer.text, anonymous.text);

    const signedIn = arr(
      obj((await get(em, "organisations/", auth(tokens.mapper))).json)["organisations"],
    )
      .map(obj);
    for (const org of signedIn) {
      assert.deepEqual(Object.keys(org), ORG_KEYS);
      const world = em.world.organisations.find((o) => o.id === org["organisationId"]);
      assert.ok(world);
      const managers = arr(org["managers"]).map(obj);
      assert.equal(managers.length, world.managers.length);
      for (const m of managers) assert.deepEqual(Object.keys(m), ["username", "pictureUrl"]);
    }
    const omitted = await get(em, "organisations/?omitManagerList=true", auth(tokens.mapper));
    assert.ok(arr(obj(omitted.json)["organisations"]).every((o) => !("managers" in obj(o))));

    const refused = await get(em, "organisations/?manager_user_id=1");
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.json, {
      Error: "Unauthorized - Filter by manager_user_id is not allowed to unauthenticated requests",
      SubCode: "LoginToFilterManager",
    });
    const manager = em.world.organisations[0]?.managers[0] ?? 0;
    const filtered = await get(
      em,
      `organisations/?manager_user_id=${manager}`,
      auth(tokens.mapper),
    );
    const mine = arr(obj(filtered.json)["organisations"]).map(obj);
    assert.deepEqual(
      mine.map((o) => o["organisationId"]).sort(),
      em.world.organisations.filter((o) => o.managers.includes(manager)).map((o) => o.id).sort(),
    );
    const username = em.world.users.find((u) => u.id === manager)?.username;
    for (const o of mine) {
      assert.deepEqual(arr(o["managers"]).map((m) => obj(m)["username"]), [username]);
    }

    const withStats = await get(em, "organisations/?omitOrgStats=false");
    for (const org of arr(obj(withStats.json)["organisations"]).map(obj)) {
      assertOrgStatsShape(org["stats"]);
    }
    assert.equal((await get(em, "organisations/?omitOrgStats=maybe")).status, 422);
  });
});

Deno.test("analytics: organisation statistics and detail agree with the world", async () => {
  await withEmulator(OPTIONS, async (em) => {
    for (const org of em.world.organisations) {
      const got = await get(em, `organisations/${org.id}/statistics/`);
      assert.equal(got.status, 200);
      const stats = assertOrgStatsShape(got.json);
      const own = em.world.projects.filter((p) => p.organisationId === org.id);
      const status = (s: string) => own.filter((p) => p.status === s).length;
      const projects = obj(stats["projects"]);
      assert.equal(projects["draft"], status("DRAFT"));
      assert.equal(projects["published"], status("PUBLISHED"));
      assert.equal(projects["archived"], status("ARCHIVED"));
      const tasks = own.filter((p) => p.status === "PUBLISHED").flatMap((p) => p.tasks);
      const n = (s: string) => tasks.filter((t) => t.status === s).length;
      assert.deepEqual(stats["activeTasks"], {
        ready: n("READY"),
        lockedForMapping: n("LOCKED_FOR_MAPPING"),
        lockedForValidation: n("LOCKED_FOR_VALIDATION"),
        mapped: n("MAPPED"),
        validated: n("VALIDATED"),
        invalidated: n("INVALIDATED"),
        badImagery: n("BADIMAGERY"),
      });
    }
    const missing = await get(em, "organisations/999/statistics/");
    assert.deepEqual(missing.json, {
      error: {
        code: 404,
        sub_code: "ORGANISATION_NOT_FOUND",
        message: "The requested organisation was not found on the server.",
        details: { organisation_id: 999 },
      },
    });
    assert.equal((await get(em, "organisations/abc/statistics/")).status, 422);

    const org = em.world.organisations[0];
    assert.ok(org);
    const detail = await get(em, `organisations/${org.id}/`);
    assert.equal(detail.status, 200);
    const body = obj(detail.json);
    assert.deepEqual(Object.keys(body), ORG_KEYS);
    assert.equal(body["type"], org.type);
    assert.equal(body["isManager"], false);
    const publicTeams = em.world.teams.filter((t) =>
      t.organisationId === org.id && t.visibility === "PUBLIC"
    );
    assert.deepEqual(arr(body["teams"]).map((t) => obj(t)["teamId"]), publicTeams.map((t) => t.id));
    const bySlug = await get(em, `organisations/${org.slug}/`);
    assert.equal(bySlug.text, detail.text);
    const admin = obj((await get(em, `organisations/${org.id}/`, auth(tokensOf(em).admin))).json);
    assert.equal(admin["isManager"], true);
    const omit = obj((await get(em, `organisations/${org.id}/?omitManagerList=true`)).json);
    assert.deepEqual(omit["managers"], []);
    assert.equal(omit["teams"], null);
    const noSlug = await get(em, "organisations/no-such-org/");
    assert.equal(noSlug.status, 404);
    assert.deepEqual(obj(obj(noSlug.json)["error"])["details"], { slug: "no-such-org" });
  });
});

Deno.test("analytics: campaigns, interests, countries and system statistics", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const campaigns = arr(obj((await get(em, "campaigns/")).json)["campaigns"]).map(obj);
    assert.equal(campaigns.length, em.world.campaigns.length);
    for (const c of campaigns) assert.deepEqual(Object.keys(c), ["id", "name"]);
    const names = campaigns.map((c) => String(c["name"]));
    const letters = (s: string) => s.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
    for (let i = 1; i < names.length; i++) {
      assert.ok(letters(names[i - 1] ?? "") <= letters(names[i] ?? ""), names[i]);
    }

    const interests = await get(em, "interests/");
    assert.deepEqual(keys(interests.json), ["interests"]);
    const list = arr(obj(interests.json)["interests"]).map(obj);
    assert.deepEqual(list.map((i) => i["id"]), em.world.interests.map((i) => i.id));
    for (const i of list) {
      assert.deepEqual(Object.keys(i), [
        "id",
        "name",
        "userSelected",
        "countProjects",
        "countUsers",
      ]);
      assert.equal(i["countProjects"], null);
    }

    const countries = await get(em, "countries/");
    assert.deepEqual(keys(countries.json), ["tags"]);
    const tags = arr(obj(countries.json)["tags"]).map(String);
    const distinct = new Set(em.world.projects.flatMap((p) => p.countries ?? []));
    assert.deepEqual(new Set(tags), distinct);
    assert.equal(tags.length, distinct.size);

    const system = await get(em, "system/statistics/");
    assert.equal(system.status, 200);
    assert.deepEqual(keys(system.json), [
      "mappersOnline",
      "tasksMapped",
      "totalMappers",
      "totalProjects",
      "averageCompletionTime",
    ]);
    const tasks = em.world.projects.flatMap((p) => p.tasks);
    assert.deepEqual(system.json, {
      mappersOnline: new Set(tasks.flatMap((t) => t.lockedBy === null ? [] : [t.lockedBy])).size,
      tasksMapped: tasks.filter((t) => t.status === "MAPPED" || t.status === "VALIDATED").length,
      totalMappers: em.world.users.length,
      totalProjects: em.world.projects.length,
      averageCompletionTime: null,
    });
    const full = await get(em, "system/statistics/?abbreviated=false");
    assert.equal(full.status, 500);
    assert.equal(full.text, "Internal Server Error");
    assert.match(full.headers.get("content-type") ?? "", /^text\/plain/);
    assert.equal((await get(em, "system/statistics/?abbreviated=maybe")).status, 422);
  });
});
