/**
 * `GET /levels/`: TM's mapping levels, to name the `mappingLevel` values of other frames.
 *
 * @module
 */

import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import { MappingLevelList } from "../schemas/levels.ts";
import type { MappingLevel } from "../rows.ts";

/** `/levels/`: one row per mapping level, in TM's order. */
export const LEVELS_ENDPOINT: Endpoint<MappingLevelList, MappingLevel, void> = defineEndpoint({
  request: () => ({ path: "levels/", params: {} }),
  body: MappingLevelList,
  rows: (body) => body.levels,
  key: (row) => row.id,
  columns: {
    id: { kind: "int" },
    name: { kind: "str" },
    approvalsRequired: { kind: "int" },
    color: { kind: "str" },
    ordering: { kind: "int" },
    isBeginner: { kind: "bool" },
    requiredBadges: { kind: "list<struct>", fields: { id: "int", name: "str" } },
  },
});
