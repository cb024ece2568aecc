/**
 * World-wide and per-organisation figures, computed the way TM's SQL computes them:
 * organisation statistics (`OrganisationService.get_organisation_stats`, reference 3.15),
 * task statistics per day (`StatsService.get_task_stats`, 3.12) and the home page statistics
 * (`StatsService.get_homepage_stats`, 3.17). Task counts come from current task states;
 * daily counts from `STATE_CHANGE` history rows.
 *
 * @module
 */

import type { Micros, Project, World } from "./model.ts";
import type { TaskStatus } from "../schemas/enums.ts";
import { utcDay } from "./figures_tm.ts";
import { minusMonths } from "./figures_users.ts";

/** `projects` of `/organisations/{id}/statistics/`. */
export interface OrganisationProjectStats {
  draft: number;
  published: number;
  archived: number;
  /** ARCHIVED or PUBLISHED, created in the clock's calendar year. */
  recent: number;
  /** PUBLISHED, last updated more than 6 months before the clock. */
  stale: number;
}

/** `activeTasks` of `/organisations/{id}/statistics/`: task states over PUBLISHED projects. */
export interface OrganisationTaskStats {
  ready: number;
  lockedForMapping: number;
  lockedForValidation: number;
  mapped: number;
  validated: number;
  invalidated: number;
  badImagery: number;
}

/** One day of `/tasks/statistics/`. */
export interface TaskStatsDay {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  mapped: number;
  validated: number;
  badImagery: number;
}

/** The abbreviated figures of `/system/statistics/`. */
export interface HomepageStats {
  /** Distinct users holding a lock now. */
  mappersOnline: number;
  /** Tasks now MAPPED or VALIDATED. */
  tasksMapped: number;
  /** All users. */
  totalMappers: number;
  /** All projects, any status. */
  totalProjects: number;
}

function yearOf(t: Micros): number {
  return new Date(Math.floor(t / 1000)).getUTCFullYear();
}

/**
 * An organisation's project and task figures relative to the world's clock. With `thisYear`
 * (what `/organisations/?omitOrgStats=false` asks for), only projects created between
 * 1 January of the clock's year and the clock count.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { organisationStats } from "./figures_orgs.ts";
 * const world = createWorld({ projects: 10 });
 * const s = organisationStats(world, 1, false);
 * if (s.projects.recent > s.projects.published + s.projects.archived) throw new Error("recent");
 * ```
 */
export function organisationStats(
  world: World,
  organisationId: number,
  thisYear: boolean,
): { projects: OrganisationProjectStats; activeTasks: OrganisationTaskStats } {
  const year = yearOf(world.now);
  const from = Date.UTC(year, 0, 1) * 1000;
  const staleBefore = minusMonths(world.now, 6);
  const projects = { draft: 0, published: 0, archived: 0, recent: 0, stale: 0 };
  const counts: Partial<Record<TaskStatus, number>> = {};
  for (const p of world.projects) {
    if (p.organisationId !== organisationId) continue;
    if (thisYear && (p.created < from || p.created > world.now)) continue;
    if (p.status === "DRAFT") projects.draft++;
    else if (p.status === "ARCHIVED") projects.archived++;
    else projects.published++;
    if (p.status !== "DRAFT" && yearOf(p.created) === year) projects.recent++;
    if (p.status === "PUBLISHED" && p.lastUpdated < staleBefore) projects.stale++;
    if (p.status !== "PUBLISHED") continue;
    for (const t of p.tasks) counts[t.status] = (counts[t.status] ?? 0) + 1;
  }
  return {
    projects,
    activeTasks: {
      ready: counts.READY ?? 0,
      lockedForMapping: counts.LOCKED_FOR_MAPPING ?? 0,
      lockedForValidation: counts.LOCKED_FOR_VALIDATION ?? 0,
      mapped: counts.MAPPED ?? 0,
      validated: counts.VALIDATED ?? 0,
      invalidated: counts.INVALIDATED ?? 0,
      badImagery: counts.BADIMAGERY ?? 0,
    },
  };
}

/**
 * `STATE_CHANGE` rows with text `MAPPED`, `VALIDATED` or `BADIMAGERY` per UTC day from
 * `start` to `end` (`YYYY-MM-DD`, both inclusive), over the given projects: every row counts
 * (not distinct tasks); days with no such row are left out; days ascend.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { taskStatsByDay } from "./figures_orgs.ts";
 * const world = createWorld({ projects: 5 });
 * const days = taskStatsByDay(world.projects, "2000-01-01", "2100-01-01");
 * if (days.some((d) => d.mapped + d.validated + d.badImagery === 0)) throw new Error("zero day");
 * ```
 */
export function taskStatsByDay(
  projects: readonly Project[],
  start: string,
  end: string,
): TaskStatsDay[] {
  const days = new Map<string, TaskStatsDay>();
  for (const p of projects) {
    for (const h of p.history) {
      if (h.action !== "STATE_CHANGE") continue;
      const text = h.actionText;
      if (text !== "MAPPED" && text !== "VALIDATED" && text !== "BADIMAGERY") continue;
      const date = utcDay(h.actionDate);
      if (date < start || date > end) continue;
      let day = days.get(date);
      if (day === undefined) {
        day = { date, mapped: 0, validated: 0, badImagery: 0 };
        days.set(date, day);
      }
      if (text === "MAPPED") day.mapped++;
      else if (text === "VALIDATED") day.validated++;
      else day.badImagery++;
    }
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The abbreviated home page figures (see {@linkcode HomepageStats}).
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { homepageStats } from "./figures_orgs.ts";
 * const world = createWorld({ projects: 3 });
 * if (homepageStats(world).totalProjects !== 3) throw new Error("projects");
 * ```
 */
export function homepageStats(world: World): HomepageStats {
  const lockers = new Set<number>();
  let tasksMapped = 0;
  for (const p of world.projects) {
    for (const t of p.tasks) {
      if (t.lockedBy !== null) lockers.add(t.lockedBy);
      if (t.status === "MAPPED" || t.status === "VALIDATED") tasksMapped++;
    }
  }
  return {
    mappersOnline: lockers.size,
    tasksMapped,
    totalMappers: world.users.length,
    totalProjects: world.projects.length,
  };
}
