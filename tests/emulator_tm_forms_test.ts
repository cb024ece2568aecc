/**
 * The emulator behaves like TM where issue #11 found it did not, and serves TM4-era bodies
 * with `tmVersion: 4`; both read by the client over HTTP.
 */

import assert from "node:assert/strict";
import { createClient } from "../mod.ts";
import { pl } from "../src/deps.ts";
import { get, obj, withEmulator } from "./emulator_helpers.ts";

Deno.test("the default world has a project whose statistics answer TM's 500; others answer 200", async () => {
  await withEmulator({}, async (emulator) => {
    const onlyOpen = emulator.world.projects.filter((p) =>
      ["MAPPING", "VALIDATION"].some((kind) => {
        const rows = p.history.filter((h) =>
          h.action.endsWith(`_FOR_${kind}`) && !h.action.startsWith("EXTENDED")
        );
        return rows.length > 0 && rows.every((h) => h.actionText === null);
      })
    );
    assert.ok(onlyOpen.length > 0, "seed 42 has such a project");
    const broken = await get(emulator, `projects/${onlyOpen[0]!.id}/statistics/`);
    assert.equal(broken.status, 500);
    assert.equal(broken.text, "Internal Server Error");
    const fine = emulator.world.projects.find((p) =>
      p.status === "PUBLISHED" && !onlyOpen.includes(p)
    );
    assert.equal((await get(emulator, `projects/${fine!.id}/statistics/`)).status, 200);
  });
});

Deno.test("many-project statistics: a project answering TM's 500 is a failure, the others a frame", async () => {
  await withEmulator({}, async (emulator) => {
    const onlyOpen = (p: (typeof emulator.world.projects)[number]) =>
      ["MAPPING", "VALIDATION"].some((kind) => {
        const rows = p.history.filter((h) =>
          h.action.endsWith(`_FOR_${kind}`) && !h.action.startsWith("EXTENDED")
        );
        return rows.length > 0 && rows.every((h) => h.actionText === null);
      });
    const broken = emulator.world.projects.find((p) => !p.private && onlyOpen(p))!;
    const fine = emulator.world.projects
      .filter((p) => !p.private && p.status === "PUBLISHED" && !onlyOpen(p)).slice(0, 3);
    const ids = [fine[0]!.id, broken.id, fine[1]!.id, fine[2]!.id];
    const tm = createClient({
      baseUrl: emulator.url,
      progress: false,
      retry: { limit: 1, baseDelay: 10 },
    });
    const query = tm.projects(ids).statistics();
    const { frame, failures } = await query.frameWithFailures();
    assert.deepEqual(frame.getColumn("projectId").toArray(), fine.map((p) => p.id));
    assert.deepEqual(failures.map((f) => f.projectId), [broken.id]);
    assert.match(failures[0]!.error.message, /HTTP 500 .*after 2 attempts/);
    await assert.rejects(query.frame(), new RegExp(`of 1 of 4 projects: ${broken.id} `));
  });
});

Deno.test("user contributionsByDay: TM5 counts MAPPED/VALIDATED/INVALIDATED, TM4 every state change", async () => {
  const YEAR = 365 * 86_400_000_000;
  for (const tmVersion of [5, 4] as const) {
    await withEmulator({ projects: 30, tmVersion }, async (emulator) => {
      const token = emulator.tokens[0]!.token;
      // A user with a recent state change to something else (BADIMAGERY or READY).
      const rows = emulator.world.projects.flatMap((p) => p.history);
      const recent = (h: (typeof rows)[number]) =>
        h.action === "STATE_CHANGE" && h.actionDate > emulator.world.now - YEAR + 86_400_000_000;
      const other = rows.find((h) =>
        recent(h) && (h.actionText === "BADIMAGERY" || h.actionText === "READY")
      )!;
      const user = emulator.world.users.find((u) => u.id === other.userId)!;
      const mine = rows.filter((h) => h.userId === user.id && recent(h));
      const tm5 = mine.filter((h) =>
        ["MAPPED", "VALIDATED", "INVALIDATED"].includes(h.actionText ?? "")
      ).length;
      assert.ok(mine.length > tm5, "the user has a state change TM5 does not count");
      const got = await get(emulator, `users/${encodeURIComponent(user.username)}/statistics/`, {
        headers: { authorization: `Token ${token}`, "accept-language": "" },
      });
      const days = obj(got.json)["contributionsByDay"] as { count: number }[];
      const total = days.reduce((sum, day) => sum + day.count, 0);
      assert.equal(total, tmVersion === 5 ? tm5 : mine.length, `TM${tmVersion}`);
    });
  }
});

