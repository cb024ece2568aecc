/**
 * `GET /users/`: the users directory, paged (`UserSearchDTO`, `ListedUser`).
 *
 * @module
 */

import { z } from "../deps.ts";
import { Pagination } from "./common.ts";

/**
 * One listed user. `id` is typed float by TM (`1234.0` on the wire, an integral number once
 * parsed). `stats` is the `user_stats` JSON when TM has computed it; its keys vary, so the
 * schema keeps it only as "present or null" (read the raw body for its content).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ListedUser } from "./users_directory.ts";
 * const u = ListedUser.parse({
 *   id: 1234.0, username: "ana", role: "MAPPER", mappingLevel: "BEGINNER", pictureUrl: null,
 *   statsLastUpdated: null, stats: null, requires_approval: null, user_has_voted: null,
 * });
 * assert.equal(u.id, 1234);
 * ```
 */
export const ListedUser = z.object({
  id: z.number().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  mappingLevel: z.string().nullable(),
  pictureUrl: z.string().nullable(),
  statsLastUpdated: z.string().nullable(),
  stats: z.object({}).nullable(),
  requires_approval: z.boolean().nullable(),
  user_has_voted: z.boolean().nullable(),
});
/** One listed user. */
export type ListedUser = z.infer<typeof ListedUser>;

/**
 * The body: `{"pagination", "users"}`; `pagination` is null with `pagination=false`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UserDirectory } from "./users_directory.ts";
 * assert.equal(UserDirectory.parse({ pagination: null, users: [] }).users?.length, 0);
 * ```
 */
export const UserDirectory = z.object({
  pagination: Pagination.nullable(),
  users: z.array(ListedUser).nullable(),
});
/** The users directory body. */
export type UserDirectory = z.infer<typeof UserDirectory>;
