/**
 * `GET /organisations/` and `GET /organisations/{id}/statistics/` (reference 3.15).
 *
 * @module
 */

import { z } from "../deps.ts";
import { orNull } from "./common.ts";
import { OrganisationTypeField } from "./enum_fields.ts";

const Count = z.number().int();

/**
 * One organisation of the list. `managers` is absent for anonymous callers (read as null).
 *
 * @example
 * ```ts
 * import { Organisation } from "./organisations.ts";
 * import assert from "node:assert/strict";
 *
 * const org = Organisation.parse({
 *   organisationId: 1, name: "HOT", slug: "hot", logo: null, description: null, url: null, isManager: null,
 *   projects: [], teams: null, campaigns: null, stats: null, type: null, subscriptionTier: null,
 * });
 * assert.equal(org.managers, null);
 * ```
 */
export const Organisation = z.object({
  organisationId: Count,
  managers: orNull(z.array(z.object({ username: z.string(), pictureUrl: orNull(z.string()) }))),
  name: orNull(z.string()),
  slug: orNull(z.string()),
  logo: orNull(z.string()),
  description: orNull(z.string()),
  url: orNull(z.string()),
  isManager: orNull(z.boolean()),
  type: orNull(OrganisationTypeField),
  subscriptionTier: orNull(Count),
});
/** One organisation of the list. */
export type Organisation = z.infer<typeof Organisation>;

/** The body of `/organisations/`. */
export const OrganisationList = z.object({ organisations: z.array(Organisation) });
/** The body of `/organisations/`. */
export type OrganisationList = z.infer<typeof OrganisationList>;

/**
 * An organisation's all-time statistics: projects by state, and tasks by status over its
 * published projects.
 *
 * @example
 * ```ts
 * import { OrganisationStatistics } from "./organisations.ts";
 * import assert from "node:assert/strict";
 *
 * const s = OrganisationStatistics.parse({
 *   projects: { draft: 1, published: 2, archived: 0, recent: 1, stale: 0 },
 *   activeTasks: { ready: 5, lockedForMapping: 0, lockedForValidation: 0, mapped: 1, validated: 2, invalidated: 0, badImagery: 0 },
 * });
 * assert.equal(s.projects.published, 2);
 * ```
 */
export const OrganisationStatistics = z.object({
  projects: z.object({
    draft: Count,
    published: Count,
    archived: Count,
    recent: Count,
    stale: Count,
  }),
  activeTasks: z.object({
    ready: Count,
    lockedForMapping: Count,
    lockedForValidation: Count,
    mapped: Count,
    validated: Count,
    invalidated: Count,
    badImagery: Count,
  }),
});
/** An organisation's all-time statistics. */
export type OrganisationStatistics = z.infer<typeof OrganisationStatistics>;
