/**
 * `GET /system/statistics/` (reference 3.17), public. The default `abbreviated=true` answers
 * `HomePageStatsDTO` with the deleted fields absent: `mappersOnline`, `tasksMapped`,
 * `totalMappers`, `totalProjects`, `averageCompletionTime` (always null).
 *
 * `abbreviated=false` answers 500 `text/plain` "Internal Server Error": that branch of TM's
 * `StatsService.get_homepage_stats` calls `select([...])` list-style and `Campaign.join(...)`,
 * which SQLAlchemy 2.0 rejects. This is the reference's deduction (unverified against a live
 * server).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { internalError, jsonResponse } from "../errors.ts";
import { homepageStats } from "../figures_orgs.ts";

function handle(ctx: RouteContext): Response {
  if (ctx.bools["abbreviated"] === false) return internalError();
  const s = homepageStats(ctx.world);
  return jsonResponse({
    mappersOnline: s.mappersOnline,
    tasksMapped: s.tasksMapped,
    totalMappers: s.totalMappers,
    totalProjects: s.totalProjects,
    averageCompletionTime: null,
  });
}

/** The home page statistics route (public). */
export const systemStatisticsRoute: Route = {
  pattern: "/api/v2/system/statistics/",
  auth: "public",
  query: [{ name: "abbreviated", kind: "bool" }],
  handle,
};
