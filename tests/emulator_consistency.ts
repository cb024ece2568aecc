/**
 * A check shared by the emulator's world tests: a project's tasks are in the state its history
 * implies, and its history is in time and id order.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { HistoryRow, Project } from "../src/emulator/model.ts";
import type { TaskAction, TaskStatus } from "../src/schemas/enums.ts";

/** Microseconds of an `HH:MM:SS[.ffffff]` duration. */
function micros(text: string): number {
  const m = /^(\d\d):(\d\d):(\d\d)(?:\.(\d{6}))?$/.exec(text);
  assert.ok(m, `bad duration ${text}`);
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1e6 + Number(m[4] ?? 0);
}

interface Replayed {
  status: TaskStatus;
  lockedBy: number | null;
  mappedBy: number | null;
  validatedBy: number | null;
}

/** Replays a project's history independently of the simulator and checks each step. */
function replay(project: Project): Map<number, Replayed> {
  const state = new Map<number, Replayed>();
  const lastRow = new Map<number, HistoryRow>();
  // TM writes a lock's duration when it is extended (mapping_service.extend_task_lock_time).
  const extendedAt = new Map<number, number>();
  for (const t of project.tasks) {
    state.set(t.id, { status: "READY", lockedBy: null, mappedBy: null, validatedBy: null });
  }
  for (const h of project.history) {
    const s = state.get(h.taskId);
    assert.ok(s, `row ${h.id} names unknown task ${h.taskId}`);
    assert.equal(s.lockedBy, null, `row ${h.id} after an open lock on task ${h.taskId}`);
    if (h.action.startsWith("EXTENDED")) extendedAt.set(h.taskId, h.actionDate);
    if (h.action === "COMMENT" || h.action.startsWith("EXTENDED")) continue;
    if (h.action === "LOCKED_FOR_MAPPING" || h.action === "LOCKED_FOR_VALIDATION") {
      extendedAt.delete(h.taskId);
      if (h.actionText === null) {
        s.status = h.action;
        s.lockedBy = h.userId;
      } else micros(h.actionText);
    } else if (h.action === "STATE_CHANGE") {
      const prev = lastRow.get(h.taskId);
      const next = h.actionText as TaskStatus;
      const lock: TaskAction = next === "VALIDATED" || next === "INVALIDATED"
        ? "LOCKED_FOR_VALIDATION"
        : "LOCKED_FOR_MAPPING";
      assert.ok(prev && prev.action === lock && prev.userId === h.userId, `row ${h.id}: no lock`);
      const lockEnd = extendedAt.get(h.taskId) ?? h.actionDate;
      assert.equal(prev.actionDate + micros(prev.actionText ?? ""), lockEnd);
      if (next === "MAPPED" || next === "BADIMAGERY") {
        assert.ok(
          s.status === "READY" || s.status === "INVALIDATED",
          `row ${h.id} from ${s.status}`,
        );
        s.mappedBy = h.userId;
      } else if (next === "VALIDATED" || next === "INVALIDATED") {
        assert.ok(
          s.status === "MAPPED" || s.status === "VALIDATED",
          `row ${h.id} from ${s.status}`,
        );
        if (next === "VALIDATED") s.validatedBy = h.userId;
        else s.mappedBy = s.validatedBy = null;
      }
      s.status = next;
    } else assert.equal(h.actionText, "02:00:00");
    lastRow.set(h.taskId, h);
  }
  return state;
}

/**
 * Asserts the tasks' states replay from the history, in order. In a world that has moved
 * (`moved`), locks and auto-unlocks come after `lastUpdated`, as on TM; only state changes
 * must not.
 */
export function assertConsistent(project: Project, moved = false): void {
  const state = replay(project);
  for (const t of project.tasks) {
    const { status, lockedBy, mappedBy, validatedBy } = t;
    assert.deepEqual(
      { status, lockedBy, mappedBy, validatedBy },
      state.get(t.id),
      `task ${project.id}/${t.id}`,
    );
  }
  for (let i = 1; i < project.history.length; i++) {
    const a = project.history[i - 1]!;
    const b = project.history[i]!;
    assert.ok(a.actionDate <= b.actionDate && a.id < b.id, `history order of ${project.id}`);
  }
  const last = moved
    ? project.history.findLast((h) => h.action === "STATE_CHANGE")
    : project.history[project.history.length - 1];
  if (last) assert.ok(project.lastUpdated >= last.actionDate, `lastUpdated of ${project.id}`);
}
