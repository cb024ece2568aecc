/**
 * Organisations (reference 3.15): the list `tm.organisations()` and one organisation's
 * all-time statistics `tm.organisation(id).statistics()`, flattened into one row.
 *
 * @module
 */

import { requirePositiveInteger } from "../args.ts";
import type { Endpoint, QueryContext } from "../query.ts";
import {
  type Organisation,
  OrganisationList,
  OrganisationStatistics,
} from "../schemas/organisations.ts";
import { listEndpoint, ListQuery } from "./list.ts";

/** `/organisations/`, sorted by name as TM sends it. */
export const ORGANISATIONS_ENDPOINT: Endpoint<OrganisationList, Organisation> = listEndpoint({
  page: OrganisationList,
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
  organisationId: number;
  projectsDraft: number;
  projectsPublished: number;
  projectsArchived: number;
  projectsRecent: number;
  projectsStale: number;
  tasksReady: number;
  tasksLockedForMapping: number;
  tasksLockedForValidation: number;
  tasksMapped: number;
  tasksValidated: number;
  tasksInvalidated: number;
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

function statisticsEndpoint(
  id: number,
): Endpoint<OrganisationStatistics, OrganisationStatisticsRow> {
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
  return listEndpoint({
    page: OrganisationStatistics,
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
 * import { createClient, startEmulator } from "../../mod.ts";
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
  statistics(): ListQuery<OrganisationStatistics, OrganisationStatisticsRow> {
    return new ListQuery(this.#context, {
      endpoint: statisticsEndpoint(this.id),
      path: `organisations/${this.id}/statistics/`,
      params: {},
    });
  }
}
