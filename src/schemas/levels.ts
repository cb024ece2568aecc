/**
 * `GET /levels/`: the mapping levels (`MappingLevelListDTO`). Levels are rows of a table that
 * admins extend, so a level name is a string; these are the ones TM seeds.
 *
 * @module
 */

import { z } from "../deps.ts";

/**
 * The levels TM's migration seeds, in their ordering; an instance may add others.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SEEDED_LEVELS } from "./levels.ts";
 * assert.equal(SEEDED_LEVELS[0], "BEGINNER");
 * ```
 */
export const SEEDED_LEVELS: readonly string[] = ["BEGINNER", "INTERMEDIATE", "ADVANCED"];

/**
 * One level. `color` is null for TM's seeded rows until an admin sets one; `requiredBadges` is
 * always `[]` in the list.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MappingLevel } from "./levels.ts";
 * const level = MappingLevel.parse({
 *   id: 1, name: "BEGINNER", approvalsRequired: 0, color: null, ordering: 1, isBeginner: true,
 *   requiredBadges: [],
 * });
 * assert.equal(level.isBeginner, true);
 * ```
 */
export const MappingLevel = z.object({
  id: z.number().int(),
  name: z.string(),
  approvalsRequired: z.number().int(),
  color: z.string().nullable(),
  ordering: z.number().int(),
  isBeginner: z.boolean(),
  requiredBadges: z.array(z.object({ id: z.number().int(), name: z.string().nullable() })),
});
/** One mapping level. */
export type MappingLevel = z.infer<typeof MappingLevel>;

/**
 * The body: `{"levels": [...]}` ordered by `ordering`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MappingLevelList } from "./levels.ts";
 * assert.deepEqual(MappingLevelList.parse({ levels: [] }).levels, []);
 * ```
 */
export const MappingLevelList = z.object({ levels: z.array(MappingLevel) });
/** The levels body. */
export type MappingLevelList = z.infer<typeof MappingLevelList>;
