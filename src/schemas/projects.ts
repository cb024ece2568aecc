/**
 * `GET /projects/` (reference 3.1): one search result row and one page of results.
 * The CSV fields (`creationDate`, `partnerNames`, `totalAreaSquareKilometers`) are null in
 * TM5's JSON (TM 4.8.5 filled the first and the last on every row) and no column reads them,
 * but they are declared with TM's types all the same: a row that holds exactly the declared
 * keys is its own decoded output, so the compiled decoder passes TM's rows through instead of
 * copying each without those keys (half the decoding time of a search page). `mapResults` is
 * left out (tmframes sends `omitMapResults`).
 *
 * @module
 */

import { z } from "../deps.ts";
import { CampaignRef, orNull, Pagination, TmDateTime } from "./common.ts";
import { ProjectDifficultyField, ProjectPriorityField, ProjectStatusField } from "./enum_fields.ts";

/**
 * One project of a search. Fields TM4 could omit read as null.
 *
 * @example
 * ```ts
 * import { ProjectSearchResult } from "./projects.ts";
 * import assert from "node:assert/strict";
 *
 * const row = ProjectSearchResult.parse({
 *   projectId: 7, locale: "en", name: "Roads", shortDescription: "", difficulty: "EASY", priority: "HIGH",
 *   organisationName: null, organisationLogo: null, campaigns: [], percentMapped: 10, percentValidated: 5,
 *   status: "PUBLISHED", activeMappers: 0, lastUpdated: "2024-05-01T12:34:56Z", dueDate: null,
 *   totalContributors: 3, country: ["Nepal"], sandbox: null, database: null, author: "ana",
 * });
 * assert.equal(row.projectId, 7);
 * ```
 */
export const ProjectSearchResult = z.object({
  projectId: z.number().int(),
  locale: orNull(z.string()),
  name: orNull(z.string()),
  shortDescription: orNull(z.string()),
  difficulty: orNull(ProjectDifficultyField),
  priority: orNull(ProjectPriorityField),
  organisationName: orNull(z.string()),
  organisationLogo: orNull(z.string()),
  campaigns: orNull(z.array(CampaignRef)),
  percentMapped: orNull(z.number().int()),
  percentValidated: orNull(z.number().int()),
  status: orNull(ProjectStatusField),
  activeMappers: orNull(z.number().int()),
  lastUpdated: orNull(TmDateTime),
  dueDate: orNull(TmDateTime),
  totalContributors: orNull(z.number().int()),
  country: orNull(z.array(z.string())),
  sandbox: orNull(z.boolean()),
  database: orNull(z.string()),
  author: orNull(z.string()),
  // The CSV fields of TM's ListSearchResultDTO (see above); absent reads as absent.
  creationDate: TmDateTime.nullish(),
  partnerNames: z.array(z.string()).nullish(),
  totalAreaSquareKilometers: z.number().nullish(),
});
/** One project of a search. */
export type ProjectSearchResult = z.infer<typeof ProjectSearchResult>;

/**
 * One page of a search. TM's no-match answer `{"mapResults": {}, "results": []}` has no
 * `pagination` (it is one empty page).
 *
 * @example
 * ```ts
 * import { ProjectSearchPage } from "./projects.ts";
 * import assert from "node:assert/strict";
 *
 * const page = ProjectSearchPage.parse({ mapResults: {}, results: [] });
 * assert.equal(page.pagination, undefined);
 * ```
 */
export const ProjectSearchPage = z.object({
  results: z.array(ProjectSearchResult),
  pagination: Pagination.nullish(),
});
/** One page of a search. */
export type ProjectSearchPage = z.infer<typeof ProjectSearchPage>;
