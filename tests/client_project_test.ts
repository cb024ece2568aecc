/** tm.project(id): detail, summary and statistics over real HTTP against the emulator. */
import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { ApiError } from "../src/errors.ts";
import { startEmulator } from "../src/emulator/server.ts";
import {
  PROJECT_DETAIL_COLUMNS,
  PROJECT_STATISTICS_COLUMNS,
  PROJECT_SUMMARY_COLUMNS,
} from "../src/queries/project_columns.ts";
import { dtypeOf } from "../src/frame.ts";
import type { DataFrame } from "../src/deps.ts";
import type { Columns } from "../src/frame.ts";

function assertDtypes<Row>(frame: DataFrame, columns: Columns<Row>): void {
  assert.deepEqual(frame.columns, Object.keys(columns));
  for (const [name, column] of Object.entries(columns)) {
    assert.ok(
      frame.getColumn(name).dtype.equals(dtypeOf(column as never)),
      `${name}: ${frame.getColumn(name).dtype}`,
    );
  }
}

Deno.test("tm.project(id) verbs: one object, one page, one frame row with declared dtypes", async () => {
  const emulator = await startEmulator({ port: 0, projects: 20, seed: 13 });
  try {
    const tm = createClient({ baseUrl: emulator.url });
    const project = emulator.world.projects.find((p) => p.status === "PUBLISHED" && !p.private)!;
    const handle = tm.project(project.id);
    assert.equal(handle.detail().url().href, `${emulator.url}projects/${project.id}/`);
    assert.equal(
      handle.summary().url().href,
      `${emulator.url}projects/${project.id}/queries/summary/`,
    );
    assert.equal(
      handle.statistics().url().href,
      `${emulator.url}projects/${project.id}/statistics/`,
    );

    const [detail] = await handle.detail().records();
    assert.equal(detail!.projectId, project.id);
    assert.equal(detail!.tasks?.features.length, project.tasks.length);
    assert.deepEqual(detail!.mappingTypes, project.mappingTypes);
    const detailFrame = await handle.detail().frame();
    assert.equal(detailFrame.height, 1);
    assertDtypes(detailFrame, PROJECT_DETAIL_COLUMNS);
    assert.equal(detailFrame.getColumn("name").toArray()[0], detail!.projectInfo.name);

    const summaryFrame = await handle.summary().frame();
    assertDtypes(summaryFrame, PROJECT_SUMMARY_COLUMNS);
    assert.equal(summaryFrame.getColumn("created").nullCount(), 0, "naive timestamps read");

    const stats = await handle.statistics().records();
    assert.equal(stats.length, 1);
    assert.equal(typeof stats[0]!.projectAreaSqKm, "number");
    const statsFrame = await handle.statistics().frame();
    assertDtypes(statsFrame, PROJECT_STATISTICS_COLUMNS);
    assert.equal(statsFrame.getColumn("projectAreaSqKm").toArray()[0], stats[0]!.projectAreaSqKm);

    assert.equal(await handle.summary().count(), 1);
    const pages = [];
    for await (const page of handle.summary().pages()) pages.push(page);
    assert.deepEqual(pages.map((p) => [p.number, p.pages, p.rows.length]), [[1, 1, 1]]);
    let rows = 0;
    for await (const row of handle.statistics().rows()) {
      rows += row.projectId === project.id ? 1 : 0;
    }
    assert.equal(rows, 1);
  } finally {
    await emulator.close();
  }
});

Deno.test("tm.project(id) of an unknown id rejects with ApiError 404 for every verb", async () => {
  const emulator = await startEmulator({ port: 0, projects: 5, seed: 13 });
  try {
    const tm = createClient({ baseUrl: emulator.url });
    for (
      const query of [
        tm.project(99_999).detail(),
        tm.project(99_999).summary(),
        tm.project(99_999).statistics(),
      ]
    ) {
      await assert.rejects(
        query.frame(),
        (error: unknown) => error instanceof ApiError && error.status === 404,
      );
      await assert.rejects(query.count(), ApiError);
    }
  } finally {
    await emulator.close();
  }
});
