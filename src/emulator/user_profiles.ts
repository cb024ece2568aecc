/**
 * The profile fields of a user that only `/users/{id}/` and `/users/queries/{username}/` show
 * (city, country, social ids, editor, notification settings, email, gender), and the figures TM
 * keeps on the `users` row that the analyst routes read (`projects_mapped`,
 * `last_validation_date`).
 *
 * Profile fields are drawn from a generator seeded by the world's seed and the user id, so they
 * are the same on every call and left the rest of a seeded world as it was. The figures are
 * derived from the task histories on every call, so inserted activity moves them as TM's
 * updates would.
 *
 * @module
 */

import type { Micros, User, World } from "./model.ts";
import { Rng } from "./rng.ts";
import { COUNTRIES } from "./names.ts";

const PROFILE_SALT = 0x70726f66;
const CITIES: readonly string[] = ["Kathmandu", "Dhaka", "Nairobi", "Lima", "Manila", "Lyon"];
const GENDERS: readonly string[] = ["MALE", "FEMALE", "SELF_DESCRIBE", "PREFER_NOT"];

/** The stored profile of a user (TM's `users` columns that the world's `User` lacks). */
export interface UserProfile {
  emailAddress: string | null;
  isEmailVerified: boolean;
  isExpert: boolean;
  twitterId: string | null;
  facebookId: string | null;
  linkedinId: string | null;
  slackId: string | null;
  ircId: string | null;
  skypeId: string | null;
  city: string | null;
  country: string | null;
  defaultEditor: string;
  mentionsNotifications: boolean;
  questionsAndCommentsNotifications: boolean;
  projectsNotifications: boolean;
  tasksNotifications: boolean;
  taskValidationNotification: boolean;
  taskInvalidationNotification: boolean;
  taskCommentsNotifications: boolean;
  teamsAnnouncementNotifications: boolean;
  gender: string | null;
  selfDescriptionGender: string | null;
}

/**
 * A user's profile, deterministic by world seed and user id. Notification settings start at
 * TM's column defaults and a few users changed some.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld } from "./world.ts";
 * import { userProfile } from "./user_profiles.ts";
 * const world = createWorld({ projects: 1 });
 * const user = world.users[0]!;
 * assert.deepEqual(userProfile(world, user), userProfile(world, user));
 * ```
 */
export function userProfile(world: World, user: User): UserProfile {
  const rng = new Rng(world.seed ^ PROFILE_SALT).fork(user.id);
  const handle = user.username.replace(/[^A-Za-z0-9_]/g, "_");
  const social = (p: number) => (rng.chance(p) ? handle : null);
  const flip = (fallback: boolean) => (rng.chance(0.1) ? !fallback : fallback);
  const gender = rng.chance(0.4) ? rng.pick(GENDERS) : null;
  const email = rng.chance(0.7) ? `${handle.toLowerCase()}@mail.example.org` : null;
  return {
    emailAddress: email,
    isEmailVerified: email !== null && rng.chance(0.8),
    isExpert: rng.chance(0.2),
    twitterId: social(0.2),
    facebookId: social(0.1),
    linkedinId: social(0.1),
    slackId: social(0.15),
    ircId: social(0.02),
    skypeId: social(0.03),
    city: rng.chance(0.4) ? rng.pick(CITIES) : null,
    country: rng.chance(0.6) ? rng.pick(COUNTRIES).name : null,
    defaultEditor: rng.weighted([["ID", 0.7], ["JOSM", 0.2], ["RAPID", 0.1]]),
    mentionsNotifications: flip(true),
    questionsAndCommentsNotifications: flip(false),
    projectsNotifications: flip(true),
    tasksNotifications: flip(true),
    taskValidationNotification: flip(true),
    taskInvalidationNotification: flip(true),
    taskCommentsNotifications: flip(false),
    teamsAnnouncementNotifications: flip(true),
    gender,
    selfDescriptionGender: gender === "SELF_DESCRIBE" ? "non-binary" : null,
  };
}

/**
 * The size of the user's `projects_mapped` array, or `null` when empty (TM's `as_dto`):
 * TM appends a project on each of the user's `STATE_CHANGE` rows there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld } from "./world.ts";
 * import { projectsMappedCount } from "./user_profiles.ts";
 * const world = createWorld({ projects: 3 });
 * assert.equal(projectsMappedCount(world, -1), null);
 * ```
 */
export function projectsMappedCount(world: World, userId: number): number | null {
  let count = 0;
  for (const p of world.projects) {
    if (p.history.some((h) => h.userId === userId && h.action === "STATE_CHANGE")) count++;
  }
  return count === 0 ? null : count;
}

/**
 * Every user's `last_validation_date`: the column defaults to the registration time, and
 * `ValidatorService.unlock_tasks_after_validation` sets it for the task's mapper each time one of
 * their tasks is VALIDATED (the mapper is the author of the task's latest MAPPED state change
 * before that validation).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createWorld } from "./world.ts";
 * import { lastValidationDates } from "./user_profiles.ts";
 * const world = createWorld({ projects: 3 });
 * const user = world.users[0]!;
 * assert.ok(lastValidationDates(world).get(user.id)! >= user.dateRegistered);
 * ```
 */
export function lastValidationDates(world: World): Map<number, Micros> {
  const out = new Map<number, Micros>(world.users.map((u) => [u.id, u.dateRegistered]));
  for (const p of world.projects) {
    const mapper = new Map<number, number>();
    for (const h of p.history) {
      if (h.action !== "STATE_CHANGE") continue;
      if (h.actionText === "MAPPED") mapper.set(h.taskId, h.userId);
      if (h.actionText !== "VALIDATED") continue;
      const by = mapper.get(h.taskId);
      if (by !== undefined && h.actionDate > (out.get(by) ?? 0)) out.set(by, h.actionDate);
    }
  }
  return out;
}
