/**
 * The report's Activity section against a hand-made activity log whose answer is written
 * down: the weeks fetched whole, the totals, the verdict and the table.
 */

import assert from "node:assert/strict";
import { pl } from "../src/deps.ts";
import { activitySection } from "../src/report/activity_section.ts";
import type { ReportData } from "../src/report/collect.ts";

/** [projectId, ISO time, action, actionText] */
const LOG: [number, string, string, string][] = [
  [1, "2026-06-03T09:00:00Z", "STATE_CHANGE", "MAPPED"], // Wednesday: its week is partial
  [1, "2026-06-10T09:00:00Z", "STATE_CHANGE", "MAPPED"],
  [1, "2026-06-16T09:00:00Z", "STATE_CHANGE", "VALIDATED"],
  [2, "2026-05-20T09:00:00Z", "STATE_CHANGE", "MAPPED"], // before the window
  [2, "2026-06-09T09:00:00Z", "STATE_CHANGE", "INVALIDATED"],
  [2, "2026-06-12T09:00:00Z", "STATE_CHANGE", "MAPPED"],
];

function data(rowsPerProject: number): ReportData {
  const activities = pl.DataFrame({
    projectId: LOG.map(([id]) => id),
    actionDate: LOG.map(([, time]) => new Date(time)),
    action: LOG.map(([, , action]) => action),
    actionText: LOG.map(([, , , text]) => text),
  }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
  const projects = pl.DataFrame({ projectId: [1, 2], name: ["Alpha", "Beta"] });
  return {
    organisation: "Test",
    frames: [
      { name: "projects", frame: projects },
      { name: "activities", frame: activities },
    ],
    activityProjects: [1, 2],
    activityRows: rowsPerProject,
    mostActive: { projectId: 1, name: "Alpha" },
  } as unknown as ReportData;
}

Deno.test("activity section: the weeks fetched whole, the totals and the verdict", async () => {
  // Both projects hit the 3-row limit: project 1's log is whole only from 2026-06-03, so the
  // window starts on the next Monday, 2026-06-08, and runs to 2026-06-16: two weeks.
  const section = await activitySection(data(3), 900);
  assert.match(section.html, /Is validation keeping up with mapping\?/);
  assert.match(
    section.html,
    /In the 2 weeks from 2026-06-08 .*: 2 tasks set to mapped and 1 to validated: validation fell behind by 1 task\./,
  );
  const table = section.html.slice(section.html.indexOf("<table>"));
  const cells = [...table.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1]);
  assert.deepEqual(cells, ["1", "Alpha", "1", "1", "0", "2", "Beta", "1", "0", "1"]);
});

Deno.test("activity section: without a cut, the window reaches back to the first Monday", async () => {
  // No project hit a 1000-row limit: the window starts on Monday 2026-05-18 (26 weeks cap not
  // reached), and every mapped and validated task counts.
  const section = await activitySection(data(1000), 900);
  assert.match(
    section.html,
    /In the 5 weeks from 2026-05-18 .*: 4 tasks set to mapped and 1 to validated: validation fell behind by 3 tasks\./,
  );
});
