/**
 * Two figures computed exactly as TM's own algorithms do, quirks included:
 * contributions by day (`ProjectService.get_contribs_by_day`) and lock times
 * (`Project.get_project_stats`).
 *
 * @module
 */

import type { Micros, Project } from "./model.ts";
import type { TaskAction } from "../schemas/enums.ts";
import type { DayContribution } from "./figures.ts";

/**
 * `YYYY-MM-DD` (UTC) of a timestamp: SQL `DATE(action_date)` on a naive UTC value.
 *
 * @example
 * ```ts
 * import { utcDay } from "./figures_tm.ts";
 * if (utcDay(Date.UTC(2025, 3, 30, 23, 59) * 1000) !== "2025-04-30") throw new Error("day");
 * ```
 */
export function utcDay(t: Micros): string {
  return new Date(Math.floor(t / 1000)).toISOString().slice(0, 10);
}

/**
 * Contributions by day, as TM computes them. Rows: distinct (text, day, task) of
 * `STATE_CHANGE` rows whose text is `MAPPED`, `VALIDATED` or `INVALIDATED`. Days ascend;
 * within a day the pairs are taken in descending (text, task id) order, so every `VALIDATED`
 * comes before every `MAPPED`, which comes before every `INVALIDATED`, whatever their times.
 * A task counts once as mapped and once as validated; `VALIDATED` also counts as mapped when
 * not yet mapped and clears the task's invalidated mark; `INVALIDATED` (only if the task is not
 * already marked invalidated) removes the task from both cumulative sets and decrements that
 * day's counters when positive. `MAPPED` never clears the invalidated mark.
 *
 * So the last day's `cumulativeMapped` equals the number of MAPPED + VALIDATED tasks (and
 * `cumulativeValidated` the VALIDATED ones) in the usual case, with TM's deviations:
 * - a task invalidated, re-mapped and invalidated again without a validation in between stays
 *   counted as mapped (the second invalidation is ignored);
 * - a task invalidated and re-mapped (or re-validated) on the same day ends up not counted,
 *   because that day's `INVALIDATED` is processed last;
 * - tasks locked for validation are counted (they were mapped), BADIMAGERY tasks are not.
 */
export function contribsByDay(project: Project): DayContribution[] {
  const byDay = new Map<string, Set<string>>();
  const wanted = new Set(["MAPPED", "VALIDATED", "INVALIDATED"]);
  for (const h of project.history) {
    if (h.action !== "STATE_CHANGE" || h.actionText === null || !wanted.has(h.actionText)) continue;
    const day = utcDay(h.actionDate);
    let set = byDay.get(day);
    if (!set) byDay.set(day, set = new Set());
    set.add(`${h.actionText} ${h.taskId}`);
  }
  const mapped = new Set<number>();
  const validated = new Set<number>();
  const invalidated = new Set<number>();
  const totalTasks = project.tasks.length;
  const out: DayContribution[] = [];
  for (const date of [...byDay.keys()].sort()) {
    const pairs = [...(byDay.get(date) ?? [])].map((k): [string, number] => {
      const [text, task] = k.split(" ");
      return [text ?? "", Number(task)];
    });
    pairs.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : b[1] - a[1]));
    const dto: DayContribution = {
      date,
      mapped: 0,
      validated: 0,
      cumulativeMapped: 0,
      cumulativeValidated: 0,
      totalTasks,
    };
    for (const [text, task] of pairs) {
      if (text === "MAPPED") {
        if (!mapped.has(task)) {
          mapped.add(task);
          dto.mapped++;
        }
      } else if (text === "VALIDATED") {
        if (!validated.has(task)) {
          validated.add(task);
          dto.validated++;
          invalidated.delete(task);
          if (!mapped.has(task)) {
            mapped.add(task);
            dto.mapped++;
          }
        }
      } else if (!invalidated.has(task)) {
        invalidated.add(task);
        if (mapped.delete(task) && dto.mapped > 0) dto.mapped--;
        if (validated.delete(task) && dto.validated > 0) dto.validated--;
      }
    }
    dto.cumulativeMapped = mapped.size;
    dto.cumulativeValidated = validated.size;
    out.push(dto);
  }
  return out;
}

/**
 * Seconds of an `HH:MM:SS[.ffffff]` duration, truncated to whole seconds; null if unparsable.
 *
 * @example
 * ```ts
 * import { durationSeconds } from "./figures_tm.ts";
 * if (durationSeconds("00:12:34.567890") !== 754) throw new Error("parse");
 * ```
 */
export function durationSeconds(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/**
 * Total and average lock time (seconds) over the rows with either action, as TM's SQL does:
 * `SUM(TO_TIMESTAMP(action_text, 'HH24:MI:SS')::TIME - '00:00:00')`, which drops the
 * fractional seconds, divided by `COUNT(action)`, which also counts the rows of locks still
 * open (null `actionText`). No rows → 0 and 0. (When every row is still open TM's own code
 * fails on the NULL sum: the statistics route answers 500 before calling this.)
 */
export function lockTimes(
  project: Project,
  lock: TaskAction,
  autoUnlock: TaskAction,
): { total: number; average: number } {
  let total = 0;
  let count = 0;
  for (const h of project.history) {
    if (h.action !== lock && h.action !== autoUnlock) continue;
    count++;
    if (h.actionText !== null) total += durationSeconds(h.actionText) ?? 0;
  }
  return { total, average: count === 0 ? 0 : total / count };
}
