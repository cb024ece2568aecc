/**
 * Names in TM's catalogues (organisations, campaigns, countries): a loose match that finds the
 * exact name TM wants ("tanzania" -> "United Republic of Tanzania"), and the closest names to
 * suggest when a search by name matches nothing. Pure: the catalogues are given.
 *
 * @module
 */

/**
 * How a name filter is matched: `"exact"` sends the name as given (TM's own rule: exact for
 * organisations and campaigns); `"loose"` first finds TM's name in its catalogue, ignoring
 * case, accents and punctuation, and accepting a name that contains the given words.
 */
export type NameMatch = "exact" | "loose";

/** Options of the name filters (`organisation`, `campaign`, `country`). */
export interface NameOptions {
  /** How the name is matched. @default "exact" */
  readonly match?: NameMatch;
}

const MATCHES: readonly NameMatch[] = ["exact", "loose"];

/**
 * The match asked for, checked: `options` must be an object whose `match` is `"exact"` or
 * `"loose"`.
 *
 * @example
 * ```ts
 * import { requireNameMatch } from "./names.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(requireNameMatch("country", {}), "exact");
 * assert.equal(requireNameMatch("country", { match: "loose" }), "loose");
 * assert.throws(() => requireNameMatch("country", { match: "fuzzy" as "loose" }), /country match "fuzzy"/);
 * ```
 */
export function requireNameMatch(filter: string, options: NameOptions | undefined): NameMatch {
  if (options === undefined) return "exact";
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`Cannot use ${filter} options ${String(options)}: it must be an object`);
  }
  const match = options.match ?? "exact";
  if (!MATCHES.includes(match)) {
    throw new RangeError(
      `Cannot use ${filter} match ${JSON.stringify(match)}: it must be "exact" or "loose"`,
    );
  }
  return match;
}

/**
 * A name folded for comparison: lower case, without accents, punctuation as spaces, spaces
 * collapsed.
 *
 * @example
 * ```ts
 * import { foldName } from "./names.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(foldName("  Médecins Sans-Frontières "), "medecins sans frontieres");
 * ```
 */
export function foldName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * TM's name for `name` in `names`: the one equal to it once folded (see {@linkcode foldName});
 * else the only one that contains its words, in order, as whole words. `undefined` when there
 * is none, or several and none equal.
 *
 * @example
 * ```ts
 * import { resolveName } from "./names.ts";
 * import assert from "node:assert/strict";
 *
 * const countries = ["Kenya", "United Republic of Tanzania", "Congo", "Democratic Republic of the Congo"];
 * assert.equal(resolveName("tanzania", countries), "United Republic of Tanzania");
 * assert.equal(resolveName("KENYA", countries), "Kenya");
 * assert.equal(resolveName("congo", countries), "Congo"); // equal beats contained
 * assert.equal(resolveName("republic", countries), undefined); // two contain it
 * assert.equal(resolveName("Narnia", countries), undefined);
 * ```
 */
export function resolveName(name: string, names: readonly string[]): string | undefined {
  const wanted = foldName(name);
  if (wanted === "") return undefined;
  const equal = names.find((candidate) => foldName(candidate) === wanted);
  if (equal !== undefined) return equal;
  const containing = names.filter((candidate) =>
    ` ${foldName(candidate)} `.includes(` ${wanted} `)
  );
  return containing.length === 1 ? containing[0] : undefined;
}

/** Levenshtein distance between two strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The `count` names of `names` closest to `name`, closest first: those that contain it or that
 * it contains (once folded) first, then by edit distance to the name or to one of its words;
 * names further than half the name's length are left out. Ties keep the catalogue's order.
 *
 * @example
 * ```ts
 * import { closestNames } from "./names.ts";
 * import assert from "node:assert/strict";
 *
 * const campaigns = ["Missing Maps", "Malaria Elimination", "Map Kibera", "Flood Response"];
 * assert.deepEqual(closestNames("misssing maps", campaigns, 2), ["Missing Maps"]);
 * assert.deepEqual(closestNames("map", campaigns, 2), ["Map Kibera", "Missing Maps"]);
 * assert.deepEqual(closestNames("zzzz", campaigns), []);
 * ```
 */
export function closestNames(name: string, names: readonly string[], count = 3): string[] {
  const wanted = foldName(name);
  if (wanted === "") return [];
  const limit = Math.max(1, Math.floor(wanted.length / 2));
  const scored = names.map((candidate, index) => {
    const folded = foldName(candidate);
    const contains = ` ${folded} `.includes(` ${wanted} `) || ` ${wanted} `.includes(` ${folded} `);
    const words = [folded, ...folded.split(" ")];
    const score = contains ? 0 : Math.min(...words.map((word) => distance(wanted, word)));
    return { candidate, index, score, contains };
  });
  return scored
    .filter((s) => s.contains || s.score <= limit)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, count)
    .map((s) => s.candidate);
}

/**
 * The warning for a name filter that matched nothing, with the closest names of the catalogue.
 *
 * @example
 * ```ts
 * import { noMatchWarning } from "./names.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   noMatchWarning("country", "Tanzania", ["Kenya", "United Republic of Tanzania"]),
 *   'tmframes: no project matches country "Tanzania"; TM\'s closest names: ' +
 *     '"United Republic of Tanzania" (names are exact; { match: "loose" } finds TM\'s name)',
 * );
 * ```
 */
export function noMatchWarning(filter: string, name: string, names: readonly string[]): string {
  const close = closestNames(name, names);
  const hint = close.length === 0
    ? `no name in TM's ${filter} catalogue is close`
    : `TM's closest names: ${close.map((n) => JSON.stringify(n)).join(", ")}`;
  return `tmframes: no project matches ${filter} ${JSON.stringify(name)}; ${hint} ` +
    `(names are exact; { match: "loose" } finds TM's name)`;
}
