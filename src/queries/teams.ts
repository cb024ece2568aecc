/**
 * Teams (token required): every team visible to the caller (`GET /teams/`), and one team's
 * detail and members (`GET /teams/{id}/`).
 *
 * @module
 */

import { requirePositiveInteger } from "../args.ts";
import { defineEndpoint, type Endpoint, objectEndpoint } from "../endpoint.ts";
import type { QueryContext } from "../query.ts";
import * as teamSchemas from "../schemas/teams.ts";
import { EndpointQuery } from "./endpoint_query.ts";
import type { Team, TeamDetail, TeamList, TeamMember } from "../rows.ts";

const MEMBER_FIELDS = {
  username: "str",
  function: "str",
  active: "bool",
  joinRequestNotifications: "bool",
  pictureUrl: "str",
  joinedDate: "str",
} as const;

/** `/teams/`: every team the caller may see, in one body; `members` a list of structs. */
export const TEAMS_ENDPOINT: Endpoint<TeamList, Team, void> = defineEndpoint({
  request: () => ({ path: "teams/", params: {} }),
  body: teamSchemas.TeamList,
  rows: (body) => body.teams,
  key: (row) => row.teamId,
  auth: "required",
  columns: {
    teamId: { kind: "int" },
    organisationId: { kind: "int" },
    organisation: { kind: "str" },
    name: { kind: "str" },
    logo: { kind: "str" },
    description: { kind: "str" },
    joinMethod: { kind: "str" },
    visibility: { kind: "str" },
    members: { kind: "list<struct>", fields: MEMBER_FIELDS },
    membersCount: { kind: "int" },
    managersCount: { kind: "int" },
  },
});

/** One team. */
export interface TeamArgs {
  readonly teamId: number;
}

const teamRequest = ({ teamId }: TeamArgs) => ({ path: `teams/${teamId}/`, params: {} });

/** `/teams/{id}/`: the team as one row; members and projects as lists of structs. */
export const TEAM_ENDPOINT: Endpoint<TeamDetail, TeamDetail, TeamArgs> = objectEndpoint({
  request: teamRequest,
  body: teamSchemas.TeamDetail,
  auth: "required",
  columns: {
    teamId: { kind: "int" },
    organisationId: { kind: "int", value: (team) => team.organisation_id },
    organisation: { kind: "str" },
    organisationSlug: { kind: "str" },
    name: { kind: "str" },
    logo: { kind: "str" },
    description: { kind: "str" },
    joinMethod: { kind: "str" },
    visibility: { kind: "str" },
    members: { kind: "list<struct>", fields: MEMBER_FIELDS },
    projects: {
      kind: "list<struct>",
      fields: { projectName: "str", projectId: "int", role: "str" },
      value: (team) =>
        team.team_projects.map((project) => ({
          projectName: project.project_name,
          projectId: project.project_id,
          role: project.role,
        })),
    },
  },
});

/** A member of a team, with the team's id. */
export type TeamMemberRow = TeamMember & { teamId: number };

/** `/teams/{id}/` read as its members: one row each, pending requests included (`active` false). */
export const TEAM_MEMBERS_ENDPOINT: Endpoint<TeamDetail, TeamMemberRow, TeamArgs> = defineEndpoint({
  request: teamRequest,
  body: teamSchemas.TeamDetail,
  rows: (team) => team.members.map((member) => ({ ...member, teamId: team.teamId ?? 0 })),
  key: (row) => row.username,
  auth: "required",
  columns: {
    teamId: { kind: "int" },
    username: { kind: "str" },
    function: { kind: "str" },
    active: { kind: "bool" },
    joinRequestNotifications: { kind: "bool" },
    pictureUrl: { kind: "str" },
    joinedDate: { kind: "datetime" },
  },
});

/**
 * One team's endpoints (token required).
 *
 * @example A team and its members
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, token: emulator.tokens[0]!.token });
 *   const [first] = await tm.teams().records();
 *   const members = await tm.team(first!.teamId!).members().frame();
 *   assert.deepEqual(members.columns.slice(0, 2), ["teamId", "username"]);
 *   assert.equal((await tm.team(first!.teamId!).detail().frame()).height, 1);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class TeamHandle {
  readonly #context: QueryContext;
  /** The team id. */
  readonly id: number;

  /** Use `client.team(id)`. */
  constructor(context: QueryContext, id: number) {
    this.#context = context;
    this.id = requirePositiveInteger("team id", id);
    Object.freeze(this);
  }

  /** `GET /teams/{id}/` as one row. */
  detail(): EndpointQuery<TeamDetail> {
    const args = { teamId: this.id };
    return EndpointQuery.of(this.#context, `team ${this.id}`, TEAM_ENDPOINT, args, [[
      "team",
      this.id,
    ]]);
  }

  /** The team's members, one row each. */
  members(): EndpointQuery<TeamMemberRow> {
    const args = { teamId: this.id };
    return EndpointQuery.of(
      this.#context,
      `members of team ${this.id}`,
      TEAM_MEMBERS_ENDPOINT,
      args,
      [["team", this.id]],
    );
  }
}
