/**
 * Figures derived from the world's records, computed the way TM computes them, so that every
 * endpoint agrees with every other (reference 2.11, 3.3 to 3.7).
 *
 * Counts come from current task statuses (as TM's periodic counter recount does: a task locked
 * for validation counts as neither mapped nor validated). Activity figures come from history
 * rows. `contributionsByDay` and `timeStatistics` follow TM's own algorithms, quirks included
 * (see their docs).
 *
 * @module
 */

import type { HistoryRow, Micros, Project } from "./model.ts";
import type { TaskStatus } from "../schemas/enums.ts";
import { TaskStatus as TaskStatuses } from "../schemas/enums.ts";
import { contribsByDay, lockTimes } from "./figures_tm.ts";

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

/**
 * Counts of tasks per status over the project's current task states.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { taskCounts } from "./figures.ts";
 * const project = createWorld({ projects: 2 }).projects[0]!;
 * if (taskCounts(project).total !== project.tasks.length) throw new Error("bad total");
 * ```
 */
export function taskCounts(project: Project): TaskCounts {
  const counts = { total: 0 } as TaskCounts;
  for (const s of TaskStatuses.options) counts[s] = 0;
  for (const t of project.tasks) {
    counts[t.status]++;
    counts.total++;
  }
  return counts;
}

/** `int(a / b * 100)` with Python's float arithmetic, 0 when `b` is 0. */
function percent(a: number, b: number): number {
  return b === 0 ? 0 : Math.trunc((a / b) * 100);
}

/**
 * Percent mapped, validated and bad imagery by reference 2.11.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { percentages } from "./figures.ts";
 * const p = percentages(createWorld({ projects: 2 }).projects[0]!);
 * if (p.percentValidated > p.percentMapped) throw new Error("validated exceeds mapped");
 * ```
 */
export function percentages(project: Project): Percentages {
  const c = taskCounts(project);
  return {
    percentMapped: percent(c.MAPPED + c.VALIDATED, c.total - c.BADIMAGERY),
    percentValidated: percent(c.VALIDATED, c.total - c.BADIMAGERY),
    percentBadImagery: percent(c.BADIMAGERY, c.total),
  };
}

/**
 * Distinct users currently holding a lock.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { activeMappers } from "./figures.ts";
 * if (activeMappers(createWorld({ projects: 2 }).projects[0]!) < 0) throw new Error("negative");
 * ```
 */
export function activeMappers(project: Project): number {
  const users = new Set<number>();
  for (const t of project.tasks) if (t.lockedBy !== null) users.add(t.lockedBy);
  return users.size;
}

/**
 * Distinct users with any non-COMMENT history row.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { totalContributors } from "./figures.ts";
 * if (totalContributors(createWorld({ projects: 2 }).projects[0]!) < 0) throw new Error("negative");
 * ```
 */
export function totalContributors(project: Project): number {
  const users = new Set<number>();
  for (const h of project.history) if (h.action !== "COMMENT") users.add(h.userId);
  return users.size;
}

/** True when rows are in (actionDate, id) ascending order. */
function inOrder(rows: readonly HistoryRow[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as HistoryRow;
    const b = rows[i] as HistoryRow;
    if (a.actionDate > b.actionDate || (a.actionDate === b.actionDate && a.id > b.id)) return false;
  }
  return true;
}

/**
 * Non-COMMENT history rows, newest first (`actionDate` DESC, ties by `id` DESC).
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { activity } from "./figures.ts";
 * const rows = activity(createWorld({ projects: 2 }).projects[0]!);
 * if (rows.some((r) => r.action === "COMMENT")) throw new Error("comment listed");
 * ```
 */
export function activity(project: Project): HistoryRow[] {
  const rows = project.history.filter((h) => h.action !== "COMMENT");
  if (!inOrder(rows)) rows.sort((a, b) => a.actionDate - b.actionDate || a.id - b.id);
  return rows.reverse();
}

/**
 * One entry per task, ordered by task id, with its latest non-COMMENT history row.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { latestActivity } from "./figures.ts";
 * const project = createWorld({ projects: 2 }).projects[0]!;
 * if (latestActivity(project).length !== project.tasks.length) throw new Error("one per task");
 * ```
 */
export function latestActivity(project: Project): LatestTaskActivity[] {
  const latest = new Map<number, HistoryRow>();
  for (const h of project.history) {
    if (h.action === "COMMENT") continue;
    const seen = latest.get(h.taskId);
    if (
      !seen || h.actionDate > seen.actionDate ||
      (h.actionDate === seen.actionDate && h.id > seen.id)
    ) {
      latest.set(h.taskId, h);
    }
  }
  return [...project.tasks].sort((a, b) => a.id - b.id).map((t) => {
    const h = latest.get(t.id);
    return {
      taskId: t.id,
      taskStatus: t.status,
      actionDate: h?.actionDate ?? null,
      userId: h?.userId ?? null,
    };
  });
}

