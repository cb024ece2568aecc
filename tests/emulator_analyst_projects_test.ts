import assert from "node:assert/strict";
import { arr, get, obj, withEmulator } from "./emulator_helpers.ts";
import type { Project, World } from "../src/emulator/model.ts";
import { AreaOfInterest } from "../src/schemas/aoi.ts";
import { MappedTasks } from "../src/schemas/mapped_tasks.ts";
import { ProjectChat } from "../src/schemas/comments.ts";
import { ActiveProjects } from "../src/schemas/active_projects.ts";
import { MappingLevelList } from "../src/schemas/levels.ts";

const OPTIONS = { port: 0, projects: 60 };
const HOUR = 3_600_000_000;

/** Python's naive `isoformat()` of world micros. */
function naive(micros: number): string {
  const frac = micros % 1_000_000;
  const base = new Date((micros - frac) / 1000).toISOString().slice(0, 19);
  return frac === 0 ? base : `${base}.${String(frac).padStart(6, "0")}`;
}

function notFound(projectId: number): unknown {
  return {
    error: {
      code: 404,
      sub_code: "PROJECT_NOT_FOUND",
      message: "The requested project was not found on the server.",
      details: { project_id: projectId },
    },
  };
}

function missingId(world: World): number {
  return Math.max(...world.projects.map((p) => p.id)) + 1000;
}

Deno.test("analyst: /projects/{id}/queries/aoi/ is the bare AOI, or a geojson file", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const draft = em.world.projects.find((p) => p.status === "DRAFT");
    assert.ok(draft);
    const got = await get(em, `projects/${draft.id}/queries/aoi/`);
    assert.equal(got.status, 200, "public, drafts included");
    assert.deepEqual(Object.keys(obj(got.json)), ["type", "coordinates"]);
    assert.deepEqual(got.json, { type: "MultiPolygon", coordinates: draft.aoi });
    assert.deepEqual(AreaOfInterest.parse(got.json).coordinates, draft.aoi);

    const file = await get(em, `projects/${draft.id}/queries/aoi/?as_file=true`);
    assert.equal(file.headers.get("content-type"), "application/geo+json");
    assert.equal(
      file.headers.get("content-disposition"),
      `attachment; filename="${draft.id}-aoi.geojson"`,
    );
    assert.ok(file.text.startsWith('{\n    "type": "MultiPolygon"'));
    assert.deepEqual(file.json, got.json);

    const slashless = await get(em, `projects/${draft.id}/queries/aoi`);
    assert.equal(slashless.status, 307);
    const missing = await get(em, `projects/${missingId(em.world)}/queries/aoi/`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, notFound(missingId(em.world)));
    const bad = await get(em, "projects/x/queries/aoi/");
    assert.equal(bad.status, 422);
    assert.equal(obj(arr(obj(bad.json)["detail"])[0])["type"], "int_parsing");
  });
});

/** The expected body of `/tasks/queries/mapped/`, straight from tasks and histories. */
function expectedMapped(world: World, project: Project): unknown[] {
  const lastValidation = new Map(world.users.map((u) => [u.id, u.dateRegistered]));
  for (const p of world.projects) {
    const mapperOf = new Map<number, number>();
    for (const h of p.history) {
      if (h.action === "STATE_CHANGE" && h.actionText === "MAPPED") {
        mapperOf.set(h.taskId, h.userId);
      }
      const mapper = mapperOf.get(h.taskId);
      if (h.action === "STATE_CHANGE" && h.actionText === "VALIDATED" && mapper !== undefined) {
        lastValidation.set(mapper, Math.max(lastValidation.get(mapper) ?? 0, h.actionDate));
      }
    }
  }
  const out = new Map<number, { tasks: number[]; seen: number }>();
  for (const task of project.tasks) {
    if (task.status !== "MAPPED" || task.mappedBy === null) continue;
    const dates = project.history.filter((h) => h.taskId === task.id && h.actionText === "MAPPED")
      .map((h) => h.actionDate);
    if (dates.length === 0) continue;
    const entry = out.get(task.mappedBy) ?? { tasks: [], seen: 0 };
    entry.tasks.push(task.id);
    entry.seen = Math.max(entry.seen, ...dates);
    out.set(task.mappedBy, entry);
  }
  return [...out].map(([id, e]) => {
    const user = world.users.find((u) => u.id === id);
    assert.ok(user);
    return {
      username: user.username,
      mappedTaskCount: e.tasks.length,
      tasksMapped: e.tasks.sort((a, b) => a - b),
      lastSeen: naive(e.seen),
      mappingLevel: user.mappingLevel,
      dateRegistered: naive(user.dateRegistered),
      lastValidationDate: naive(lastValidation.get(id) ?? 0),
    };
  }).sort((a, b) => (a.username < b.username ? -1 : 1));
}

