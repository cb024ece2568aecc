/**
 * Public catalogues (reference 3.16): `GET /campaigns/`, `/interests/`, `/countries/`.
 *
 * @module
 */

import { z } from "../deps.ts";
import { orNull } from "./common.ts";

/**
 * The body of `/campaigns/`: `{id, name}` sorted by name.
 *
 * @example
 * ```ts
 * import { CampaignList } from "./catalogue.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(CampaignList.parse({ campaigns: [{ id: 1, name: "Flood" }] }).campaigns[0]?.name, "Flood");
 * ```
 */
export const CampaignList = z.object({
  campaigns: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
/** The body of `/campaigns/`. */
export type CampaignList = z.infer<typeof CampaignList>;

/** One interest; the counts are null in the list. */
export const Interest = z.object({
  id: z.number().int(),
  name: z.string(),
  countProjects: orNull(z.number().int()),
  countUsers: orNull(z.number().int()),
});
/** One interest. */
export type Interest = z.infer<typeof Interest>;

/**
 * The body of `/interests/`.
 *
 * @example
 * ```ts
 * import { InterestList } from "./catalogue.ts";
 * import assert from "node:assert/strict";
 *
 * const list = InterestList.parse({ interests: [{ id: 2, name: "Health", userSelected: null, countProjects: null, countUsers: null }] });
 * assert.equal(list.interests[0]?.countProjects, null);
 * ```
 */
export const InterestList = z.object({ interests: z.array(Interest) });
/** The body of `/interests/`. */
export type InterestList = z.infer<typeof InterestList>;

/**
 * The body of `/countries/`: every project country, sorted, under the key `tags`.
 *
 * @example
 * ```ts
 * import { CountryList } from "./catalogue.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(CountryList.parse({ tags: ["Nepal"] }).tags, ["Nepal"]);
 * ```
 */
export const CountryList = z.object({ tags: z.array(z.string()) });
/** The body of `/countries/`. */
export type CountryList = z.infer<typeof CountryList>;
