/**
 * A project's contributions (reference 3.7): per user (`/contributions/`, current task
 * ownership) and per day (`/contributions/queries/day/`, with TM's snake_case keys renamed
 * to camelCase columns).
 *
 * @module
 */

import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import { ContributionList, ContributionsByDay } from "../schemas/contributions.ts";
import type { ProjectArgs } from "./project_args.ts";
import type { DayContribution, UserContribution } from "../rows.ts";

/**
 * `/contributions/`: one row per user, sorted by `total` descending as TM sends it.
 * `dateRegistered` is a Date; the task id lists are List(Int64).
 */
export const CONTRIBUTIONS_ENDPOINT: Endpoint<ContributionList, UserContribution, ProjectArgs> =
  defineEndpoint({
    request: ({ projectId }) => ({ path: `projects/${projectId}/contributions/`, params: {} }),
    body: ContributionList,
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
export const CONTRIBUTIONS_BY_DAY_ENDPOINT: Endpoint<
  ContributionsByDay,
  DayContribution,
  ProjectArgs
> = defineEndpoint({
  request: ({ projectId }) => ({
    path: `projects/${projectId}/contributions/queries/day/`,
    params: {},
  }),
  body: ContributionsByDay,
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
