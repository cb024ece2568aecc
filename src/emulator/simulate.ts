/**
 * Task histories simulated over time the way TM records them (reference 2.5, 2.10).
 *
 * A mapping session writes a `LOCKED_FOR_MAPPING` row dated at the lock, whose `actionText`
 * becomes the lock duration when the lock ends, then a `STATE_CHANGE` (`MAPPED`,
 * `BADIMAGERY`, sometimes `READY`) at the end; a mapper who stops writes no state change; an
 * expired lock is replaced by one `AUTO_UNLOCKED_FOR_MAPPING` row with text `02:00:00` (TM
 * deletes the lock row). Validation sessions do the same with `VALIDATED` / `INVALIDATED`
 * (which clears `mappedBy` and `validatedBy`, as TM's `unlock_task` does). A lock still open
 * at the end of the window stays with `actionText` null and the task locked.
 *
 * @module
 */

import type { HistoryRow, Micros, Task, World } from "./model.ts";
import type { TaskAction } from "../schemas/enums.ts";
import type { Rng } from "./rng.ts";
import { COMMENTS } from "./names.ts";

/** One second, one minute, one hour and one day in microseconds. */
export const SECOND = 1_000_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AUTO_UNLOCK = 2 * HOUR;

/** A history row before it gets its id. */
export type Event = Omit<HistoryRow, "id">;

/** How one project's history is simulated. */
export interface SimOptions {
  rng: Rng;
  projectId: number;
  mappers: readonly number[];
  validators: readonly number[];
  /** The activity window; no row is dated at or after `end`. */
  start: Micros;
  end: Micros;
  /** Whether a lock may still be open at `end` (only when `end` is the world's clock). */
  openLocks: boolean;
  /** 0..1: how far tasks tend to progress. */
  progress: number;
  /** When > 0, each task keeps cycling until it has this many non-COMMENT rows. */
  quota: number;
}

/**
 * Formats a duration the way Python's `time.isoformat()` does: `HH:MM:SS[.ffffff]`.
 *
 * @example
 * ```ts
 * import { formatDuration } from "./simulate.ts";
 * if (formatDuration(754_567_890) !== "00:12:34.567890") throw new Error("format");
 * if (formatDuration(7_200_000_000) !== "02:00:00") throw new Error("whole seconds");
 * ```
 */
export function formatDuration(micros: Micros): string {
  const p2 = (n: number): string => String(n).padStart(2, "0");
  const s = Math.floor(micros / SECOND);
  const frac = micros % SECOND;
  const base = `${p2(Math.floor(s / 3600))}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`;
  return frac === 0 ? base : `${base}.${String(frac).padStart(6, "0")}`;
}

/** A lock duration: whole seconds now and then, microseconds otherwise. */
function duration(rng: Rng, minMinutes: number, maxMinutes: number): Micros {
  const d = Math.floor(rng.float(minMinutes, maxMinutes) * MINUTE);
  return rng.chance(0.25) ? Math.max(SECOND, d - (d % SECOND)) : d;
}

