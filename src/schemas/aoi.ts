/**
 * `GET /projects/{id}/queries/aoi/`: a project's area of interest, a bare GeoJSON MultiPolygon.
 *
 * @module
 */

import { z } from "../deps.ts";

/**
 * The body: `{"type": "MultiPolygon", "coordinates": [[[[lon, lat], ...]]]}`. `type` is a
 * string, not a literal, so a Polygon sent by another TM is still read.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { AreaOfInterest } from "./aoi.ts";
 * const aoi = AreaOfInterest.parse({
 *   type: "MultiPolygon",
 *   coordinates: [[[[85.3, 27.7], [85.4, 27.7], [85.4, 27.8], [85.3, 27.7]]]],
 * });
 * assert.equal(aoi.coordinates[0]?.[0]?.length, 4);
 * ```
 */
export const AreaOfInterest = z.object({
  type: z.string(),
  coordinates: z.array(z.array(z.array(z.array(z.number())))),
});
/** A project's area of interest. */
export type AreaOfInterest = z.infer<typeof AreaOfInterest>;
