/**
 * `GET /organisations/` and `GET /organisations/{organisation_id}/statistics/`
 * (reference 3.15), both public. The list sees the caller through TM's authentication
 * middleware only (a bad token means anonymous, never 401). Figures come from
 * `organisationStats` in `figures_orgs.ts`.
 *
 * @module
 */

import type { Organisation, User, World } from "../model.ts";
import type { Route, RouteContext } from "../router.ts";
import type { JsonObject, JsonValue } from "../json.ts";
import { jsonResponse, routeError, tmError } from "../errors.ts";
import { organisationStats } from "../figures_orgs.ts";
import { compareNames, middlewareUser } from "./analytics_common.ts";

/** How one organisation is shown; see {@linkcode organisationJson}. */
export interface OrganisationView {
  /** Managers to list, or `null` to leave the key out. */
  managers: User[] | null;
  isManager: boolean | null;
  teams: JsonValue;
  stats: JsonValue;
  type: string | null;
}

/**
 * An `OrganisationDTO` in key order; `managers` is absent when `view.managers` is `null`.
 *
 * @example
 * ```ts
 * import { organisationJson } from "./organisations.ts";
 * import { createWorld } from "../world.ts";
 * import assert from "node:assert/strict";
 * const org = createWorld({ projects: 1 }).organisations[0]!;
 * const view = { managers: null, isManager: null, teams: null, stats: null, type: null };
 * assert.ok(!("managers" in organisationJson(org, view)));
 * ```
 */
export function organisationJson(org: Organisation, view: OrganisationView): JsonObject {
  const out: JsonObject = { organisationId: org.id };
  if (view.managers !== null) {
    out["managers"] = view.managers.map((u) => ({
      username: u.username,
      pictureUrl: u.pictureUrl,
    }));
  }
  Object.assign(out, {
    name: org.name,
    slug: org.slug,
    logo: org.logo,
    description: org.description,
    url: org.url,
    isManager: view.isManager,
    projects: [],
    teams: view.teams,
    campaigns: null,
    stats: view.stats,
    type: view.type,
    subscriptionTier: org.subscriptionTier,
  });
  return out;
}

/**
 * An organisation's statistics object (`OrganizationStatsDTO`) in key order.
 *
 * @example
 * ```ts
 * import { organisationStatsJson } from "./organisations.ts";
 * import { createWorld } from "../world.ts";
 * import assert from "node:assert/strict";
 * const stats = organisationStatsJson(createWorld({ projects: 3 }), 1, false);
 * assert.equal(Object.keys(stats).join(), "projects,activeTasks");
 * ```
 */
export function organisationStatsJson(world: World, id: number, thisYear: boolean): JsonObject {
  const s = organisationStats(world, id, thisYear);
  return { projects: { ...s.projects }, activeTasks: { ...s.activeTasks } };
}

/** Existing users among ids, in the given order. */
function usersOf(ctx: RouteContext, ids: readonly number[]): User[] {
  return ids.flatMap((id) => {
    const u = ctx.index.users.get(id);
    return u === undefined ? [] : [u];
  });
}

function list(ctx: RouteContext): Response {
  const caller = middlewareUser(ctx);
  const managerId = ctx.ints["manager_user_id"];
  if (managerId !== undefined && caller === null) {
    return routeError(
      403,
      "Unauthorized - Filter by manager_user_id is not allowed to unauthenticated requests",
      "LoginToFilterManager",
    );
  }
  const withManagers = caller !== null && ctx.bools["omitManagerList"] !== true;
  const withStats = ctx.bools["omitOrgStats"] === false;
  const orgs = ctx.world.organisations
    .filter((o) => managerId === undefined || o.managers.includes(managerId))
    .sort((a, b) => compareNames(a.name, b.name));
  const organisations: JsonValue[] = orgs.map((org) =>
    organisationJson(org, {
      // Filtering by manager aggregates only that manager's row (SQL WHERE before GROUP BY).
      managers: withManagers
        ? usersOf(ctx, managerId === undefined ? org.managers : [managerId])
        : null,
      isManager: null,
      teams: null,
      stats: withStats ? organisationStatsJson(ctx.world, org.id, true) : null,
      type: null,
    })
  );
  return jsonResponse({ organisations });
}

function statistics(ctx: RouteContext): Response {
  const id = ctx.params["organisation_id"] ?? 0;
  if (!ctx.index.organisations.has(id)) return organisationNotFound({ organisation_id: id });
  return jsonResponse(organisationStatsJson(ctx.world, id, false));
}

/**
 * 404 `ORGANISATION_NOT_FOUND` (format 2) with the given details.
 *
 * @example
 * ```ts
 * import { organisationNotFound } from "./organisations.ts";
 * import assert from "node:assert/strict";
 * assert.equal(organisationNotFound({ organisation_id: 9 }).status, 404);
 * ```
 */
export function organisationNotFound(details: JsonObject): Response {
  return tmError(
    404,
    "ORGANISATION_NOT_FOUND",
    details,
    "The requested organisation was not found on the server.",
  );
}

/** The organisations list (public; sorted by name; `type` null, see reference 3.15). */
export const organisationsRoute: Route = {
  pattern: "/api/v2/organisations/",
  auth: "public",
  query: [
    { name: "omitManagerList", kind: "bool" },
    { name: "omitOrgStats", kind: "bool" },
    { name: "manager_user_id", kind: "int" },
  ],
  handle: list,
};

/** An organisation's all-time statistics (public; 404 `ORGANISATION_NOT_FOUND`). */
export const organisationStatisticsRoute: Route = {
  pattern: "/api/v2/organisations/{organisation_id}/statistics/",
  auth: "public",
  intParams: ["organisation_id"],
  handle: statistics,
};
