/**
 * Projects whose tasks and history are generated when first asked for, for worlds of TM's size.
 *
 * A lazy project is a plain `Project` whose `tasks`, `history` and `lastUpdated` are accessors.
 * At start-up only its attributes are built (and its plan, which fixes `created`); its task grid
 * and history are simulated from the project's own seed on first access, kept in a cache
 * bounded by `budget` (tasks and history rows), and simulated again, identically, after
 * eviction. Each project owns a block of history ids, so its rows get the same ids whenever
 * they are simulated, and ids of later activity (`world.nextHistoryId`) come after every block.
 *
 * The world moves as an eager one does: a project whose body the world changes (new activity,
 * a lock taken) is pinned, never evicted. Locks left open when the world was built expire at the
 * auto-unlock passes of `advanceWorld` (recorded with {@link LazyProjects.recordPass}); a body
 * simulated later applies the passes it missed, with the same rows whenever it is simulated.
 *
 * @module
 */

import type { HistoryRow, Micros, Project, Task, World } from "./model.ts";
import type { ProjectStatus } from "../rows.ts";
import { Rng } from "./rng.ts";
import { makeProject } from "./projects.ts";
import { planHistory, simulateHistory } from "./project_history.ts";
import { type Event, SECOND } from "./simulate.ts";
import { AUTO_UNLOCK, autoUnlock } from "./activity.ts";

/** What a lazy project is simulated from. */
export interface LazySeed {
  /** The project's id. */
  id: number;
  /** Its index among generated projects (`makeProject`'s `index`). */
  index: number;
  /** Its status when built (a later status does not change its history). */
  status: ProjectStatus;
  /** Task count wanted (`makeProject`'s `tasks`). */
  tasks: number;
  /** Tasks of its grid. */
  taskCount: number;
  /** Seed of the project's own generator. */
  rngSeed: number;
  /** When > 0, each task cycles until it has this many non-COMMENT rows. */
  quota: number;
  /** Whether active work starts within about 14 months of the clock. */
  recent: boolean;
  /** The world's clock when it was built. */
  bornAt: Micros;
  /** For a project not active at the clock, the end of its activity (no row at or after it). */
  inactiveEnd?: Micros;
  /** The first history id of its block. */
  idBase: number;
  /** How many ids its block holds. */
  idCap: number;
}

/** A simulated project's task grid and history. */
export interface LazyBody {
  /** Its tasks, by id. */
  tasks: Task[];
  /** Its history rows, oldest first. */
  history: HistoryRow[];
}

/** What a project's newest activity is, once simulated: before passes, and its open locks. */
interface Digest {
  /** The newest row's date as built (`-Infinity` when none). */
  newest: Micros;
  /** Each lock open as built: when it was taken, and its offset after a pass when it expires. */
  locks: { at: Micros; offset: Micros }[];
}

function weight(body: LazyBody): number {
  return body.history.length + 4 * body.tasks.length;
}

/**
 * The ids a project's block needs: a bound on its rows, with room for the auto-unlocks of
 * its open locks. Ordinary tasks rarely take more than 10 rows; a quota task takes its quota
 * plus a cycle, and comments.
 */
export function idCapacity(taskCount: number, quota: number): number {
  return taskCount * (quota > 0 ? 2 * (quota + 4) : 64) + 64;
}

/** The lazily built projects of one world, and their cache. */
export class LazyProjects {
  /** The most tasks × 4 + history rows kept in the cache of unpinned bodies. */
  readonly budget: number;
  /** Bodies simulated so far (a measure of the work laziness saved or cost). */
  simulated = 0;
  readonly #world: World;
  readonly #seeds = new Map<number, LazySeed>();
  readonly #cache = new Map<number, LazyBody>();
  readonly #pinned = new Map<number, LazyBody>();
  readonly #lastUpdated = new Map<number, Micros>();
  readonly #digests = new Map<number, Digest>();
  readonly #passes: Micros[] = [];
  #weight = 0;

  /** A store for `world`'s lazy projects, caching up to `budget` (default 2,000,000). */
  constructor(world: World, budget = 2_000_000) {
    this.#world = world;
    this.budget = budget;
  }