Deno.test("tmVersion 4: TM4-era bodies, read by the client into the same dtypes", async () => {
  await withEmulator({ projects: 12, tmVersion: 4 }, async (tm4) => {
    await withEmulator({ projects: 12 }, async (tm5) => {
      const beat = obj((await get(tm4, "system/heartbeat/")).json);
      assert.equal(beat["status"], "healthy");
      assert.deepEqual(beat["release"], { version: "v4.8.5", published_at: "2024-01-18 10:00:00" });
      const project = tm4.world.projects.find((p) =>
        p.status === "PUBLISHED" && p.history.length > 0
      )!;
      const summary = obj((await get(tm4, `projects/${project.id}/queries/summary/`)).json);
      assert.equal("rapidPowerUser" in summary, false);
      const activity = obj((await get(tm4, `projects/${project.id}/activities/`)).json);
      const first = (activity["activity"] as { taskId: unknown }[])[0];
      assert.equal(typeof first?.taskId, "string");
      // TM4's search filled two of the CSV fields on every JSON row, in schematics' form.
      const search = obj((await get(tm4, "projects/")).json);
      const row = (search["results"] as Record<string, unknown>[])[0]!;
      const searched = tm4.world.projects.find((p) => p.id === row["projectId"])!;
      const created = row["creationDate"] as string;
      assert.match(created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      assert.equal(Date.parse(created), Math.floor(searched.created / 1000));
      assert.match(row["lastUpdated"] as string, /\.\d{6}Z$/);
      const area = row["totalAreaSquareKilometers"] as number;
      assert.ok(area > 0 && Math.round(area * 1000) / 1000 === area, String(area));

      // The user of the newest MAPPED row: someone with days to read.
      const newest = tm4.world.projects.flatMap((p) => p.history)
        .filter((h) => h.actionText === "MAPPED")
        .reduce((a, b) => (b.actionDate > a.actionDate ? b : a));
      const username = tm4.world.users.find((u) => u.id === newest.userId)!.username;
      const read = async (url: string, token: string) => {
        const tm = createClient({ baseUrl: url, token, progress: false });
        return {
          days: await tm.user(username).contributionsByDay().frame(),
          activities: await tm.project(project.id).activities().frame(),
          summary: await tm.project(project.id).summary().frame(),
          projects: await tm.projects().frame(),
        };
      };
      const a = await read(tm4.url, tm4.tokens[0]!.token);
      const b = await read(tm5.url, tm5.tokens[0]!.token);
      for (const key of ["days", "activities", "summary", "projects"] as const) {
        assert.deepEqual(a[key].dtypes.map(String), b[key].dtypes.map(String), key);
      }
      // The same instants, whichever form TM wrote them in.
      const times = ["projectId", "lastUpdated", "dueDate"];
      assert.deepEqual(
        a.projects.select(...times).toRecords(),
        b.projects.select(...times).toRecords(),
      );
      assert.ok(a.days.getColumn("date").dtype.equals(pl.Date));
      assert.ok(a.days.height > 0);
      // TM4 counts every state change, so it has every day TM5 has (and maybe more).
      const tm4Days = new Set(a.days.getColumn("date").cast(pl.String).toArray());
      for (const day of b.days.getColumn("date").cast(pl.String).toArray()) {
        assert.ok(tm4Days.has(day), String(day));
      }
      assert.deepEqual(
        a.activities.getColumn("taskId").toArray(),
        b.activities.getColumn("taskId").toArray(),
      );
    });
  });
});

Deno.test("a draft with a valid non-manager token: TM's 500s, and 403 ProjectNotFetched on /tasks/", async () => {
  const world = (await import("../src/emulator/world.ts")).createWorld({ projects: 40 });
  // A mapper who manages nothing and is in no team, so no draft is theirs to see.
  const outsider = world.users.find((u) =>
    u.role === "MAPPER" && !world.organisations.some((o) => o.managers.includes(u.id)) &&
    !world.teams.some((t) => t.members.includes(u.id))
  )!;
  const draft = world.projects.find((p) => p.status === "DRAFT" && p.authorId !== outsider.id)!;
  const token = btoa(`${outsider.id}.outsider.1`); // TM tokens are base64
  await withEmulator(
    { world, tokens: [{ token, username: outsider.username }] },
    async (emulator) => {
      const signedIn = { headers: { authorization: `Token ${token}`, "accept-language": "" } };
      for (
        const path of ["activities/", "activities/latest/", "contributions/", "queries/summary/"]
      ) {
        const got = await get(emulator, `projects/${draft.id}/${path}`, signedIn);
        assert.equal(got.status, 500, path);
        assert.equal(got.text, "Internal Server Error", path);
      }
      const tasks = await get(emulator, `projects/${draft.id}/tasks/`, signedIn);
      assert.equal(tasks.status, 403);
      assert.deepEqual(tasks.json, { Error: "ProjectNotFetched- Unable to fetch project" });
      // Anonymous callers still get the PrivateProject 403.
      const anonymous = await get(emulator, `projects/${draft.id}/activities/`);
      assert.equal(anonymous.status, 403);
      assert.deepEqual(anonymous.json, {
        Error: "User not permitted: Private Project",
        SubCode: "PrivateProject",
      });
    },
  );
});

Deno.test('task detail: perTaskInstructions is "" when the project has none', async () => {
  await withEmulator({ projects: 40 }, async (emulator) => {
    const bare = emulator.world.projects.find((p) =>
      p.status === "PUBLISHED" && !p.private && p.info.every((i) => i.perTaskInstructions === "")
    )!;
    const task = obj((await get(emulator, `projects/${bare.id}/tasks/${bare.tasks[0]!.id}/`)).json);
    assert.equal(task["perTaskInstructions"], "");
  });
});

Deno.test("summary: the requested locale's projectInfo as stored, not filled from the default", async () => {
  await withEmulator({ projects: 40 }, async (emulator) => {
    const fields = ["name", "shortDescription", "description", "instructions"] as const;
    const project = emulator.world.projects.find((p) => {
      const def = p.info.find((i) => i.locale === p.defaultLocale);
      return !p.private && p.status === "PUBLISHED" &&
        p.info.some((i) => i !== def && fields.some((k) => i[k] === "" && def?.[k] !== ""));
    })!;
    const def = project.info.find((i) => i.locale === project.defaultLocale)!;
    const partial = project.info.find((i) =>
      i !== def && fields.some((k) => i[k] === "" && def[k] !== "")
    )!;
    const empty = fields.find((k) => partial[k] === "" && def[k] !== "")!;
    const headers = { headers: { "accept-language": partial.locale } };
    const summary = obj(
      (await get(emulator, `projects/${project.id}/queries/summary/`, headers)).json,
    );
    const info = obj(summary["projectInfo"]);
    assert.equal(info["locale"], partial.locale);
    assert.equal(info[empty], "");
    assert.equal(info["perTaskInstructions"], "");
    // Project detail does fill it (TM's ProjectInfo.get_dto_for_locale).
    const detail = obj((await get(emulator, `projects/${project.id}/`, headers)).json);
    assert.equal(obj(detail["projectInfo"])[empty], def[empty]);
  });
});

Deno.test("rapidPowerUser is null for projects created before the column existed (2021-06-23)", async () => {
  await withEmulator({ projects: 40 }, async (emulator) => {
    const cutoff = Date.UTC(2021, 5, 23) * 1000;
    const visible = emulator.world.projects.filter((p) => !p.private && p.status !== "DRAFT");
    const old = visible.find((p) => p.created < cutoff)!;
    const recent = visible.find((p) => p.created >= cutoff)!;
    for (const path of [`projects/${old.id}/`, `projects/${old.id}/queries/summary/`]) {
      assert.equal(obj((await get(emulator, path)).json)["rapidPowerUser"], null, path);
    }
    assert.equal(
      typeof obj((await get(emulator, `projects/${recent.id}/`)).json)["rapidPowerUser"],
      "boolean",
    );
    // And the client reads both.
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    const frame = await tm.project(old.id).summary().frame();
    assert.deepEqual(frame.getColumn("rapidPowerUser").toArray(), [null]);
  });
});