Deno.test("analyst: /tasks/queries/mapped/ groups MAPPED tasks by their mapper", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const mappers = (p: Project) =>
      new Set(p.tasks.filter((t) => t.status === "MAPPED").map((t) => t.mappedBy)).size;
    const project = em.world.projects.slice().sort((a, b) => mappers(b) - mappers(a))[0];
    assert.ok(project && mappers(project) >= 2, "a project with several mappers");
    const got = await get(em, `projects/${project.id}/tasks/queries/mapped/`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.json, { mappedTasks: expectedMapped(em.world, project) });
    const first = obj(arr(obj(got.json)["mappedTasks"])[0]);
    assert.deepEqual(Object.keys(first), [
      "username",
      "mappedTaskCount",
      "tasksMapped",
      "lastSeen",
      "mappingLevel",
      "dateRegistered",
      "lastValidationDate",
    ]);
    MappedTasks.parse(got.json);

    const draft = em.world.projects.find((p) => p.status === "DRAFT");
    assert.ok(draft);
    assert.deepEqual((await get(em, `projects/${draft.id}/tasks/queries/mapped/`)).json, {
      mappedTasks: [],
    });
    const missing = await get(em, `projects/${missingId(em.world)}/tasks/queries/mapped/`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, {
      error: {
        code: 404,
        sub_code: "Project not found",
        message: "Project not found",
        details: {},
      },
    });
  });
});

Deno.test("analyst: /projects/{id}/comments/ pages the chat, newest first", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const project = em.world.projects.find((p) => p.chatMessages > 20);
    assert.ok(project);
    const messages = em.world.chat.filter((m) => m.projectId === project.id)
      .sort((a, b) => b.timestamp - a.timestamp || b.id - a.id);
    assert.equal(messages.length, project.chatMessages);

    const first = await get(em, `projects/${project.id}/comments/`);
    assert.equal(first.status, 200);
    const body = ProjectChat.parse(first.json);
    assert.deepEqual(Object.keys(obj(first.json)), ["chat", "pagination"]);
    assert.deepEqual(body.chat?.map((m) => m.id), messages.slice(0, 20).map((m) => m.id));
    assert.deepEqual(body.pagination, {
      hasNext: true,
      hasPrev: false,
      nextNum: 2,
      page: 1,
      pages: 2,
      prevNum: null,
      perPage: 20,
      total: messages.length,
    });
    const top = messages[0];
    assert.ok(top);
    const poster = em.world.users.find((u) => u.id === top.userId);
    assert.deepEqual(arr(obj(first.json)["chat"])[0], {
      id: top.id,
      message: top.message,
      pictureUrl: poster?.pictureUrl ?? null,
      timestamp: naive(top.timestamp) + "Z",
      username: poster?.username,
    });

    assert.deepEqual(Object.keys(obj(arr(obj(first.json)["chat"])[0])), [
      "id",
      "message",
      "pictureUrl",
      "timestamp",
      "username",
    ]);
    const third = ProjectChat.parse(
      (await get(em, `projects/${project.id}/comments/?perPage=7&page=3`)).json,
    );
    assert.deepEqual(third.chat?.map((m) => m.id), messages.slice(14, 21).map((m) => m.id));
    const past = ProjectChat.parse((await get(em, `projects/${project.id}/comments/?page=9`)).json);
    assert.deepEqual(past.chat, []);
    assert.equal(past.pagination?.total, messages.length);

    const stats = obj((await get(em, `projects/${project.id}/statistics/`)).json);
    assert.equal(stats["totalComments"], messages.length, "statistics count the same chat");

    const quiet = em.world.projects.find((p) => p.chatMessages === 0);
    assert.ok(quiet);
    const none = await get(em, `projects/${quiet.id}/comments/?page=0`);
    assert.deepEqual(none.json, { chat: [], pagination: null }, "no messages: no page check");
    assert.equal((await get(em, `projects/${project.id}/comments/?page=0`)).status, 500);
    assert.equal((await get(em, `projects/${project.id}/comments/?perPage=0`)).status, 500);
    assert.equal((await get(em, `projects/${project.id}/comments/?perPage=x`)).status, 422);
    const missing = await get(em, `projects/${missingId(em.world)}/comments/`);
    assert.deepEqual(missing.json, notFound(missingId(em.world)));
  });
});

