/**
 * A project's contributions (reference 3.7): per user (`/contributions/`, current task
 * ownership) and per day (`/contributions/queries/day/`, with TM's snake_case keys renamed
 * to camelCase columns).
 *
 * @module
 */

import type { Endpoint, Plan } from "../query.ts";
import {
  ContributionList,
  ContributionsByDay,
  type DayContribution,
  type UserContribution,
} from "../schemas/contributions.ts";
import { listEndpoint } from "./list.ts";

/**
 * `/contributions/`: one row per user, sorted by `total` descending as TM sends it.
 * `dateRegistered` is a Date; the task id lists are List(Int64).
 */
export const CONTRIBUTIONS_ENDPOINT: Endpoint<ContributionList, UserContribution> = listEndpoint({
  page: ContributionList,
  rows: (body) => body.userContributions,
  key: (row) => row.username,
  columns: {
    username: { kind: "str" },
    mappingLevel: { kind: "str" },
    pictureUrl: { kind: "str" },
    mapped: { kind: "int" },
    validated: { kind: "int" },
    badImagery: { kind: "int" },
    total: { kind: "int" },
    mappedTasks: { kind: "list<int>" },
    validatedTasks: { kind: "list<int>" },
    badImageryTasks: { kind: "list<int>" },
    name: { kind: "str" },
    dateRegistered: { kind: "date" },
  },
});

/**
 * `/contributions/queries/day/`: one row per day with state changes, ascending; `date` is a
 * Date (TM sends a day, not an instant).
 */
export const CONTRIBUTIONS_BY_DAY_ENDPOINT: Endpoint<ContributionsByDay, DayContribution> =
  listEndpoint({
    page: ContributionsByDay,
    rows: (body) => body.stats,
    key: (row) => row.date,
    columns: {
      date: { kind: "date" },
      mapped: { kind: "int" },
      validated: { kind: "int" },
      cumulativeMapped: { kind: "int" },
      cumulativeValidated: { kind: "int" },
      totalTasks: { kind: "int" },
    },
  });

/** The plan of one project's contributions per user. */
export function contributionsPlan(projectId: number): Plan<ContributionList, UserContribution> {
  return {
    endpoint: CONTRIBUTIONS_ENDPOINT,
    path: `projects/${projectId}/contributions/`,
    params: {},
  };
}

/** The plan of one project's contributions per day. */
export function contributionsByDayPlan(
  projectId: number,
): Plan<ContributionsByDay, DayContribution> {
  return {
    endpoint: CONTRIBUTIONS_BY_DAY_ENDPOINT,
    path: `projects/${projectId}/contributions/queries/day/`,
    params: {},
  };
}
