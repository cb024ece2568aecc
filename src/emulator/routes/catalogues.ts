/**
 * Public catalogue routes (reference 3.16): `GET /campaigns/` (id and name, sorted by name),
 * `GET /interests/` (table order; `userSelected`, `countProjects`, `countUsers` null) and
 * `GET /countries/` (the distinct countries of all projects, sorted).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { jsonResponse } from "../errors.ts";
import { compareNames } from "./analytics_common.ts";

function campaigns(ctx: RouteContext): Response {
  const list = [...ctx.world.campaigns].sort((a, b) => compareNames(a.name, b.name));
  return jsonResponse({ campaigns: list.map((c) => ({ id: c.id, name: c.name })) });
}

function interests(ctx: RouteContext): Response {
  return jsonResponse({
    interests: ctx.world.interests.map((i) => ({
      id: i.id,
      name: i.name,
      userSelected: null,
      countProjects: null,
      countUsers: null,
    })),
  });
}

function countries(ctx: RouteContext): Response {
  const names = new Set<string>();
  for (const p of ctx.world.projects) for (const c of p.countries ?? []) names.add(c);
  return jsonResponse({ tags: [...names].sort(compareNames) });
}

/** All campaigns (public). */
export const campaignsRoute: Route = {
  pattern: "/api/v2/campaigns/",
  auth: "public",
  handle: campaigns,
};

/** All interests (public). */
export const interestsRoute: Route = {
  pattern: "/api/v2/interests/",
  auth: "public",
  handle: interests,
};

/** All project countries (public). */
export const countriesRoute: Route = {
  pattern: "/api/v2/countries/",
  auth: "public",
  handle: countries,
};
