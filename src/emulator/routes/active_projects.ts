/**
 * `GET /projects/queries/active/?interval=24` (public): PUBLISHED projects with a task history
 * row or a chat message in the last `interval` hours (`ProjectService.get_active_projects`), as
 * a GeoJSON FeatureCollection whose geometry is the area of interest and whose properties are
 * snake_case with TM's numeric mapping types: `{"project_id", "mapping_types"}`.
 *
 * `interval` is read raw: anything but ASCII digits (`str.isdigit`), 0 or more than 24 gives
 * 400 `{"Error": "Interval must be a number greater than 0 and less than or equal to 24"}`.
 * TM measures the window back from the wall clock; the emulator measures it back from the
 * world's clock. The second query has no `ORDER BY`; the emulator sends projects by id.
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import type { MappingType } from "../../schemas/enums.ts";
import { jsonResponse, routeError } from "../errors.ts";
import { queryValue } from "../router.ts";
import { activeSince } from "../lazy.ts";

const HOUR = 3_600_000_000;
const MAPPING_TYPE_IDS: Record<MappingType, number> = {
  ROADS: 1,
  BUILDINGS: 2,
  WATERWAYS: 3,
  LAND_USE: 4,
  OTHER: 5,
};

function handle(ctx: RouteContext): Response {
  const raw = queryValue(ctx.url, "interval") ?? "24";
  const hours = /^[0-9]+$/.test(raw) ? Number(raw) : 0;
  if (hours <= 0 || hours > 24) {
    return routeError(400, "Interval must be a number greater than 0 and less than or equal to 24");
  }
  const since = ctx.world.now - hours * HOUR;
  const active = new Set(
    ctx.world.chat.filter((m) => m.timestamp >= since).map((m) => m.projectId),
  );
  const features: JsonValue[] = ctx.world.projects
    .filter((p) =>
      p.status === "PUBLISHED" &&
      (active.has(p.id) || activeSince(ctx.world, p, since))
    )
    .sort((a, b) => a.id - b.id)
    .map((p) => ({
      type: "Feature",
      geometry: { type: "MultiPolygon", coordinates: p.aoi },
      properties: {
        project_id: p.id,
        mapping_types: p.mappingTypes.map((t) => MAPPING_TYPE_IDS[t]),
      },
    }));
  return jsonResponse({ type: "FeatureCollection", features });
}

/**
 * The active-projects route.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activeProjectsRoute } from "./active_projects.ts";
 * assert.equal(activeProjectsRoute.pattern, "/api/v2/projects/queries/active/");
 * ```
 */
export const activeProjectsRoute: Route = {
  pattern: "/api/v2/projects/queries/active/",
  auth: "public",
  handle,
};
