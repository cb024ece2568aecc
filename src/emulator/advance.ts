/**
 * A world that moves: `advanceWorld(world, step)` moves the emulator's clock on by a day (by
 * default) and does what a day of TM does. Expired locks are auto-unlocked (the lock row
 * deleted, an `AUTO_UNLOCKED_*` row added, `lastUpdated` unmoved, as TM does); some published
 * projects get new mapping and validation; a few tasks are locked and left open; new projects
 * are created; one project is finished (every task validated), one archived and one made
 * private. The same world and step give the same day.
 *
 * @module
 */

import type { Project, World } from "./model.ts";
import { autoUnlock, insertActivity } from "./activity.ts";
import { taskTarget } from "./projects.ts";
import { Rng } from "./rng.ts";
import { SECOND, withId } from "./simulate.ts";
import { addProject } from "./world.ts";
import { pinProject, taskCount } from "./lazy.ts";

const HOUR = 3600 * SECOND;

/** Options of {@link advanceWorld}. */
export interface AdvanceOptions {
  /** How far the clock moves, in hours. @default 24 */
  hours?: number;
  /** Share of published projects that get new mapping and validation. @default 0.08 */
  activeShare?: number;
}

/** What one {@link advanceWorld} did, by project id. */
export interface Advance {
  /** Projects with new state changes (their `lastUpdated` moved). */
  mapped: number[];
  /** Projects where an expired lock was auto-unlocked (their `lastUpdated` did not move). */
  autoUnlocked: number[];
  /** Projects where a lock was taken and left open (their `lastUpdated` did not move). */
  locked: number[];
  /** New projects. */
  created: number[];
  /** Projects whose every task was validated. */
  finished: number[];
  /** Projects archived. */
  archived: number[];
  /** Projects made private. */
  madePrivate: number[];
}

function isOpen(project: Project): Project["tasks"] {
  return project.tasks.filter((task) => task.lockedBy !== null);
}

/**
 * Moves `world` on by one day (see the module doc) and says what changed.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { advanceWorld } from "./advance.ts";
 * import assert from "node:assert/strict";
 *
 * const a = createWorld({ seed: 3, projects: 30 });
 * const b = createWorld({ seed: 3, projects: 30 });
 * const before = a.now;
 * const changed = advanceWorld(a, 1);
 * assert.deepEqual(advanceWorld(b, 1), changed);
 * assert.ok(a.now > before);
 * assert.equal(changed.created.length > 0, true);
 * ```
 */
export function advanceWorld(world: World, step: number, options: AdvanceOptions = {}): Advance {
  const rng = new Rng((world.seed * 7919) ^ (step * 104729));
  const end = world.now + Math.round((options.hours ?? 24) * HOUR);
  const done: Advance = {
    mapped: [],
    autoUnlocked: [],
    locked: [],
    created: [],
    finished: [],
    archived: [],
    madePrivate: [],
  };
  const published = () =>
    world.projects.filter((p) => p.status === "PUBLISHED" && !p.private && taskCount(world, p) > 0);

  // A lazy project not yet changed by the world expires its locks when it is simulated.
  world.lazy?.recordPass(world.now);
  for (const project of world.projects) {
    if (world.lazy?.dormant(project)) continue;
    for (const task of isOpen(project)) {
      const at = world.now + rng.int(1, 60) * SECOND;
      if (autoUnlock(project, task.id, at, (e) => withId(world, e))) {
        world.now = at;
        if (!done.autoUnlocked.includes(project.id)) done.autoUnlocked.push(project.id);
      }
    }
  }
  for (
    const project of rng.sample(
      published(),
      Math.ceil(published().length * (options.activeShare ?? 0.08)),
    )
  ) {
    const actions = rng.int(1, 14);
    let moved = false;
    for (let i = 0; i < actions; i++) {
      moved = insertActivity(world, project.id, step * 100 + i).length > 0 || moved;
    }
    if (moved) done.mapped.push(project.id);
  }
  const finishing = rng.pick(published());
  for (let i = 0; i < 2000; i++) {
    const left = finishing.tasks.some((t) => ["READY", "INVALIDATED", "MAPPED"].includes(t.status));
    if (!left || insertActivity(world, finishing.id, step * 10_000 + i).length === 0) break;
  }
  done.finished.push(finishing.id);
  let id = Math.max(...world.projects.map((p) => p.id)) + 1;
  for (let n = rng.int(1, 2); n > 0; n--, id++) {
    addProject(
      world,
      rng.fork(id),
      {
        id,
        index: world.projects.length,
        status: "PUBLISHED",
        tasks: taskTarget(rng),
      },
      0,
      false,
    );
    done.created.push(id);
  }
  const [archived, madePrivate] = rng.sample(published().filter((p) => p.id !== finishing.id), 2);
  for (
    const [project, list] of [[archived, done.archived], [madePrivate, done.madePrivate]] as const
  ) {
    if (project === undefined) continue;
    if (list === done.archived) project.status = "ARCHIVED";
    else project.private = true;
    project.lastUpdated = world.now;
    list.push(project.id);
  }
  for (const project of rng.sample(published(), 3)) {
    const task = project.tasks.find((t) => t.status === "READY" && t.lockedBy === null);
    if (task === undefined) continue;
    pinProject(world, project);
    const user = rng.pick(world.users.filter((u) => u.role !== "READ_ONLY"));
    const at = world.now + rng.int(1, 600) * SECOND + rng.int(0, SECOND - 1);
    project.history.push(withId(world, {
      projectId: project.id,
      taskId: task.id,
      action: "LOCKED_FOR_MAPPING",
      actionText: null,
      actionDate: at,
      userId: user.id,
    }));
    task.status = "LOCKED_FOR_MAPPING";
    task.lockedBy = user.id;
    done.locked.push(project.id);
  }
  world.now = Math.max(end, world.now + SECOND);
  return done;
}