/**
 * Per-user contributions from current task ownership (reference 3.7): one row per user with
 * any non-COMMENT history row, even if all counts are zero; sorted by `total` DESC, then by
 * `userId` ascending; task id lists ascending.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { contributions, totalContributors } from "./figures.ts";
 * const project = createWorld({ projects: 2 }).projects[0]!;
 * if (contributions(project).length !== totalContributors(project)) throw new Error("mismatch");
 * ```
 */
export function contributions(project: Project): Contribution[] {
  const rows = new Map<number, Contribution>();
  const row = (userId: number): Contribution => {
    let c = rows.get(userId);
    if (!c) {
      c = {
        userId,
        mapped: 0,
        validated: 0,
        badImagery: 0,
        total: 0,
        mappedTasks: [],
        validatedTasks: [],
        badImageryTasks: [],
      };
      rows.set(userId, c);
    }
    return c;
  };
  for (const h of project.history) if (h.action !== "COMMENT") row(h.userId);
  for (const t of [...project.tasks].sort((a, b) => a.id - b.id)) {
    if (t.mappedBy !== null && t.status === "BADIMAGERY") {
      row(t.mappedBy).badImageryTasks.push(t.id);
    } else if (t.mappedBy !== null) row(t.mappedBy).mappedTasks.push(t.id);
    if (t.validatedBy !== null) row(t.validatedBy).validatedTasks.push(t.id);
  }
  for (const c of rows.values()) {
    c.mapped = c.mappedTasks.length;
    c.validated = c.validatedTasks.length;
    c.badImagery = c.badImageryTasks.length;
    c.total = c.mapped + c.validated + c.badImagery;
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.userId - b.userId);
}

/**
 * Contributions by day, by TM's `ProjectService.get_contribs_by_day` (reference 3.7), quirks
 * included; see `contribsByDay` in `figures_tm.ts` for where its last cumulative counts can
 * differ from the current task states.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { contributionsByDay } from "./figures.ts";
 * const days = contributionsByDay(createWorld({ projects: 2 }).projects[0]!);
 * if (days.some((d, i) => i > 0 && d.date <= days[i - 1]!.date)) throw new Error("not ascending");
 * ```
 */
export function contributionsByDay(project: Project): DayContribution[] {
  return contribsByDay(project);
}

/**
 * Mapping and validation times from lock durations by reference 3.4 (TM's
 * `Project.get_project_stats`); see `lockTimes` in `figures_tm.ts` for the details.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { timeStatistics } from "./figures.ts";
 * const s = timeStatistics(createWorld({ projects: 2 }).projects[0]!);
 * if (s.totalTimeSpent !== s.totalMappingTime + s.totalValidationTime) throw new Error("sum");
 * ```
 */
export function timeStatistics(project: Project): TimeStatistics {
  const mapping = lockTimes(project, "LOCKED_FOR_MAPPING", "AUTO_UNLOCKED_FOR_MAPPING");
  const validation = lockTimes(project, "LOCKED_FOR_VALIDATION", "AUTO_UNLOCKED_FOR_VALIDATION");
  const c = taskCounts(project);
  return {
    totalMappingTime: mapping.total,
    totalValidationTime: validation.total,
    totalTimeSpent: mapping.total + validation.total,
    averageMappingTime: mapping.average,
    averageValidationTime: validation.average,
    timeToFinishMapping: (c.total - (c.MAPPED + c.BADIMAGERY + c.VALIDATED)) * mapping.average,
    timeToFinishValidating: (c.total - (c.VALIDATED + c.BADIMAGERY)) * validation.average,
  };
}

/**
 * Users whose mapped projects include this one (TM's `totalMappers`): distinct users with any
 * `STATE_CHANGE` on the project, since TM's `update_stats_after_task_state_change` adds the
 * project to the acting user's `projects_mapped` on every state change (validations too).
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { totalContributors, totalMappers } from "./figures.ts";
 * const project = createWorld({ projects: 2 }).projects[0]!;
 * if (totalMappers(project) > totalContributors(project)) throw new Error("too many mappers");
 * ```
 */
export function totalMappers(project: Project): number {
  const users = new Set<number>();
  for (const h of project.history) {
    if (h.action === "STATE_CHANGE") users.add(h.userId);
  }
  return users.size;
}
