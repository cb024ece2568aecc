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
import { OrganisationList } from "../schemas/organisations.ts";
import { ProjectDetail, ProjectStatistics, ProjectSummary } from "../schemas/project.ts";
import { ProjectSearchPage } from "../schemas/projects.ts";
import { Heartbeat, SystemStatistics } from "../schemas/system.ts";
import { TaskDetail } from "../schemas/tasks.ts";
import { TouchedProjectList, UserStatistics } from "../schemas/users.ts";

/** One endpoint check: a label, the body schema, and the request through the client. */
export interface Check {
  /** The endpoint as TM's path, with the ids used (`/projects/7/statistics/`). */
  label: string;
  /** The schema its bodies must match. */
  schema: z.ZodType;
  /** `"token"`: TM answers only with a token, so it is skipped without one. */
  needs?: "token";
  /** Sends the requests (`records()`), returning the rows. */
  run(): Promise<readonly unknown[]>;
}

/** The ids the sample is drawn from, found by the first checks. */
export interface Sample {
  /** The newest and oldest published projects of the first page, and one archived. */
  projectIds: number[];
  /** A task of the first project, from its latest activity. */
  taskId?: number;
  /** A contributor to the first project. */
  username?: string;
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
    { label: "/system/heartbeat/", schema: Heartbeat, run: () => tm.heartbeat().records() },
    {
      label: "/projects/ (published)",
      schema: ProjectSearchPage,
      run: () => tm.projects().limit(14).records(),
    },
    {
      label: "/projects/ (archived)",
      schema: ProjectSearchPage,
      run: () => tm.projects().status("ARCHIVED").limit(1).records(),
    },
  ];
}

/**
 * The checks of one project (detail, summary, statistics, first activity page, latest
 * activity, contributions, by day, one task).
 *
 * @example
 * ```ts
 * import { projectChecks } from "./checks.ts";
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const checks = projectChecks(createClient({ baseUrl: "http://127.0.0.1:9/api/v2/" }), 7, 3);
 * assert.equal(checks[0]?.label, "/projects/7/");
 * assert.equal(checks.at(-1)?.label, "/projects/7/tasks/3/");
 * ```
 */
export function projectChecks(tm: Client, id: number, taskId?: number): Check[] {
  const project = tm.project(id);
  const checks: Check[] = [
    { label: `/projects/${id}/`, schema: ProjectDetail, run: () => project.detail().records() },
    {
      label: `/projects/${id}/queries/summary/`,
      schema: ProjectSummary,
      run: () => project.summary().records(),
    },
    {
      label: `/projects/${id}/statistics/`,
      schema: ProjectStatistics,
      run: () => project.statistics().records(),
    },
    {
      label: `/projects/${id}/activities/`,
      schema: ActivityPage,
      run: () => project.activities().limit(10).records(),
    },
    {
      label: `/projects/${id}/activities/latest/`,
      schema: LatestActivityList,
      run: () => project.latestActivity().records(),
    },
    {
      label: `/projects/${id}/contributions/`,
      schema: ContributionList,
      run: () => project.contributions().records(),
    },
    {
      label: `/projects/${id}/contributions/queries/day/`,
      schema: ContributionsByDay,
      run: () => project.contributionsByDay().records(),
    },
  ];
  if (taskId !== undefined) {
    checks.push({
      label: `/projects/${id}/tasks/${taskId}/`,
      schema: TaskDetail,
      run: () => project.task(taskId).detail().records(),
    });
  }
  return checks;
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
      {
        label: `/users/${username}/statistics/`,
        schema: UserStatistics,
        needs: "token",
        run: () => user.statistics().records(),
      },
      {
        label: `/projects/queries/${username}/touched/`,
        schema: TouchedProjectList,
        run: () => user.touchedProjects().records(),
      },
    );
  }
  checks.push(
    { label: "/organisations/", schema: OrganisationList, run: () => tm.organisations().records() },
    { label: "/campaigns/", schema: CampaignList, run: () => tm.campaigns().records() },
    { label: "/interests/", schema: InterestList, run: () => tm.interests().records() },
    { label: "/countries/", schema: CountryList, run: () => tm.countries().records() },
    {
      label: "/system/statistics/",
      schema: SystemStatistics,
      run: () => tm.systemStatistics().records(),
    },
  );
  return checks;
}
