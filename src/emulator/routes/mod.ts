/**
 * Every route of the emulator, in the order they are tried.
 *
 * @module
 */

import type { Route } from "../router.ts";
import { projectsSearchRoute } from "./projects_search.ts";
import { projectDetailRoute } from "./project_detail.ts";
import { projectSummaryRoute } from "./project_summary.ts";
import { projectStatisticsRoute } from "./project_statistics.ts";
import { activitiesRoute, latestActivitiesRoute } from "./activities.ts";
import { contributionsByDayRoute, contributionsRoute } from "./contributions.ts";
import { projectTasksRoute, taskRoute } from "./tasks.ts";
import { heartbeatRoute } from "./system.ts";
import { projectUserStatisticsRoute, touchedProjectsRoute } from "./project_user_statistics.ts";
import { userStatisticsRoute } from "./user_statistics.ts";
import { taskStatisticsRoute } from "./task_statistics.ts";
import { organisationsRoute, organisationStatisticsRoute } from "./organisations.ts";
import { organisationRoute } from "./organisation_detail.ts";
import { campaignsRoute, countriesRoute, interestsRoute } from "./catalogues.ts";
import { systemStatisticsRoute } from "./system_statistics.ts";
import { ANALYST_ROUTES } from "./analyst.ts";

/** The routes, most specific first where patterns could overlap. */
export const ROUTES: Route[] = [
  ...ANALYST_ROUTES,
  // Before every `/projects/{project_id}/...` pattern: `queries` is not an int (422 there).
  touchedProjectsRoute,
  projectsSearchRoute,
  projectDetailRoute,
  projectSummaryRoute,
  projectStatisticsRoute,
  activitiesRoute,
  latestActivitiesRoute,
  contributionsRoute,
  contributionsByDayRoute,
  projectTasksRoute,
  taskRoute,
  heartbeatRoute,
  projectUserStatisticsRoute,
  userStatisticsRoute,
  taskStatisticsRoute,
  organisationsRoute,
  organisationStatisticsRoute,
  organisationRoute,
  campaignsRoute,
  interestsRoute,
  countriesRoute,
  systemStatisticsRoute,
];
