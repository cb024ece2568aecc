/**
 * The name filters of the project search against TM's catalogues: loose names resolved to
 * TM's (one catalogue request each, before the search), and a warning with the closest names
 * when a search by name matched nothing. The matching itself is `../names.ts`.
 *
 * @module
 */

import { defaultWarningSink, type WarningSink } from "../drift_warnings.ts";
import { closestNames, foldName, noMatchWarning, resolveName } from "../names.ts";
import { planOf, type QueryContext } from "../query.ts";
import { CAMPAIGNS_ENDPOINT, COUNTRIES_ENDPOINT } from "./catalogue.ts";
import { EndpointQuery } from "./endpoint_query.ts";
import { ORGANISATIONS_ENDPOINT } from "./organisations.ts";

/** A search filter that takes a name from one of TM's catalogues. */
export type NameFilter = "organisation" | "campaign" | "country";

/** The name filters of a search, by their filter. */
export type NamedFilters = Readonly<Partial<Record<NameFilter, string | number>>>;

/** Which name filters are to be matched loosely. */
export type LooseNames = ReadonlySet<NameFilter>;

const FILTERS: readonly NameFilter[] = ["organisation", "campaign", "country"];

/** Every name of a catalogue, in TM's order: one request. */
async function catalogue(context: QueryContext, filter: NameFilter): Promise<string[]> {
  if (filter === "organisation") {
    const rows = await new EndpointQuery(
      context,
      "organisations",
      planOf(ORGANISATIONS_ENDPOINT, undefined),
    )
      .records({ progress: false });
    return rows.flatMap((row) => row.name === null ? [] : [row.name]);
  }
  if (filter === "campaign") {
    const rows = await new EndpointQuery(
      context,
      "campaigns",
      planOf(CAMPAIGNS_ENDPOINT, undefined),
    )
      .records({ progress: false });
    return rows.map((row) => row.name);
  }
  const rows = await new EndpointQuery(context, "countries", planOf(COUNTRIES_ENDPOINT, undefined))
    .records({ progress: false });
  return rows.map((row) => row.country);
}

/**
 * The filters with each loose name replaced by TM's name from its catalogue (one request per
 * loose filter). A name the catalogue does not hold is kept as given, with a warning naming
 * the closest ones. Returns `filters` itself when nothing is loose.
 *
 * @example
 * ```ts
 * import { resolveLooseNames } from "./name_filters.ts";
 * import { createClient } from "../client.ts";
 * import { startEmulator } from "../emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 100 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, progress: false });
 *   const context = tm.projects()["context"];
 *   const named = await resolveLooseNames(context, { country: "tanzania" }, new Set(["country"]));
 *   assert.deepEqual(named, { country: "United Republic of Tanzania" });
 *   assert.equal(emulator.requests, 1);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function resolveLooseNames<F extends NamedFilters>(
  context: QueryContext,
  filters: F,
  loose: LooseNames,
  sink: WarningSink = defaultWarningSink,
): Promise<F> {
  let named = filters;
  for (const filter of FILTERS) {
    const name = filters[filter];
    if (!loose.has(filter) || typeof name !== "string") continue;
    const names = await catalogue(context, filter);
    const found = resolveName(name, names);
    if (found === undefined) {
      const close = closestNames(name, names);
      sink(
        `tmframes: TM has no ${filter} like ${JSON.stringify(name)}` +
          (close.length > 0 ? `; closest: ${close.map((n) => JSON.stringify(n)).join(", ")}` : ""),
      );
    }
    named = { ...named, [filter]: found ?? name };
  }
  return named;
}

/**
 * After a search by name found no project: warns once for each name that TM's catalogue
 * does not hold as given (countries ignore case, as TM does), with the closest names (one
 * catalogue request per name filter). Returns the warnings.
 *
 * @example
 * ```ts
 * import { warnUnknownNames } from "./name_filters.ts";
 * import { createClient } from "../client.ts";
 * import { startEmulator } from "../emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 100 });
 * try {
 *   const context = createClient({ baseUrl: emulator.url, progress: false }).projects()["context"];
 *   const lines: string[] = [];
 *   await warnUnknownNames(context, { country: "Tanzania", campaign: "Missing Maps" }, (l) => lines.push(l));
 *   assert.equal(lines.length, 1);
 *   assert.match(lines[0]!, /country "Tanzania".*"United Republic of Tanzania"/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function warnUnknownNames(
  context: QueryContext,
  filters: NamedFilters,
  sink: WarningSink = defaultWarningSink,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const filter of FILTERS) {
    const name = filters[filter];
    if (typeof name !== "string") continue;
    const names = await catalogue(context, filter);
    const same = filter === "country"
      ? (n: string) => foldName(n) === foldName(name)
      : (n: string) => n === name;
    if (names.some(same)) continue;
    const warning = noMatchWarning(filter, name, names);
    sink(warning);
    warnings.push(warning);
  }
  return warnings;
}
