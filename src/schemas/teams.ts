/**
 * `GET /teams/` (`TeamsListDTO`) and `GET /teams/{id}/` (`TeamDetailsDTO`).
 *
 * @module
 */

import { z } from "../deps.ts";
import { Pagination } from "./common.ts";

/**
 * Known values of the teams' enum-like fields: member `function`, `joinMethod`, `visibility`
 * and a team's `role` on a project.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KNOWN_TEAM_VALUES } from "./teams.ts";
 * assert.ok(KNOWN_TEAM_VALUES.joinMethod.includes("BY_REQUEST"));
 * ```
 */
export const KNOWN_TEAM_VALUES: Readonly<{
  function: readonly string[];
  joinMethod: readonly string[];
  visibility: readonly string[];
  role: readonly string[];
}> = {
  function: ["MANAGER", "MEMBER"],
  joinMethod: ["ANY", "BY_REQUEST", "BY_INVITE"],
  visibility: ["PUBLIC", "PRIVATE"],
  role: ["READ_ONLY", "MAPPER", "VALIDATOR", "PROJECT_MANAGER"],
};

/**
 * One membership (`TeamMembersDTO`). `joinedDate` (`…Z`) is filled by the detail route only.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TeamMember } from "./teams.ts";
 * const m = TeamMember.parse({
 *   username: "ana", function: "MANAGER", active: true, joinRequestNotifications: false,
 *   pictureUrl: null, joinedDate: null,
 * });
 * assert.equal(m.function, "MANAGER");
 * ```
 */
export const TeamMember = z.object({
  username: z.string(),
  function: z.string(),
  active: z.boolean(),
  joinRequestNotifications: z.boolean(),
  pictureUrl: z.string().nullable(),
  joinedDate: z.string().nullable(),
});
/** One membership. */
export type TeamMember = z.infer<typeof TeamMember>;

/**
 * One team of the list (`TeamDTO`); counts are null and `members` `[]` with
 * `omitMemberList=true`. `logo` is the organisation's logo.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Team } from "./teams.ts";
 * const t = Team.parse({
 *   teamId: 1, organisationId: 2, organisation: "HOT", name: "HOT Mappers", logo: null,
 *   description: null, joinMethod: "ANY", visibility: "PUBLIC", members: [], membersCount: null,
 *   managersCount: null,
 * });
 * assert.equal(t.teamId, 1);
 * ```
 */
export const Team = z.object({
  teamId: z.number().int().nullable(),
  organisationId: z.number().int().nullable(),
  organisation: z.string().nullable(),
  name: z.string().nullable(),
  logo: z.string().nullable(),
  description: z.string().nullable(),
  joinMethod: z.string().nullable(),
  visibility: z.string().nullable(),
  members: z.array(TeamMember).nullable(),
  membersCount: z.number().int().nullable(),
  managersCount: z.number().int().nullable(),
});
/** One team of the list. */
export type Team = z.infer<typeof Team>;

/**
 * The list body: `{"teams", "pagination"}`; `pagination` is null unless `paginate=true`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TeamList } from "./teams.ts";
 * assert.equal(TeamList.parse({ teams: [], pagination: null }).pagination, null);
 * ```
 */
export const TeamList = z.object({ teams: z.array(Team), pagination: Pagination.nullable() });
/** The teams list body. */
export type TeamList = z.infer<typeof TeamList>;

/**
 * One team in detail (`TeamDetailsDTO`); note the snake_case keys TM keeps:
 * `organisation_id`, `is_org_admin`, `is_general_admin`, `team_projects` (one entry per project
 * and locale, with `project_name`, `project_id`, `role`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TeamDetail } from "./teams.ts";
 * const t = TeamDetail.parse({
 *   teamId: 1, organisation_id: 2, organisation: "HOT", organisationSlug: "hot", name: "HOT Mappers",
 *   logo: null, description: null, joinMethod: "ANY", visibility: "PUBLIC", is_org_admin: false,
 *   is_general_admin: false, members: [],
 *   team_projects: [{ project_name: "Roads", project_id: 9, role: "MAPPER" }],
 * });
 * assert.equal(t.team_projects[0]?.project_id, 9);
 * ```
 */
export const TeamDetail = z.object({
  teamId: z.number().int().nullable(),
  organisation_id: z.number().int(),
  organisation: z.string(),
  organisationSlug: z.string().nullable(),
  name: z.string(),
  logo: z.string().nullable(),
  description: z.string().nullable(),
  joinMethod: z.string(),
  visibility: z.string(),
  is_org_admin: z.boolean(),
  is_general_admin: z.boolean(),
  members: z.array(TeamMember),
  team_projects: z.array(z.object({
    project_name: z.string().nullable(),
    project_id: z.number().int().nullable(),
    role: z.string().nullable(),
  })),
});
/** One team in detail. */
export type TeamDetail = z.infer<typeof TeamDetail>;
