/**
 * Organisations (reference 3.15): the list `tm.organisations()` and one organisation's
 * all-time statistics `tm.organisation(id).statistics()`, flattened into one row.
 *
 * @module
 */

import { requirePositiveInteger } from "../args.ts";
import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import type { QueryContext } from "../query.ts";
import { OrganisationList, OrganisationStatistics } from "../schemas/organisations.ts";
import { EndpointQuery } from "./endpoint_query.ts";
import type { Organisation } from "../rows.ts";

/** `/organisations/`, sorted by name as TM sends it. */
export const ORGANISATIONS_ENDPOINT: Endpoint<OrganisationList, Organisation, void> =
  defineEndpoint({
    request: () => ({ path: "organisations/", params: {} }),
    body: OrganisationList,
    rows: (body) => body.organisations,
    key: (row) => row.organisationId,
    columns: {
      organisationId: { kind: "int" },
      name: { kind: "str" },
      slug: { kind: "str" },
      logo: { kind: "str" },
      description: { kind: "str" },
      url: { kind: "str" },
      type: { kind: "str" },
      subscriptionTier: { kind: "int" },
      managers: { kind: "list<struct>", fields: { username: "str", pictureUrl: "str" } },
    },
  });

/** An organisation's statistics as one flat row. */
export interface OrganisationStatisticsRow {
  /** The organisation asked about. */
  organisationId: number;
  /** Projects in DRAFT. */
  projectsDraft: number;
  /** Projects PUBLISHED. */
  projectsPublished: number;
  /** Projects ARCHIVED. */
  projectsArchived: number;
  /** Published projects updated in the last 90 days (TM's `recent`). */
  projectsRecent: number;
  /** Published projects not updated for longer (TM's `stale`). */
  projectsStale: number;
  /** Tasks READY in published projects. */
  tasksReady: number;
  /** Tasks LOCKED_FOR_MAPPING in published projects. */
  tasksLockedForMapping: number;
  /** Tasks LOCKED_FOR_VALIDATION in published projects. */
  tasksLockedForValidation: number;
  /** Tasks MAPPED in published projects. */
  tasksMapped: number;
  /** Tasks VALIDATED in published projects. */
  tasksValidated: number;
  /** Tasks INVALIDATED in published projects. */
  tasksInvalidated: number;
  /** Tasks BADIMAGERY in published projects. */
  tasksBadImagery: number;
}

function flatten(id: number, s: OrganisationStatistics): OrganisationStatisticsRow {
  const { projects: p, activeTasks: t } = s;
  return {
    organisationId: id,
    projectsDraft: p.draft,
    projectsPublished: p.published,
    projectsArchived: p.archived,
    projectsRecent: p.recent,
    projectsStale: p.stale,
    tasksReady: t.ready,
    tasksLockedForMapping: t.lockedForMapping,
    tasksLockedForValidation: t.lockedForValidation,
    tasksMapped: t.mapped,
    tasksValidated: t.validated,
    tasksInvalidated: t.invalidated,
    tasksBadImagery: t.badImagery,
  };
}

/** `/organisations/{id}/statistics/` of one organisation, flattened to one row that names it. */
function statisticsEndpoint(
  id: number,
): Endpoint<OrganisationStatistics, OrganisationStatisticsRow, void> {
  const row = flatten(id, {
    projects: { draft: 0, published: 0, archived: 0, recent: 0, stale: 0 },
    activeTasks: {
      ready: 0,
      lockedForMapping: 0,
      lockedForValidation: 0,
      mapped: 0,
      validated: 0,
      invalidated: 0,
      badImagery: 0,
    },
  });
  const columns = Object.fromEntries(Object.keys(row).map((name) => [name, { kind: "int" }]));
  return defineEndpoint({
    request: () => ({ path: `organisations/${id}/statistics/`, params: {} }),
    body: OrganisationStatistics,
    rows: (stats) => [flatten(id, stats)],
    key: () => 0,
    columns: columns as Record<keyof OrganisationStatisticsRow, { kind: "int" }>,
  });
}

/**
 * One organisation's endpoints.
 *
 * @example An organisation's statistics
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [first] = await tm.organisations().records();
 *   const stats = await tm.organisation(first!.organisationId).statistics().frame();
 *   assert.equal(stats.getColumn("organisationId").toArray()[0], first!.organisationId);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class OrganisationHandle {
  readonly #context: QueryContext;
  /** The organisation id. */
  readonly id: number;

  /** Use `client.organisation(id)`. */
  constructor(context: QueryContext, id: number) {
    this.#context = context;
    this.id = requirePositiveInteger("organisation id", id);
    Object.freeze(this);
  }

  /**
   * `GET /organisations/{id}/statistics/`, one row: `projectsDraft` ... `projectsStale`
   * (`projects.*`) and `tasksReady` ... `tasksBadImagery` (`activeTasks.*`, over published
   * projects).
   */
  statistics(): EndpointQuery<OrganisationStatisticsRow> {
    return EndpointQuery.of(
      this.#context,
      `statistics of organisation ${this.id}`,
      statisticsEndpoint(this.id),
      undefined,
      [["organisation", this.id]],
    );
  }
}
