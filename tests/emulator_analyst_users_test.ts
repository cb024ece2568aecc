import assert from "node:assert/strict";
import { arr, auth, get, type Got, obj, tokensOf, withEmulator } from "./emulator_helpers.ts";
import type { Emulator } from "../src/emulator/server.ts";
import type { User } from "../src/emulator/model.ts";
import { userProfile } from "../src/emulator/user_profiles.ts";
import { teamDetails } from "../src/emulator/team_members.ts";
import { UserDirectory } from "../src/schemas/users_directory.ts";
import { UserProfile } from "../src/schemas/user_profile.ts";
import { UserTaskPage } from "../src/schemas/user_tasks.ts";
import { TeamDetail, TeamList } from "../src/schemas/teams.ts";

const OPTIONS = { port: 0, projects: 60 };
const BAD_TOKEN = auth(btoa("1.nope.nope"));
const COLLATION = new Intl.Collator("en-US", { ignorePunctuation: true });

function assertTokenRules(noToken: Got, badToken: Got): void {
  assert.equal(noToken.status, 403);
  assert.deepEqual(noToken.json, { detail: "Not authenticated" });
  assert.equal(badToken.status, 401);
  assert.deepEqual(badToken.json, {
    Error: "Token is expired or invalid",
    SubCode: "InvalidToken",
  });
}

function userNamed(em: Emulator, token: string): User {
  const username = em.tokens.find((t) => t.token === token)?.username;
  const user = em.world.users.find((u) => u.username === username);
  assert.ok(user);
  return user;
}

function byName(a: User, b: User): number {
  return COLLATION.compare(a.username, b.username) ||
    (a.username < b.username ? -1 : a.username > b.username ? 1 : 0);
}

Deno.test("analyst: /users/ directory pages, filters and checks like TM", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const token = auth(tokensOf(em).mapper);
    assertTokenRules(await get(em, "users/"), await get(em, "users/", BAD_TOKEN));

    const all = em.world.users.slice().sort(byName);
    const first = await get(em, "users/", token);
    assert.equal(first.status, 200);
    assert.deepEqual(Object.keys(obj(first.json)), ["pagination", "users"]);
    const body = UserDirectory.parse(first.json);
    assert.equal(body.pagination?.total, all.length);
    assert.equal(body.pagination?.perPage, 20);
    assert.deepEqual(body.users?.map((u) => u.username), all.slice(0, 20).map((u) => u.username));
    const top = all[0];
    assert.ok(top);
    assert.ok(first.text.includes(`"id":${top.id}.0,`), "ids are floats on the wire");
    assert.deepEqual(Object.keys(obj(arr(obj(first.json)["users"])[0])), [
      "id",
      "username",
      "role",
      "mappingLevel",
      "pictureUrl",
      "statsLastUpdated",
      "stats",
      "requires_approval",
      "user_has_voted",
    ]);

    const page3 = UserDirectory.parse((await get(em, "users/?page=3&perPage=7", token)).json);
    assert.deepEqual(page3.users?.map((u) => u.id), all.slice(14, 21).map((u) => u.id));

    const an = UserDirectory.parse(
      (await get(em, "users/?username=%20AN%20&perPage=500", token)).json,
    );
    assert.deepEqual(
      an.users?.map((u) => u.username),
      all.filter((u) => u.username.toLowerCase().includes("an")).map((u) => u.username),
    );
    const admins = UserDirectory.parse(
      (await get(em, "users/?role=ADMIN&perPage=500", token)).json,
    );
    assert.deepEqual(
      admins.users?.map((u) => u.id),
      all.filter((u) => u.role === "ADMIN").map((u) => u.id),
    );
    const level2 = UserDirectory.parse((await get(em, "users/?level=2&perPage=500", token)).json);
    assert.deepEqual(
      level2.users?.map((u) => u.id),
      all.filter((u) => u.mappingLevel === "INTERMEDIATE").map((u) => u.id),
    );
    const byLevelName = UserDirectory.parse((await get(em, "users/?level=BEGINNER", token)).json);
    assert.equal(byLevelName.pagination?.total, all.length, "a level name filters nothing");
    const unpaged = UserDirectory.parse((await get(em, "users/?pagination=false", token)).json);
    assert.equal(unpaged.pagination, null);
    assert.equal(unpaged.users?.length, all.length);

    for (const role of ["admin", "MAPPER,ADMIN", ""]) {
      const got = await get(em, `users/?role=${encodeURIComponent(role)}`, token);
      assert.equal(got.status, 400, role);
      assert.deepEqual(got.json, { Error: "Unable to fetch user list", SubCode: "InvalidData" });
    }
    assert.equal((await get(em, "users/?page=0", token)).status, 500);
    assert.equal((await get(em, "users/?perPage=0", token)).status, 500);
    assert.equal((await get(em, "users/?sort=x&sort_dir=sideways", token)).status, 500);
    assert.equal((await get(em, "users/?perPage=many", token)).status, 422);
  });
});

