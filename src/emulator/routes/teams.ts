/**
 * `GET /teams/` (token): teams with their members (`TeamService.get_all_teams`, DTOs
 * `TeamsListDTO`, `TeamDTO`, `TeamMembersDTO`), `{"teams", "pagination"}`.
 *
 * Filters as TM applies them (a 0 or empty value filters nothing): `organisation` (id),
 * `team_name` (`ILIKE %name%`), `member` (active member id), `member_request` (pending member
 * id), `manager` (only when it is the caller's own id: teams the caller manages, plus every team
 * of organisations the caller manages), `team_role` (teams holding that role on some project;
 * an unknown role is ignored). Non-admins see PUBLIC teams and teams they belong to (pending
 * requests count). No `ORDER BY`; the emulator sends teams by id.
 *
 * `omitMemberList=true` gives `members: []` and null counts; `fullMemberList=false` gives up to
 * ten active MEMBERs followed by up to ten active MANAGERs instead of every active member.
 * `joinedDate` is not selected here, so it is null. `logo` is the organisation's logo.
 * `paginate` (default false) adds `pagination` with `perPage` (10) and `page` (1); otherwise
 * `pagination` is null. A page below 1 or a negative size is a negative OFFSET/LIMIT and
 * `perPage=0` a division by zero: 500.
 *
 * @module
 */

import type { Team } from "../model.ts";
import type { Route, RouteContext } from "../router.ts";
import { queryValue } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { internalError, jsonResponse } from "../errors.ts";
import { memberJson, teamDetails } from "../team_members.ts";
import { ilike } from "./users_directory.ts";
import { pagination } from "./common.ts";

const TEAM_ROLES = new Set(["READ_ONLY", "MAPPER", "VALIDATOR", "PROJECT_MANAGER"]);

function teamFilter(ctx: RouteContext): (team: Team) => boolean {
  const caller = ctx.user;
  const org = ctx.ints["organisation"] ?? 0;
  const name = queryValue(ctx.url, "team_name") ?? "";
  const member = ctx.ints["member"] ?? 0;
  const request = ctx.ints["member_request"] ?? 0;
  const manager = ctx.ints["manager"] ?? 0;
  const roleRaw = (queryValue(ctx.url, "team_role") ?? "").toUpperCase();
  const role = TEAM_ROLES.has(roleRaw) ? roleRaw : null;
  const withRole = new Set(
    ctx.world.projects.flatMap((p) => p.teams.filter((t) => t.role === role).map((t) => t.teamId)),
  );
  const managedOrgs = new Set(
    ctx.world.organisations.filter((o) => o.managers.includes(manager)).map((o) => o.id),
  );
  return (team) => {
    const ms = teamDetails(ctx.world, team).memberships;
    const has = (id: number, active: boolean, fn?: string) =>
      ms.some((m) =>
        m.userId === id && m.active === active && (fn === undefined || m.function === fn)
      );
    if (org !== 0 && team.organisationId !== org) return false;
    if (manager !== 0 && manager === caller?.id) {
      if (!has(manager, true, "MANAGER") && !managedOrgs.has(team.organisationId)) return false;
    }
    if (name !== "" && !ilike(team.name, `%${name}%`)) return false;
    if (role !== null && !withRole.has(team.id)) return false;
    if (member !== 0 && !has(member, true)) return false;
    if (request !== 0 && !has(request, false)) return false;
    if (caller?.role === "ADMIN" || team.visibility === "PUBLIC") return true;
    return ms.some((m) => m.userId === caller?.id);
  };
}

function teamJson(ctx: RouteContext, team: Team): JsonValue {
  const details = teamDetails(ctx.world, team);
  const org = ctx.index.organisations.get(team.organisationId);
  const omit = ctx.bools["omitMemberList"] === true;
  const active = details.memberships.filter((m) => m.active);
  const of = (fn: string) => active.filter((m) => m.function === fn);
  const shown = ctx.bools["fullMemberList"] === false
    ? [...of("MEMBER").slice(0, 10), ...of("MANAGER").slice(0, 10)]
    : active;
  return {
    teamId: team.id,
    organisationId: team.organisationId,
    organisation: org?.name ?? null,
    name: team.name,
    logo: org?.logo ?? null,
    description: details.description,
    joinMethod: details.joinMethod,
    visibility: team.visibility,
    members: omit ? [] : shown.map((m) => memberJson(ctx.index.users, m, null)),
    membersCount: omit ? null : of("MEMBER").length,
    managersCount: omit ? null : of("MANAGER").length,
  };
}

function handle(ctx: RouteContext): Response {
  const keep = teamFilter(ctx);
  const teams = ctx.world.teams.filter(keep).sort((a, b) => a.id - b.id);
  if (ctx.bools["paginate"] !== true) {
    return jsonResponse({ teams: teams.map((t) => teamJson(ctx, t)), pagination: null });
  }
  const page = ctx.ints["page"] ?? 1;
  const perPage = ctx.ints["perPage"] ?? 10;
  if (page < 1 || perPage <= 0) return internalError();
  const slice = teams.slice((page - 1) * perPage, page * perPage);
  return jsonResponse({
    teams: slice.map((t) => teamJson(ctx, t)),
    pagination: pagination(page, perPage, teams.length),
  });
}

/**
 * The teams list route.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { teamsRoute } from "./teams.ts";
 * assert.equal(teamsRoute.pattern, "/api/v2/teams/");
 * ```
 */
export const teamsRoute: Route = {
  pattern: "/api/v2/teams/",
  auth: "required",
  query: [
    { name: "member", kind: "int" },
    { name: "manager", kind: "int" },
    { name: "member_request", kind: "int" },
    { name: "organisation", kind: "int" },
    { name: "omitMemberList", kind: "bool" },
    { name: "fullMemberList", kind: "bool" },
    { name: "paginate", kind: "bool" },
    { name: "page", kind: "int" },
    { name: "perPage", kind: "int" },
  ],
  handle,
};
