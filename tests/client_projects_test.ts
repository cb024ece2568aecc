/**
 * tm.projects() end to end over real HTTP against the emulator: every filter reaches the wire
 * as TM spells it, and the emulator's answer equals what its world says.
 */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { startEmulator } from "../src/emulator/server.ts";
import type { Project, World } from "../src/emulator/model.ts";
import type { ProjectsQuery } from "../src/queries/projects.ts";
import { pl } from "../src/deps.ts";

function dayMicros(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) * 1000;
}

function day(micros: number): string {
  return new Date(micros / 1000).toISOString().slice(0, 10);
}

/**
 * What an anonymous search should see: every public project in `statuses` passing `test`.
 * No locale rule applies, because the client sends an empty `Accept-Language` (fetch would
 * send `*`, which TM reads as a locale and so drops projects without an English text).
 */
function visible(
  world: World,
  test: (project: Project) => boolean,
  statuses = ["PUBLISHED"],
): number[] {
  return world.projects.filter((p) => !p.private && statuses.includes(p.status) && test(p))
    .map((p) => p.id).sort((a, b) => a - b);
}

async function ids(query: ProjectsQuery): Promise<number[]> {
  return (await query.records()).map((row) => row.projectId).sort((a, b) => a - b);
}

async function check(
  query: ProjectsQuery,
  wire: Record<string, string>,
  expected: number[],
): Promise<void> {
  const url = query.url();
  for (const [name, value] of Object.entries(wire)) {
    assert.equal(url.searchParams.get(name), value, name);
  }
  assert.equal(url.searchParams.get("omitMapResults"), "true");
  assert.deepEqual(await ids(query), expected);
  assert.equal(await query.count(), expected.length);
}

