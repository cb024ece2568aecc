/**
 * Public catalogues (reference 3.16): `tm.campaigns()`, `tm.interests()`, `tm.countries()`.
 *
 * @module
 */

import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import { CampaignList, CountryList, InterestList } from "../schemas/catalogue.ts";
import type { Interest } from "../rows.ts";

/** A campaign: id and name. */
export interface CampaignRow {
  /** The campaign's id. */
  id: number;
  /** The campaign's name. */
  name: string;
}

/** `/campaigns/`, sorted by name. */
export const CAMPAIGNS_ENDPOINT: Endpoint<CampaignList, CampaignRow, void> = defineEndpoint({
  request: () => ({ path: "campaigns/", params: {} }),
  body: CampaignList,
  rows: (body) => body.campaigns,
  key: (row) => row.id,
  columns: { id: { kind: "int" }, name: { kind: "str" } },
});

/** `/interests/` in TM's table order. */
export const INTERESTS_ENDPOINT: Endpoint<InterestList, Interest, void> = defineEndpoint({
  request: () => ({ path: "interests/", params: {} }),
  body: InterestList,
  rows: (body) => body.interests,
  key: (row) => row.id,
  columns: {
    id: { kind: "int" },
    name: { kind: "str" },
    countProjects: { kind: "int" },
    countUsers: { kind: "int" },
  },
});

/** A country name. */
export interface CountryRow {
  /** The country's English name, as TM spells it. */
  country: string;
}

/** `/countries/`: the key `tags` becomes one row per country, column `country`. */
export const COUNTRIES_ENDPOINT: Endpoint<CountryList, CountryRow, void> = defineEndpoint({
  request: () => ({ path: "countries/", params: {} }),
  body: CountryList,
  rows: (body) => body.tags.map((country) => ({ country })),
  key: (row) => row.country,
  columns: { country: { kind: "str" } },
});