Deno.test("analyst: /users/{id}/ and /users/queries/{username}/ give the same UserDTO", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const { admin, mapper } = tokensOf(em);
    const me = userNamed(em, mapper);
    const other = userNamed(em, admin);
    assertTokenRules(await get(em, `users/${me.id}/`), await get(em, `users/${me.id}/`, BAD_TOKEN));

    const own = await get(em, `users/${me.id}/`, auth(mapper));
    assert.equal(own.status, 200);
    const profile = userProfile(em.world, me);
    const level = em.world.levels.find((l) => l.name === me.mappingLevel);
    const projects = em.world.projects.filter((p) =>
      p.history.some((h) =>
        h.userId === me.id && h.action === "STATE_CHANGE"
      )
    ).length;
    const body = UserProfile.parse(own.json);
    assert.deepEqual(
      [body.id, body.username, body.role, body.mappingLevel, body.level_ordering],
      [me.id, me.username, me.role, me.mappingLevel, level?.ordering],
    );
    assert.equal(body.projectsMapped, projects === 0 ? null : projects);
    assert.equal(body.emailAddress, profile.emailAddress, "own e-mail is shown");
    assert.equal(body.country, profile.country);
    assert.equal(body.gender, profile.gender);
    assert.deepEqual(Object.keys(obj(own.json)), [
      "id",
      "username",
      "role",
      "mappingLevel",
      "level_ordering",
      "projectsMapped",
      "emailAddress",
      "isEmailVerified",
      "isExpert",
      "twitterId",
      "facebookId",
      "linkedinId",
      "slackId",
      "ircId",
      "skypeId",
      "city",
      "country",
      "name",
      "pictureUrl",
      "defaultEditor",
      "mentionsNotifications",
      "questionsAndCommentsNotifications",
      "projectsNotifications",
      "tasksNotifications",
      "taskValidationNotification",
      "taskInvalidationNotification",
      "taskCommentsNotifications",
      "teamsAnnouncementNotifications",
      "gender",
      "selfDescriptionGender",
    ]);

    const byName = await get(em, `users/queries/${encodeURIComponent(me.username)}/`, auth(mapper));
    assert.equal(byName.text, own.text);

    const seen = UserProfile.parse((await get(em, `users/${other.id}/`, auth(mapper))).json);
    assert.equal(seen.username, other.username);
    assert.deepEqual(
      [seen.emailAddress, seen.isEmailVerified, seen.gender, seen.selfDescriptionGender],
      [null, null, null, null],
      "private fields stay hidden from others",
    );
    assert.equal(seen.city, userProfile(em.world, other).city);

    const missing = await get(em, "users/1/", auth(mapper));
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, {
      error: {
        code: 404,
        sub_code: "USER_NOT_FOUND",
        message: "The requested user was not found on the server.",
        details: { user_id: 1 },
      },
    });
    const nobody = await get(em, "users/queries/NoSuchMapper/", auth(mapper));
    assert.deepEqual(obj(obj(nobody.json)["error"])["details"], { username: "NoSuchMapper" });
    const upper = await get(
      em,
      `users/queries/${encodeURIComponent(me.username.toUpperCase())}/`,
      auth(mapper),
    );
    assert.equal(
      upper.status,
      me.username.toUpperCase() === me.username ? 200 : 404,
      "exact match",
    );
    assert.equal((await get(em, "users/abc/", auth(mapper))).status, 422);
  });
});

