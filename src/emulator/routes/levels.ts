/**
 * `GET /levels/` (public): the mapping levels by `ordering` (`MappingLevelService.get_all`,
 * DTOs `MappingLevelListDTO`, `MappingLevelDTO`). The list never fills `requiredBadges` (only
 * the single-level route does), so it is always `[]`.
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { jsonResponse } from "../errors.ts";

function handle(ctx: RouteContext): Response {
  const levels = ctx.world.levels.slice().sort((a, b) => a.ordering - b.ordering).map((l) => ({
    id: l.id,
    name: l.name,
    approvalsRequired: l.approvalsRequired,
    color: l.color,
    ordering: l.ordering,
    isBeginner: l.isBeginner,
    requiredBadges: [],
  }));
  return jsonResponse({ levels });
}

/**
 * The mapping levels route.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { levelsRoute } from "./levels.ts";
 * assert.equal(levelsRoute.pattern, "/api/v2/levels/");
 * ```
 */
export const levelsRoute: Route = {
  pattern: "/api/v2/levels/",
  auth: "public",
  handle,
};