  /**
   * Makes `project` lazy: its `tasks`, `history` and `lastUpdated` become accessors backed
   * by this store. A DRAFT project's `lastUpdated` (set by its plan) is kept.
   */
  add(project: Project, seed: LazySeed): void {
    const id = seed.id;
    this.#seeds.set(id, seed);
    if (seed.status === "DRAFT") this.#lastUpdated.set(id, project.lastUpdated);
    Object.defineProperties(project, {
      tasks: {
        get: () => this.#body(id).tasks,
        set: (tasks: Task[]) => void (this.pin(id).tasks = tasks),
        enumerable: true,
        configurable: true,
      },
      history: {
        get: () => this.#body(id).history,
        set: (history: HistoryRow[]) => void (this.pin(id).history = history),
        enumerable: true,
        configurable: true,
      },
      lastUpdated: {
        get: () => this.#lastUpdated.get(id) ?? (this.#body(id), this.#lastUpdated.get(id) ?? 0),
        set: (at: Micros) => void this.#lastUpdated.set(id, at),
        enumerable: true,
        configurable: true,
      },
    });
  }

  /** Whether `project` is lazy and its body is not pinned (the world has not changed it). */
  dormant(project: Project): boolean {
    return this.#seeds.has(project.id) && !this.#pinned.has(project.id);
  }

  /** What a lazy project is simulated from, else `undefined`. */
  seed(project: Project): Readonly<LazySeed> | undefined {
    return this.#seeds.get(project.id);
  }

  /** The task count of a lazy project without simulating it, else `undefined`. */
  taskCount(project: Project): number | undefined {
    return this.#seeds.get(project.id)?.taskCount;
  }

  /** Keeps a lazy project's body for good: call it before the world changes the body. */
  pin(id: number): LazyBody {
    const held = this.#pinned.get(id);
    if (held !== undefined) return held;
    const body = this.#body(id);
    this.#cache.delete(id);
    this.#weight -= weight(body);
    this.#pinned.set(id, body);
    return body;
  }

  /**
   * Records an auto-unlock pass of the world at `at` (the start of `advanceWorld`): cached
   * bodies are dropped, so the next access simulates them with their expired locks unlocked.
   */
  recordPass(at: Micros): void {
    this.#passes.push(at);
    this.#cache.clear();
    this.#weight = 0;
  }

