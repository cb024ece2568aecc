/**
 * The projects of a world of TM's size: about 17,000 projects (TM's count in 2026), most of
 * them small, and a few dozen large ones whose histories hold 40,000 to 160,000 rows each, as
 * TM's largest do. Their histories are simulated lazily (`lazy.ts`): start-up builds only the
 * projects' attributes, so it is fast and its memory small.
 *
 * @module
 */

import type { World } from "./model.ts";
import type { ProjectStatus } from "../schemas/enums.ts";
import { Rng } from "./rng.ts";
import { makeProject, taskTarget } from "./projects.ts";
import { planHistory } from "./project_history.ts";
import { idCapacity, LazyProjects } from "./lazy.ts";

/** Projects of a world of TM's size. */
export const TM_PROJECTS = 17_000;
/** Large projects of a world of TM's size. */
export const TM_LARGE_PROJECTS = 40;
/** Tasks of a large project. */
const LARGE_TASKS = 400;

/** How {@link addLazyProjects} builds the projects. */
export interface LazyWorldOptions {
  /** Projects in all, the large ones included. */
  count: number;
  /** Large projects (PUBLISHED, 400 tasks, 40,000 to 160,000 history rows each). */
  large: number;
  /** Whether active work starts within about 14 months of the clock (a world built to a clock). */
  recent: boolean;
  /** The cache budget of the lazy store (tasks × 4 + history rows). */
  budget?: number;
}

/**
 * Adds `count` lazy projects to `world` (ids ascending, as the eager world numbers them), the
 * large ones spread evenly among them, and sets `world.lazy` and `world.nextHistoryId` (after
 * every project's block of ids). Draws from `rng` only what the attributes need.
 */
export function addLazyProjects(world: World, rng: Rng, options: LazyWorldOptions): void {
  const store = new LazyProjects(world, options.budget);
  world.lazy = store;
  const large = new Set<number>();
  for (let k = 0; k < options.large && k < options.count; k++) {
    const span = options.count / options.large;
    large.add(Math.min(options.count - 1, Math.floor(k * span + rng.float(0, span))));
  }
  let id = 100 + rng.int(0, 50);
  let idBase = world.nextHistoryId ?? 1;
  for (let index = 0; index < options.count; index++) {
    const big = large.has(index);
    const status: ProjectStatus = big
      ? "PUBLISHED"
      : index === 1
      ? "ARCHIVED"
      : index === 2
      ? "DRAFT"
      : rng.weighted([["PUBLISHED", 0.8], ["ARCHIVED", 0.12], ["DRAFT", 0.08]]);
    const tasks = big ? LARGE_TASKS : taskTarget(rng);
    const rows = big ? Math.round(40_000 * 4 ** rng.next()) : 0;
    const quota = big ? Math.ceil((rows / LARGE_TASKS) * 1.02) + 1 : 0;
    // What rng.fork(id) would give, kept so the project's generator can be made again.
    const rngSeed = (rng.nextUint32() ^ Math.imul(id | 0, 0x27d4eb2d)) | 0;
    const recent = options.recent && !big;
    const own = new Rng(rngSeed);
    const project = makeProject(own, world, { id, index, status, tasks });
    const plan = planHistory(own, project, status, quota, recent, world.now);
    const taskCount = project.tasks.length;
    const idCap = idCapacity(taskCount, quota);
    store.add(project, {
      id,
      index,
      status,
      tasks,
      taskCount,
      rngSeed,
      quota,
      recent,
      ...(plan !== null && !plan.active ? { inactiveEnd: plan.end } : {}),
      bornAt: world.now,
      idBase,
      idCap,
    });
    world.projects.push(project);
    idBase += idCap;
    id += rng.chance(0.1) ? rng.int(2, 5) : 1;
  }
  world.nextHistoryId = idBase;
}
