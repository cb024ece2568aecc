/**
 * The analyses of a project or a set of projects: the validator backlog (from
 * `/activities/latest/`) and progress on one scale (contributions by day and summaries).
 *
 * @module
 */

import type { DataFrame } from "../deps.ts";
import { formatInstant } from "../window.ts";
import { AnalysisQuery, type SourceQuery } from "./analysis_query.ts";
import { PROGRESS_COLUMNS, type ProgressRow, projectProgressOf } from "./project_progress.ts";
import { withProjectId } from "./project_id_column.ts";
import { BACKLOG_COLUMNS, type BacklogRow, validatorBacklogOf } from "./validator_backlog.ts";

/** Options of `validatorBacklog()`. */
export interface BacklogOptions {
  /** The moment waits are measured to. @default the moment the answer is computed */
  readonly asOf?: Date | string | undefined;
}

/** Where a project analysis reads from. */
export interface AnalysedProjects {
  /** The project of a one-project query (its frames have no `projectId`). */
  readonly projectId?: number | undefined;
  /** The projects, in words. */
  readonly from: string;
}

/**
 * The tasks now MAPPED, longest waiting first; `asOf` in epoch milliseconds (already checked).
 *
 * @example
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * const query = tm.project(7).validatorBacklog({ asOf: "2026-06-01" });
 * assert.equal(query.url().pathname, "/api/v2/projects/7/activities/latest/");
 * assert.match(Deno.inspect(query), /as of\s+2026-06-01/);
 * assert.throws(() => tm.project(7).validatorBacklog({ asOf: "June" }), /asOf/);
 * ```
 */
export function validatorBacklogQuery(
  latest: SourceQuery,
  projects: AnalysedProjects,
  asOf: number | undefined,
): AnalysisQuery<BacklogRow> {
  return new AnalysisQuery({
    computes: "validator backlog: tasks now MAPPED, hours since their latest action",
    from: projects.from,
    sources: [latest],
    facts: [[
      "as of",
      asOf === undefined ? "the moment the answer is computed" : formatInstant(asOf),
    ]],
    columns: BACKLOG_COLUMNS,
    transform: ([frame]: readonly DataFrame[]) =>
      validatorBacklogOf(withProjectId(frame!, projects.projectId), asOf ?? Date.now()),
  });
}

/**
 * Percent of tasks mapped and validated per day, with project names.
 *
 * @example
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * const query = tm.projects(1, 2).progress();
 * assert.deepEqual(query.urls().map((url) => url.pathname), [
 *   "/api/v2/projects/1/contributions/queries/day/",
 *   "/api/v2/projects/2/contributions/queries/day/",
 *   "/api/v2/projects/1/queries/summary/",
 *   "/api/v2/projects/2/queries/summary/",
 * ]);
 * ```
 */
export function progressQuery(
  byDay: SourceQuery,
  summaries: SourceQuery,
  projects: AnalysedProjects,
): AnalysisQuery<ProgressRow> {
  return new AnalysisQuery({
    computes: "progress: percent of tasks mapped and validated per day, with project names",
    from: projects.from,
    sources: [byDay, summaries],
    facts: [],
    columns: PROGRESS_COLUMNS,
    transform: ([days, names]: readonly DataFrame[]) =>
      projectProgressOf(
        withProjectId(days!, projects.projectId),
        withProjectId(names!, projects.projectId),
      ),
  });
}
