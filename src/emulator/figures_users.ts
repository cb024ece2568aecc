/**
 * Per-user figures derived from the world's task histories and task states, computed the way
 * TM's SQL computes them (`UserService.get_detailed_stats`, reference 3.13), quirks included.
 * Per-user figures of one project are in `figures_user_projects.ts`.
 *
 * Lock durations count whole seconds, as `TO_TIMESTAMP(action_text, 'HH24:MI:SS')` drops the
 * fraction (the same rule as `lockTimes` in `figures_tm.ts`).
 *
 * @module
 */

import type { HistoryRow, Micros, Project, World } from "./model.ts";
import { durationSeconds, utcDay } from "./figures_tm.ts";

const MINUTE = 60_000_000;
const MARKS = new Set(["MAPPED", "VALIDATED", "INVALIDATED"]);
const COUNTRY_TEXTS = new Set(["MAPPED", "BADIMAGERY", "VALIDATED"]);

/** One country of `countriesContributed`, before serialization. */
export interface CountryContribution {
  name: string;
  mapped: number;
  validated: number;
  total: number;
}

/** What `/users/{username}/statistics/` reports (reference 3.13), before serialization. */
export interface UserStatistics {
  /** Seconds, `timeSpentMapping + timeSpentValidating`. */
  totalTimeSpent: number;
  timeSpentMapping: number;
  timeSpentValidating: number;
  projectsMapped: number;
  /** Sorted by `total` DESC, then name. */
  countries: CountryContribution[];
  /** Days (`YYYY-MM-DD`) after one year before the world's clock date, newest first. */
  contributionsByDay: { date: string; count: number }[];
  tasksMapped: number;
  tasksValidated: number;
  tasksInvalidated: number;
  tasksInvalidatedByOthers: number;
  tasksValidatedByOthers: number;
  /** Interests of the projects the user has any history row on; count DESC, then id. */
  interests: { interestId: number; countProjects: number }[];
}

/**
 * PostgreSQL's `t - INTERVAL 'n months'`: same time of day, the day clamped to the end of a
 * shorter month (`2024-02-29` minus 12 months is `2023-02-28`).
 *
 * @example
 * ```ts
 * import { minusMonths } from "./figures_users.ts";
 * const t = minusMonths(Date.UTC(2024, 7, 31, 5) * 1000, 6);
 * if (t !== Date.UTC(2024, 1, 29, 5) * 1000) throw new Error("clamped to Feb 29");
 * ```
 */
export function minusMonths(t: Micros, months: number): Micros {
  const d = new Date(Math.floor(t / 1000));
  const inDay = t - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) * 1000;
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const day = Math.min(d.getUTCDate(), last.getUTCDate());
  return Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day) * 1000 + inDay;
}

function taskKey(row: HistoryRow): string {
  return `${row.projectId} ${row.taskId}`;
}

/** Options of {@link userStatistics}. */
export interface UserStatisticsOptions {
  /**
   * Which state changes `contributionsByDay` counts: TM5's (MAPPED, VALIDATED, INVALIDATED)
   * or TM4's (every one, `user_service.get_contributions_by_day` at v4.8.5). @default "tm5"
   */
  dayCounts?: "tm5" | "tm4";
}

/**
 * A user's statistics over the whole world (see {@linkcode UserStatistics}). Mapping time sums
 * the user's `LOCKED_FOR_MAPPING` and `AUTO_UNLOCKED_FOR_MAPPING` rows; validation time, as
 * TM's SQL does, sums per minute of `actionDate` only the largest `actionText` of the user's
 * `LOCKED_FOR_VALIDATION` rows (auto-unlocks not counted). `contributionsByDay` counts the
 * user's `STATE_CHANGE` rows to MAPPED, VALIDATED or INVALIDATED (TM since v5.4.1; every
 * one with `dayCounts: "tm4"`). Task counts are distinct (project, task) pairs with a row of that text; "by others" counts other users' `VALIDATED`/`INVALIDATED`
 * rows on the tasks the user mapped, validated or invalidated.
 *
 * @example
 * ```ts
 * import { createWorld } from "./world.ts";
 * import { userStatistics } from "./figures_users.ts";
 * const world = createWorld({ projects: 3 });
 * const s = userStatistics(world, world.users[0]!.id);
 * if (s.totalTimeSpent !== s.timeSpentMapping + s.timeSpentValidating) throw new Error("sum");
 * ```
 */
