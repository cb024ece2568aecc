/**
 * The pagination engine against the emulator's /projects/{id}/activities/ while the emulator
 * inserts activity mid-crawl (newest-first offsets shift): nothing lost, nothing duplicated.
 * The activities builder belongs to another issue, so a minimal endpoint spec is used here.
 */
import assert from "node:assert/strict";
import { z } from "../src/deps.ts";
import { Http } from "../src/http.ts";
import { Limiter } from "../src/limiter.ts";
import type { Progress } from "../src/paginate.ts";
import { defineEndpoint } from "../src/endpoint.ts";
import { collectRecords } from "../src/execute.ts";
import { planOf, type QueryContext } from "../src/query.ts";
import { Pagination } from "../src/schemas/common.ts";
import { startEmulator } from "../src/emulator/server.ts";

const ActivityRow = z.object({ historyId: z.number().int(), action: z.string() });
type ActivityRow = z.infer<typeof ActivityRow>;
const ActivityPage = z.object({ pagination: Pagination, activity: z.array(ActivityRow) });
type ActivityPage = z.infer<typeof ActivityPage>;

const ACTIVITIES = defineEndpoint({
  request: ({ projectId }: { projectId: number }) => ({
    path: `projects/${projectId}/activities/`,
    params: {},
  }),
  body: ActivityPage,
  rows: (page: ActivityPage) => page.activity,
  pagination: (page: ActivityPage) => page.pagination,
  key: (row: ActivityRow) => row.historyId,
  columns: { historyId: { kind: "int" } },
  perPage: 10,
});

async function allIds(url: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1;; page++) {
    const body = await (await fetch(`${url}?page=${page}`)).json() as ActivityPage;
    ids.push(...body.activity.map((row) => row.historyId));
    if (!body.pagination.hasNext) return ids;
  }
}

Deno.test("paginate() over live activity inserts: every row exactly once", async () => {
  const emulator = await startEmulator({
    port: 0,
    projects: 15,
    seed: 8,
    hugeProjectHistoryRows: 400,
  });
  try {
    const project = [...emulator.world.projects]
      .filter((p) => p.status === "PUBLISHED" && !p.private)
      .sort((a, b) => b.history.length - a.history.length)[0]!;
    const path = `projects/${project.id}/activities/`;
    const context: QueryContext = {
      baseUrl: new URL(emulator.url),
      http: new Http({
        token: undefined,
        language: undefined,
        userAgent: "test",
        timeout: 10_000,
        retry: { limit: 3, baseDelay: 5, backoffLimit: 20, maxRetryAfter: 1000 },
        fetch: undefined,
        limiter: new Limiter({ concurrency: 4 }),
      }),
    };
    const historyBefore = project.history.length;
    emulator.setFaults({
      insertActivity: { everyRequests: 3, projectId: project.id },
      latencyMs: [0, 15],
    });
    const progress: Progress[] = [];
    const requestsBefore = emulator.requests;
    const plan = planOf(ACTIVITIES, { projectId: project.id });
    const compiled = { what: "activities", columns: plan.columns, parts: [{ label: path, plan }] };
    const rows = await collectRecords(context, compiled, { onProgress: (p) => progress.push(p) });
    const requests = emulator.requests - requestsBefore;
    emulator.setFaults({});
    assert.ok(project.history.length > historyBefore + 10, "rows were inserted during the crawl");

    const ids = rows.map((row) => row.historyId);
    assert.equal(new Set(ids).size, ids.length, "nothing duplicated");
    const last = progress.at(-1)!;
    assert.equal(ids.length, last.total, "as many rows as the server's final total");
    const plannedPages = Math.ceil(ids.length / 10);
    assert.ok(requests > plannedPages, `drift repair re-fetched pages (${requests} requests)`);

    const now = await allIds(new URL(path, emulator.url).href);
    const mine = new Set(ids);
    assert.ok(ids.every((id) => now.includes(id)), "every row is real");
    const missing = now.filter((id) => !mine.has(id));
    const newest = Math.max(...ids);
    // Only rows inserted after the crawl's last answer may be missing: they are the newest.
    assert.ok(missing.every((id) => id > newest), `lost rows: ${missing.join(", ")}`);
    assert.ok(
      missing.length <= 2,
      `at most one insert after the last answer, got ${missing.length} rows`,
    );
  } finally {
    await emulator.close();
  }
});
