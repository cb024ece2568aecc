/**
 * Figures of one user on projects, computed the way TM's SQL computes them:
 * `Project.get_project_user_stats` (reference 3.4) and `User.get_mapped_projects` (3.10).
 * Lock durations count whole seconds, as in `figures_users.ts`.
 *
 * @module
 */

import type { Project, World } from "./model.ts";
import { durationSeconds } from "./figures_tm.ts";

/** One project of `/projects/queries/{username}/touched/` (reference 3.10). */
export interface TouchedProject {
  project: Project;
  /** Tasks whose current `mappedBy` is the user (any status, BADIMAGERY included). */
  tasksMapped: number;
  /** Tasks whose current `validatedBy` is the user. */
  tasksValidated: number;
}

/**
 * Whole seconds a user spent mapping and validating one project: the sums of the durations of
 * their `LOCKED_FOR_*` and `AUTO_UNLOCKED_FOR_*` rows (open locks count nothing).
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { userProjectTimes } from "./figures_user_projects.ts";
 * const world = createWorld({ projects: 2 });
 * const t = userProjectTimes(world.projects[0]!, world.users[0]!.id);
 * if (t.mapping < 0 || t.validation < 0) throw new Error("negative");
 * ```
 */
export function userProjectTimes(
  project: Project,
  userId: number,
): { mapping: number; validation: number } {
  let mapping = 0;
  let validation = 0;
  for (const h of project.history) {
    if (h.userId !== userId || h.actionText === null) continue;
    if (h.action === "LOCKED_FOR_MAPPING" || h.action === "AUTO_UNLOCKED_FOR_MAPPING") {
      mapping += durationSeconds(h.actionText) ?? 0;
    } else if (
      h.action === "LOCKED_FOR_VALIDATION" || h.action === "AUTO_UNLOCKED_FOR_VALIDATION"
    ) validation += durationSeconds(h.actionText) ?? 0;
  }
  return { mapping, validation };
}

/**
 * The projects a user touched, by project id DESC: projects in the user's `projects_mapped`
 * (TM appends a project on each of the user's `STATE_CHANGE` rows there) where the user is
 * the current mapper or validator of at least one task.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { touchedProjects } from "./figures_user_projects.ts";
 * const world = createWorld({ projects: 4 });
 * const rows = touchedProjects(world, world.users[0]!.id);
 * if (rows.some((r) => r.tasksMapped + r.tasksValidated === 0)) throw new Error("empty row");
 * ```
 */
export function touchedProjects(world: World, userId: number): TouchedProject[] {
  const out: TouchedProject[] = [];
  for (const project of world.projects) {
    if (!project.history.some((h) => h.userId === userId && h.action === "STATE_CHANGE")) {
      continue;
    }
    let tasksMapped = 0;
    let tasksValidated = 0;
    for (const t of project.tasks) {
      if (t.mappedBy === userId) tasksMapped++;
      if (t.validatedBy === userId) tasksValidated++;
    }
    if (tasksMapped + tasksValidated > 0) out.push({ project, tasksMapped, tasksValidated });
  }
  return out.sort((a, b) => b.project.id - a.project.id);
}
