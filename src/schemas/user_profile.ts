/**
 * `GET /users/{id}/` and `GET /users/queries/{username}/`: one user's `UserDTO`.
 *
 * @module
 */

import { z } from "../deps.ts";

/**
 * TM's `UserRole` names (`role` of users).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KNOWN_USER_ROLES } from "./user_profile.ts";
 * assert.ok(KNOWN_USER_ROLES.includes("ADMIN"));
 * ```
 */
export const KNOWN_USER_ROLES: readonly string[] = ["READ_ONLY", "MAPPER", "ADMIN"];

/**
 * TM's `UserGender` names (`gender`, sent only to the user themself).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KNOWN_GENDERS } from "./user_profile.ts";
 * assert.equal(KNOWN_GENDERS.length, 4);
 * ```
 */
export const KNOWN_GENDERS: readonly string[] = ["MALE", "FEMALE", "SELF_DESCRIBE", "PREFER_NOT"];

/**
 * TM's `Editors` names (`defaultEditor`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KNOWN_EDITORS } from "./user_profile.ts";
 * assert.ok(KNOWN_EDITORS.includes("JOSM"));
 * ```
 */
export const KNOWN_EDITORS: readonly string[] = [
  "ID",
  "JOSM",
  "POTLATCH_2",
  "FIELD_PAPERS",
  "CUSTOM",
  "RAPID",
];

const Flag = z.boolean().nullable();

/**
 * The body, in TM's key order. `emailAddress`, `isEmailVerified`, `gender` and
 * `selfDescriptionGender` are null unless the caller is the user; `projectsMapped` is a count
 * or null; `level_ordering` keeps TM's snake_case.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UserProfile } from "./user_profile.ts";
 * const flags = Object.fromEntries([
 *   "mentionsNotifications", "questionsAndCommentsNotifications", "projectsNotifications",
 *   "tasksNotifications", "taskValidationNotification", "taskInvalidationNotification",
 *   "taskCommentsNotifications", "teamsAnnouncementNotifications",
 * ].map((k) => [k, true]));
 * const user = UserProfile.parse({
 *   id: 1, username: "ana", role: "MAPPER", mappingLevel: "BEGINNER", level_ordering: 1,
 *   projectsMapped: null, emailAddress: null, isEmailVerified: null, isExpert: false,
 *   twitterId: null, facebookId: null, linkedinId: null, slackId: null, ircId: null, skypeId: null,
 *   city: null, country: "Nepal", name: null, pictureUrl: null, defaultEditor: "ID", ...flags,
 *   gender: null, selfDescriptionGender: null,
 * });
 * assert.equal(user.country, "Nepal");
 * ```
 */
export const UserProfile = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.string().nullable(),
  mappingLevel: z.string().nullable(),
  level_ordering: z.number().int().nullable(),
  projectsMapped: z.number().int().nullable(),
  emailAddress: z.string().nullable(),
  isEmailVerified: Flag,
  isExpert: Flag,
  twitterId: z.string().nullable(),
  facebookId: z.string().nullable(),
  linkedinId: z.string().nullable(),
  slackId: z.string().nullable(),
  ircId: z.string().nullable(),
  skypeId: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  name: z.string().nullable(),
  pictureUrl: z.string().nullable(),
  defaultEditor: z.string().nullable(),
  mentionsNotifications: Flag,
  questionsAndCommentsNotifications: Flag,
  projectsNotifications: Flag,
  tasksNotifications: Flag,
  taskValidationNotification: Flag,
  taskInvalidationNotification: Flag,
  taskCommentsNotifications: Flag,
  teamsAnnouncementNotifications: Flag,
  gender: z.string().nullable(),
  selfDescriptionGender: z.string().nullable(),
});
/** One user's profile. */
export type UserProfile = z.infer<typeof UserProfile>;
