/**
 * Public catalogues (reference 3.16): `tm.campaigns()`, `tm.interests()`, `tm.countries()`.
 *
 * @module
 */

import type { Endpoint } from "../query.ts";
import { CampaignList, CountryList, type Interest, InterestList } from "../schemas/catalogue.ts";
import { listEndpoint } from "./list.ts";

/** A campaign: id and name. */
export interface CampaignRow {
  id: number;
  name: string;
}

/** `/campaigns/`, sorted by name. */
export const CAMPAIGNS_ENDPOINT: Endpoint<CampaignList, CampaignRow> = listEndpoint({
  page: CampaignList,
  rows: (body) => body.campaigns,
  key: (row) => row.id,
  columns: { id: { kind: "int" }, name: { kind: "str" } },
});

/** `/interests/` in TM's table order. */
export const INTERESTS_ENDPOINT: Endpoint<InterestList, Interest> = listEndpoint({
  page: InterestList,
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
  country: string;
}

/** `/countries/`: the key `tags` becomes one row per country, column `country`. */
export const COUNTRIES_ENDPOINT: Endpoint<CountryList, CountryRow> = listEndpoint({
  page: CountryList,
  rows: (body) => body.tags.map((country) => ({ country })),
  key: (row) => row.country,
  columns: { country: { kind: "str" } },
});
