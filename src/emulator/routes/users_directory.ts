/**
 * `GET /users/` (token): the users directory (`User.get_all_users`, DTOs `UserSearchQuery`,
 * `UserSearchDTO`, `ListedUser`), `{"pagination", "users"}`, 20 per page by default.
 *
 * Parameters as TM reads them:
 * - `username`: trimmed, then `ILIKE %username%` (so `%` and `_` are wildcards); empty = no filter.
 * - `role`: trimmed, must be one `UserRole` name, case-sensitive (`MAPPER,ADMIN` fails too):
 *   else 400 `{"Error": "Unable to fetch user list", "SubCode": "InvalidData"}`.
 * - `level`: a mapping level **id** (digits only, one value); anything else is silently ignored
 *   (so `level=BEGINNER` filters nothing).
 * - `pagination` (bool, default true): false sends every match and `"pagination": null`.
 * - `page` (1), `perPage` (20): a page below 1 or a negative size reaches PostgreSQL as a
 *   negative OFFSET/LIMIT (500); `perPage=0` divides by zero in `Pagination` (500).
 * - `sort` (a key of `user_stats.stats`), `sort_dir`: the world has no `user_stats` rows, so every
 *   key sorts as NULL and the order stays the username order; a `sort_dir` other than
 *   asc/desc is interpolated into the SQL and fails (500).
 *
 * Order: `requires_approval, username` (no level nominations here, so username, in the
 * database collation). `id` is a float (`ListedUser.id: Optional[float]`); `statsLastUpdated`,
 * `stats`, `requires_approval` and `user_has_voted` are null without `user_stats`,
 * `user_next_level` and `user_level_vote` rows.
 *
 * @module
 */

import type { User } from "../model.ts";
import type { Route, RouteContext } from "../router.ts";
import { queryValue } from "../router.ts";
import { float, type JsonValue } from "../json.ts";
import { internalError, jsonResponse, routeError } from "../errors.ts";
import { compareNames } from "./analytics_common.ts";
import { pagination } from "./common.ts";

const ROLES = new Set(["READ_ONLY", "MAPPER", "ADMIN"]);

/**
 * SQL `ILIKE` of `text` against `pattern` (`%` any run, `_` one character, `\` escapes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ilike } from "./users_directory.ts";
 * assert.equal(ilike("Zoë+OSM", "%oë+o%"), true);
 * assert.equal(ilike("abc", "a_d"), false);
 * ```
 */
export function ilike(text: string, pattern: string): boolean {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? "";
    if (c === "\\" && i + 1 < pattern.length) re += RegExp.escape(pattern[++i] ?? "");
    else if (c === "%") re += "[\\s\\S]*";
    else if (c === "_") re += "[\\s\\S]";
    else re += RegExp.escape(c);
  }
  return new RegExp(`^${re}$`, "iu").test(text);
}

function listed(u: User): JsonValue {
  return {
    id: float(u.id),
    username: u.username,
    role: u.role,
    mappingLevel: u.mappingLevel,
    pictureUrl: u.pictureUrl,
    statsLastUpdated: null,
    stats: null,
    requires_approval: null,
    user_has_voted: null,
  };
}

function handle(ctx: RouteContext): Response {
  const role = queryValue(ctx.url, "role")?.trim() ?? null;
  if (role !== null && !ROLES.has(role)) {
    return routeError(400, "Unable to fetch user list", "InvalidData");
  }
  const username = queryValue(ctx.url, "username")?.trim() ?? "";
  const level = queryValue(ctx.url, "level") ?? "";
  const levelId = /^[0-9]+$/.test(level) ? Number(level) : null;
  const idOf = new Map(ctx.world.levels.map((l) => [l.name, l.id]));
  const matches = ctx.world.users.filter((u) =>
    (username === "" || ilike(u.username, `%${username}%`)) &&
    (role === null || u.role === role) &&
    (levelId === null || idOf.get(u.mappingLevel) === levelId)
  ).sort((a, b) => compareNames(a.username, b.username));
  const sort = queryValue(ctx.url, "sort") ?? "";
  const sortDir = queryValue(ctx.url, "sort_dir") ?? "asc";
  if (sort !== "" && !/^(asc|desc)$/i.test(sortDir.trim())) return internalError();
  if (ctx.bools["pagination"] === false) {
    return jsonResponse({ pagination: null, users: matches.map((u) => listed(u)) });
  }
  const page = ctx.ints["page"] ?? 1;
  const perPage = ctx.ints["perPage"] ?? 20;
  if (page < 1 || perPage <= 0) return internalError();
  const users = matches.slice((page - 1) * perPage, page * perPage).map((u) => listed(u));
  return jsonResponse({ pagination: pagination(page, perPage, matches.length), users });
}

/**
 * The users directory route.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { usersDirectoryRoute } from "./users_directory.ts";
 * assert.equal(usersDirectoryRoute.pattern, "/api/v2/users/");
 * ```
 */
export const usersDirectoryRoute: Route = {
  pattern: "/api/v2/users/",
  auth: "required",
  query: [
    { name: "page", kind: "int" },
    { name: "pagination", kind: "bool" },
    { name: "perPage", kind: "int" },
  ],
  handle,
};
