/**
 * Lookups over a `World` that routes need many times per request (users, organisations,
 * campaigns, teams by id; projects by id), plus a per-project cache of the newest-first
 * activity list, refreshed whenever the project's history grows.
 *
 * @module
 */

import type { Campaign, HistoryRow, Organisation, Project, Team, User, World } from "./model.ts";
import { activity } from "./figures.ts";

/** Projects whose activity list {@link WorldIndex.activity} keeps. */
export const ACTIVITY_CACHE = 256;

/** Maps by id over one world. Build one per server; history changes are picked up. */
export class WorldIndex {
  /** The indexed world. */
  readonly world: World;
  /** Users by id. */
  readonly users: Map<number, User>;
  /** Users by username. */
  readonly usersByName: Map<string, User>;
  /** Organisations by id. */
  readonly organisations: Map<number, Organisation>;
  /** Campaigns by id. */
  readonly campaigns: Map<number, Campaign>;
  /** Teams by id. */
  readonly teams: Map<number, Team>;
  #projects: Map<number, Project>;
  #activity = new Map<
    number,
    { source: HistoryRow[]; length: number; lastId: number; rows: HistoryRow[] }
  >();

  /** Indexes `world`. */
  constructor(world: World) {
    this.world = world;
    this.users = new Map(world.users.map((u) => [u.id, u]));
    this.usersByName = new Map(world.users.map((u) => [u.username, u]));
    this.organisations = new Map(world.organisations.map((o) => [o.id, o]));
    this.campaigns = new Map(world.campaigns.map((c) => [c.id, c]));
    this.teams = new Map(world.teams.map((t) => [t.id, t]));
    this.#projects = new Map(world.projects.map((p) => [p.id, p]));
  }

  /** The project with this id, or `undefined`. */
  project(id: number): Project | undefined {
    const found = this.#projects.get(id);
    if (found !== undefined) return found;
    const late = this.world.projects.find((p) => p.id === id);
    if (late !== undefined) this.#projects.set(id, late);
    return late;
  }

  /** The username of a user id, or `null`. */
  username(id: number | null): string | null {
    if (id === null) return null;
    return this.users.get(id)?.username ?? null;
  }

  /**
   * Non-COMMENT history rows of a project by users the index knows, newest first (cached
   * until history changes, so a page of a huge history costs no scan). The cache keeps the
   * {@link ACTIVITY_CACHE} projects asked for last, so a lazy world's evicted histories go.
   */
  activity(project: Project): HistoryRow[] {
    const history = project.history;
    const last = history[history.length - 1];
    const lastId = last === undefined ? -1 : last.id;
    const cached = this.#activity.get(project.id);
    this.#activity.delete(project.id);
    if (
      cached && cached.source === history && cached.length === history.length &&
      cached.lastId === lastId
    ) {
      this.#activity.set(project.id, cached);
      return cached.rows;
    }
    const rows = activity(project).filter((row) => this.users.has(row.userId));
    this.#activity.set(project.id, { source: history, length: history.length, lastId, rows });
    for (const old of this.#activity.keys()) {
      if (this.#activity.size <= ACTIVITY_CACHE) break;
      this.#activity.delete(old);
    }
    return rows;
  }
}
