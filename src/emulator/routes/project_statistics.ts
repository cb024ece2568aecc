/**
 * `GET /projects/{project_id}/statistics/` (reference 3.4). Public, no privacy check. Time
 * figures are Python floats once any lock row exists (`3.0`), else the int `0`. A project
 * whose mapping (or validation) lock rows are all still open answers 500, as TM does.
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { float, type JsonValue } from "../json.ts";
import { internalError, jsonResponse, projectNotFound } from "../errors.ts";
import type { HistoryRow } from "../model.ts";
import { percentages, timeStatistics, totalMappers } from "../figures.ts";
import { areaKm2, centroid } from "../geography.ts";

/** Whether the project has lock rows of this kind and every one is still open. */
function onlyOpenLocks(history: readonly HistoryRow[], kind: "MAPPING" | "VALIDATION"): boolean {
  const rows = history.filter((row) =>
    row.action === `LOCKED_FOR_${kind}` || row.action === `AUTO_UNLOCKED_FOR_${kind}`
  );
  return rows.length > 0 && rows.every((row) => row.actionText === null);
}

function handle(ctx: RouteContext): Response {
  const id = ctx.params["project_id"] ?? 0;
  const project = ctx.index.project(id);
  if (project === undefined) return projectNotFound(id);
  const pct = percentages(project);
  const t = timeStatistics(project);
  let mappingRows = 0;
  let validationRows = 0;
  for (const row of project.history) {
    if (row.action === "LOCKED_FOR_MAPPING" || row.action === "AUTO_UNLOCKED_FOR_MAPPING") {
      mappingRows++;
    } else if (
      row.action === "LOCKED_FOR_VALIDATION" || row.action === "AUTO_UNLOCKED_FOR_VALIDATION"
    ) validationRows++;
  }
  // TM sums the durations and calls `.total_seconds()` on the sum: with lock rows that are all
  // still open the SUM is NULL, and TM answers 500 (FastAPI's plain "Internal Server Error").
  if (onlyOpenLocks(project.history, "MAPPING") || onlyOpenLocks(project.history, "VALIDATION")) {
    return internalError();
  }
  const asMapping = (v: number): JsonValue => mappingRows > 0 ? float(v) : v;
  const asValidation = (v: number): JsonValue => validationRows > 0 ? float(v) : v;
  const anyRows = mappingRows > 0 || validationRows > 0;
  return jsonResponse({
    projectId: project.id,
    "projectArea(in sq.km)": float(areaKm2(project.aoi)),
    totalMappers: totalMappers(project),
    totalTasks: project.tasks.length,
    totalComments: project.chatMessages,
    totalMappingTime: asMapping(t.totalMappingTime),
    totalValidationTime: asValidation(t.totalValidationTime),
    totalTimeSpent: anyRows ? float(t.totalTimeSpent) : t.totalTimeSpent,
    averageMappingTime: asMapping(t.averageMappingTime),
    averageValidationTime: asValidation(t.averageValidationTime),
    percentMapped: pct.percentMapped,
    percentValidated: pct.percentValidated,
    percentBadImagery: pct.percentBadImagery,
    aoiCentroid: { type: "Point", coordinates: centroid(project.aoi) },
    timeToFinishMapping: asMapping(t.timeToFinishMapping),
    timeToFinishValidating: asValidation(t.timeToFinishValidating),
  });
}

/** The project statistics route. */
export const projectStatisticsRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/statistics/",
  auth: "public",
  intParams: ["project_id"],
  handle,
};
