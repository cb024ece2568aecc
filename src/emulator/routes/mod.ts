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

/** The routes, most specific first where patterns could overlap. */
export const ROUTES: Route[] = [
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
];
