/**
 * `GET /teams/{team_id}/` (token): one team (`TeamService.get_team_as_dto`, DTO
 * `TeamDetailsDTO`), whatever its visibility. Keys in DTO order, two of them snake_case:
 * `organisation_id`, `is_org_admin`, `is_general_admin`, `team_projects`.
 *
 * TM declares the path `/{team_id:int}/`: a segment that is not all digits does not match it,
 * but matches `PATCH /{team_id}/` declared just before, so Starlette answers 405 `{"detail":
 * "Method Not Allowed"}` with `Allow: PATCH`, before any authentication. Unknown id: 404
 * `TEAM_NOT_FOUND` (`details.team_id`).
 *
 * `members` lists every membership, pending requests too, with `joinedDate` (`…Z`);
 * `team_projects` has one entry per project **and locale** (the SQL joins `project_info`
 * without a locale filter), in project order. `omitMemberList=true` leaves both `[]`.
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { parseBool, queryValue } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { authenticate } from "../auth.ts";
import { boolParsing, detailError, jsonResponse, tmError, validationError } from "../errors.ts";
import { isoZ } from "../dates.ts";
import { memberJson, teamDetails } from "../team_members.ts";
import { pathParam } from "./analytics_common.ts";

const PATTERN = "/api/v2/teams/{team_id}/";
/** `TEAM_NOT_FOUND` in TM's `error_messages.json`. */
const TEAM_NOT_FOUND = "The requested team was not found on the server.";

function handle(ctx: RouteContext): Response {
  const segment = pathParam(PATTERN, ctx.url, "team_id");
  if (!/^[0-9]+$/.test(segment)) return detailError(405, "Method Not Allowed", { allow: "PATCH" });
  const auth = authenticate(
    ctx.world,
    ctx.world.tokens,
    ctx.headers.get("authorization"),
    "required",
  );
  if ("response" in auth) return auth.response;
  const omitRaw = queryValue(ctx.url, "omitMemberList");
  const omit = omitRaw === null ? false : parseBool(omitRaw);
  if (omit === null) return validationError([boolParsing("omitMemberList", omitRaw ?? "")]);
  const id = Number(segment);
  const team = ctx.index.teams.get(id);
  if (team === undefined) {
    return tmError(404, "TEAM_NOT_FOUND", { team_id: id }, TEAM_NOT_FOUND);
  }
  const org = ctx.index.organisations.get(team.organisationId);
  const caller = auth.user;
  const details = teamDetails(ctx.world, team);
  const projects: JsonValue[] = omit ? [] : ctx.world.projects.flatMap((p) => {
    const link = p.teams.find((t) => t.teamId === id);
    if (link === undefined) return [];
    return p.info.map((i) => ({ project_name: i.name, project_id: p.id, role: link.role }));
  });
  return jsonResponse({
    teamId: team.id,
    organisation_id: team.organisationId,
    organisation: org?.name ?? "",
    organisationSlug: org?.slug ?? null,
    name: team.name,
    logo: org?.logo ?? null,
    description: details.description,
    joinMethod: details.joinMethod,
    visibility: team.visibility,
    is_org_admin: caller !== null && (org?.managers.includes(caller.id) ?? false),
    is_general_admin: caller?.role === "ADMIN",
    members: omit
      ? []
      : details.memberships.map((m) => memberJson(ctx.index.users, m, isoZ(m.joinedDate))),
    team_projects: projects,
  });
}

/**
 * One team by id.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { teamRoute } from "./team_detail.ts";
 * assert.equal(teamRoute.pattern, "/api/v2/teams/{team_id}/");
 * ```
 */
export const teamRoute: Route = {
  pattern: PATTERN,
  auth: "public",
  handle,
};
