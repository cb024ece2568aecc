/**
 * The issue-14 endpoints as queries, over real HTTP against the emulator: wire URLs, dtypes,
 * and answers computed from the emulator's world (not from its route code).
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { startEmulator } from "../emulator.ts";
import { dtypes } from "./analytics_helpers.ts";

Deno.test("project AOI, mapped tasks and chat: one project and many", async () => {
  const emulator = await startEmulator({ port: 0, projects: 60, seed: 42 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const world = emulator.world;
    const chatty = world.projects.find((p) =>
      !p.private && p.status === "PUBLISHED" &&
      world.chat.filter((m) => m.projectId === p.id).length > 20
    )!;
    assert.ok(chatty, "a public project with more than one page of chat");

    const aoi = await tm.project(chatty.id).aoi().frame();
    assert.deepEqual(dtypes(aoi), { geometry: "String" });
    const geometry = JSON.parse(aoi.getColumn("geometry").toArray()[0] as string);
    assert.equal(geometry.type, "MultiPolygon");

    const messages = world.chat.filter((m) => m.projectId === chatty.id)
      .sort((a, b) => b.timestamp - a.timestamp || b.id - a.id);
    const chat = tm.project(chatty.id).chat();
    assert.equal(chat.url().pathname, `/api/v2/projects/${chatty.id}/comments/`);
    const frame = await chat.frame();
    assert.deepEqual(frame.getColumn("id").toArray(), messages.map((m) => m.id));
    assert.equal(dtypes(frame)["timestamp"], "Datetime(us,UTC)");
    assert.equal(await chat.count(), messages.length);
    assert.equal((await chat.limit(5).frame()).height, 5);

    const waiting = new Map<number, number[]>();
    for (const task of chatty.tasks) {
      if (task.status !== "MAPPED" || task.mappedBy === null) continue;
      waiting.set(task.mappedBy, [...(waiting.get(task.mappedBy) ?? []), task.id]);
    }
    const mappedTasks = tm.project(chatty.id).mappedTasks();
    const mapped = await mappedTasks.frame();
    const byName = new Map(world.users.map((u) => [u.username, u.id]));
    const got = new Map(
      (await mappedTasks.records()).map((row) => [
        byName.get(row.username ?? "")!,
        [...(row.tasksMapped ?? [])].sort((a, b) => a - b),
      ]),
    );
    assert.deepEqual(
      new Map([...waiting].map(([id, tasks]) => [id, tasks.sort((a, b) => a - b)])),
      got,
      "each mapper's tasks now MAPPED",
    );
    assert.equal(dtypes(mapped)["lastSeen"], "Datetime(us,UTC)");

    const others = world.projects.filter((p) => !p.private && p.status === "PUBLISHED")
      .slice(0, 3).map((p) => p.id);
    const areas = await tm.projects(others).aoi().frame();
    assert.deepEqual(areas.getColumn("projectId").toArray(), others);
  } finally {
    await emulator.close();
  }
});

Deno.test("levels, active projects, users, profiles, user tasks and teams", async () => {
  const emulator = await startEmulator({ port: 0, projects: 60, seed: 42 });
  try {
    const world = emulator.world;
    const [issued] = emulator.tokens;
    const tm = createClient({ baseUrl: emulator.url, token: issued!.token, progress: false });
    const anonymous = createClient({ baseUrl: emulator.url, progress: false });

    const levels = await anonymous.levels().frame();
    assert.deepEqual(levels.getColumn("name").toArray(), world.levels.map((l) => l.name));
    assert.equal(dtypes(levels)["isBeginner"], "Bool");

    assert.throws(() => tm.activeProjects(25), /hours must be an integer from 1 to 24/);
    assert.equal(tm.activeProjects(6).url().search, "?interval=6");
    const active = await tm.activeProjects().frame();
    assert.deepEqual(Object.keys(dtypes(active)), ["projectId", "mappingTypes", "geometry"]);
    assert.equal(dtypes(active)["mappingTypes"], "List(DataType(String))");

    await assert.rejects(anonymous.users().frame(), /only with an API token/);
    const users = tm.users().role("MAPPER");
    const directory = await users.frame();
    const mappers = world.users.filter((u) => u.role === "MAPPER");
    assert.equal(directory.height, mappers.length);
    assert.deepEqual(
      new Set(directory.getColumn("id").toArray()),
      new Set(mappers.map((u) => u.id)),
    );
    assert.equal(dtypes(directory)["id"], "Int64");
    assert.ok(users.estimate().text.includes("pages of 20 rows"));

    const user = world.users.find((u) => u.role === "MAPPER")!;
    const [byId] = await tm.user(user.id).profile().records();
    const [byName] = await tm.user(user.username).profile().records();
    assert.equal(byId!.username, user.username);
    assert.deepEqual(byName, byId);

    const touched = new Set<string>();
    for (const project of world.projects) {
      for (const row of project.history) {
        if (row.userId === user.id) touched.add(`${project.id}/${row.taskId}`);
      }
    }
    const tasks = await tm.user(user.id).tasks().frame();
    assert.equal(tasks.height, touched.size, "one row per task the user has history on");
    assert.equal(dtypes(tasks)["lastUpdated"], "Datetime(us,UTC)");

    const teams = await tm.teams().frame();
    assert.ok(teams.height > 0);
    const team = world.teams[0]!;
    const members = await tm.team(team.id).members().frame();
    assert.deepEqual(
      new Set(members.filter(members.getColumn("active")).getColumn("username").toArray()),
      new Set(team.members.map((id) => world.users.find((u) => u.id === id)!.username)),
    );
    assert.equal((await tm.team(team.id).detail().frame()).height, 1);
  } finally {
    await emulator.close();
  }
});
