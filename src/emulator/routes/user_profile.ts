/**
 * `GET /users/{user_id}/` and `GET /users/queries/{username}/` (token): one user's `UserDTO`
 * (`User.as_dto`). The e-mail address, `isEmailVerified`, `gender` and `selfDescriptionGender`
 * are filled only when the caller looks at their own profile (and gender only when set);
 * otherwise they are null. `projectsMapped` is the length of the user's `projects_mapped`, or
 * null when empty; `level_ordering` keeps its snake_case name. The username lookup is exact
 * (`WHERE username = :username`). Unknown: 404 `USER_NOT_FOUND` with `details.user_id` or
 * `details.username`. (TM also re-checks the user's level on the username route, a side effect
 * the emulator leaves out.)
 *
 * @module
 */

import type { User } from "../model.ts";
import type { Route, RouteContext } from "../router.ts";
import { jsonResponse, tmError } from "../errors.ts";
import { projectsMappedCount, userProfile } from "../user_profiles.ts";
import { pathParam } from "./analytics_common.ts";

const BY_NAME = "/api/v2/users/queries/{username}/";

function userDto(ctx: RouteContext, user: User): Response {
  const p = userProfile(ctx.world, user);
  const self = ctx.user?.id === user.id;
  const level = ctx.world.levels.find((l) => l.name === user.mappingLevel);
  return jsonResponse({
    id: user.id,
    username: user.username,
    role: user.role,
    mappingLevel: user.mappingLevel,
    level_ordering: level?.ordering ?? null,
    projectsMapped: projectsMappedCount(ctx.world, user.id),
    emailAddress: self ? p.emailAddress : null,
    isEmailVerified: self ? p.isEmailVerified : null,
    isExpert: p.isExpert,
    twitterId: p.twitterId,
    facebookId: p.facebookId,
    linkedinId: p.linkedinId,
    slackId: p.slackId,
    ircId: p.ircId,
    skypeId: p.skypeId,
    city: p.city,
    country: p.country,
    name: user.name,
    pictureUrl: user.pictureUrl,
    defaultEditor: p.defaultEditor,
    mentionsNotifications: p.mentionsNotifications,
    questionsAndCommentsNotifications: p.questionsAndCommentsNotifications,
    projectsNotifications: p.projectsNotifications,
    tasksNotifications: p.tasksNotifications,
    taskValidationNotification: p.taskValidationNotification,
    taskInvalidationNotification: p.taskInvalidationNotification,
    taskCommentsNotifications: p.taskCommentsNotifications,
    teamsAnnouncementNotifications: p.teamsAnnouncementNotifications,
    gender: self ? p.gender : null,
    selfDescriptionGender: self && p.gender !== null ? p.selfDescriptionGender : null,
  });
}

function byId(ctx: RouteContext): Response {
  const id = ctx.params["user_id"] ?? 0;
  const user = ctx.index.users.get(id);
  if (user === undefined) return tmError(404, "USER_NOT_FOUND", { user_id: id });
  return userDto(ctx, user);
}

function byName(ctx: RouteContext): Response {
  const username = pathParam(BY_NAME, ctx.url, "username");
  const user = ctx.index.usersByName.get(username);
  if (user === undefined) return tmError(404, "USER_NOT_FOUND", { username });
  return userDto(ctx, user);
}

/**
 * A user by OSM id.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { userByIdRoute } from "./user_profile.ts";
 * assert.equal(userByIdRoute.pattern, "/api/v2/users/{user_id}/");
 * ```
 */
export const userByIdRoute: Route = {
  pattern: "/api/v2/users/{user_id}/",
  auth: "required",
  intParams: ["user_id"],
  handle: byId,
};

/**
 * A user by exact username.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { userByUsernameRoute } from "./user_profile.ts";
 * assert.equal(userByUsernameRoute.pattern, "/api/v2/users/queries/{username}/");
 * ```
 */
export const userByUsernameRoute: Route = {
  pattern: BY_NAME,
  auth: "required",
  handle: byName,
};
