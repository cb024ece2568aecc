/**
 * `GET /projects/{project_id}/queries/aoi/` (public): the project's area of interest as a bare
 * GeoJSON MultiPolygon (`Project.get_aoi_geometry_as_geojson`). No privacy or status check.
 * `as_file=true` sends the same geometry indented by 4 as an `application/geo+json` attachment
 * `"<id>-aoi.geojson"`. Unknown project: 404 `PROJECT_NOT_FOUND` (`Project.exists`).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { jsonResponse, projectNotFound } from "../errors.ts";
import { writeJson } from "../json.ts";

function handle(ctx: RouteContext): Response {
  const id = ctx.params["project_id"] ?? 0;
  const project = ctx.index.project(id);
  if (project === undefined) return projectNotFound(id);
  const body = { type: "MultiPolygon", coordinates: project.aoi };
  if (ctx.bools["as_file"] !== true) return jsonResponse(body);
  return new Response(writeJson(body, 4), {
    headers: {
      "content-type": "application/geo+json",
      "content-disposition": `attachment; filename="${id}-aoi.geojson"`,
    },
  });
}

/**
 * The area-of-interest route.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { projectAoiRoute } from "./project_aoi.ts";
 * assert.equal(projectAoiRoute.pattern, "/api/v2/projects/{project_id}/queries/aoi/");
 * ```
 */
export const projectAoiRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/queries/aoi/",
  auth: "public",
  intParams: ["project_id"],
  query: [{ name: "as_file", kind: "bool" }],
  handle,
};