Deno.test("analyst: /projects/queries/active/ lists published projects active in the window", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const types: Record<string, number> = {
      ROADS: 1,
      BUILDINGS: 2,
      WATERWAYS: 3,
      LAND_USE: 4,
      OTHER: 5,
    };
    const expected = (hours: number) => {
      const since = em.world.now - hours * HOUR;
      const chatted = new Set(
        em.world.chat.filter((m) => m.timestamp >= since).map((m) => m.projectId),
      );
      return em.world.projects.filter((p) =>
        p.status === "PUBLISHED" &&
        (chatted.has(p.id) || p.history.some((h) => h.actionDate >= since))
      ).map((p) => p.id).sort((a, b) => a - b);
    };
    const day = ActiveProjects.parse((await get(em, "projects/queries/active/")).json);
    assert.equal(day.type, "FeatureCollection");
    assert.deepEqual(day.features.map((f) => f.properties.project_id), expected(24));
    assert.ok(day.features.length > 0, "the seeded world has activity in its last day");
    for (const f of day.features) {
      const p = em.world.projects.find((x) => x.id === f.properties.project_id);
      assert.deepEqual(f.properties.mapping_types, p?.mappingTypes.map((t) => types[t]));
      assert.deepEqual(f.geometry.coordinates, p?.aoi);
    }
    const raw = obj(arr(obj((await get(em, "projects/queries/active/")).json)["features"])[0]);
    assert.deepEqual(Object.keys(raw), ["type", "geometry", "properties"]);
    assert.deepEqual(Object.keys(obj(raw["properties"])), ["project_id", "mapping_types"]);
    const hour = ActiveProjects.parse((await get(em, "projects/queries/active/?interval=1")).json);
    assert.deepEqual(hour.features.map((f) => f.properties.project_id), expected(1));

    const message = "Interval must be a number greater than 0 and less than or equal to 24";
    for (const bad of ["0", "25", "abc", "", "+5", "1.5"]) {
      const got = await get(em, `projects/queries/active/?interval=${encodeURIComponent(bad)}`);
      assert.equal(got.status, 400, bad);
      assert.deepEqual(got.json, { Error: message });
    }
  });
});

Deno.test("analyst: /levels/ lists the mapping levels by ordering", async () => {
  await withEmulator(OPTIONS, async (em) => {
    const got = await get(em, "levels/");
    assert.equal(got.status, 200);
    const levels = MappingLevelList.parse(got.json).levels;
    assert.deepEqual(
      levels.map((l) => [l.id, l.name, l.ordering, l.isBeginner, l.requiredBadges.length]),
      em.world.levels.map((l) => [l.id, l.name, l.ordering, l.isBeginner, 0]),
    );
    assert.deepEqual(Object.keys(obj(arr(obj(got.json)["levels"])[0])), [
      "id",
      "name",
      "approvalsRequired",
      "color",
      "ordering",
      "isBeginner",
      "requiredBadges",
    ]);
    const names = new Set(levels.map((l) => l.name));
    assert.ok(em.world.users.every((u) => names.has(u.mappingLevel)), "users name listed levels");
    assert.equal((await get(em, "levels")).status, 307);
  });
});
