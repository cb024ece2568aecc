/**
 * The analyses of an activity query: per-user activity, invalidations with attribution and
 * validation latency, each an {@link AnalysisQuery} over the activity it needs. Per-user
 * activity reads the log from its newest row back to the window's start (a mapping in the
 * window is followed to its later validation or invalidation, whenever it came). The other
 * two read the whole log: a validation or invalidation in the window answers a MAPPED change
 * that may be older than the window, and a wrong attribution is worse than a slower answer.
 *
 * @module
 */

import type { DataFrame } from "../deps.ts";
import { type ActivityWindow, describeActivityWindow } from "./activity_window.ts";
import { AnalysisQuery, type SourceQuery } from "./analysis_query.ts";
import { INVALIDATION_COLUMNS, type InvalidationRow, invalidationsOf } from "./invalidations.ts";
import { perUserActivityOf, USER_ACTIVITY_COLUMNS, type UserActivityRow } from "./per_user.ts";
import { withProjectId } from "./project_id_column.ts";
import {
  VALIDATION_LATENCY_COLUMNS,
  validationLatencyOf,
  type ValidationLatencyRow,
} from "./validation_latency.ts";

/** The activity an analysis can read, as the activity queries give it. */
export interface AnalysedActivity {
  /** Activity from the newest row back to the window's start (no end). */
  readonly recent: SourceQuery;
  /** The whole activity log. */
  readonly whole: SourceQuery;
  /** The window the answer is about. */
  readonly window: ActivityWindow;
  /** The project of a one-project query (its frame has no `projectId`). */
  readonly projectId?: number | undefined;
  /** Where the activity comes from, in words. */
  readonly from: string;
}

const WHOLE_LOG = "the whole log: a validation or invalidation in the window answers a " +
  "MAPPED change that may be older than the window";

function firstFrame(activity: AnalysedActivity, frames: readonly DataFrame[]): DataFrame {
  return withProjectId(frames[0]!, activity.projectId);
}

/**
 * Per-user activity in the window (see `per_user.ts` for the columns).
 *
 * @example
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * const query = tm.project(7).activities().since("2026-01-01").perUser();
 * assert.equal(query.url().pathname, "/api/v2/projects/7/activities/");
 * assert.match(Deno.inspect(query), /since 2026-01-01/);
 * ```
 */
export function perUserQuery(activity: AnalysedActivity): AnalysisQuery<UserActivityRow> {
  return new AnalysisQuery({
    computes: "per-user activity: state changes made, later fate of the mappings, lock hours",
    from: activity.from,
    sources: [activity.recent],
    facts: [
      ...describeActivityWindow(activity.window),
      ["reads", "the log from its newest row back to the window's start"],
    ],
    columns: USER_ACTIVITY_COLUMNS,
    transform: (frames) => perUserActivityOf(firstFrame(activity, frames), activity.window),
  });
}

/**
 * The invalidations in the window, each with the mapper it undid (see `invalidations.ts`).
 *
 * @example
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * const query = tm.projects(1, 2).activities().lastDays(30).invalidations();
 * assert.equal(query.urls().length, 2);
 * assert.match(Deno.inspect(query), /reads\s+the whole log/);
 * ```
 */
export function invalidationsQuery(activity: AnalysedActivity): AnalysisQuery<InvalidationRow> {
  return new AnalysisQuery({
    computes: "invalidations: task, validator, the mapper whose MAPPED change was undone, hours",
    from: activity.from,
    sources: [activity.whole],
    facts: [...describeActivityWindow(activity.window), ["reads", WHOLE_LOG]],
    columns: INVALIDATION_COLUMNS,
    transform: (frames) => invalidationsOf(firstFrame(activity, frames), activity.window),
  });
}

/**
 * The validations in the window, each with its MAPPED change and the hours between (see
 * `validation_latency.ts`).
 *
 * @example
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * const query = tm.project(7).activities().validationLatency();
 * assert.match(Deno.inspect(query), /computes\s+validation latency/);
 * ```
 */
export function validationLatencyQuery(
  activity: AnalysedActivity,
): AnalysisQuery<ValidationLatencyRow> {
  return new AnalysisQuery({
    computes: "validation latency: each validation with its MAPPED change and the hours between",
    from: activity.from,
    sources: [activity.whole],
    facts: [...describeActivityWindow(activity.window), ["reads", WHOLE_LOG]],
    columns: VALIDATION_LATENCY_COLUMNS,
    transform: (frames) => validationLatencyOf(firstFrame(activity, frames), activity.window),
  });
}