Deno.test("tm.projects() filters reach the wire and match the emulator's world", async (t) => {
  const emulator = await startEmulator({ port: 0, projects: 160, seed: 11 });
  try {
    const tm = createClient({ baseUrl: emulator.url, concurrency: 6 });
    const world = emulator.world;
    const base = tm.projects();
    const sample = world.projects.find((p) =>
      p.status === "PUBLISHED" && p.organisationId !== null &&
      p.campaignIds.length > 0 && (p.countries?.length ?? 0) > 0 && p.interestIds.length > 0
    )!;
    assert.ok(sample, "the world has a well-filled published project");

    await t.step("default: PUBLISHED only, omitMapResults always", async () => {
      await check(base, {}, visible(world, () => true));
      assert.equal(base.url().search, "?omitMapResults=true");
    });
    await t.step("status()", async () => {
      await check(
        base.status("ARCHIVED", "PUBLISHED"),
        { projectStatuses: "ARCHIVED,PUBLISHED" },
        visible(world, () => true, ["ARCHIVED", "PUBLISHED"]),
      );
    });
    await t.step("difficulty()", async () => {
      await check(
        base.difficulty("CHALLENGING"),
        { difficulty: "CHALLENGING" },
        visible(world, (p) => p.difficulty === "CHALLENGING"),
      );
    });
    await t.step("mappingTypes(), any and exact", async () => {
      await check(
        base.mappingTypes(["ROADS", "WATERWAYS"]),
        { mappingTypes: "ROADS,WATERWAYS" },
        visible(world, (p) => p.mappingTypes.some((m) => m === "ROADS" || m === "WATERWAYS")),
      );
      const exact = base.mappingTypesExact("ROADS", "BUILDINGS");
      await check(
        exact,
        { mappingTypes: "ROADS,BUILDINGS", mappingTypesExact: "true" },
        visible(world, (p) =>
          p.mappingTypes.length === 2 && p.mappingTypes.includes("ROADS") &&
          p.mappingTypes.includes("BUILDINGS")),
      );
    });
    await t.step("organisation() by name and by id", async () => {
      const org = world.organisations.find((o) => o.id === sample.organisationId)!;
      const expected = visible(world, (p) => p.organisationId === org.id);
      await check(base.organisation(org.name), { organisationName: org.name }, expected);
      await check(base.organisation(org.id), { organisationId: String(org.id) }, expected);
      assert.equal(
        base.organisation(org.name).organisation(org.id).url().searchParams.has("organisationName"),
        false,
      );
    });
    await t.step("campaign(), country(), interests(), team()", async () => {
      const campaign = world.campaigns.find((c) => c.id === sample.campaignIds[0])!;
      await check(
        base.campaign(campaign.name),
        { campaign: campaign.name },
        visible(world, (p) => p.campaignIds.includes(campaign.id)),
      );
      const country = sample.countries![0]!;
      await check(
        base.country(country.toUpperCase()),
        { country: country.toUpperCase() },
        visible(
          world,
          (p) => (p.countries ?? []).some((c) => c.toLowerCase() === country.toLowerCase()),
        ),
      );
      const interests = [sample.interestIds[0]!, 999_999];
      await check(
        base.interests(...interests),
        { interests: interests.join(",") },
        visible(world, (p) => p.interestIds.includes(interests[0]!)),
      );
      const withTeam = world.projects.find((p) =>
        p.teams.length > 0 && !p.private && p.status === "PUBLISHED"
      );
      const teamId = withTeam?.teams[0]?.teamId ?? 1;
      await check(
        base.team(teamId),
        { teamId: String(teamId) },
        visible(world, (p) => p.teams.some((team) => team.teamId === teamId)),
      );
    });
    await t.step("textSearch() and action() reach the wire and are answered", async () => {
      const word = sample.info[0]!.name.split(" ")[0]!;
      const found = await base.textSearch(word).records();
      assert.equal(base.textSearch(word).url().searchParams.get("textSearch"), word);
      assert.ok(found.some((row) => row.projectId === sample.id));
      const none = await base.textSearch("qqzzqqzz").records();
      assert.deepEqual(none, []);
      assert.equal(await base.textSearch("qqzzqqzz").count(), 0);
      assert.equal(base.action("validate").url().searchParams.get("action"), "validate");
      assert.ok((await base.action("map").count()) <= (await base.count()));
    });
    await t.step(
      "updatedBetween() and createdBetween() send YYYY-MM-DD and TM's bounds",
      async () => {
        const times = world.projects.map((p) => p.lastUpdated).sort((a, b) => a - b);
        const from = day(times[Math.floor(times.length / 4)]!);
        const to = day(times[Math.floor((times.length * 3) / 4)]!);
        const query = base.updatedBetween(from, new Date(`${to}T00:00:00Z`));
        assert.throws(
          () => base.updatedBetween(from, new Date(`${to}T15:00:00Z`)),
          /whole days/,
          "a Date inside a day is refused, not rounded",
        );
        await check(
          query,
          { lastUpdatedFrom: from, lastUpdatedTo: to },
          visible(world, (p) => p.lastUpdated >= dayMicros(from) && p.lastUpdated <= dayMicros(to)),
        );
        const created = world.projects.map((p) => p.created).sort((a, b) => a - b);
        const start = day(created[Math.floor(created.length / 2)]!);
        await check(
          base.createdBetween(start, null),
          { createdFrom: start },
          visible(world, (p) => p.created >= dayMicros(start)),
        );
        assert.equal(base.createdBetween(null, start).url().searchParams.has("createdFrom"), false);
      },
    );
    await t.step("orderBy() maps domain fields to TM's columns and directions", async () => {
      const query = base.orderBy("lastUpdated", "desc");
      assert.equal(query.url().searchParams.get("orderBy"), "last_updated");
      assert.equal(query.url().searchParams.get("orderByType"), "DESC");
      const frame = await query.frame();
      const stamps = (frame.getColumn("lastUpdated").toArray() as unknown as Date[]).map((d) =>
        d.getTime()
      );
      assert.deepEqual(stamps, [...stamps].sort((a, b) => b - a));
      const byId = await base.orderBy("id").records();
      assert.deepEqual(byId.map((r) => r.projectId), visible(world, () => true));
      for (
        const [field, column] of [
          ["dueDate", "due_date"],
          ["percentMapped", "percent_mapped"],
          ["percentValidated", "percent_validated"],
          ["priority", "priority"],
          ["created", "created"],
        ] as const
      ) {
        assert.equal(base.orderBy(field, "asc").url().searchParams.get("orderBy"), column);
        assert.equal(base.orderBy(field, "asc").url().searchParams.get("orderByType"), "ASC");
      }
    });
    await t.step("limit() stops early and fetches no more pages than needed", async () => {
      const before = emulator.requests;
      const rows = await base.orderBy("id").limit(20).records();
      assert.deepEqual(rows.map((r) => r.projectId), visible(world, () => true).slice(0, 20));
      assert.equal(emulator.requests - before, 2, "20 rows at 14 per page is 2 pages");
      const one = emulator.requests;
      assert.equal((await base.limit(3).frame()).height, 3);
      assert.equal(emulator.requests - one, 1);
    });
  } finally {
    await emulator.close();
  }
});

