/**
 * The analyst transforms on a small hand-made activity log whose answers are written down
 * here, through `AnalysisQuery` (declared dtypes, typed empty frames). The log (project 1):
 *
 * | id | task | action                        | text        | when (UTC)       | by  |
 * | -- | ---- | ----------------------------- | ----------- | ---------------- | --- |
 * | 16 | 5    | STATE_CHANGE                  | MAPPED      | 2024-01-05 00:00 | cat |
 * | 17 | 5    | STATE_CHANGE                  | VALIDATED   | 2024-01-06 00:00 | vic |
 * |  1 | 1    | LOCKED_FOR_MAPPING            | 01:00:00    | 2024-02-20 10:00 | ana |
 * |  2 | 1    | STATE_CHANGE                  | MAPPED      | 2024-02-20 11:00 | ana |
 * |  3 | 1    | LOCKED_FOR_VALIDATION         | 00:30:00    | 2024-03-02 09:00 | vic |
 * |  4 | 1    | STATE_CHANGE                  | INVALIDATED | 2024-03-02 09:30 | vic |
 * |  5 | 1    | LOCKED_FOR_MAPPING            | 00:45:00    | 2024-03-03 08:00 | ben |
 * |  6 | 1    | STATE_CHANGE                  | MAPPED      | 2024-03-03 08:45 | ben |
 * |  7 | 1    | LOCKED_FOR_VALIDATION         | 00:15:00    | 2024-03-05 10:00 | wes |
 * |  8 | 1    | STATE_CHANGE                  | VALIDATED   | 2024-03-05 10:15 | wes |
 * |  9 | 2    | AUTO_UNLOCKED_FOR_MAPPING     | 02:00:00    | 2024-03-10 14:00 | ana |
 * | 10 | 2    | LOCKED_FOR_MAPPING            | 00:30:00    | 2024-03-11 12:00 | ana |
 * | 11 | 2    | STATE_CHANGE                  | MAPPED      | 2024-03-11 12:30 | ana |
 * | 13 | 3    | LOCKED_FOR_MAPPING            | 00:20:00.5  | 2024-03-15 10:00 | ben |
 * | 14 | 3    | STATE_CHANGE                  | BADIMAGERY  | 2024-03-15 10:20 | ben |
 * | 15 | 4    | LOCKED_FOR_MAPPING            | null (open) | 2024-03-20 10:00 | ana |
 * | 12 | 2    | STATE_CHANGE                  | INVALIDATED | 2024-04-03 10:00 | vic |
 *
 * The window is March 2024. Ana's MAPPED change of task 1 lies before it; Vic's
 * invalidation of it lies inside: the attribution must still name Ana.
 */
import assert from "node:assert/strict";
import { type ActivityWindow } from "../src/analysis/activity_window.ts";
import type { SourceQuery } from "../src/analysis/analysis_query.ts";
import {
  invalidationsQuery,
  perUserQuery,
  validationLatencyQuery,
} from "../src/analysis/activity_analyses.ts";
import { progressQuery, validatorBacklogQuery } from "../src/analysis/project_analyses.ts";
import { type DataFrame, pl } from "../src/deps.ts";
import type { DisplayBundle } from "../src/display.ts";
import { toFrame } from "../src/frame.ts";
import { ACTIVITY_COLUMNS } from "../src/queries/activities.ts";
import type { Activity } from "../src/schemas/activities.ts";
import { dtypes } from "./analytics_helpers.ts";

type Row = [
  id: number,
  task: number,
  action: Activity["action"],
  text: string | null,
  at: string,
  by: string,
];

const LOG: Row[] = [
  [12, 2, "STATE_CHANGE", "INVALIDATED", "2024-04-03T10:00:00Z", "vic"],
  [15, 4, "LOCKED_FOR_MAPPING", null, "2024-03-20T10:00:00Z", "ana"],
  [14, 3, "STATE_CHANGE", "BADIMAGERY", "2024-03-15T10:20:00Z", "ben"],
  [13, 3, "LOCKED_FOR_MAPPING", "00:20:00.500000", "2024-03-15T10:00:00Z", "ben"],
  [11, 2, "STATE_CHANGE", "MAPPED", "2024-03-11T12:30:00Z", "ana"],
  [10, 2, "LOCKED_FOR_MAPPING", "00:30:00", "2024-03-11T12:00:00Z", "ana"],
  [9, 2, "AUTO_UNLOCKED_FOR_MAPPING", "02:00:00", "2024-03-10T14:00:00Z", "ana"],
  [8, 1, "STATE_CHANGE", "VALIDATED", "2024-03-05T10:15:00Z", "wes"],
  [7, 1, "LOCKED_FOR_VALIDATION", "00:15:00", "2024-03-05T10:00:00Z", "wes"],
  [6, 1, "STATE_CHANGE", "MAPPED", "2024-03-03T08:45:00Z", "ben"],
  [5, 1, "LOCKED_FOR_MAPPING", "00:45:00", "2024-03-03T08:00:00Z", "ben"],
  [4, 1, "STATE_CHANGE", "INVALIDATED", "2024-03-02T09:30:00Z", "vic"],
  [3, 1, "LOCKED_FOR_VALIDATION", "00:30:00", "2024-03-02T09:00:00Z", "vic"],
  [2, 1, "STATE_CHANGE", "MAPPED", "2024-02-20T11:00:00Z", "ana"],
  [1, 1, "LOCKED_FOR_MAPPING", "01:00:00", "2024-02-20T10:00:00Z", "ana"],
  [17, 5, "STATE_CHANGE", "VALIDATED", "2024-01-06T00:00:00Z", "vic"],
  [16, 5, "STATE_CHANGE", "MAPPED", "2024-01-05T00:00:00Z", "cat"],
];

