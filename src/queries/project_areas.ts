/**
 * A project's area of interest (`GET /projects/{id}/queries/aoi/`) and the projects active in
 * the last hours with their areas (`GET /projects/queries/active/`): GeoJSON geometry as text,
 * for area maps and spatial joins.
 *
 * @module
 */

import { defineEndpoint, type Endpoint, objectEndpoint } from "../endpoint.ts";
import { ActiveProjects, MAPPING_TYPE_NUMBERS } from "../schemas/active_projects.ts";
import * as aoiSchemas from "../schemas/aoi.ts";
import type { ProjectArgs } from "./project_args.ts";
import type { ActiveProjectFeature, AreaOfInterest } from "../rows.ts";

/** `/projects/{id}/queries/aoi/`: the area as one row, its `geometry` column GeoJSON text. */
export const PROJECT_AOI_ENDPOINT: Endpoint<AreaOfInterest, AreaOfInterest, ProjectArgs> =
  objectEndpoint({
    request: ({ projectId }) => ({ path: `projects/${projectId}/queries/aoi/`, params: {} }),
    body: aoiSchemas.AreaOfInterest,
    columns: { geometry: { kind: "json", value: (area) => area } },
  });

/** A project active in the last hours. */
export interface ActiveProjectRow {
  /** The project. */
  projectId: number;
  /** Its mapping types, by name (`ROADS`, `BUILDINGS` ...; an unknown number is kept as text). */
  mappingTypes: string[] | null;
  /** Its area of interest, a GeoJSON MultiPolygon (GeoJSON text in the frame). */
  geometry: ActiveProjectFeature["geometry"];
}

/** How many hours back `tm.activeProjects(hours)` looks. */
export interface ActiveProjectsArgs {
  /** 1 to 24. */
  readonly hours: number;
}

/** `/projects/queries/active/?interval=`: one row per project with a task changed in the last hours. */
export const ACTIVE_PROJECTS_ENDPOINT: Endpoint<
  ActiveProjects,
  ActiveProjectRow,
  ActiveProjectsArgs
> = defineEndpoint({
  request: ({ hours }) => ({ path: "projects/queries/active/", params: { interval: hours } }),
  body: ActiveProjects,
  rows: (body) =>
    body.features.map((feature) => ({
      projectId: feature.properties.project_id,
      mappingTypes: feature.properties.mapping_types?.map((type) =>
        MAPPING_TYPE_NUMBERS[type] ?? String(type)
      ) ?? null,
      geometry: feature.geometry,
    })),
  key: (row) =>
    row.projectId,
  columns: {
    projectId: { kind: "int" },
    mappingTypes: { kind: "list<str>" },
    geometry: { kind: "json" },
  },
});
