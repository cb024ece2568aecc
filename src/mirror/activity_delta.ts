/**
 * A project's activity, fetched only as far back as needed. TM's log is newest first, so a
 * held project asks only for the window from its newest held action (or from its oldest held
 * lock still open, whose row TM rewrites when the lock ends or is auto-unlocked), and the
 * bounded crawl stops at the first page that reaches past it. The window's rows replace the
 * held rows of the same window; older held rows stay.
 *
 * @module
 */

import type { Client } from "../client.ts";
import { type DataFrame, pl } from "../deps.ts";
import type { ProvenanceRecorder } from "../provenance.ts";
import type { ProjectState } from "./state.ts";

/** Rows per page of `/projects/{id}/activities/` (fixed by TM, reference 3.5). */
const ACTIVITY_PAGE_SIZE = 10;

/** A project's activity after a fetch. */
export interface ActivityDelta {
  /** Every row the mirror will hold, newest first. */
  frame: DataFrame;
  /** Whether the window fetched differs from the rows held for it. */
  changed: boolean;
  /** Pages asked for. */
  pages: number;
  /**
   * Pages the window needs at least: every page of a whole log, else the pages of its rows
   * and the page that shows it reached past the held rows.
   */
  neededPages: number;
}

/** The instant from which held rows are fetched again, or `undefined` for all of them. */
export function refetchFrom(held: ProjectState | undefined): Date | undefined {
  if (held === undefined || held.newestAction === null) return undefined;
  const newest = Date.parse(held.newestAction);
  const open = held.oldestOpenLock === null ? Infinity : Date.parse(held.oldestOpenLock);
  return new Date(Math.min(newest, open));
}

function millis(frame: DataFrame): number[] {
  return (frame.getColumn("actionDate").toArray() as unknown as (Date | null)[]).map((d) =>
    d === null ? -Infinity : new Date(d).getTime()
  );
}

function sameRows(a: DataFrame, b: DataFrame): boolean {
  if (a.height !== b.height) return false;
  return a.sort("historyId").frameEqual(b.sort("historyId"), true);
}

/**
 * Fetches a project's activity: all of it when nothing is held, else the window from
 * {@link refetchFrom}, merged with the held rows before it.
 */
export async function fetchActivity(
  tm: Client,
  projectId: number,
  held: { state: ProjectState | undefined; frame: DataFrame | undefined },
  provenance: ProvenanceRecorder,
): Promise<ActivityDelta> {
  const from = held.frame === undefined ? undefined : refetchFrom(held.state);
  const query = from === undefined
    ? tm.project(projectId).activities()
    : tm.project(projectId).activities().since(from);
  let pages = 0;
  const window = await query.frame({
    provenance,
    progress: false,
    onProgress: (progress) => pages = progress.pagesDone,
  });
  if (from === undefined || held.frame === undefined) {
    const neededPages = Math.max(1, Math.ceil(window.height / ACTIVITY_PAGE_SIZE));
    return { frame: window, changed: true, pages, neededPages };
  }
  const cutoff = from.getTime();
  const older = held.frame.filter(pl.Series(millis(held.frame).map((t) => t < cutoff)));
  const heldWindow = held.frame.filter(pl.Series(millis(held.frame).map((t) => t >= cutoff)));
  return {
    frame: pl.concat([window, older.select(...window.columns)]),
    changed: !sameRows(window, heldWindow.select(...window.columns)),
    pages,
    neededPages: Math.floor(window.height / ACTIVITY_PAGE_SIZE) + 1,
  };
}

/** The newest action and the oldest open lock of a project's activity, for its state. */
export function activityMarks(
  frame: DataFrame,
): { newestAction: string | null; oldestOpenLock: string | null } {
  let newest = -Infinity;
  let open = Infinity;
  const dates = millis(frame);
  const actions = frame.getColumn("action").toArray() as string[];
  const texts = frame.getColumn("actionText").toArray() as (string | null)[];
  dates.forEach((t, i) => {
    newest = Math.max(newest, t);
    if (texts[i] === null && actions[i]?.startsWith("LOCKED_FOR_")) open = Math.min(open, t);
  });
  const iso = (t: number) => Number.isFinite(t) ? new Date(t).toISOString() : null;
  return { newestAction: iso(newest), oldestOpenLock: iso(open) };
}
