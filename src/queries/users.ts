/**
 * One user's figures: `tm.user(username).statistics()` (reference 3.13, token required),
 * `.contributionsByDay()` (the same answer's daily counts), `.touchedProjects()` (3.10), and
 * the per-project time of `tm.project(id).userStatistics(username)` (3.4).
 *
 * @module
 */

import { requireText } from "../args.ts";
import type { Endpoint, QueryContext } from "../query.ts";
import {
  ProjectUserStatistics,
  type TouchedProject,
  TouchedProjectList,
  type UserDayContribution,
  UserStatistics,
} from "../schemas/users.ts";
import { listEndpoint, ListQuery } from "./list.ts";
import { pathSegment } from "../url.ts";

const COUNTRY_FIELDS = { name: "str", mapped: "int", validated: "int", total: "int" } as const;
const INTEREST_FIELDS = { id: "int", name: "str", countProjects: "int" } as const;

/** `/users/{username}/statistics/` as one row (token required); times in seconds. */
export const USER_STATISTICS_ENDPOINT: Endpoint<UserStatistics, UserStatistics> = listEndpoint({
  page: UserStatistics,
  rows: (stats) => [stats],
  key: () => 0,
  auth: "required",
  columns: {
    totalTimeSpent: { kind: "float" },
    timeSpentMapping: { kind: "float" },
    timeSpentValidating: { kind: "float" },
    projectsMapped: { kind: "int" },
    tasksMapped: { kind: "int" },
    tasksValidated: { kind: "int" },
    tasksInvalidated: { kind: "int" },
    tasksInvalidatedByOthers: { kind: "int" },
    tasksValidatedByOthers: { kind: "int" },
    countriesContributed: {
      kind: "list<struct>",
      fields: COUNTRY_FIELDS,
      value: (row) => row.countriesContributed.countries,
    },
    contributionsByInterest: { kind: "list<struct>", fields: INTEREST_FIELDS },
  },
});

/** The `contributionsByDay` of `/users/{username}/statistics/`, one row per day, newest first. */
export const USER_CONTRIBUTIONS_BY_DAY_ENDPOINT: Endpoint<UserStatistics, UserDayContribution> =
  listEndpoint({
    page: UserStatistics,
    rows: (stats) => stats.contributionsByDay,
    key: (row) => row.date,
    auth: "required",
    columns: { date: { kind: "date" }, count: { kind: "int" } },
  });

/** `/projects/queries/{username}/touched/`; the centroid Point becomes two Float64 columns. */
export const TOUCHED_PROJECTS_ENDPOINT: Endpoint<TouchedProjectList, TouchedProject> = listEndpoint(
  {
    page: TouchedProjectList,
    rows: (body) => body.mappedProjects,
    key: (row) => row.projectId,
    columns: {
      projectId: { kind: "int" },
      name: { kind: "str" },
      tasksMapped: { kind: "int" },
      tasksValidated: { kind: "int" },
      status: { kind: "str" },
      centroidLon: { kind: "float", value: (row) => pointCoordinate(row, 0) },
      centroidLat: { kind: "float", value: (row) => pointCoordinate(row, 1) },
    },
  },
);

function pointCoordinate(row: TouchedProject, index: 0 | 1): number | null {
  const value = row.centroid?.type === "Point" ? row.centroid.coordinates[index] : null;
  return typeof value === "number" ? value : null;
}

/** `/projects/{id}/statistics/queries/{username}/` as one row, in seconds. */
export const PROJECT_USER_STATISTICS_ENDPOINT: Endpoint<
  ProjectUserStatistics,
  ProjectUserStatistics
> = listEndpoint({
  page: ProjectUserStatistics,
  rows: (stats) => [stats],
  key: () => 0,
  columns: {
    timeSpentMapping: { kind: "float" },
    timeSpentValidating: { kind: "float" },
    totalTimeSpent: { kind: "float" },
  },
});

/**
 * One user's endpoints, by username.
 *
 * @example Projects a user touched (public) and their statistics (token required)
 * ```ts
 * import { createClient, startEmulator } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const [issued] = emulator.tokens;
 *   const tm = createClient({ baseUrl: emulator.url, token: issued!.token });
 *   const user = tm.user(issued!.username);
 *   assert.equal((await user.statistics().frame()).height, 1);
 *   const touched = await user.touchedProjects().frame();
 *   assert.deepEqual(touched.columns.slice(0, 2), ["projectId", "name"]);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class UserHandle {
  readonly #context: QueryContext;
  /** The username. */
  readonly username: string;
  readonly #segment: string;

  /** Use `client.user(username)`. */
  constructor(context: QueryContext, username: string) {
    this.#context = context;
    this.username = requireText("username", username);
    this.#segment = pathSegment("username", username);
    Object.freeze(this);
  }

  #path(): string {
    return this.#segment;
  }

  /** `GET /users/{username}/statistics/` as one row. Needs a token. */
  statistics(): ListQuery<UserStatistics, UserStatistics> {
    const path = `users/${this.#path()}/statistics/`;
    return new ListQuery(this.#context, { endpoint: USER_STATISTICS_ENDPOINT, path, params: {} });
  }

  /** The user's state changes per day over the last year (from `statistics`). Needs a token. */
  contributionsByDay(): ListQuery<UserStatistics, UserDayContribution> {
    const path = `users/${this.#path()}/statistics/`;
    return new ListQuery(this.#context, {
      endpoint: USER_CONTRIBUTIONS_BY_DAY_ENDPOINT,
      path,
      params: {},
    });
  }

  /** `GET /projects/queries/{username}/touched/`: projects where the user owns tasks. */
  touchedProjects(): ListQuery<TouchedProjectList, TouchedProject> {
    const path = `projects/queries/${this.#path()}/touched/`;
    return new ListQuery(this.#context, { endpoint: TOUCHED_PROJECTS_ENDPOINT, path, params: {} });
  }
}

/** The plan of `tm.project(id).userStatistics(username)`. */
export function projectUserStatisticsQuery(
  context: QueryContext,
  projectId: number,
  username: string,
): ListQuery<ProjectUserStatistics, ProjectUserStatistics> {
  const name = pathSegment("username", requireText("username", username));
  return new ListQuery(context, {
    endpoint: PROJECT_USER_STATISTICS_ENDPOINT,
    path: `projects/${projectId}/statistics/queries/${name}/`,
    params: {},
  });
}
