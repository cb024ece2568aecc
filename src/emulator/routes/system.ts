/**
 * `GET /system/heartbeat/` (reference 3.17).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { jsonResponse } from "../errors.ts";
import { naiveIso } from "../dates.ts";

function heartbeat(ctx: RouteContext): Response {
  const release = ctx.world.release;
  return jsonResponse({
    status: "Fastapi healthy",
    release: { version: release.version, published_at: naiveIso(release.publishedAt) },
  });
}

/** The heartbeat route. */
export const heartbeatRoute: Route = {
  pattern: "/api/v2/system/heartbeat/",
  auth: "public",
  handle: heartbeat,
};