const MARCH: ActivityWindow = { since: Date.UTC(2024, 2, 1), until: Date.UTC(2024, 3, 1) };

function activityFrame(rows: readonly Row[]): DataFrame {
  return toFrame(
    ACTIVITY_COLUMNS,
    rows.map(([historyId, taskId, action, actionText, actionDate, actionBy]) => ({
      historyId,
      taskId,
      action,
      actionText,
      actionDate,
      actionBy,
      pictureUrl: null,
      issues: null,
    })),
  );
}

/** A source that answers with a fixed frame and makes no request. */
function fixed(frame: DataFrame): SourceQuery {
  const url = new URL("https://tm.example/api/v2/projects/1/activities/");
  return {
    url: () => url,
    urls: () => [url],
    estimate: () => ({ atLeast: 1, atMost: 1, text: "1 request" }),
    frame: () => Promise.resolve(frame),
    frameWithFailures: () => Promise.resolve({ frame, failures: [] }),
  };
}

function activity(rows: readonly Row[], window: ActivityWindow) {
  const source = fixed(activityFrame(rows));
  return { recent: source, whole: source, window, projectId: 1, from: "a hand-made log" };
}

const at = (iso: string) => new Date(iso);

Deno.test("invalidations(): attributed to the MAPPED change before the window", async () => {
  const query = invalidationsQuery(activity(LOG, MARCH));
  const frame = await query.frame();
  assert.deepEqual(dtypes(frame), {
    projectId: "Int64",
    taskId: "Int64",
    historyId: "Int64",
    invalidatedAt: "Datetime(us,UTC)",
    invalidatedBy: "String",
    mappedBy: "String",
    mappedAt: "Datetime(us,UTC)",
    hoursSinceMapped: "Float64",
  });
  assert.deepEqual(frame.toRecords(), [{
    projectId: 1,
    taskId: 1,
    historyId: 4,
    invalidatedAt: at("2024-03-02T09:30:00Z"),
    invalidatedBy: "vic",
    mappedBy: "ana",
    mappedAt: at("2024-02-20T11:00:00Z"),
    hoursSinceMapped: 262.5, // 10 days to 1 March 11:00 (2024 is a leap year), then 22.5 h
  }]);
});

Deno.test("invalidations(): lastDays from the data counts back from the newest row", async () => {
  // The newest row is 3 April 10:00; three days back keeps only Vic's invalidation of task 2.
  const rows = await invalidationsQuery(activity(LOG, { daysBeforeNewest: 3 })).records();
  assert.deepEqual(rows.map((row) => [row.taskId, row.mappedBy, row.hoursSinceMapped]), [
    [2, "ana", 549.5], // 11 March 12:30 to 3 April 10:00: 23 days less 2.5 h
  ]);
});

Deno.test("validationLatency(): from the MAPPED change to the validation", async () => {
  const rows = await validationLatencyQuery(activity(LOG, MARCH)).records();
  assert.deepEqual(rows, [{
    projectId: 1,
    taskId: 1,
    historyId: 8,
    mappedBy: "ben",
    mappedAt: at("2024-03-03T08:45:00Z"),
    validatedBy: "wes",
    validatedAt: at("2024-03-05T10:15:00Z"),
    hoursToValidate: 49.5,
  }]);
  const all = await validationLatencyQuery(activity(LOG, {})).records();
  assert.deepEqual(all.map((row) => [row.taskId, row.mappedBy, row.hoursToValidate]), [
    [5, "cat", 24],
    [1, "ben", 49.5],
  ]);
});