  /** How many bodies are cached, pinned, and the cache's weight. */
  get cached(): { bodies: number; pinned: number; weight: number } {
    return { bodies: this.#cache.size, pinned: this.#pinned.size, weight: this.#weight };
  }

  /**
   * Whether a dormant project has a history row at or after `since`, without keeping its body:
   * from its plan when it stopped before `since`, else from its digest (its newest row and
   * open locks as built, kept once simulated) and the passes since.
   */
  activeSince(project: Project, since: Micros): boolean {
    const seed = this.#seeds.get(project.id);
    if (seed === undefined) throw new RangeError(`Cannot tell project ${project.id}: not lazy`);
    if (seed.status === "DRAFT" || (seed.inactiveEnd !== undefined && seed.inactiveEnd <= since)) {
      return false;
    }
    let digest = this.#digests.get(seed.id);
    if (digest === undefined) {
      this.#simulate(seed);
      digest = this.#digests.get(seed.id) as Digest;
    }
    if (digest.newest >= since) return true;
    const passes = this.#passes.filter((pass) => pass >= seed.bornAt);
    return digest.locks.some(({ at, offset }) => {
      const pass = passes.find((p) => p + offset - at >= AUTO_UNLOCK);
      return pass !== undefined && pass + offset >= since;
    });
  }

  /**
   * Counts tasks and history rows of every lazy project (and the rows of the large ones, those
   * with a quota), simulating those not in memory without caching them: exact, and as slow as
   * simulating the whole world once.
   */
  count(): { projects: number; tasks: number; historyRows: number; largeHistoryRows: number } {
    let tasks = 0;
    let historyRows = 0;
    let largeHistoryRows = 0;
    for (const seed of this.#seeds.values()) {
      const body = this.#pinned.get(seed.id) ?? this.#cache.get(seed.id) ?? this.#simulate(seed);
      tasks += body.tasks.length;
      historyRows += body.history.length;
      if (seed.quota > 0) largeHistoryRows += body.history.length;
    }
    return { projects: this.#seeds.size, tasks, historyRows, largeHistoryRows };
  }

  #body(id: number): LazyBody {
    const pinned = this.#pinned.get(id);
    if (pinned !== undefined) return pinned;
    const cached = this.#cache.get(id);
    if (cached !== undefined) {
      this.#cache.delete(id);
      this.#cache.set(id, cached);
      return cached;
    }
    const seed = this.#seeds.get(id);
    if (seed === undefined) throw new RangeError(`Cannot simulate project ${id}: it is not lazy`);
    const body = this.#simulate(seed);
    this.#cache.set(id, body);
    this.#weight += weight(body);
    for (const [old, held] of this.#cache) {
      if (this.#weight <= this.budget || old === id) break;
      this.#cache.delete(old);
      this.#weight -= weight(held);
    }
    return body;
  }

  #simulate(seed: LazySeed): LazyBody {
    this.simulated++;
    const at: World = { ...this.#world, now: seed.bornAt };
    const rng = new Rng(seed.rngSeed);
    const project = makeProject(rng, at, seed);
    const plan = planHistory(rng, project, seed.status, seed.quota, seed.recent, seed.bornAt);
    let next = seed.idBase;
    const assign = (event: Event): HistoryRow => {
      if (next >= seed.idBase + seed.idCap) {
        throw new RangeError(
          `Cannot simulate project ${seed.id}: its history outgrew its ${seed.idCap} ids`,
        );
      }
      return { id: next++, ...event };
    };
    if (plan !== null) simulateHistory(at, rng, project, plan, assign);
    if (!this.#lastUpdated.has(seed.id)) this.#lastUpdated.set(seed.id, project.lastUpdated);
    this.#expire(seed, project, assign);
    return { tasks: project.tasks, history: project.history };
  }

  /**
   * Records the project's digest, then unlocks, in time order, the locks that expired at the
   * passes since it was built.
   */
  #expire(seed: LazySeed, project: Project, assign: (event: Event) => HistoryRow): void {
    const passes = this.#passes.filter((pass) => pass >= seed.bornAt);
    const due: { taskId: number; at: Micros }[] = [];
    const digest: Digest = {
      newest: project.history[project.history.length - 1]?.actionDate ?? -Infinity,
      locks: [],
    };
    for (const task of project.tasks) {
      if (task.lockedBy === null) continue;
      const lock = project.history.findLast((row) => row.taskId === task.id);
      if (lock === undefined) continue;
      const rng = new Rng((this.#world.seed * 31337) ^ Math.imul(seed.id, 7919) ^ task.id);
      const offset = rng.int(1, 60) * SECOND;
      digest.locks.push({ at: lock.actionDate, offset });
      const pass = passes.find((p) => p + offset - lock.actionDate >= AUTO_UNLOCK);
      if (pass !== undefined) due.push({ taskId: task.id, at: pass + offset });
    }
    this.#digests.set(seed.id, digest);
    due.sort((a, b) => a.at - b.at || a.taskId - b.taskId);
    for (const { taskId, at } of due) autoUnlock(project, taskId, at, assign);
  }
}

/** A project's task count, without simulating a lazy one. */
export function taskCount(world: World, project: Project): number {
  return world.lazy?.taskCount(project) ?? project.tasks.length;
}

/**
 * Whether a project has a history row at or after `since` (a lazy dormant one without keeping
 * its body).
 */
export function activeSince(world: World, project: Project, since: Micros): boolean {
  if (world.lazy?.dormant(project)) return world.lazy.activeSince(project, since);
  return project.history.some((row) => row.actionDate >= since);
}

/** Pins a lazy project's body before the world changes it (nothing for an eager project). */
export function pinProject(world: World, project: Project): void {
  if (world.lazy?.dormant(project)) world.lazy.pin(project.id);
}
