/**
 * Builds the emulator's seeded, deterministic world, and adds activity to it later on.
 *
 * @module
 */

import type { Micros, Project, World } from "./model.ts";
import type { ProjectStatus } from "../schemas/enums.ts";
import { Rng } from "./rng.ts";
import {
  makeCampaigns,
  makeInterests,
  makeOrganisations,
  makeTeams,
  makeUsers,
  mappingLevels,
} from "./entities.ts";
import { makeProject, taskTarget } from "./projects.ts";
import { SECOND, withId } from "./simulate.ts";
import { planHistory, simulateHistory } from "./project_history.ts";
import { makeChat } from "./chat.ts";
import { addLazyProjects, TM_LARGE_PROJECTS, TM_PROJECTS } from "./world_tm.ts";

export { insertActivity } from "./activity.ts";

const DAY = 86_400 * SECOND;

/** How to build a world. */
export interface WorldOptions {
  /** Seed of every random choice. Default 42. */
  seed?: number;
  /** Number of ordinary projects. Default 600. */
  projects?: number;
  /**
   * When set, adds one extra PUBLISHED project whose history has at least this many
   * non-COMMENT rows; its id is `world.hugeProjectId`. Default: no such project.
   */
  hugeProjectHistoryRows?: number;
  /**
   * When set, campaign "Emulator Campaign" (id 1) gets exactly this many PUBLISHED projects,
   * tagging existing ones and adding more if needed. Default: the campaign has no project.
   */
  campaignProjects?: number;
  /**
   * The world's clock, in microseconds since the epoch: activity runs up to it and every
   * date is before it; the work of active projects then starts within about 14 months of it,
   * so recent windows are busy. Default: a fixed instant near 2026-06-01 (a few days either side, by
   * seed), so the same options always give the same world.
   */
  now?: Micros;
  /**
   * `"tm"` builds a world of TM's size: 17,000 projects (or `projects`), 40 of them large
   * (`largeProjects`; 40,000 to 160,000 history rows each), whose tasks and histories are
   * simulated on first access and cached within a budget (see `lazy.ts`), so start-up takes
   * about two seconds and little memory. Default `"default"`: every project built at once.
   */
  size?: "default" | "tm";
  /**
   * With `size: "tm"`, how many large projects. Default 40 in 17,000, in proportion to `projects`
   * (5 in 2,000).
   */
  largeProjects?: number;
  /** With `size: "tm"`, the cache budget (tasks × 4 + history rows). Default 2,000,000. */
  lazyBudget?: number;
}

/** The earliest clock a world may have: its projects are created from 2016 on. */
const EARLIEST_NOW = Date.UTC(2017, 0, 1) * 1000;

/**
 * Builds a world: mapping levels, users, organisations, campaigns, interests, teams, and
 * projects with task grids and simulated histories. The same options give a deep-equal world.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import assert from "node:assert/strict";
 * const world = createWorld({ seed: 7, projects: 5 });
 * assert.equal(world.projects.length, 5);
 *
 * // A world whose clock reads 2026-11-29 noon: its activity runs up to that instant.
 * const now = Date.UTC(2026, 10, 29, 12) * 1000;
 * const later = createWorld({ seed: 7, projects: 5, now });
 * assert.equal(later.now, now);
 * assert.ok(later.projects.every((p) => p.history.every((row) => row.actionDate < now)));
 * ```
 */
export function createWorld(options: WorldOptions = {}): World {
  const seed = options.seed ?? 42;
  if (
    options.now !== undefined && !(Number.isSafeInteger(options.now) && options.now >= EARLIEST_NOW)
  ) {
    throw new RangeError(
      `Cannot build a world: now must be whole microseconds since the epoch, on or after ` +
        `2017-01-01, got ${options.now}`,
    );
  }
  const rng = new Rng(seed);
  const fixed = Date.UTC(2026, 5, 1) * 1000 + rng.int(-3 * DAY, 3 * DAY);
  const now = options.now ?? fixed;
  const recent = options.now !== undefined;
  const users = makeUsers(rng, rng.int(300, 360), now);
  const organisations = makeOrganisations(rng, users);
  const world: World = {
    seed,
    now,
    release: {
      version: "v5.5.2",
      publishedAt: Math.min(Date.UTC(2026, 2, 31, 14, 3, 44) * 1000, now - 30 * DAY),
    },
    levels: mappingLevels(),
    users,
    organisations,
    campaigns: makeCampaigns(rng),
    interests: makeInterests(),
    teams: makeTeams(rng, organisations, users),
    projects: [],
    chat: [],
    tokens: new Map(),
    nextHistoryId: 1000 + rng.int(0, 5000),
  };
  const tm = options.size === "tm";
  if (tm) {
    const count = options.projects ?? TM_PROJECTS;
    addLazyProjects(world, rng, {
      count,
      large: options.largeProjects ?? Math.round((TM_LARGE_PROJECTS * count) / TM_PROJECTS),
      recent,
      ...(options.lazyBudget !== undefined ? { budget: options.lazyBudget } : {}),
    });
  }
  let id = tm ? (world.projects.at(-1)?.id ?? 100) + 1 : 100 + rng.int(0, 50);
  const count = tm ? 0 : options.projects ?? 600;
  for (let i = 0; i < count; i++) {
    const status: ProjectStatus = i === 1 ? "ARCHIVED" : i === 2 ? "DRAFT" : rng.weighted([
      ["PUBLISHED", 0.8],
      ["ARCHIVED", 0.12],
      ["DRAFT", 0.08],
    ]);
    addProject(world, rng.fork(id), { id, index: i, status, tasks: taskTarget(rng) }, 0, recent);
    id += rng.chance(0.1) ? rng.int(2, 5) : 1;
  }
  if (options.campaignProjects !== undefined) {
    const published = world.projects.filter((p) => p.status === "PUBLISHED");
    while (published.length < options.campaignProjects) {
      published.push(
        addProject(
          world,
          rng.fork(id),
          {
            id,
            index: 60 + id,
            status: "PUBLISHED",
            tasks: taskTarget(rng),
          },
          0,
          recent,
        ),
      );
      id++;
    }
    for (const p of published.slice(0, options.campaignProjects)) {
      p.campaignIds = [1, ...p.campaignIds];
    }
  }
  if (options.hugeProjectHistoryRows !== undefined) {
    const tasks = 400;
    const quota = Math.ceil((options.hugeProjectHistoryRows / tasks) * 1.02) + 1;
    addProject(
      world,
      rng.fork(id),
      { id, index: 60 + id, status: "PUBLISHED", tasks },
      quota,
      false,
    );
    world.hugeProjectId = id;
  }
  world.chat = makeChat(world);
  return world;
}

/**
 * Builds a project, simulates its history (none for DRAFT) and appends it to the world; with
 * `recent`, an active project's work starts at most about 14 months before the clock.
 */
export function addProject(
  world: World,
  rng: Rng,
  seed: { id: number; index: number; status: ProjectStatus; tasks: number },
  quota: number,
  recent: boolean,
): Project {
  const project = makeProject(rng, world, seed);
  world.projects.push(project);
  const plan = planHistory(rng, project, seed.status, quota, recent, world.now);
  if (plan !== null) simulateHistory(world, rng, project, plan, (e) => withId(world, e));
  return project;
}