Deno.test("analyst: /users/{id}/tasks/ lists the user's tasks by latest action", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const token = auth(tokensOf(em).admin);
    const counts = new Map<number, number>();
    for (const p of em.world.projects) {
      for (const h of p.history) {
        counts.set(h.userId, (counts.get(h.userId) ?? 0) + 1);
      }
    }
    const [userId] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0];
    assertTokenRules(
      await get(em, `users/${userId}/tasks/`),
      await get(em, `users/${userId}/tasks/`, BAD_TOKEN),
    );

    type Row = { projectId: number; taskId: number; last: number };
    const rows = (status?: string): Row[] =>
      em.world.projects.flatMap((p) =>
        p.tasks.flatMap((t) => {
          const dates = p.history.filter((h) =>
            h.taskId === t.id && h.userId === userId &&
            (status === undefined || h.actionText === status)
          ).map((h) => h.actionDate);
          return dates.length === 0
            ? []
            : [{ projectId: p.id, taskId: t.id, last: Math.max(...dates) }];
        })
      );
    const newest = rows().sort((a, b) =>
      b.last - a.last || a.projectId - b.projectId || a.taskId - b.taskId
    );
    const got = await get(em, `users/${userId}/tasks/`, token);
    assert.equal(got.status, 200);
    assert.deepEqual(Object.keys(obj(got.json)), ["tasks", "pagination"]);
    const page = UserTaskPage.parse(got.json);
    assert.equal(page.pagination.total, newest.length);
    assert.deepEqual(
      page.tasks.map((t) => [t.projectId, t.taskId]),
      newest.slice(0, 10).map((r) => [r.projectId, r.taskId]),
    );
    const firstRow = newest[0];
    const firstTask = obj(arr(obj(got.json)["tasks"])[0]);
    assert.ok(firstRow);
    const project = em.world.projects.find((p) => p.id === firstRow.projectId);
    const task = project?.tasks.find((t) => t.id === firstRow.taskId);
    assert.equal(firstTask["taskStatus"], task?.status);
    assert.equal(
      firstTask["numberOfComments"],
      project?.history.filter((h) => h.taskId === firstRow.taskId && h.action === "COMMENT").length,
    );
    assert.match(got.text, /"autoUnlockSeconds":7200\.0,/);
    assert.deepEqual(Object.keys(firstTask), [
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
    ]);

    const mapped = UserTaskPage.parse(
      (await get(em, `users/${userId}/tasks/?status=mapped&page_size=500`, token)).json,
    );
    assert.equal(mapped.pagination.total, rows("MAPPED").length);
    const byProject = UserTaskPage.parse(
      (await get(em, `users/${userId}/tasks/?sort_by=-project_id&page_size=3&page=2`, token)).json,
    );
    const desc = rows().sort((a, b) => b.projectId - a.projectId || a.taskId - b.taskId);
    assert.deepEqual(
      byProject.tasks.map((t) => [t.projectId, t.taskId]),
      desc.slice(3, 6).map((r) => [r.projectId, r.taskId]),
    );
    const one = firstRow.projectId;
    const onlyOne = UserTaskPage.parse(
      (await get(em, `users/${userId}/tasks/?project_id=${one}&page_size=500`, token)).json,
    );
    assert.ok(onlyOne.tasks.every((t) => t.projectId === one));
    assert.equal(onlyOne.tasks.length, rows().filter((r) => r.projectId === one).length);

    const unparsable = await get(em, `users/${userId}/tasks/?start_date=someday`, token);
    assert.equal(unparsable.status, 200);
    assert.deepEqual(unparsable.json, { tasks: [], pagination: { total: 0 } });
    UserTaskPage.parse(unparsable.json);
    assert.equal((await get(em, `users/${userId}/tasks/?status=DONE`, token)).status, 500);
    assert.equal((await get(em, `users/${userId}/tasks/?page=0`, token)).status, 500);
    assert.equal((await get(em, `users/${userId}/tasks/?project_id=x`, token)).status, 422);
    const missing = await get(em, "users/1/tasks/", token);
    assert.deepEqual(obj(obj(missing.json)["error"])["details"], { user_id: 1 });
  });
});

