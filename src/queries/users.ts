/**
 * One user's figures: `tm.user(username).statistics()` (reference 3.13, token required),
 * `.contributionsByDay()` (the same answer's daily counts), `.touchedProjects()` (3.10), and
 * the per-project time of `tm.project(id).userStatistics(username)` (3.4).
 *
 * @module
 */

import { requireText } from "../args.ts";
import { pathSegment } from "../url.ts";
import { defineEndpoint, type Endpoint, objectEndpoint } from "../endpoint.ts";
import type { QueryContext } from "../query.ts";
import * as userSchemas from "../schemas/users.ts";
import { EndpointQuery } from "./endpoint_query.ts";
import { USER_PROFILE_ENDPOINT } from "./user_directory.ts";

import type { ProjectArgs } from "./project_args.ts";
import type {
  ProjectUserStatistics,
  TouchedProject,
  TouchedProjectList,
  UserDayContribution,
  UserProfile,
  UserStatistics,
} from "../rows.ts";

/** The user an endpoint is about. */
export interface UserArgs {
  readonly username: string;
}

/** The username as one path segment (see `pathSegment`). */
function userSegment(username: string): string {
  return pathSegment("username", username);
}

const COUNTRY_FIELDS = { name: "str", mapped: "int", validated: "int", total: "int" } as const;
const INTEREST_FIELDS = { id: "int", name: "str", countProjects: "int" } as const;

/** `/users/{username}/statistics/` as one row (token required); times in seconds. */
export const USER_STATISTICS_ENDPOINT: Endpoint<UserStatistics, UserStatistics, UserArgs> =
  objectEndpoint({
    request: ({ username }) => ({ path: `users/${userSegment(username)}/statistics/`, params: {} }),
    body: userSchemas.UserStatistics,
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
export const USER_CONTRIBUTIONS_BY_DAY_ENDPOINT: Endpoint<
  UserStatistics,
  UserDayContribution,
  UserArgs
> = defineEndpoint({
  request: USER_STATISTICS_ENDPOINT.request,
  body: userSchemas.UserStatistics,
  rows: (stats) => stats.contributionsByDay,
  key: (row) => row.date,
  auth: "required",
  columns: { date: { kind: "date" }, count: { kind: "int" } },
});

/** `/projects/queries/{username}/touched/`; the centroid Point becomes two Float64 columns. */
export const TOUCHED_PROJECTS_ENDPOINT: Endpoint<TouchedProjectList, TouchedProject, UserArgs> =
  defineEndpoint(
    {
      request: ({ username }) => ({
        path: `projects/queries/${userSegment(username)}/touched/`,
        params: {},
      }),
      body: userSchemas.TouchedProjectList,
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
  ProjectUserStatistics,
  ProjectArgs & UserArgs
> = objectEndpoint({
  request: ({ projectId, username }) => ({
    path: `projects/${projectId}/statistics/queries/${userSegment(username)}/`,
    params: {},
  }),
  body: userSchemas.ProjectUserStatistics,
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
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
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
 *   await assert.rejects(createClient({ baseUrl: emulator.url }).user("x").statistics().frame(), /only with an API token/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class UserHandle {
  readonly #context: QueryContext;
  /** The username. */
  readonly username: string;

  /** Use `client.user(username)`; a username that cannot be one path segment throws here. */
  constructor(context: QueryContext, username: string) {
    this.#context = context;
    this.username = requireText("username", username);
    pathSegment("username", username);
    Object.freeze(this);
  }

  #query<P, Row>(what: string, endpoint: Endpoint<P, Row, UserArgs>): EndpointQuery<Row> {
    const args = { username: this.username };
    return EndpointQuery.of(this.#context, what, endpoint, args, [["user", this.username]]);
  }

  /** `GET /users/queries/{username}/`: the user's profile (id, level, country ...), one row. Needs a token. */
  profile(): EndpointQuery<UserProfile> {
    return this.#query("user profile", USER_PROFILE_ENDPOINT);
  }

  /** `GET /users/{username}/statistics/` as one row. Needs a token. */
  statistics(): EndpointQuery<UserStatistics> {
    return this.#query("user statistics", USER_STATISTICS_ENDPOINT);
  }

  /** The user's state changes per day over the last year (from `statistics`). Needs a token. */
  contributionsByDay(): EndpointQuery<UserDayContribution> {
    return this.#query("user contributions by day", USER_CONTRIBUTIONS_BY_DAY_ENDPOINT);
  }

  /** `GET /projects/queries/{username}/touched/`: projects where the user owns tasks. */
  touchedProjects(): EndpointQuery<TouchedProject> {
    return this.#query("projects touched by the user", TOUCHED_PROJECTS_ENDPOINT);
  }
}
