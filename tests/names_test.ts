/** Name matching against hand-made catalogues, whose answers are written down here. */

import assert from "node:assert/strict";
import {
  closestNames,
  foldName,
  noMatchWarning,
  requireNameMatch,
  resolveName,
} from "../src/names.ts";

const COUNTRIES = [
  "Côte d'Ivoire",
  "Democratic Republic of the Congo",
  "Congo",
  "United Republic of Tanzania",
  "Timor-Leste",
  "Niger",
  "Nigeria",
];
const ORGANISATIONS = [
  "Humanitarian OpenStreetMap Team",
  "Médecins Sans Frontières",
  "Missing Maps",
];

Deno.test("names: folding ignores case, accents, punctuation and spacing", () => {
  assert.equal(foldName("Côte d'Ivoire"), "cote d ivoire");
  assert.equal(foldName("TIMOR  leste"), "timor leste");
  assert.equal(foldName("Timor-Leste"), "timor leste");
});

Deno.test("names: a loose name resolves to TM's exact name", () => {
  assert.equal(resolveName("tanzania", COUNTRIES), "United Republic of Tanzania");
  assert.equal(resolveName("cote d'ivoire", COUNTRIES), "Côte d'Ivoire");
  assert.equal(resolveName("timor leste", COUNTRIES), "Timor-Leste");
  assert.equal(resolveName("niger", COUNTRIES), "Niger"); // equal, not "Nigeria"
  assert.equal(resolveName("medecins sans frontieres", ORGANISATIONS), "Médecins Sans Frontières");
  // "congo" equals one and is contained in another: the equal one wins.
  assert.equal(resolveName("Congo", COUNTRIES), "Congo");
  // "republic" is in two names: ambiguous, so none.
  assert.equal(resolveName("republic", COUNTRIES), undefined);
  // Words must be whole: "tan" is not "Tanzania".
  assert.equal(resolveName("tan", COUNTRIES), undefined);
  assert.equal(resolveName("", COUNTRIES), undefined);
});

Deno.test("names: the closest names for a typo or a short form", () => {
  assert.deepEqual(closestNames("Tanzania", COUNTRIES), ["United Republic of Tanzania"]);
  assert.deepEqual(closestNames("Nigerr", COUNTRIES), ["Niger", "Nigeria"]);
  assert.deepEqual(closestNames("Humanitarian OSM Team", ORGANISATIONS), [
    "Humanitarian OpenStreetMap Team",
  ]);
  assert.deepEqual(closestNames("Missing Map", ORGANISATIONS), ["Missing Maps"]);
  assert.deepEqual(closestNames("Medecins sans frontiere", ORGANISATIONS), [
    "Médecins Sans Frontières",
  ]);
  assert.deepEqual(closestNames("Narnia", COUNTRIES), []);
});

Deno.test("names: the warning names the filter, the name and the closest names", () => {
  const text = noMatchWarning("organisation", "Missing Map", ORGANISATIONS);
  assert.match(text, /no project matches organisation "Missing Map"/);
  assert.match(text, /closest names: "Missing Maps"/);
  assert.match(noMatchWarning("country", "Narnia", COUNTRIES), /no name in TM's country catalogue/);
});

Deno.test("names: match must be exact or loose", () => {
  assert.equal(requireNameMatch("campaign", undefined), "exact");
  assert.equal(requireNameMatch("campaign", { match: "exact" }), "exact");
  assert.throws(
    () => requireNameMatch("campaign", { match: "fuzzy" as "loose" }),
    (e: unknown) =>
      e instanceof RangeError && /campaign match "fuzzy".*"exact" or "loose"/.test(e.message),
  );
  assert.throws(() => requireNameMatch("campaign", "loose" as never), TypeError);
});
