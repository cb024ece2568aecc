/**
 * Figures derived from the world's records, computed the way TM computes them, so that every
 * endpoint agrees with every other (reference 2.11, 3.3 to 3.7).
 *
 * CONTRACT (signatures are fixed; bodies are being written): the routes import these.
 *
 * @module
 */

import type { HistoryRow, Micros, Project } from "./model.ts";
import type { TaskStatus } from "../schemas/enums.ts";

/** How many tasks of a project are in each status, plus the total. */
export type TaskCounts = Record<TaskStatus, number> & { total: number };

/** Percentages by reference 2.11: integer truncation, 0 when dividing by zero. */
export interface Percentages {
  percentMapped: number;
  percentValidated: number;
  percentBadImagery: number;
}

/** One user's row of `/projects/{id}/contributions/` (reference 3.7), before serialization. */
export interface Contribution {
  userId: number;
  mapped: number;
  validated: number;
  badImagery: number;
  total: number;
  mappedTasks: number[];
  validatedTasks: number[];
  badImageryTasks: number[];
}

/** One day of `/projects/{id}/contributions/queries/day/` (reference 3.7). */
export interface DayContribution {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  mapped: number;
  validated: number;
  cumulativeMapped: number;
  cumulativeValidated: number;
  totalTasks: number;
}

/** Time figures of `/projects/{id}/statistics/` (reference 3.4), in seconds. */
export interface TimeStatistics {
  totalMappingTime: number;
  totalValidationTime: number;
  totalTimeSpent: number;
  averageMappingTime: number;
  averageValidationTime: number;
  timeToFinishMapping: number;
  timeToFinishValidating: number;
}

/** One row of `/projects/{id}/activities/latest/` (reference 3.6), before serialization. */
export interface LatestTaskActivity {
  taskId: number;
  taskStatus: TaskStatus;
  actionDate: Micros | null;
  userId: number | null;
}

/** Counts of tasks per status over the project's current task states. */
export declare function taskCounts(project: Project): TaskCounts;

/** Percent mapped, validated and bad imagery by reference 2.11. */
export declare function percentages(project: Project): Percentages;

/** Distinct users currently holding a lock. */
export declare function activeMappers(project: Project): number;

/** Distinct users with any non-COMMENT history row. */
export declare function totalContributors(project: Project): number;

/** Non-COMMENT history rows, newest first (`actionDate` DESC, ties by `id` DESC). */
export declare function activity(project: Project): HistoryRow[];

/** One entry per task, ordered by task id, with its latest non-COMMENT history row. */
export declare function latestActivity(project: Project): LatestTaskActivity[];

/** Per-user contributions from current task ownership, sorted by total DESC. */
export declare function contributions(project: Project): Contribution[];

/** Contributions by day by reference 3.7, ascending by date. */
export declare function contributionsByDay(project: Project): DayContribution[];

/** Mapping and validation times from lock durations by reference 3.4. */
export declare function timeStatistics(project: Project): TimeStatistics;

/** Users whose mapped projects include this one (TM's `totalMappers`). */
export declare function totalMappers(project: Project): number;
