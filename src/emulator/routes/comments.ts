/**
 * `GET /projects/{project_id}/comments/?page=1&perPage=20` (public): the project chat, newest
 * first (`ProjectChat.get_messages`, DTOs `ProjectChatDTO`, `ListChatMessageDTO`).
 *
 * No privacy or status check; unknown project: 404 `PROJECT_NOT_FOUND` (`ProjectService.exists`).
 * A project without messages answers `{"chat": [], "pagination": null}` whatever the page.
 * `page` and `perPage` are plain ints: a page below 1 gives a negative OFFSET and a negative
 * `perPage` a negative LIMIT, which PostgreSQL rejects (500); `perPage=0` reaches
 * `Pagination.from_total_count`, which divides by it (500).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { internalError, jsonResponse, projectNotFound } from "../errors.ts";
import { isoZ } from "../dates.ts";
import { pagination } from "./common.ts";

function handle(ctx: RouteContext): Response {
  const id = ctx.params["project_id"] ?? 0;
  if (ctx.index.project(id) === undefined) return projectNotFound(id);
  const page = ctx.ints["page"] ?? 1;
  const perPage = ctx.ints["perPage"] ?? 20;
  const messages = ctx.world.chat.filter((m) => m.projectId === id);
  if (messages.length === 0) return jsonResponse({ chat: [], pagination: null });
  if (page < 1 || perPage <= 0) return internalError();
  const newest = messages.slice().sort((a, b) => b.timestamp - a.timestamp || b.id - a.id);
  const chat: JsonValue[] = newest.slice((page - 1) * perPage, page * perPage).map((m) => {
    const user = ctx.index.users.get(m.userId);
    return {
      id: m.id,
      message: m.message,
      pictureUrl: user?.pictureUrl ?? null,
      timestamp: isoZ(m.timestamp),
      username: user?.username ?? "",
    };
  });
  return jsonResponse({ chat, pagination: pagination(page, perPage, messages.length) });
}

/**
 * The project chat route.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { commentsRoute } from "./comments.ts";
 * assert.equal(commentsRoute.pattern, "/api/v2/projects/{project_id}/comments/");
 * ```
 */
export const commentsRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/comments/",
  auth: "public",
  intParams: ["project_id"],
  query: [{ name: "page", kind: "int" }, { name: "perPage", kind: "int" }],
  handle,
};
