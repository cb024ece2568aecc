/**
 * `GET /organisations/{organisation_id}/` and `GET /organisations/{slug}/` (reference 3.15),
 * public, the caller seen through TM's authentication middleware. As in TM, a segment of
 * digits only (Starlette's `int` convertor) is an id; anything else is a slug.
 *
 * `type` is filled here (unlike the list), `isManager` is a boolean (admins and the
 * organisation's managers), and `teams` lists the organisation's teams (PUBLIC ones only for
 * non-managers) ordered by id. With `omitManagerList=true`, `managers` is `[]` and `teams`
 * `null`. Descriptions, join methods and memberships (pending requests too, as TM's
 * `_get_team_members` does not filter them) come from `team_members.ts`.
 *
 * @module
 */

import type { Organisation } from "../model.ts";
import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { jsonResponse } from "../errors.ts";
import { middlewareUser, pathParam } from "./analytics_common.ts";
import { organisationJson, organisationNotFound } from "./organisations.ts";
import { teamDetails } from "../team_members.ts";

const PATTERN = "/api/v2/organisations/{organisation_id}/";

function teamsOf(ctx: RouteContext, org: Organisation, manager: boolean): JsonValue[] {
  return ctx.world.teams
    .filter((t) => t.organisationId === org.id && (manager || t.visibility === "PUBLIC"))
    .sort((a, b) => a.id - b.id)
    .map((t) => {
      const details = teamDetails(ctx.world, t);
      return {
        teamId: t.id,
        name: t.name,
        description: details.description,
        joinMethod: details.joinMethod,
        visibility: t.visibility,
        members: details.memberships.flatMap((m) => {
          const u = ctx.index.users.get(m.userId);
          return u === undefined ? [] : [{
            username: u.username,
            pictureUrl: u.pictureUrl,
            function: m.function,
            active: String(m.active),
          }];
        }),
      };
    });
}

function handle(ctx: RouteContext): Response {
  const segment = pathParam(PATTERN, ctx.url, "organisation_id");
  const byId = /^[0-9]+$/.test(segment);
  const org = byId
    ? ctx.index.organisations.get(Number(segment))
    : ctx.world.organisations.find((o) => o.slug === segment);
  if (org === undefined) {
    return organisationNotFound(byId ? { organisation_id: Number(segment) } : { slug: segment });
  }
  const caller = middlewareUser(ctx);
  const manager = caller !== null &&
    (caller.role === "ADMIN" || org.managers.includes(caller.id));
  const omit = ctx.bools["omitManagerList"] === true;
  const managers = omit ? [] : org.managers.flatMap((id) => {
    const u = ctx.index.users.get(id);
    return u === undefined ? [] : [u];
  });
  return jsonResponse(organisationJson(org, {
    managers,
    isManager: manager,
    teams: omit ? null : teamsOf(ctx, org, manager),
    stats: null,
    type: org.type,
  }));
}

/** One organisation by id or slug (public; 404 `ORGANISATION_NOT_FOUND`). */
export const organisationRoute: Route = {
  pattern: PATTERN,
  auth: "public",
  query: [{ name: "omitManagerList", kind: "bool" }],
  handle,
};
