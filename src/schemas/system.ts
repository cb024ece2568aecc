/**
 * `GET /system/heartbeat/` and `GET /system/statistics/` (reference 3.17).
 *
 * @module
 */

import { z } from "../deps.ts";
import { orNull, TmDateTime } from "./common.ts";

/** TM5's naive ISO time, or TM4's `str(datetime)` with a space (`2022-03-29 12:00:00`). */
const ReleaseTime = z.union([
  TmDateTime,
  z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/),
]);

/**
 * The heartbeat, with `release.published_at` read as `release.publishedAt`.
 *
 * @example
 * ```ts
 * import { Heartbeat } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * const beat = Heartbeat.parse({
 *   status: "Fastapi healthy", release: { version: "v5.5.2", published_at: "2026-03-31T14:03:44" },
 * });
 * assert.equal(beat.release?.publishedAt, "2026-03-31T14:03:44");
 * const tm4 = Heartbeat.parse({ status: "healthy", release: { version: "v4.8.5", published_at: "2024-01-18 10:00:00" } });
 * assert.equal(tm4.release?.publishedAt, "2024-01-18T10:00:00");
 * ```
 */
export const Heartbeat = z.object({
  status: z.string(),
  release: orNull(
    z.object({ version: orNull(z.string()), published_at: orNull(ReleaseTime) })
      .transform((release) => ({
        version: release.version,
        publishedAt: release.published_at?.replace(" ", "T") ?? null,
      })),
  ),
});
/** The heartbeat. */
export type Heartbeat = z.infer<typeof Heartbeat>;

/**
 * The abbreviated home page statistics (`averageCompletionTime` is always null).
 *
 * @example
 * ```ts
 * import { SystemStatistics } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * const s = SystemStatistics.parse({
 *   mappersOnline: 3, tasksMapped: 40, totalMappers: 300, totalProjects: 12, averageCompletionTime: null,
 * });
 * assert.equal(s.totalProjects, 12);
 * ```
 */
export const SystemStatistics = z.object({
  mappersOnline: orNull(z.number().int()),
  tasksMapped: orNull(z.number().int()),
  totalMappers: orNull(z.number().int()),
  totalProjects: orNull(z.number().int()),
  averageCompletionTime: orNull(z.number()),
});
/** The abbreviated home page statistics. */
export type SystemStatistics = z.infer<typeof SystemStatistics>;
