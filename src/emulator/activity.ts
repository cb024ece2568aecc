/**
 * New activity arriving on a live world, for the "activity inserted mid-crawl" fault.
 *
 * @module
 */

import type { HistoryRow, Micros, Project, Task, World } from "./model.ts";
import { Rng } from "./rng.ts";
import { pinProject } from "./lazy.ts";
import { applyStateChange, type Event, formatDuration, SECOND, withId } from "./simulate.ts";

/** TM's default auto-unlock delay (`TM_TASK_AUTOUNLOCK_AFTER`). */
export const AUTO_UNLOCK = 2 * 3600 * SECOND;

/**
 * Auto-unlocks a task's lock if it has expired at `at`: the open lock row goes, an
 * `AUTO_UNLOCKED_*` row (its id from `assign`) comes, the task returns to its last state, and
 * `lastUpdated` does not move, as TM does. Returns whether it did.
 */
export function autoUnlock(
  project: Project,
  taskId: number,
  at: Micros,
  assign: (event: Event) => HistoryRow,
): boolean {
  const task = project.tasks.find((t) => t.id === taskId);
  const index = project.history.findLastIndex((row) =>
    row.taskId === taskId && row.actionText === null && row.action.startsWith("LOCKED_FOR_")
  );
  const lock = project.history[index];
  if (task === undefined || lock === undefined || at - lock.actionDate < AUTO_UNLOCK) return false;
  project.history.splice(index, 1);
  const mapping = lock.action === "LOCKED_FOR_MAPPING";
  project.history.push(assign({
    projectId: project.id,
    taskId,
    action: mapping ? "AUTO_UNLOCKED_FOR_MAPPING" : "AUTO_UNLOCKED_FOR_VALIDATION",
    actionText: "02:00:00",
    actionDate: at,
    userId: lock.userId,
  }));
  const change = project.history.findLast((row: HistoryRow) =>
    row.taskId === taskId && row.action === "STATE_CHANGE" && row.actionText !== "READY"
  );
  task.status = (change?.actionText ?? "READY") as typeof task.status;
  task.lockedBy = null;
  return true;
}

/**
 * Simulates new activity on a project at the world's clock: one closed lock and one state
 * change on a task (mapping a READY/INVALIDATED task, else validating a MAPPED one, else
 * invalidating a VALIDATED one). Updates the task, `project.lastUpdated` and `world.now`
 * (advanced by seconds to minutes), appends the rows with new ids and returns them. Returns
 * `[]` for a DRAFT or unknown project or when no task can take activity. The result depends
 * only on the world's state and `step`.
 *
 * @example
 * ```ts
 * import { createWorld, insertActivity } from "./world.ts";
 * const world = createWorld({ projects: 3 });
 * const rows = insertActivity(world, world.projects[0]!.id, 1);
 * if (rows.length > 0 && rows[0]!.actionDate <= 0) throw new Error("bad date");
 * ```
 */
export function insertActivity(world: World, projectId: number, step: number): HistoryRow[] {
  const project = world.projects.find((p) => p.id === projectId);
  if (!project || project.status === "DRAFT") return [];
  pinProject(world, project);
  const rng = new Rng(
    (world.seed * 1000003) ^ (projectId * 7919) ^ (step * 104729) ^ project.history.length,
  );
  const byStatus = (s: Task["status"]): Task[] => project.tasks.filter((t) => t.status === s);
  const toMap = [...byStatus("READY"), ...byStatus("INVALIDATED")];
  const toValidate = byStatus("MAPPED");
  const candidates = toMap.length > 0
    ? toMap
    : toValidate.length > 0
    ? toValidate
    : byStatus("VALIDATED");
  if (candidates.length === 0) return [];
  const task = rng.pick(candidates);
  const mapping = toMap.length > 0;
  const users = world.users.filter((u) => u.role !== "READ_ONLY" && u.id !== task.mappedBy);
  const user = rng.pick(users).id;
  const t0: Micros = world.now + rng.int(1, 30) * SECOND + rng.int(0, SECOND - 1);
  const d: Micros = rng.int(20, 300) * SECOND + (rng.chance(0.3) ? 0 : rng.int(1, SECOND - 1));
  const next = mapping ? "MAPPED" : task.status === "MAPPED" ? "VALIDATED" : "INVALIDATED";
  const base = { projectId, taskId: task.id, userId: user };
  const rows = [
    withId(world, {
      ...base,
      action: mapping ? "LOCKED_FOR_MAPPING" : "LOCKED_FOR_VALIDATION",
      actionText: formatDuration(d),
      actionDate: t0,
    }),
    withId(world, { ...base, action: "STATE_CHANGE", actionText: next, actionDate: t0 + d }),
  ];
  applyStateChange(task, next, user);
  project.history.push(...rows);
  project.lastUpdated = t0 + d;
  world.now = t0 + d + SECOND;
  return rows;
}
