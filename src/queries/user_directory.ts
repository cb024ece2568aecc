/**
 * Users: the directory (`GET /users/`, token, paged) with its filters, and one user's profile
 * (`GET /users/queries/{username}/` or `GET /users/{id}/`, token): level, country and role, and the
 * way from the user ids of task frames (`mappedBy`, `validatedBy`) to usernames.
 *
 * @module
 */

import { requirePositiveInteger, requireText } from "../args.ts";
import { Query } from "../builder.ts";
import type { DisplayRow } from "../display.ts";
import { defineEndpoint, type Endpoint, objectEndpoint } from "../endpoint.ts";
import type { Columns } from "../frame.ts";
import { type Compiled, planOf, type QueryContext } from "../query.ts";
import { pathSegment } from "../url.ts";
import * as profileSchemas from "../schemas/user_profile.ts";
import { UserDirectory } from "../schemas/users_directory.ts";
import type { ListedUser, UserProfile } from "../rows.ts";

/** The filters of the users directory, in domain words. */
export interface UserFilters {
  /** Usernames containing this text (TM's `ILIKE %text%`). */
  readonly username?: string;
  /** One role: `READ_ONLY`, `MAPPER` or `ADMIN`. */
  readonly role?: string;
  /** One mapping level, by its id (see `tm.levels()`). */
  readonly level?: number;
}

/** `/users/`: 20 users a page, keyed by id (TM sends the id as a float). */
export const USERS_ENDPOINT: Endpoint<UserDirectory, ListedUser, UserFilters> = defineEndpoint({
  request: (filters) => ({
    path: "users/",
    params: { username: filters.username, role: filters.role, level: filters.level },
  }),
  body: UserDirectory,
  rows: (body) => body.users ?? [],
  pagination: (body) => body.pagination,
  key: (row) => row.id ?? row.username,
  auth: "required",
  columns: {
    id: { kind: "int" },
    username: { kind: "str" },
    role: { kind: "str" },
    mappingLevel: { kind: "str" },
    pictureUrl: { kind: "str" },
    statsLastUpdated: { kind: "datetime" },
    requiresApproval: { kind: "bool", value: (row) => row.requires_approval },
    userHasVoted: { kind: "bool", value: (row) => row.user_has_voted },
  },
  perPage: 20,
});

const PROFILE_COLUMNS: Columns<UserProfile> = {
  id: { kind: "int" },
  username: { kind: "str" },
  role: { kind: "str" },
  mappingLevel: { kind: "str" },
  levelOrdering: { kind: "int", value: (row) => row.level_ordering },
  projectsMapped: { kind: "int" },
  city: { kind: "str" },
  country: { kind: "str" },
  name: { kind: "str" },
  pictureUrl: { kind: "str" },
  defaultEditor: { kind: "str" },
  isExpert: { kind: "bool" },
  twitterId: { kind: "str" },
  facebookId: { kind: "str" },
  linkedinId: { kind: "str" },
  slackId: { kind: "str" },
  ircId: { kind: "str" },
  skypeId: { kind: "str" },
};

/** Which user a profile is about: by username, or by id. */
export type UserKey = { readonly username: string } | { readonly userId: number };

/** `/users/queries/{username}/` or `/users/{id}/`: one user's profile, one row (token required). */
export const USER_PROFILE_ENDPOINT: Endpoint<UserProfile, UserProfile, UserKey> = objectEndpoint({
  request: (user) => ({
    path: "username" in user
      ? `users/queries/${pathSegment("username", user.username)}/`
      : `users/${user.userId}/`,
    params: {},
  }),
  body: profileSchemas.UserProfile,
  auth: "required",
  columns: PROFILE_COLUMNS,
});

/**
 * The users directory (token required): every user, or those matching the filters, 20 a page.
 *
 * @example Mappers whose name holds "ana"
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, token: emulator.tokens[0]!.token });
 *   const query = tm.users().username("ana").role("MAPPER");
 *   assert.equal(query.url().search, "?username=ana&role=MAPPER");
 *   const frame = await query.frame();
 *   const names = frame.getColumn("username").toArray() as string[];
 *   assert.ok(names.every((name) => name.toLowerCase().includes("ana")));
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class UsersQuery extends Query<ListedUser> {
  readonly #filters: UserFilters;
  readonly #limit: number | undefined;

  /** Use `client.users()`. */
  constructor(context: QueryContext, filters: UserFilters = {}, limit?: number) {
    super(context);
    this.#filters = Object.freeze({ ...filters });
    this.#limit = limit;
  }

  #with(patch: UserFilters): UsersQuery {
    return new UsersQuery(this.context, { ...this.#filters, ...patch }, this.#limit);
  }

  /**
   * One part: the directory, page by page.
   * @ignore
   */
  protected compile(): Compiled<ListedUser> {
    const plan = planOf(USERS_ENDPOINT, this.#filters, { limit: this.#limit });
    return { what: "users", columns: plan.columns, parts: [{ label: "users", plan }] };
  }

  /**
   * The filters that were set, and the limit.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    const { username, role, level } = this.#filters;
    return [["username contains", username], ["role", role], ["level id", level], [
      "limit",
      this.#limit,
    ]];
  }

  /**
   * The same directory, at most `limit` users.
   * @ignore
   */
  protected withLimit(limit: number): UsersQuery {
    return new UsersQuery(this.context, this.#filters, limit);
  }

  /** Users whose name contains `text` (case-insensitive). */
  username(text: string): UsersQuery {
    return this.#with({ username: requireText("username", text).trim() });
  }

  /** Users of one role: `READ_ONLY`, `MAPPER` or `ADMIN` (TM takes one role, exactly). */
  role(role: string): UsersQuery {
    return this.#with({ role: requireText("role", role).trim() });
  }

  /** Users of one mapping level, by its id (see `tm.levels()`). */
  level(levelId: number): UsersQuery {
    return this.#with({ level: requirePositiveInteger("level id", levelId) });
  }
}
