/**
 * The analyst routes of issue 14, in the order TM's routers would try them where patterns
 * overlap (`/users/queries/{username}/` is registered before `/users/{user_id}/tasks/`, so
 * `/users/queries/tasks/` is a username lookup).
 *
 * @module
 */

import type { Route } from "../router.ts";
import { activeProjectsRoute } from "./active_projects.ts";
import { projectAoiRoute } from "./project_aoi.ts";
import { mappedTasksRoute } from "./mapped_tasks.ts";
import { commentsRoute } from "./comments.ts";
import { levelsRoute } from "./levels.ts";
import { usersDirectoryRoute } from "./users_directory.ts";
import { userByIdRoute, userByUsernameRoute } from "./user_profile.ts";
import { userTasksRoute } from "./user_tasks.ts";
import { teamsRoute } from "./teams.ts";
import { teamRoute } from "./team_detail.ts";

/**
 * The routes, to be tried before the others (none of their patterns overlaps another's).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ANALYST_ROUTES } from "./analyst.ts";
 * const patterns = ANALYST_ROUTES.map((r) => r.pattern);
 * assert.ok(patterns.indexOf("/api/v2/users/queries/{username}/") < patterns.indexOf("/api/v2/users/{user_id}/tasks/"));
 * ```
 */
export const ANALYST_ROUTES: Route[] = [
  activeProjectsRoute,
  projectAoiRoute,
  mappedTasksRoute,
  commentsRoute,
  levelsRoute,
  usersDirectoryRoute,
  userByUsernameRoute,
  userByIdRoute,
  userTasksRoute,
  teamsRoute,
  teamRoute,
];