export function userStatistics(
  world: World,
  userId: number,
  options: UserStatisticsOptions = {},
): UserStatistics {
  const counted = options.dayCounts === "tm4" ? undefined : DAY_COUNTED;
  const since = utcDay(minusMonths(Date.parse(utcDay(world.now)) * 1000, 12));
  const marked: Record<string, Set<string>> = {
    MAPPED: new Set(),
    VALIDATED: new Set(),
    INVALIDATED: new Set(),
  };
  const acted = new Set<string>();
  const mappedProjects = new Set<number>();
  const anyProjects: Project[] = [];
  const perDay = new Map<string, number>();
  const countries = new Map<string, CountryContribution>();
  const validationByMinute = new Map<number, string>();
  let mapping = 0;
  for (const project of world.projects) {
    let any = false;
    for (const h of project.history) {
      if (h.userId !== userId) continue;
      any = true;
      const text = h.actionText;
      if (text !== null && MARKS.has(text)) {
        marked[text]?.add(taskKey(h));
        acted.add(taskKey(h));
      }
      if (text === "MAPPED") mappedProjects.add(project.id);
      if (h.action === "STATE_CHANGE" && text !== null && (counted?.has(text) ?? true)) {
        const day = utcDay(h.actionDate);
        if (day > since) perDay.set(day, (perDay.get(day) ?? 0) + 1);
      }
      if (text !== null && COUNTRY_TEXTS.has(text)) {
        for (const name of project.countries ?? []) {
          const c = countries.get(name) ?? { name, mapped: 0, validated: 0, total: 0 };
          if (text === "VALIDATED") c.validated++;
          else c.mapped++;
          c.total++;
          countries.set(name, c);
        }
      }
      if (text === null) continue;
      if (h.action === "LOCKED_FOR_MAPPING" || h.action === "AUTO_UNLOCKED_FOR_MAPPING") {
        mapping += durationSeconds(text) ?? 0;
      } else if (h.action === "LOCKED_FOR_VALIDATION") {
        const minute = Math.floor(h.actionDate / MINUTE);
        const seen = validationByMinute.get(minute);
        if (seen === undefined || text > seen) validationByMinute.set(minute, text);
      }
    }
    if (any) anyProjects.push(project);
  }
  const others = { VALIDATED: new Set<string>(), INVALIDATED: new Set<string>() };
  for (const project of anyProjects) {
    for (const h of project.history) {
      if (h.userId === userId || !acted.has(taskKey(h))) continue;
      if (h.actionText === "VALIDATED") others.VALIDATED.add(taskKey(h));
      if (h.actionText === "INVALIDATED") others.INVALIDATED.add(taskKey(h));
    }
  }
  let validating = 0;
  for (const text of validationByMinute.values()) validating += durationSeconds(text) ?? 0;
  return {
    totalTimeSpent: mapping + validating,
    timeSpentMapping: mapping,
    timeSpentValidating: validating,
    projectsMapped: mappedProjects.size,
    countries: [...countries.values()].sort((a, b) =>
      b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
    ),
    contributionsByDay: [...perDay].sort((a, b) => (a[0] < b[0] ? 1 : -1))
      .map(([date, count]) => ({ date, count })),
    tasksMapped: marked["MAPPED"]?.size ?? 0,
    tasksValidated: marked["VALIDATED"]?.size ?? 0,
    tasksInvalidated: marked["INVALIDATED"]?.size ?? 0,
    tasksInvalidatedByOthers: others.INVALIDATED.size,
    tasksValidatedByOthers: others.VALIDATED.size,
    interests: interestCounts(anyProjects),
  };
}

/** The new statuses TM (since v5.4.1, `user_service.get_detailed_stats`) counts per day. */
const DAY_COUNTED = new Set(["MAPPED", "VALIDATED", "INVALIDATED"]);

function interestCounts(projects: readonly Project[]): UserStatistics["interests"] {
  const counts = new Map<number, number>();
  for (const p of projects) {
    for (const id of new Set(p.interestIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([interestId, countProjects]) => ({ interestId, countProjects }));
}
