/**
 * `tm.user(id)`: the endpoints TM addresses by user id, as in the `mappedBy`, `validatedBy` and
 * `lockedBy` columns of task frames.
 *
 * @module
 */

import { requirePositiveInteger } from "../args.ts";
import type { QueryContext } from "../query.ts";

import { EndpointQuery } from "./endpoint_query.ts";
import { USER_PROFILE_ENDPOINT } from "./user_directory.ts";
import { UserTasksQuery } from "./user_tasks.ts";
import type { UserProfile } from "../rows.ts";

/**
 * One user by id (token required for both endpoints).
 *
 * @example A task's mapper by name
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, token: emulator.tokens[0]!.token });
 *   const user = emulator.world.users[0]!;
 *   const [profile] = await tm.user(user.id).profile().records();
 *   assert.equal(profile!.username, user.username);
 *   assert.equal(tm.user(user.id).tasks().url().pathname, `/api/v2/users/${user.id}/tasks/`);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class UserByIdHandle {
  readonly #context: QueryContext;
  /** The user id. */
  readonly id: number;

  /** Use `client.user(id)`. */
  constructor(context: QueryContext, id: number) {
    this.#context = context;
    this.id = requirePositiveInteger("user id", id);
    Object.freeze(this);
  }

  /** `GET /users/{id}/`: the user's profile, one row. */
  profile(): EndpointQuery<UserProfile> {
    const what = `profile of user ${this.id}`;
    return EndpointQuery.of(this.#context, what, USER_PROFILE_ENDPOINT, { userId: this.id }, [[
      "user id",
      this.id,
    ]]);
  }

  /** `GET /users/{id}/tasks/`: the tasks the user touched, with their current state. */
  tasks(): UserTasksQuery {
    return new UserTasksQuery(this.#context, { userId: this.id });
  }
}
