/**
 * What the doctor asks: a small sample of every endpoint the library covers, through the
 * public client, each with the schema its bodies are checked against.
 *
 * @module
 */

import type { Client } from "../client.ts";
import type { z } from "../deps.ts";
import { ActivityPage, LatestActivityList } from "../schemas/activities.ts";
import { CampaignList, CountryList, InterestList } from "../schemas/catalogue.ts";
import { ContributionList, ContributionsByDay } from "../schemas/contributions.ts";
import { OrganisationList, OrganisationStatistics } from "../schemas/organisations.ts";
import {
  ProjectDetail,
  ProjectStatistics,
  ProjectSummary,
  TaskCollection,
} from "../schemas/project.ts";
import { ProjectSearchPage } from "../schemas/projects.ts";
import { Heartbeat, SystemStatistics } from "../schemas/system.ts";
import { TaskDetail } from "../schemas/tasks.ts";
import { TaskStatisticsBody } from "../schemas/task_statistics.ts";
import { ProjectUserStatistics, TouchedProjectList, UserStatistics } from "../schemas/users.ts";

/** What a check runs: any query of the library. */
export interface CheckedQuery {
  url(): URL;
  records(): Promise<readonly unknown[]>;
}

/** One endpoint check: a label, the body schema, and the request through the client. */
export interface Check {
  /** The endpoint as the query asks it, with the ids used (`/projects/7/statistics/`). */
  label: string;
  /** The schema its bodies must match. */
  schema: z.ZodType;
  /** `"token"`: TM answers only with a token, so it is skipped without one. */
  needs?: "token";
  /** What the doctor reads from its rows for later checks. */
  gives?: "taskId" | "username" | "organisationId";
  /** Sends the requests (`records()`), returning the rows. */
  run(): Promise<readonly unknown[]>;
}

/** The check of one query: its label is the query's own path (and `note`), never spelled here. */
function check(
  tm: Client,
  query: CheckedQuery,
  schema: z.ZodType,
  extra: { note?: string; needs?: "token"; gives?: NonNullable<Check["gives"]> } = {},
): Check {
  const path = decodeURIComponent(query.url().pathname.slice(tm.baseUrl.pathname.length - 1));
  const { note, ...rest } = extra;
  return {
    label: note === undefined ? path : `${path} (${note})`,
    schema,
    ...rest,
    run: () => query.records(),
  };
}

/** What the first project's checks found, for the checks that need ids. */
export interface FirstProjectSample {
  /** A task of the project, from its latest activity. */
  taskId?: number | undefined;
  /** A contributor to the project. */
  username?: string | undefined;
  /** The day of its last update, `YYYY-MM-DD`, which ends a task statistics window. */
  lastUpdatedDay?: string | undefined;
}

/**
 * The checks that find the sample: the heartbeat, then a first page of projects (newest and
 * oldest of the published, and one archived).
 *
 * @example
 * ```ts
 * import { discoveryChecks } from "./checks.ts";
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const checks = discoveryChecks(createClient({ baseUrl: "http://127.0.0.1:9/api/v2/" }));
 * assert.deepEqual(checks.map((c) => c.label), ["/system/heartbeat/", "/projects/ (published)", "/projects/ (archived)"]);
 * ```
 */
export function discoveryChecks(tm: Client): Check[] {
  return [
    check(tm, tm.heartbeat(), Heartbeat),
    check(tm, tm.projects().limit(14), ProjectSearchPage, { note: "published" }),
    check(tm, tm.projects().status("ARCHIVED").limit(1), ProjectSearchPage, { note: "archived" }),
  ];
}

/**
 * The checks of one project: detail, summary, statistics, first activity page, latest
 * activity, contributions, contributions by day.
 *
 * @example
 * ```ts
 * import { projectChecks } from "./checks.ts";
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const checks = projectChecks(createClient({ baseUrl: "http://127.0.0.1:9/api/v2/" }), 7);
 * assert.equal(checks[0]?.label, "/projects/7/");
 * assert.equal(checks.length, 7);
 * ```
 */
