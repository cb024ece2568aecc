/**
 * Enum fields read as plain strings, with their known values kept beside the schema.
 *
 * TM adds values (a new status, editor, permission) and older TMs send others (`LEVEL`,
 * `TEAMS_LEVEL` before 5.2), so a value we do not know must never sink a crawl. A field built
 * with {@link openEnum} accepts any string; {@link KNOWN_VALUES} remembers which values are
 * known, and `src/drift_warnings.ts` reports the others once per query.
 *
 * @module
 */

import { z } from "../deps.ts";

/** What an open enum knows: its vocabulary's name and values. */
export interface KnownValues {
  /** The vocabulary, as `enums.ts` names it (`"ProjectStatus"`). */
  vocabulary: string;
  /** The values TM v5 sends. */
  values: readonly string[];
}

/**
 * The registry of open enums: each string schema made by {@link openEnum} and what it knows.
 *
 * @example
 * ```ts
 * import { KNOWN_VALUES, openEnum } from "./open_enum.ts";
 * import { z } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Color = openEnum("Color", z.enum(["RED", "BLUE"]));
 * assert.deepEqual(KNOWN_VALUES.get(Color)?.values, ["RED", "BLUE"]);
 * ```
 */
export const KNOWN_VALUES = z.registry<KnownValues>();

/**
 * A string field whose known values are those of `vocabulary`; any other string is kept.
 *
 * @example
 * ```ts
 * import { openEnum } from "./open_enum.ts";
 * import { z } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Permission = openEnum("Permission", z.enum(["ANY", "TEAMS"]));
 * assert.equal(Permission.parse("LEVEL"), "LEVEL");
 * assert.equal(Permission.safeParse(3).success, false);
 * ```
 */
export function openEnum(name: string, vocabulary: z.ZodEnum): z.ZodString {
  return z.string().register(KNOWN_VALUES, {
    vocabulary: name,
    values: vocabulary.options.map(String),
  });
}