Deno.test("perUser(): counts, later fate of the mappings, lock hours, first and last", async () => {
  const frame = await perUserQuery(activity(LOG, MARCH)).frame();
  assert.deepEqual(dtypes(frame), {
    username: "String",
    mapped: "Int64",
    mappedLaterValidated: "Int64",
    mappedLaterInvalidated: "Int64",
    invalidatedBy: "List(DataType(String))",
    validated: "Int64",
    invalidated: "Int64",
    badImagery: "Int64",
    mappingHours: "Float64",
    validationHours: "Float64",
    firstAction: "Datetime(us,UTC)",
    lastAction: "Datetime(us,UTC)",
  });
  const rows = frame.toRecords();
  const table = rows.map((r) => [
    r.username,
    r.mapped,
    r.mappedLaterValidated,
    r.mappedLaterInvalidated,
    r.invalidatedBy,
    r.validated,
    r.invalidated,
    r.badImagery,
    r.validationHours,
    r.firstAction,
    r.lastAction,
  ]);
  assert.deepEqual(table, [
    // Ana mapped task 2 in March; Vic invalidated it in April, after the window.
    ["ana", 1, 0, 1, ["vic"], 0, 0, 0, 0, at("2024-03-10T14:00:00Z"), at("2024-03-20T10:00:00Z")],
    ["ben", 1, 1, 0, [], 0, 0, 1, 0, at("2024-03-03T08:00:00Z"), at("2024-03-15T10:20:00Z")],
    ["vic", 0, 0, 0, [], 0, 1, 0, 0.5, at("2024-03-02T09:00:00Z"), at("2024-03-02T09:30:00Z")],
    ["wes", 0, 0, 0, [], 1, 0, 0, 0.25, at("2024-03-05T10:00:00Z"), at("2024-03-05T10:15:00Z")],
  ]);
  // Ana: an auto-unlock (2 h) and a 30-minute lock; her open lock counts nothing.
  assert.equal(rows[0]!.mappingHours, 2.5);
  // Ben: 45 minutes and 20 minutes 0.5 seconds.
  assert.ok(Math.abs((rows[1]!.mappingHours as number) - (0.75 + 1200.5 / 3600)) < 1e-9);
});

Deno.test("no rows: typed empty frames with the declared columns", async () => {
  const empty = activity([], MARCH);
  for (
    const query of [perUserQuery(empty), invalidationsQuery(empty), validationLatencyQuery(empty)]
  ) {
    const frame = await query.frame();
    assert.equal(frame.height, 0);
    assert.ok(frame.width > 5);
  }
  assert.equal(dtypes(await perUserQuery(empty).frame()).invalidatedBy, "List(DataType(String))");
  const outside = await perUserQuery(activity(LOG, { since: Date.UTC(2025, 0, 1) })).frame();
  assert.equal(outside.height, 0);
});

Deno.test("validatorBacklog(): tasks now MAPPED, longest waiting first", async () => {
  const latest = pl.DataFrame({
    projectId: [3, 3, 3, 4],
    taskId: [1, 2, 3, 1],
    taskStatus: ["MAPPED", "VALIDATED", "MAPPED", "MAPPED"],
    actionDate: [
      at("2024-05-01T00:00:00Z"),
      at("2024-04-01T00:00:00Z"),
      null,
      at("2024-04-30T00:00:00Z"),
    ],
    actionBy: ["ana", "vic", null, "ben"],
  }).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));
  const query = validatorBacklogQuery(
    fixed(latest),
    { from: "two projects" },
    Date.UTC(2024, 4, 2),
  );
  const frame = await query.frame();
  assert.deepEqual(dtypes(frame), {
    projectId: "Int64",
    taskId: "Int64",
    lastActionBy: "String",
    lastActionDate: "Datetime(us,UTC)",
    waitingHours: "Float64",
  });
  assert.deepEqual(
    frame.toRecords().map((r) => [r.projectId, r.taskId, r.lastActionBy, r.waitingHours]),
    [[4, 1, "ben", 48], [3, 1, "ana", 24], [3, 3, null, null]],
  );
});

Deno.test("progress(): percent of each project's tasks, with names", async () => {
  const byDay = pl.DataFrame({
    projectId: [7, 7, 9],
    date: [at("2024-01-01"), at("2024-01-03"), at("2024-01-02")],
    mapped: [1, 3, 5],
    validated: [0, 1, 5],
    cumulativeMapped: [1, 4, 5],
    cumulativeValidated: [0, 1, 5],
    totalTasks: [8, 8, 0],
  }).withColumns(pl.col("date").cast(pl.Date));
  const names = pl.DataFrame({ projectId: [9, 7], name: ["Roads", "Floods"] });
  const frame = await progressQuery(fixed(byDay), fixed(names), { from: "7 and 9" }).frame();
  assert.equal(dtypes(frame).date, "Date");
  assert.deepEqual(
    frame.toRecords().map((r) => [r.projectId, r.name, r.percentMapped, r.percentValidated]),
    [[7, "Floods", 12.5, 0], [7, "Floods", 50, 12.5], [9, "Roads", null, null]],
  );
});

Deno.test("limit(n) keeps the first rows of the answer; the display names the source", async () => {
  const query = perUserQuery(activity(LOG, MARCH));
  assert.deepEqual((await query.limit(2).records()).map((r) => r.username), ["ana", "ben"]);
  assert.equal(await query.count(), 4);
  const text = Deno.inspect(query.limit(2));
  assert.match(text, /^AnalysisQuery/);
  assert.match(text, /from\s+a hand-made log/);
  assert.match(text, /window\s+since 2024-03-01 \(included\) until 2024-04-01 \(excluded\)/);
  assert.match(text, /limit\s+2/);
  const show = Reflect.get(query, Symbol.for("Jupyter.display")) as () => DisplayBundle;
  const html = show.call(query)["text/html"];
  assert.match(html, /<table>/);
  assert.throws(() => query.limit(0), /limit/);
});