Deno.test("analyst: /teams/ and /teams/{id}/ show teams, members and visibility", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const { admin, mapper } = tokensOf(em);
    const me = userNamed(em, mapper);
    assertTokenRules(await get(em, "teams/"), await get(em, "teams/", BAD_TOKEN));

    const all = TeamList.parse((await get(em, "teams/", auth(admin))).json);
    assert.deepEqual(all.teams.map((t) => t.teamId), em.world.teams.map((t) => t.id));
    assert.equal(all.pagination, null);
    const mine = (id: number) =>
      teamDetails(em.world, em.world.teams.find((t) => t.id === id)!).memberships
        .some((m) => m.userId === me.id);
    const visible = TeamList.parse((await get(em, "teams/", auth(mapper))).json);
    assert.deepEqual(
      visible.teams.map((t) => t.teamId),
      em.world.teams.filter((t) => t.visibility === "PUBLIC" || mine(t.id)).map((t) => t.id),
    );

    const team = em.world.teams.find((t) => t.members.length >= 3);
    assert.ok(team);
    const listed = all.teams.find((t) => t.teamId === team.id);
    const details = teamDetails(em.world, team);
    const active = details.memberships.filter((m) => m.active);
    assert.deepEqual(
      listed?.members?.map((m) => m.username),
      active.map((m) => em.world.users.find((u) => u.id === m.userId)?.username),
    );
    assert.equal(listed?.managersCount, active.filter((m) => m.function === "MANAGER").length);
    assert.equal(listed?.membersCount, active.filter((m) => m.function === "MEMBER").length);
    assert.ok(listed?.members?.every((m) => m.joinedDate === null));

    const rawTeam = obj(arr(obj((await get(em, "teams/", auth(admin))).json)["teams"])[0]);
    assert.deepEqual(Object.keys(rawTeam), [
      "teamId",
      "organisationId",
      "organisation",
      "name",
      "logo",
      "description",
      "joinMethod",
      "visibility",
      "members",
      "membersCount",
      "managersCount",
    ]);
    assert.deepEqual(Object.keys(obj(arr(rawTeam["members"])[0])), [
      "username",
      "function",
      "active",
      "joinRequestNotifications",
      "pictureUrl",
      "joinedDate",
    ]);
    const omitted = TeamList.parse((await get(em, "teams/?omitMemberList=true", auth(admin))).json);
    assert.ok(omitted.teams.every((t) => t.members?.length === 0 && t.membersCount === null));
    const paged = TeamList.parse(
      (await get(em, "teams/?paginate=true&perPage=3&page=2", auth(admin))).json,
    );
    assert.deepEqual(paged.teams.map((t) => t.teamId), em.world.teams.slice(3, 6).map((t) => t.id));
    assert.equal(paged.pagination?.total, em.world.teams.length);
    const member = active[1]?.userId ?? 0;
    const ofMember = TeamList.parse((await get(em, `teams/?member=${member}`, auth(admin))).json);
    assert.deepEqual(
      ofMember.teams.map((t) => t.teamId),
      em.world.teams.filter((t) => t.members.includes(member)).map((t) => t.id),
    );
    const org = TeamList.parse(
      (await get(em, `teams/?organisation=${team.organisationId}`, auth(admin))).json,
    );
    assert.ok(org.teams.every((t) => t.organisationId === team.organisationId));
    assert.equal((await get(em, "teams/?paginate=true&page=0", auth(admin))).status, 500);
    assert.equal((await get(em, "teams/?member=me", auth(admin))).status, 422);

    const got = await get(em, `teams/${team.id}/`, auth(mapper));
    assert.equal(got.status, 200);
    const detail = TeamDetail.parse(got.json);
    assert.deepEqual(Object.keys(obj(got.json)), [
      "teamId",
      "organisation_id",
      "organisation",
      "organisationSlug",
      "name",
      "logo",
      "description",
      "joinMethod",
      "visibility",
      "is_org_admin",
      "is_general_admin",
      "members",
      "team_projects",
    ]);
    assert.equal(detail.members.length, details.memberships.length, "pending requests too");
    assert.ok(detail.members.every((m) => m.joinedDate?.endsWith("Z")));
    assert.equal(detail.is_general_admin, false);
    const linked = em.world.projects.filter((p) => p.teams.some((t) => t.teamId === team.id));
    assert.equal(detail.team_projects.length, linked.reduce((n, p) => n + p.info.length, 0));
    const orgBody = obj((await get(em, `organisations/${team.organisationId}/`, auth(admin))).json);
    const inOrg = obj(arr(orgBody["teams"]).find((t) => obj(t)["teamId"] === team.id));
    assert.deepEqual(
      [inOrg["joinMethod"], inOrg["description"], arr(inOrg["members"]).length],
      [detail.joinMethod, detail.description, detail.members.length],
      "the organisation page shows the same team",
    );
    const short = TeamDetail.parse(
      (await get(em, `teams/${team.id}/?omitMemberList=1`, auth(admin))).json,
    );
    assert.deepEqual([short.members, short.team_projects, short.is_general_admin], [[], [], true]);

    const word = await get(em, "teams/abc/");
    assert.equal(word.status, 405, "not the int route: the PATCH route's 405, before auth");
    assert.equal(word.headers.get("allow"), "PATCH");
    assert.deepEqual(word.json, { detail: "Method Not Allowed" });
    assertTokenRules(
      await get(em, `teams/${team.id}/`),
      await get(em, `teams/${team.id}/`, BAD_TOKEN),
    );
    const missing = await get(em, "teams/99999/", auth(mapper));
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, {
      error: {
        code: 404,
        sub_code: "TEAM_NOT_FOUND",
        message: "The requested team was not found on the server.",
        details: { team_id: 99999 },
      },
    });
  });
});
