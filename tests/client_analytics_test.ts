/**
 * User, organisation, catalogue, system and task statistics queries over real HTTP against
 * the emulator, including the token rules (none → no request; a bad one → 401).
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";
import { userStatistics } from "../src/emulator/figures_users.ts";
import { touchedProjects } from "../src/emulator/figures_user_projects.ts";
import { homepageStats, organisationStats } from "../src/emulator/figures_orgs.ts";
import { compareNames } from "../src/emulator/routes/analytics_common.ts";
import { splitRange } from "../src/queries/task_statistics.ts";
import { dayOf, dtypes, structList } from "./analytics_helpers.ts";

const BAD_TOKEN = btoa("not-a-token-the-emulator-issued");

function days(frame: { getColumn(name: string): { toArray(): unknown } }): string[] {
  return (frame.getColumn("date").toArray() as Date[]).map((d) => d.toISOString().slice(0, 10));
}

Deno.test("tm.user(): statistics and contributionsByDay (token) and touchedProjects", async () => {
  const emulator = await startEmulator({ port: 0, projects: 40, seed: 6 });
  try {
    const [issued] = emulator.tokens;
    const tm = createClient({ baseUrl: emulator.url, token: issued!.token, progress: false });
    const user = emulator.world.users.find((u) => u.username === issued!.username)!;
    const handle = tm.user(user.username);
    assert.equal(
      handle.statistics().url().href,
      `${emulator.url}users/${encodeURIComponent(user.username)}/statistics/`,
    );
    const frame = await handle.statistics().frame();
    assert.deepEqual(dtypes(frame), {
      totalTimeSpent: "Float64",
      timeSpentMapping: "Float64",
      timeSpentValidating: "Float64",
      projectsMapped: "Int64",
      tasksMapped: "Int64",
      tasksValidated: "Int64",
      tasksInvalidated: "Int64",
      tasksInvalidatedByOthers: "Int64",
      tasksValidatedByOthers: "Int64",
      countriesContributed: structList({
        name: "String",
        mapped: "Int64",
        validated: "Int64",
        total: "Int64",
      }),
      contributionsByInterest: structList({ id: "Int64", name: "String", countProjects: "Int64" }),
    });
    const figures = userStatistics(emulator.world, user.id);
    const [row] = frame.toRecords();
    assert.equal(row!.tasksMapped, figures.tasksMapped);
    assert.equal(row!.totalTimeSpent, figures.totalTimeSpent);
    assert.equal(row!.projectsMapped, figures.projectsMapped);

    const byDay = await handle.contributionsByDay().frame();
    assert.deepEqual(dtypes(byDay), { date: "Date", count: "Int64" });
    assert.deepEqual(days(byDay), figures.contributionsByDay.map((d) => d.date));
    assert.deepEqual(
      byDay.getColumn("count").toArray(),
      figures.contributionsByDay.map((d) => d.count),
    );

    const touched = await handle.touchedProjects().frame();
    assert.deepEqual(dtypes(touched), {
      projectId: "Int64",
      name: "String",
      tasksMapped: "Int64",
      tasksValidated: "Int64",
      status: "String",
      centroidLon: "Float64",
      centroidLat: "Float64",
    });
    const expected = touchedProjects(emulator.world, user.id);
    assert.deepEqual(touched.getColumn("projectId").toArray(), expected.map((t) => t.project.id));
    assert.deepEqual(
      touched.getColumn("tasksMapped").toArray(),
      expected.map((t) => t.tasksMapped),
    );
    await assert.rejects(tm.user("nobody-here").touchedProjects().frame(), ApiError);
  } finally {
    await emulator.close();
  }
});

Deno.test("token-only endpoints: no token sends nothing; a bad token gives ApiError 401", async () => {
  const emulator = await startEmulator({ port: 0, projects: 10, seed: 6 });
  try {
    const anonymous = createClient({ baseUrl: emulator.url, progress: false });
    const username = emulator.tokens[0]!.username;
    const before = emulator.requests;
    const needing = [
      () => anonymous.user(username).statistics().frame(),
      () => anonymous.user(username).contributionsByDay().records(),
      () => anonymous.user(username).statistics().count(),
      () => anonymous.taskStatistics().between("2020-01-01", "2025-01-01").frame(),
      () => anonymous.taskStatistics().between("2025-01-01", "2025-02-01").count(),
    ];
    for (const call of needing) {
      await assert.rejects(call(), (error: unknown) => {
        assert.ok(error instanceof TypeError, String(error));
        assert.match((error as Error).message, /token.*TM_TOKEN/);
        return true;
      });
    }
    assert.equal(emulator.requests, before, "no request was sent");

    const bad = createClient({ baseUrl: emulator.url, token: BAD_TOKEN, progress: false });
    for (
      const query of [
        bad.user(username).statistics(),
        bad.taskStatistics().between("2025-01-01", "2025-02-01"),
      ]
    ) {
      await assert.rejects(query.frame(), (error: unknown) => {
        assert.ok(error instanceof ApiError, String(error));
        assert.equal(error.status, 401);
        assert.equal(error.subCode, "InvalidToken");
        assert.equal(error.message.includes(BAD_TOKEN), false, "the token is not in the message");
        return true;
      });
    }
    // What TM answers without a token, when one asks anyway (403 "Not authenticated").
    const raw = await fetch(`${emulator.url}tasks/statistics/?startDate=2025-01-01`);
    assert.equal(raw.status, 403);
    assert.deepEqual(await raw.json(), { detail: "Not authenticated" });
  } finally {
    await emulator.close();
  }
});

Deno.test("taskStatistics(): a 3-year range is split into windows and equals the world's counts", async () => {
  const emulator = await startEmulator({ port: 0, projects: 40, seed: 12, campaignProjects: 8 });
  try {
    const tm = createClient({
      baseUrl: emulator.url,
      token: emulator.tokens[0]!.token,
      progress: false,
    });
    const [start, end] = ["2023-06-01", "2026-05-31"];
    const query = tm.taskStatistics().between(start, end);
    const url = query.url();
    assert.equal(url.pathname.endsWith("/tasks/statistics/"), true);
    assert.equal(url.searchParams.get("startDate"), start);
    assert.equal(url.searchParams.get("endDate"), "2024-05-31");
    const windows = splitRange(start, end);
    assert.equal(windows.length, 3);
    for (const [from, to] of windows) {
      assert.ok(Date.parse(to) - Date.parse(from) <= 366 * 86_400_000, "within TM's cap");
    }
    assert.equal(windows.at(-1)![1], end);

    const before = emulator.requests;
    const frame = await query.frame();
    assert.equal(emulator.requests - before, windows.length, "one request per window");
    assert.deepEqual(dtypes(frame), {
      date: "Date",
      mapped: "Int64",
      validated: "Int64",
      badImagery: "Int64",
    });
    const counts = { MAPPED: 0, VALIDATED: 0, BADIMAGERY: 0 };
    const dates = new Set<string>();
    for (const project of emulator.world.projects) {
      for (const h of project.history) {
        const day = dayOf(h.actionDate);
        if (h.action !== "STATE_CHANGE" || day < start || day > end) continue;
        if (
          h.actionText === "MAPPED" || h.actionText === "VALIDATED" || h.actionText === "BADIMAGERY"
        ) {
          counts[h.actionText]++;
          dates.add(day);
        }
      }
    }
    assert.equal(frame.getColumn("mapped").sum(), counts.MAPPED);
    assert.equal(frame.getColumn("validated").sum(), counts.VALIDATED);
    assert.equal(frame.getColumn("badImagery").sum(), counts.BADIMAGERY);
    assert.deepEqual(days(frame), [...dates].sort(), "every day once, ascending");

    const campaign = query.campaign("Emulator Campaign").projects(3, 4).country("nep")
      .organisation(2);
    const params = campaign.url().searchParams;
    assert.equal(params.get("campaign"), "Emulator Campaign");
    assert.equal(params.get("projectId"), "3,4");
    assert.equal(params.get("country"), "nep");
    assert.equal(params.get("organisationId"), "2");
    assert.equal(query.organisation("HOT").url().searchParams.get("organisationName"), "HOT");
    const inCampaign = emulator.world.projects.filter((p) => p.campaignIds.includes(1));
    let mapped = 0;
    for (const p of inCampaign) {
      for (const h of p.history) {
        const day = dayOf(h.actionDate);
        if (
          h.action === "STATE_CHANGE" && h.actionText === "MAPPED" && day >= start && day <= end
        ) mapped++;
      }
    }
    const campaignFrame = await query.campaign("Emulator Campaign").frame();
    assert.equal(campaignFrame.getColumn("mapped").sum(), mapped);
    assert.equal(await query.count(), frame.height);
    const empty = await query.campaign("No Such Campaign").frame();
    assert.equal(empty.height, 0);
    assert.equal(dtypes(empty)["date"], "Date");
    assert.throws(() => tm.taskStatistics().url(), TypeError);
    assert.throws(() => tm.taskStatistics().between("2024-02-01", "2024-01-01"), RangeError);
  } finally {
    await emulator.close();
  }
});

Deno.test("organisations, campaigns, interests, countries, system statistics, heartbeat", async () => {
  const emulator = await startEmulator({ port: 0, projects: 40, seed: 6 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const world = emulator.world;
    const orgs = await tm.organisations().frame();
    assert.equal(tm.organisations().url().href, `${emulator.url}organisations/`);
    assert.deepEqual(Object.keys(dtypes(orgs)), [
      "organisationId",
      "name",
      "slug",
      "logo",
      "description",
      "url",
      "type",
      "subscriptionTier",
      "managers",
    ]);
    assert.equal(dtypes(orgs)["organisationId"], "Int64");
    assert.deepEqual(
      orgs.getColumn("name").toArray(),
      world.organisations.map((o) => o.name).sort(compareNames),
    );
    assert.equal(orgs.getColumn("managers").nullCount(), orgs.height, "absent when anonymous");

    const org = world.organisations[0]!;
    const stats = await tm.organisation(org.id).statistics().frame();
    assert.equal(
      tm.organisation(org.id).statistics().url().href,
      `${emulator.url}organisations/${org.id}/statistics/`,
    );
    assert.ok(Object.values(dtypes(stats)).every((d) => d === "Int64"));
    const figures = organisationStats(world, org.id, false);
    const [row] = stats.toRecords();
    assert.equal(row!.organisationId, org.id);
    assert.equal(row!.projectsPublished, figures.projects.published);
    assert.equal(row!.projectsStale, figures.projects.stale);
    assert.equal(row!.tasksValidated, figures.activeTasks.validated);
    assert.equal(row!.tasksLockedForMapping, figures.activeTasks.lockedForMapping);
    await assert.rejects(
      tm.organisation(99_999).statistics().frame(),
      (error: unknown) => error instanceof ApiError && error.subCode === "ORGANISATION_NOT_FOUND",
    );

    const campaigns = await tm.campaigns().frame();
    assert.deepEqual(dtypes(campaigns), { id: "Int64", name: "String" });
    assert.deepEqual(
      campaigns.getColumn("name").toArray(),
      world.campaigns.map((c) => c.name).sort(compareNames),
    );
    const interests = await tm.interests().frame();
    assert.deepEqual(dtypes(interests), {
      id: "Int64",
      name: "String",
      countProjects: "Int64",
      countUsers: "Int64",
    });
    assert.deepEqual(interests.getColumn("id").toArray(), world.interests.map((i) => i.id));
    const countries = await tm.countries().frame();
    assert.deepEqual(dtypes(countries), { country: "String" });
    const names = new Set(world.projects.flatMap((p) => p.countries ?? []));
    assert.deepEqual([...countries.getColumn("country").toArray()].sort(), [...names].sort());

    const system = await tm.systemStatistics().frame();
    assert.deepEqual(dtypes(system), {
      mappersOnline: "Int64",
      tasksMapped: "Int64",
      totalMappers: "Int64",
      totalProjects: "Int64",
      averageCompletionTime: "Float64",
    });
    const home = homepageStats(world);
    assert.equal(system.getColumn("totalProjects").toArray()[0], home.totalProjects);
    assert.equal(system.getColumn("tasksMapped").toArray()[0], home.tasksMapped);
    const beat = await tm.heartbeat().frame();
    assert.deepEqual(dtypes(beat), {
      status: "String",
      version: "String",
      publishedAt: "Datetime(us,UTC)",
    });
    assert.equal(beat.getColumn("version").toArray()[0], world.release.version);
    assert.equal(
      (beat.getColumn("publishedAt").toArray()[0] as unknown as Date).getTime(),
      world.release.publishedAt / 1000,
    );
  } finally {
    await emulator.close();
  }
});
