/**
 * System endpoints (reference 3.17): `tm.heartbeat()` and `tm.systemStatistics()`, one row
 * each.
 *
 * @module
 */

import { type Endpoint, objectEndpoint } from "../endpoint.ts";
import * as systemSchemas from "../schemas/system.ts";
import type { Heartbeat, SystemStatistics } from "../rows.ts";

/** `/system/heartbeat/`: `status`, `version`, `publishedAt` (Datetime UTC; TM's naive UTC). */
export const HEARTBEAT_ENDPOINT: Endpoint<Heartbeat, Heartbeat, void> = objectEndpoint({
  request: () => ({ path: "system/heartbeat/", params: {} }),
  body: systemSchemas.Heartbeat,
  columns: {
    status: { kind: "str" },
    version: { kind: "str", value: (row) => row.release?.version ?? null },
    publishedAt: { kind: "datetime", value: (row) => row.release?.publishedAt ?? null },
  },
});

/** `/system/statistics/` (abbreviated, TM's default). */
export const SYSTEM_STATISTICS_ENDPOINT: Endpoint<SystemStatistics, SystemStatistics, void> =
  objectEndpoint({
    request: () => ({ path: "system/statistics/", params: {} }),
    body: systemSchemas.SystemStatistics,
    columns: {
      mappersOnline: { kind: "int" },
      tasksMapped: { kind: "int" },
      totalMappers: { kind: "int" },
      totalProjects: { kind: "int" },
      averageCompletionTime: { kind: "float" },
    },
  });
