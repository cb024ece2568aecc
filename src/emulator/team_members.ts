/**
 * What TM's `teams` and `team_members` tables hold beyond the world's `Team` (name,
 * organisation, visibility, active member ids): a description, the join method, and each
 * membership's function, active flag, join-request notifications and join date. A team also
 * has pending join requests (inactive memberships) when it is joined by request.
 *
 * Drawn from a generator seeded by the world's seed and the team id, so the same world gives
 * the same memberships on every call, and the rest of a seeded world is unchanged. The first
 * active member manages the team.
 *
 * @module
 */

import type { Micros, Team, User, World } from "./model.ts";
import type { JsonValue } from "./json.ts";
import { Rng } from "./rng.ts";

const TEAM_SALT = 0x7465616d;
const DAY: Micros = 86_400_000_000;

/** TM's `TeamJoinMethod` names. */
export type JoinMethod = "ANY" | "BY_REQUEST" | "BY_INVITE";

/** One `team_members` row. */
export interface Membership {
  userId: number;
  function: "MANAGER" | "MEMBER";
  active: boolean;
  joinRequestNotifications: boolean;
  joinedDate: Micros;
}

/** A team's stored details. */
export interface TeamDetails {
  description: string | null;
  joinMethod: JoinMethod;
  /** Active members in `team.members` order, then pending requests. */
  memberships: Membership[];
}

/**
 * The details of `team` in `world`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld } from "./world.ts";
 * import { teamDetails } from "./team_members.ts";
 * const world = createWorld({ projects: 1 });
 * const team = world.teams[0]!;
 * const active = teamDetails(world, team).memberships.filter((m) => m.active);
 * assert.deepEqual(active.map((m) => m.userId), team.members);
 * ```
 */
export function teamDetails(world: World, team: Team): TeamDetails {
  const rng = new Rng(world.seed ^ TEAM_SALT).fork(team.id);
  const joinMethod = rng.weighted<JoinMethod>([["ANY", 0.5], ["BY_REQUEST", 0.35], [
    "BY_INVITE",
    0.15,
  ]]);
  const description = rng.chance(0.6) ? `${team.name}: mappers who work together.` : null;
  const registered = new Map(world.users.map((u) => [u.id, u.dateRegistered]));
  const membership = (userId: number, i: number, active: boolean): Membership => ({
    userId,
    function: active && i === 0 ? "MANAGER" : "MEMBER",
    active,
    joinRequestNotifications: active && i === 0 && rng.chance(0.5),
    joinedDate: (registered.get(userId) ?? 0) + rng.int(0, 29 * DAY),
  });
  const memberships = team.members.map((id, i) => membership(id, i, true));
  if (joinMethod === "BY_REQUEST") {
    const others = world.users.filter((u) => !team.members.includes(u.id));
    const pending = rng.sample(others, rng.int(0, 3)).map((u) => u.id).sort((a, b) => a - b);
    memberships.push(...pending.map((id) => membership(id, 1, false)));
  }
  return { description, joinMethod, memberships };
}

/**
 * A membership as TM's `TeamMembersDTO`, in key order; `joinedDate` is given only where TM's
 * query selects it (else `null`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { memberJson } from "./team_members.ts";
 * const users = new Map([[7, { id: 7, username: "ana", pictureUrl: null }]]);
 * const m = { userId: 7, function: "MEMBER" as const, active: true, joinRequestNotifications: false, joinedDate: 0 };
 * assert.deepEqual(Object.keys(memberJson(users, m, null) as object), [
 *   "username", "function", "active", "joinRequestNotifications", "pictureUrl", "joinedDate",
 * ]);
 * ```
 */
export function memberJson(
  users: ReadonlyMap<number, Pick<User, "username" | "pictureUrl">>,
  m: Membership,
  joinedDate: string | null,
): JsonValue {
  const user = users.get(m.userId);
  return {
    username: user?.username ?? "",
    function: m.function,
    active: m.active,
    joinRequestNotifications: m.joinRequestNotifications,
    pictureUrl: user?.pictureUrl ?? null,
    joinedDate,
  };
}