export function projectChecks(tm: Client, id: number): Check[] {
  const project = tm.project(id);
  return [
    check(tm, project.detail(), ProjectDetail),
    check(tm, project.summary(), ProjectSummary),
    check(tm, project.statistics(), ProjectStatistics),
    check(tm, project.activities().limit(10), ActivityPage),
    check(tm, project.latestActivity(), LatestActivityList, { gives: "taskId" }),
    check(tm, project.contributions(), ContributionList, { gives: "username" }),
    check(tm, project.contributionsByDay(), ContributionsByDay),
  ];
}

/** The day `days` before `day` (both `YYYY-MM-DD`). */
function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The checks that need ids from the first project: its task grid, one task, a 30-day window
 * of task statistics ending at its last update (token), and one contributor's time on it.
 *
 * @example
 * ```ts
 * import { firstProjectChecks } from "./checks.ts";
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "http://127.0.0.1:9/api/v2/" });
 * const checks = firstProjectChecks(tm, 7, { taskId: 3, username: "ana", lastUpdatedDay: "2025-03-31" });
 * assert.deepEqual(checks.map((c) => c.label), [
 *   "/projects/7/tasks/",
 *   "/projects/7/tasks/3/",
 *   "/tasks/statistics/ (2025-03-01 to 2025-03-31, project 7)",
 *   "/projects/7/statistics/queries/ana/",
 * ]);
 * ```
 */
export function firstProjectChecks(tm: Client, id: number, sample: FirstProjectSample): Check[] {
  const project = tm.project(id);
  const checks: Check[] = [
    check(tm, project.tasks(), TaskCollection),
  ];
  const { taskId, username, lastUpdatedDay } = sample;
  if (taskId !== undefined) {
    checks.push(check(tm, project.task(taskId).detail(), TaskDetail));
  }
  if (lastUpdatedDay !== undefined) {
    const start = daysBefore(lastUpdatedDay, 30);
    const window = tm.taskStatistics().between(start, lastUpdatedDay).projects(id);
    const note = `${start} to ${lastUpdatedDay}, project ${id}`;
    checks.push(check(tm, window, TaskStatisticsBody, { note, needs: "token" }));
  }
  if (username !== undefined) {
    checks.push(check(tm, project.userStatistics(username), ProjectUserStatistics));
  }
  return checks;
}

/**
 * The statistics of one organisation.
 *
 * @example
 * ```ts
 * import { organisationChecks } from "./checks.ts";
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const checks = organisationChecks(createClient({ baseUrl: "http://127.0.0.1:9/api/v2/" }), 2);
 * assert.equal(checks[0]?.label, "/organisations/2/statistics/");
 * ```
 */
export function organisationChecks(tm: Client, id: number): Check[] {
  return [check(tm, tm.organisation(id).statistics(), OrganisationStatistics)];
}

/**
 * The checks of one user and of the catalogues.
 *
 * @example
 * ```ts
 * import { userAndCatalogueChecks } from "./checks.ts";
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const checks = userAndCatalogueChecks(createClient({ baseUrl: "http://127.0.0.1:9/api/v2/" }), "ana");
 * assert.equal(checks.find((c) => c.needs === "token")?.label, "/users/ana/statistics/");
 * ```
 */
export function userAndCatalogueChecks(tm: Client, username?: string): Check[] {
  const checks: Check[] = [];
  if (username !== undefined) {
    const user = tm.user(username);
    checks.push(
      check(tm, user.statistics(), UserStatistics, { needs: "token" }),
      check(tm, user.touchedProjects(), TouchedProjectList),
    );
  }
  checks.push(
    check(tm, tm.organisations(), OrganisationList, { gives: "organisationId" }),
    check(tm, tm.campaigns(), CampaignList),
    check(tm, tm.interests(), InterestList),
    check(tm, tm.countries(), CountryList),
    check(tm, tm.systemStatistics(), SystemStatistics),
  );
  return checks;
}
