import assert from "node:assert/strict";
import { arr, auth, get, obj, tokensOf, withEmulator } from "./emulator_helpers.ts";
import type { Project } from "../src/emulator/model.ts";

const OPTIONS = { projects: 60, seed: 11 };

function pick(projects: Project[], test: (p: Project) => boolean, what: string): Project {
  const found = projects.find(test);
  if (found === undefined) throw new Error(`the test world has no ${what} project`);
  return found;
}

Deno.test("errors: 307 to the slashed path keeps the query string", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const got = await get(emulator, "projects?page=2&orderBy=id");
    assert.equal(got.status, 307);
    assert.equal(got.headers.get("location"), emulator.url + "projects/?page=2&orderBy=id");
    const id = emulator.world.projects[0]?.id;
    const detail = await get(emulator, `projects/${id}/statistics`);
    assert.equal(detail.status, 307);
    assert.equal(detail.headers.get("location"), emulator.url + `projects/${id}/statistics/`);
  });
});

Deno.test("errors: 404 forms, 405, 422", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const route = await get(emulator, "no/such/route/");
    assert.equal(route.status, 404);
    assert.equal(route.text, '{"detail":"Not Found"}');
    const detail = await get(emulator, "projects/999999/");
    assert.equal(detail.status, 404);
    assert.equal(
      detail.text,
      '{"error":{"code":404,"sub_code":"Project not found","message":"Project not found","details":{}}}',
    );
    const summary = await get(emulator, "projects/999999/queries/summary/");
    assert.equal(summary.status, 404);
    assert.deepEqual(summary.json, {
      error: {
        code: 404,
        sub_code: "PROJECT_NOT_FOUND",
        message: "The requested project was not found on the server.",
        details: { project_id: 999999 },
      },
    });
    const id = emulator.world.projects[0]?.id ?? 0;
    const task = await get(emulator, `projects/${id}/tasks/99999/`);
    assert.equal(task.status, 404);
    assert.deepEqual(obj(obj(task.json)["error"])["details"], { project_id: id, task_id: 99999 });
    assert.equal(obj(obj(task.json)["error"])["sub_code"], "TASK_NOT_FOUND");
    const byDay = await get(emulator, "projects/999999/contributions/queries/day/");
    assert.equal(obj(obj(byDay.json)["error"])["sub_code"], "Project not found");

    const post = await fetch(emulator.url + "projects/", { method: "POST" });
    assert.equal(post.status, 405);
    assert.equal(await post.text(), '{"detail":"Method Not Allowed"}');

    const bad = await get(emulator, "projects/abc/");
    assert.equal(bad.status, 422);
    const item = obj(arr(obj(bad.json)["detail"])[0]);
    assert.deepEqual(Object.keys(item), ["type", "loc", "msg", "input", "url"]);
    assert.deepEqual(item["loc"], ["path", "project_id"]);
    assert.equal(item["type"], "int_parsing");
    assert.equal(item["input"], "abc");

    const page0 = await get(emulator, `projects/${id}/activities/?page=0`);
    assert.equal(page0.status, 422);
    const ge = obj(arr(obj(page0.json)["detail"])[0]);
    assert.deepEqual(Object.keys(ge), ["type", "loc", "msg", "input", "ctx", "url"]);
    assert.deepEqual(ge["loc"], ["query", "page"]);
    assert.equal(ge["type"], "greater_than_equal");

    const boolBad = await get(emulator, "projects/?omitMapResults=maybe");
    assert.equal(boolBad.status, 422);
    assert.equal(obj(arr(obj(boolBad.json)["detail"])[0])["type"], "bool_parsing");
    for (const word of ["true", "False", "1", "0", "yes", "NO", "on", "off"]) {
      assert.equal((await get(emulator, `projects/?omitMapResults=${word}`)).status, 200, word);
    }
  });
});

Deno.test("errors: 400 bodies for dates and search enums, 500 for unknown order column", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    for (const param of ["lastUpdatedFrom", "lastUpdatedTo", "createdFrom", "createdTo"]) {
      const got = await get(emulator, `projects/?${param}=2024-13-01`);
      assert.equal(got.status, 400);
      assert.equal(got.text, '{"Error":"Projects GET - InvalidDateValue- Invalid date value"}');
    }
    const types = await get(emulator, "projects/?mappingTypes=FOO");
    assert.equal(types.status, 400);
    assert.deepEqual(types.json, { Error: "Projects GET - 'FOO'" });
    assert.equal((await get(emulator, "projects/?difficulty=easy")).status, 400);
    const order = await get(emulator, "projects/?orderBy=nonsense");
    assert.equal(order.status, 500);
    assert.equal(order.text, "Internal Server Error");
    assert.match(order.headers.get("content-type") ?? "", /^text\/plain/);
  });
});

Deno.test("errors: auth header forms", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const id = emulator.world.projects[0]?.id ?? 0;
    const words = await get(emulator, `projects/${id}/`, {
      headers: { Authorization: "Token a b" },
    });
    assert.equal(words.status, 400);
    assert.equal(words.text, "Invalid auth credentials");
    assert.match(words.headers.get("content-type") ?? "", /^text\/plain/);
    const padding = await get(emulator, "projects/", { headers: { Authorization: "Token abc" } });
    assert.equal(padding.status, 400);
    const unknown = await get(emulator, "projects/", auth(btoa("not-a-real-token")));
    assert.equal(unknown.status, 200);
    const bearer = await get(emulator, "projects/", { headers: { Authorization: "Bearer xyz" } });
    assert.equal(bearer.status, 401);
    assert.equal(obj(obj(bearer.json)["error"])["message"], "Invalid authentication scheme");
  });
});

Deno.test("errors: private and draft projects need a permitted token", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const { admin } = tokensOf(emulator);
    const priv = pick(emulator.world.projects, (p) => p.private && p.status !== "DRAFT", "private");
    for (const path of ["", "queries/summary/", "activities/", "contributions/", "tasks/"]) {
      const anon = await get(emulator, `projects/${priv.id}/${path}`);
      assert.equal(anon.status, 403, path);
      assert.deepEqual(anon.json, {
        Error: "User not permitted: Private Project",
        SubCode: "PrivateProject",
      });
      assert.equal((await get(emulator, `projects/${priv.id}/${path}`, auth(admin))).status, 200);
    }
    assert.equal((await get(emulator, `projects/${priv.id}/statistics/`)).status, 200);
    const draft = emulator.world.projects.find((p) => p.status === "DRAFT");
    if (draft !== undefined) {
      const got = await get(emulator, `projects/${draft.id}/`);
      assert.equal(got.status, 403);
      assert.deepEqual(got.json, {
        Error: " Unable to fetch project",
        SubCode: "ProjectNotFetched",
      });
      assert.equal((await get(emulator, `projects/${draft.id}/`, auth(admin))).status, 200);
    }
    const search = obj((await get(emulator, "projects/?omitMapResults=true&page=1")).json);
    const total = obj(search["pagination"])["total"];
    const adminSearch = obj(
      (await get(emulator, "projects/?omitMapResults=true", auth(admin))).json,
    );
    const publishedAll = emulator.world.projects.filter((p) => p.status === "PUBLISHED");
    assert.equal(obj(adminSearch["pagination"])["total"], publishedAll.length);
    assert.equal(total, publishedAll.filter((p) => !p.private).length);
  });
});
