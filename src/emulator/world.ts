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
import { makeProject, roughTime, taskTarget } from "./projects.ts";
import { SECOND, simulateProject, withId } from "./simulate.ts";
import { makeChat } from "./chat.ts";

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
  let id = 100 + rng.int(0, 50);
  const count = options.projects ?? 600;
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
  const now = world.now;
  if (seed.status === "DRAFT") {
    project.lastUpdated = Math.min(now, roughTime(rng, project.created + rng.int(0, 3 * DAY)));
    return project;
  }
  const active = quota > 0 || (seed.status === "PUBLISHED" && rng.chance(0.65));
  // A world built to a given clock keeps its active projects' work within the last year or so,
  // so that recent windows are busy, as on a live TM; the fixed world keeps its old spread.
  const start = quota > 0 ? now - 700 * DAY : project.created + rng.int(0, 5 * DAY);
  const from = active && recent ? Math.max(start, now - rng.int(60, 420) * DAY) : start;
  if (quota > 0) project.created = roughTime(rng, start - rng.int(1, 20) * DAY);
  const end = active ? now : Math.min(now - 7 * DAY, start + rng.int(20, 900) * DAY);
  const pool = world.users.filter((u) => u.role !== "READ_ONLY");
  const experts = pool.filter((u) => u.mappingLevel !== "BEGINNER");
  const mappers = rng.sample(
    pool,
    Math.min(60, Math.max(2, Math.round(project.tasks.length / 3) + rng.int(1, 8))),
  );
  const events = end > from + DAY
    ? simulateProject(
      {
        rng,
        projectId: project.id,
        mappers: mappers.map((u) => u.id),
        validators: rng.sample(experts, rng.int(1, 8)).map((u) => u.id),
        start: from,
        end,
        openLocks: active,
        progress: seed.status === "ARCHIVED" ? rng.float(0.85, 1) : rng.next() ** 0.6,
        quota,
      },
      project.tasks,
      quota > 0 ? 3 : rng.weighted([[0, 0.6], [1, 0.25], [2, 0.1], [3, 0.05]]),
    )
    : [];
  project.history = events.map((e) => withId(world, e));
  const last = project.history[project.history.length - 1];
  project.lastUpdated = last
    ? Math.min(now, last.actionDate + (rng.chance(0.5) ? 0 : rng.int(1, 3 * SECOND)))
    : Math.min(now, roughTime(rng, project.created + rng.int(0, 3 * DAY)));
  return project;
}