Deno.test("tm.projects().frame() has exactly the declared dtypes, with and without rows", async () => {
  const emulator = await startEmulator({ port: 0, projects: 40, seed: 5 });
  try {
    const tm = createClient({ baseUrl: emulator.url });
    const expected: Record<string, string> = {
      projectId: "Int64",
      locale: "String",
      name: "String",
      shortDescription: "String",
      difficulty: "String",
      priority: "String",
      organisationName: "String",
      organisationLogo: "String",
      campaigns:
        'List(DataType(Struct(Field("id", DataType(Int64)),Field("name", DataType(String)))))',
      percentMapped: "Int64",
      percentValidated: "Int64",
      status: "String",
      activeMappers: "Int64",
      lastUpdated: "Datetime(us,UTC)",
      dueDate: "Datetime(us,UTC)",
      totalContributors: "Int64",
      country: "List(DataType(String))",
      sandbox: "Bool",
      database: "String",
      author: "String",
    };
    const frame = await tm.projects().status("PUBLISHED", "ARCHIVED").frame();
    const empty = await tm.projects().textSearch("nothing-matches-this-xyz").frame();
    for (const df of [frame, empty]) {
      const got = Object.fromEntries(
        Object.entries(df.schema).map((
          [k, v],
        ) => [k, String(v).replace(/^DataType\((.*)\)$/, "$1")]),
      );
      assert.deepEqual(got, expected);
    }
    assert.ok(frame.height > 14, "more than one page");
    assert.equal(empty.height, 0);
    const records = await tm.projects().status("PUBLISHED", "ARCHIVED").records();
    assert.equal(frame.height, records.length);
    assert.deepEqual(frame.getColumn("projectId").toArray(), records.map((r) => r.projectId));
    const withDue = records.filter((r) => r.dueDate !== null).length;
    assert.equal(
      frame.getColumn("dueDate").nullCount(),
      records.length - withDue,
      "no timestamp lost",
    );
    assert.equal(
      frame.filter(pl.col("country").lst.lengths().gt(0)).height,
      records.filter((r) => (r.country?.length ?? 0) > 0).length,
    );
  } finally {
    await emulator.close();
  }
});

Deno.test("builders are immutable values: a branch never changes its parent", () => {
  const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
  const hot = tm.projects().status("PUBLISHED").organisation("HOT");
  const before = hot.url().href;
  const easy = hot.difficulty("EASY");
  const hard = hot.difficulty("CHALLENGING").limit(5);
  assert.equal(hot.url().href, before);
  assert.notEqual(easy, hot);
  assert.equal(easy.url().searchParams.get("difficulty"), "EASY");
  assert.equal(hard.url().searchParams.get("difficulty"), "CHALLENGING");
  assert.equal(hot.estimate().atMost, undefined);
  assert.equal(hard.estimate().atMost, 1);
  assert.ok(Object.isFrozen(hot.filters));
  assert.equal("then" in hot, false, "never thenable");
  assert.throws(() => {
    (hot.filters as { difficulty?: string }).difficulty = "EASY";
  }, TypeError);
});

Deno.test("bad builder input throws before any request", async () => {
  const emulator = await startEmulator({ port: 0, projects: 5, seed: 2 });
  try {
    const tm = createClient({ baseUrl: emulator.url });
    const before = emulator.requests;
    const q = tm.projects();
    const bad: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => q.status("LIVE" as never),
        RangeError,
        /status "LIVE": it must be one of ARCHIVED, PUBLISHED, DRAFT/,
      ],
      [() => q.status(), RangeError, /status/],
      [() => q.difficulty("HARD" as never), RangeError, /difficulty "HARD"/],
      [
        () => q.mappingTypes(["ROAD" as never]),
        RangeError,
        /mappingTypes "ROAD".*ROADS, BUILDINGS/,
      ],
      [
        () => q.updatedBetween("2024-02-30", null),
        RangeError,
        /"2024-02-30": there is no such day/,
      ],
      [
        () => q.createdBetween("2024-03-01", "2024-02-01"),
        RangeError,
        /until must be later than since/,
      ],
      [() => q.updatedBetween("01/02/2024", null), RangeError, /YYYY-MM-DD/],
      [() => q.limit(0), RangeError, /limit 0/],
      [() => q.limit(2.5), RangeError, /limit 2\.5/],
      [() => q.team(-1), RangeError, /team id -1/],
      [() => q.interests(1, 0), RangeError, /interest id 0/],
      [() => q.organisation(""), RangeError, /organisation ""/],
      [() => q.orderBy("last_updated" as never), RangeError, /orderBy field "last_updated"/],
      [() => q.orderBy("id", "DESC" as never), RangeError, /orderBy direction "DESC"/],
      [() => q.action("mine" as never), RangeError, /action "mine"/],
      [() => tm.project(0), RangeError, /project id 0/],
      [() => tm.project(1.5), RangeError, /project id 1\.5/],
      [() => tm.project("7" as never), TypeError, /project id "7"/],
    ];
    for (const [call, kind, message] of bad) {
      assert.throws(call, (error: unknown) => {
        assert.ok(error instanceof kind, String(error));
        assert.match((error as Error).message, message);
        return true;
      });
    }
    assert.equal(emulator.requests, before, "no request was sent");
  } finally {
    await emulator.close();
  }
});