/** Simulates one task in place: pushes its events and sets its final state. */
function simulateTask(o: SimOptions, task: Task, events: Event[], forceOpen: boolean): void {
  const { rng } = o;
  let t = o.start + Math.floor(rng.next() ** 2 * (o.end - o.start) * (o.quota > 0 ? 0.05 : 0.6));
  if (rng.chance(0.2)) t -= t % SECOND;
  const window = o.end - o.start;
  const gapMean = o.quota > 0 ? window / (o.quota * 3) : Math.min(window / 6, 30 * DAY);
  let rows = 0;
  let lastMapper: number | null = null;
  const push = (action: TaskAction, text: string | null, date: Micros, user: number): void => {
    events.push({
      projectId: o.projectId,
      taskId: task.id,
      action,
      actionText: text,
      actionDate: date,
      userId: user,
    });
    if (action !== "COMMENT") rows++;
  };
  const want = (p: number): boolean => (o.quota > 0 ? rows < o.quota : rng.chance(p));
  for (let guard = 0; guard < 100000; guard++) {
    const s = task.status;
    let mapping: boolean;
    if (s === "READY" || s === "INVALIDATED") {
      if (!want(o.progress)) break;
      mapping = true;
    } else if (s === "MAPPED") {
      if (!want(o.progress * 0.85)) break;
      mapping = false;
    } else if (s === "VALIDATED") {
      if (!want(0.03)) break;
      mapping = false;
    } else break;
    const user: number = mapping
      ? (lastMapper !== null && rng.chance(0.5) ? lastMapper : rng.pick(o.mappers))
      : pickValidator(rng, o.validators, task.mappedBy);
    const d = mapping ? duration(rng, 1, 100) : duration(rng, 0.5, 40);
    const kind = rng.weighted<"finish" | "stop" | "auto">(
      mapping
        ? [["finish", 0.82], ["stop", 0.1], ["auto", 0.08]]
        : [["finish", 0.92], ["stop", 0.03], ["auto", 0.05]],
    );
    const te = kind === "auto" ? t + AUTO_UNLOCK + rng.int(0, 10 * MINUTE) : t + d;
    const lockAction: TaskAction = mapping ? "LOCKED_FOR_MAPPING" : "LOCKED_FOR_VALIDATION";
    if (te >= o.end) {
      if (o.openLocks && t < o.end) openLock(task, lockAction, user, t, push);
      break;
    }
    if (kind === "auto") {
      push(
        mapping ? "AUTO_UNLOCKED_FOR_MAPPING" : "AUTO_UNLOCKED_FOR_VALIDATION",
        "02:00:00",
        te,
        user,
      );
    } else {
      // TM's extend_task_lock_time writes the lock's duration at the extension, and the final
      // unlock then finds no open lock: the time after the extension is never counted.
      const extendedAt = rng.chance(0.08) ? t + Math.floor((te - t) / 2) : null;
      push(lockAction, formatDuration((extendedAt ?? te) - t), t, user);
      if (extendedAt !== null) {
        push(
          mapping ? "EXTENDED_FOR_MAPPING" : "EXTENDED_FOR_VALIDATION",
          null,
          extendedAt,
          user,
        );
      }
      if (kind === "finish") {
        const next = mapping
          ? (rng.chance(o.quota > 0 ? 0 : 0.06) ? "BADIMAGERY" : "MAPPED")
          : (s === "VALIDATED" || rng.chance(0.2) ? "INVALIDATED" : "VALIDATED");
        if (rng.chance(next === "INVALIDATED" ? 0.7 : 0.1)) {
          push("COMMENT", rng.pick(COMMENTS), te - rng.int(1, 999), user);
        }
        push("STATE_CHANGE", next, te, user);
        applyStateChange(task, next, user);
        if (mapping) lastMapper = user;
      } else if (mapping && s === "READY" && rng.chance(0.3)) {
        push("STATE_CHANGE", "READY", te, user);
      }
    }
    t = te + Math.max(SECOND, Math.floor(-Math.log(1 - rng.next()) * gapMean));
    if (rng.chance(0.15)) t -= t % SECOND;
  }
  if (forceOpen && task.lockedBy === null && o.openLocks) {
    const at = o.end - rng.int(1, 100) * MINUTE + rng.int(0, SECOND - 1);
    if (at <= o.start) return;
    const last = events.length > 0 ? (events[events.length - 1] as Event) : null;
    const free = last === null || last.taskId !== task.id || last.actionDate < at;
    const s = task.status;
    if (free && (s === "READY" || s === "INVALIDATED")) {
      openLock(task, "LOCKED_FOR_MAPPING", rng.pick(o.mappers), at, push);
    } else if (free && s === "MAPPED") {
      openLock(
        task,
        "LOCKED_FOR_VALIDATION",
        pickValidator(rng, o.validators, task.mappedBy),
        at,
        push,
      );
    }
  }
}

function pickValidator(rng: Rng, validators: readonly number[], mapper: number | null): number {
  const v = rng.pick(validators);
  return v === mapper && validators.length > 1 ? rng.pick(validators) : v;
}

function openLock(
  task: Task,
  action: TaskAction,
  user: number,
  at: Micros,
  push: (action: TaskAction, text: string | null, date: Micros, user: number) => void,
): void {
  push(action, null, at, user);
  task.status = action === "LOCKED_FOR_MAPPING" ? "LOCKED_FOR_MAPPING" : "LOCKED_FOR_VALIDATION";
  task.lockedBy = user;
}

/** Applies a STATE_CHANGE to a task's current fields, as TM's `unlock_task` does. */
export function applyStateChange(task: Task, next: string, user: number): void {
  if (next === "MAPPED" || next === "BADIMAGERY") task.mappedBy = user;
  else if (next === "VALIDATED") task.validatedBy = user;
  else if (next === "INVALIDATED") {
    task.mappedBy = null;
    task.validatedBy = null;
  }
  task.status = next as Task["status"];
  task.lockedBy = null;
}

/**
 * Simulates every task of a project (tasks must be READY with no owners) and returns the
 * events in time order (ties keep creation order). Up to `openCount` tasks get a lock opened
 * shortly before `end` when `openLocks` is set.
 */
export function simulateProject(o: SimOptions, tasks: Task[], openCount: number): Event[] {
  const events: Event[] = [];
  const open = new Set<number>();
  for (let i = 0; i < openCount && tasks.length > 0; i++) open.add(o.rng.int(0, tasks.length - 1));
  tasks.forEach((task, i) => simulateTask(o, task, events, open.has(i)));
  const order = events.map((_, i) => i);
  order.sort((a, b) => (events[a] as Event).actionDate - (events[b] as Event).actionDate || a - b);
  return order.map((i) => events[i] as Event);
}

/**
 * Gives an event the world's next history id (`world.nextHistoryId`, or one more than the
 * largest id in the world when that is unset) and advances the counter.
 */
export function withId(world: World, e: Event): HistoryRow {
  const id = world.nextHistoryId ?? nextId(world);
  world.nextHistoryId = id + 1;
  return { id, ...e };
}

function nextId(world: World): number {
  let max = 0;
  for (const p of world.projects) for (const h of p.history) if (h.id > max) max = h.id;
  return max + 1;
}
