/**
 * `GET /projects/queries/active/`: published projects with activity in the last hours, as a
 * GeoJSON FeatureCollection with snake_case properties.
 *
 * @module
 */

import { z } from "../deps.ts";

/**
 * TM's numeric `MappingTypes` (the `mapping_types` property holds these numbers).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MAPPING_TYPE_NUMBERS } from "./active_projects.ts";
 * assert.equal(MAPPING_TYPE_NUMBERS[2], "BUILDINGS");
 * ```
 */
export const MAPPING_TYPE_NUMBERS: Readonly<Record<number, string>> = {
  1: "ROADS",
  2: "BUILDINGS",
  3: "WATERWAYS",
  4: "LAND_USE",
  5: "OTHER",
};

/**
 * One active project: its area of interest and `{"project_id", "mapping_types"}`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ActiveProjectFeature } from "./active_projects.ts";
 * const f = ActiveProjectFeature.parse({
 *   type: "Feature",
 *   geometry: { type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] },
 *   properties: { project_id: 12, mapping_types: [1, 2] },
 * });
 * assert.equal(f.properties.project_id, 12);
 * ```
 */
export const ActiveProjectFeature = z.object({
  type: z.string(),
  geometry: z.object({
    type: z.string(),
    coordinates: z.array(z.array(z.array(z.array(z.number())))),
  }),
  properties: z.object({
    project_id: z.number().int(),
    mapping_types: z.array(z.number().int()).nullable(),
  }),
});
/** One active project. */
export type ActiveProjectFeature = z.infer<typeof ActiveProjectFeature>;

/**
 * The body: `{"type": "FeatureCollection", "features": [...]}` (an empty list when none).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ActiveProjects } from "./active_projects.ts";
 * assert.equal(ActiveProjects.parse({ type: "FeatureCollection", features: [] }).features.length, 0);
 * ```
 */
export const ActiveProjects = z.object({
  type: z.string(),
  features: z.array(ActiveProjectFeature),
});
/** The active-projects body. */
export type ActiveProjects = z.infer<typeof ActiveProjects>;
