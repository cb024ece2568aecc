/**
 * A project's simulated history, in two steps drawn from the project's own generator: the plan
 * (whether it is active, its window of activity; a DRAFT project's `lastUpdated`), then the
 * simulation of its tasks within that window. The eager world runs both at once; the lazy world
 * (`lazy.ts`) runs the plan at start-up and the simulation when the project is first asked for.
 *
 * @module
 */

import type { HistoryRow, Micros, Project, World } from "./model.ts";
import type { ProjectStatus } from "../schemas/enums.ts";
import type { Rng } from "./rng.ts";
import { roughTime } from "./projects.ts";
import { type Event, SECOND, simulateProject } from "./simulate.ts";

const DAY = 86_400 * SECOND;

/** The window a project's history is simulated over (see {@link planHistory}). */
export interface HistoryPlan {
  /** Whether the project is still being worked on at the clock. */
  active: boolean;
  /** The first instant of activity. */
  from: Micros;
  /** No row is dated at or after it. */
  end: Micros;
  /** The project's status when it was built. */
  status: ProjectStatus;
  /** When > 0, each task keeps cycling until it has this many non-COMMENT rows. */
  quota: number;
  /** The world's clock when the project was built. */
  now: Micros;
}

/**
 * Plans a project's history: `null` for a DRAFT (whose `lastUpdated` it sets); else its window.
 * With `quota`, it also moves `project.created` to before the window. With `recent`, an active
 * project's work starts at most about 14 months before the clock.
 */
export function planHistory(
  rng: Rng,
  project: Project,
  status: ProjectStatus,
  quota: number,
  recent: boolean,
  now: Micros,
): HistoryPlan | null {
  if (status === "DRAFT") {
    project.lastUpdated = Math.min(now, roughTime(rng, project.created + rng.int(0, 3 * DAY)));
    return null;
  }
  const active = quota > 0 || (status === "PUBLISHED" && rng.chance(0.65));
  // A world built to a given clock keeps its active projects' work within the last year or so,
  // so that recent windows are busy, as on a live TM; the fixed world keeps its old spread.
  const start = quota > 0 ? now - 700 * DAY : project.created + rng.int(0, 5 * DAY);
  const from = active && recent ? Math.max(start, now - rng.int(60, 420) * DAY) : start;
  if (quota > 0) project.created = roughTime(rng, start - rng.int(1, 20) * DAY);
  const end = active ? now : Math.min(now - 7 * DAY, start + rng.int(20, 900) * DAY);
  return { active, from, end, status, quota, now };
}

/**
 * Simulates the planned history over `project.tasks` (all READY), giving each row its id with
 * `assign`, and sets `project.history` and `project.lastUpdated`. `world` gives the users.
 */
export function simulateHistory(
  world: Pick<World, "users">,
  rng: Rng,
  project: Project,
  plan: HistoryPlan,
  assign: (event: Event) => HistoryRow,
): void {
  const { active, from, end, quota, now } = plan;
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
        progress: plan.status === "ARCHIVED" ? rng.float(0.85, 1) : rng.next() ** 0.6,
        quota,
      },
      project.tasks,
      quota > 0 ? 3 : rng.weighted([[0, 0.6], [1, 0.25], [2, 0.1], [3, 0.05]]),
    )
    : [];
  project.history = events.map(assign);
  const last = project.history[project.history.length - 1];
  project.lastUpdated = last
    ? Math.min(now, last.actionDate + (rng.chance(0.5) ? 0 : rng.int(1, 3 * SECOND)))
    : Math.min(now, roughTime(rng, project.created + rng.int(0, 3 * DAY)));
}
