import assert from "node:assert/strict";
import { arr, get, obj, withEmulator } from "./emulator_helpers.ts";
import type { Emulator } from "../src/emulator/server.ts";
import type { Project } from "../src/emulator/model.ts";
import { percentages } from "../src/emulator/figures.ts";

const OPTIONS = { projects: 120, seed: 3, campaignProjects: 5 };

async function searchIds(emulator: Emulator, query: string, init?: RequestInit): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1;; page++) {
    const body = obj(
      (await get(emulator, `projects/?omitMapResults=true&page=${page}&${query}`, init)).json,
    );
    if (body["pagination"] === undefined) return ids;
    ids.push(...arr(body["results"]).map((r) => Number(obj(r)["projectId"])));
    if (obj(body["pagination"])["hasNext"] !== true) return ids;
  }
}

function open(emulator: Emulator, test: (p: Project) => boolean): number[] {
  return emulator.world.projects
    .filter((p) => p.status === "PUBLISHED" && !p.private && test(p))
    .map((p) => p.id)
    .sort((a, b) => a - b);
}

function sorted(ids: number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}

Deno.test("search: each filter returns exactly the matching projects", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const w = emulator.world;
    const check = async (query: string, test: (p: Project) => boolean) => {
      const want = open(emulator, test);
      assert.deepEqual(sorted(await searchIds(emulator, query)), want, query);
      return want.length;
    };
    assert.ok(await check("difficulty=EASY", (p) => p.difficulty === "EASY") > 0);
    await check("difficulty=all", () => true);
    assert.ok(await check("mappingTypes=ROADS", (p) => p.mappingTypes.includes("ROADS")) > 0);
    await check(
      "mappingTypes=ROADS,BUILDINGS&mappingTypesExact=true",
      (p) =>
        p.mappingTypes.length === 2 && p.mappingTypes.includes("ROADS") &&
        p.mappingTypes.includes("BUILDINGS"),
    );
    const country = w.projects.find((p) => p.countries !== null && p.countries.length > 0)
      ?.countries?.[0] ?? "Kenya";
    assert.ok(
      await check(
        `country=${encodeURIComponent(country.toUpperCase())}`,
        (p) => (p.countries ?? []).includes(country),
      ) > 0,
    );
    const org = w.organisations[0];
    assert.ok(org);
    await check(`organisationId=${org.id}`, (p) => p.organisationId === org.id);
    await check(
      `organisationName=${encodeURIComponent(org.name)}`,
      (p) => p.organisationId === org.id,
    );
    const campaign = w.campaigns.find((c) => c.id === 1);
    assert.ok(campaign);
    assert.ok(
      await check(
        `campaign=${encodeURIComponent(campaign.name)}`,
        (p) => p.campaignIds.includes(1),
      ) > 0,
    );
    const interest = w.interests[0];
    assert.ok(interest);
    await check(`interests=${interest.id}`, (p) => p.interestIds.includes(interest.id));
    const team = w.projects.flatMap((p) => p.teams)[0];
    if (team) {
      await check(`teamId=${team.teamId}`, (p) => p.teams.some((t) => t.teamId === team.teamId));
    }
    const cut = w.projects.map((p) => p.created).sort((a, b) => a - b)[60] ?? 0;
    const day = new Date(cut / 1000).toISOString().slice(0, 10);
    const dayMicros = Date.parse(day) * 1000;
    await check(`createdFrom=${day}`, (p) => p.created >= dayMicros);
    await check(`createdTo=${day}`, (p) => p.created <= dayMicros);
    await check(`lastUpdatedFrom=${day}`, (p) => p.lastUpdated >= dayMicros);
    await check("action=map", (p) => {
      const pct = percentages(p);
      return pct.percentMapped < 100 && p.tasks.some((t) => t.status !== "BADIMAGERY");
    });
    const word = w.projects.find((p) => p.status === "PUBLISHED" && !p.private)?.info[0]?.name
      .split(" ")[0] ?? "x";
    assert.ok(
      await check(
        `textSearch=${encodeURIComponent(word.toLowerCase())}`,
        (p) =>
          p.info.some((i) =>
            `${i.name} ${i.shortDescription} ${i.description}`.toLowerCase()
              .includes(word.toLowerCase())
          ),
      ) > 0,
    );
    assert.deepEqual(
      sorted(await searchIds(emulator, "projectStatuses=ARCHIVED,PUBLISHED")),
      w.projects.filter((p) => p.status !== "DRAFT" && !p.private).map((p) => p.id)
        .sort((a, b) => a - b),
    );
    const archived = sorted(await searchIds(emulator, "projectStatuses=ARCHIVED"));
    assert.deepEqual(
      archived,
      w.projects.filter((p) => p.status === "ARCHIVED" && !p.private).map((p) => p.id).sort((
        a,
        b,
      ) => a - b),
    );
  });
});

Deno.test("search: no match form, DRAFT hidden from anonymous, Accept-Language filter", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const none = await get(emulator, "projects/?projectStatuses=DRAFT");
    assert.equal(none.status, 200);
    assert.equal(none.text, '{"mapResults":{},"results":[]}');
    const star = sorted(
      await searchIds(emulator, "", { headers: { "accept-language": "*" } }),
    );
    assert.deepEqual(
      star,
      open(emulator, (p) => p.info.some((i) => i.locale === "en" || i.locale === "*")),
    );
  });
});

Deno.test("search: ordering follows orderBy and orderByType with id DESC tie-breaks", async () => {
  await withEmulator(OPTIONS, async (emulator) => {
    const byId = new Map(emulator.world.projects.map((p) => [p.id, p]));
    const ids = await searchIds(emulator, "orderBy=last_updated&orderByType=DESC");
    const times = ids.map((id) => byId.get(id)?.lastUpdated ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const asc = await searchIds(emulator, "orderBy=id");
    assert.deepEqual(asc, sorted(asc));
    const pri = await searchIds(emulator, "");
    const rank = ["URGENT", "HIGH", "MEDIUM", "LOW"];
    for (let i = 1; i < pri.length; i++) {
      const a = byId.get(pri[i - 1] ?? 0);
      const b = byId.get(pri[i] ?? 0);
      assert.ok(a && b);
      const d = rank.indexOf(a.priority) - rank.indexOf(b.priority);
      assert.ok(d < 0 || (d === 0 && a.id > b.id), `priority order at ${i}`);
    }
    const pm = await searchIds(emulator, "orderBy=percent_mapped&orderByType=DESC");
    const values = pm.map((id) => percentages(byId.get(id) as Project).percentMapped);
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
  });
});
