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
  /** Pages read. */
  pages: number;
  /**
   * The pages this fetch may take: every page of a whole log; else the first page, and when
   * that is not enough, the pages of the window's rows plus one (page 1 is read again).
   */
  allowance: number;
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
 * Fetches a project's activity: all of it when nothing is held; else its first page, and when
 * that does not reach back to {@link refetchFrom}, exactly the pages that do (TM's total less
 * the held rows before the window), merged with the held rows before the window. The log is
 * read again in full if the pages did not reach the window's start (rows were deleted).
 */
export async function fetchActivity(
  tm: Client,
  projectId: number,
  held: { state: ProjectState | undefined; frame: DataFrame | undefined },
  provenance: ProvenanceRecorder,
): Promise<ActivityDelta> {
  const activities = tm.project(projectId).activities();
  let pages = 0;
  let total = 0;
  const read = (query: typeof activities) =>
    query.frame({
      provenance,
      progress: false,
      onProgress: (progress) => {
        pages += 1;
        total = progress.total ?? total;
      },
    });
  const from = held.frame === undefined ? undefined : refetchFrom(held.state);
  if (from === undefined || held.frame === undefined) {
    const frame = await read(activities);
    const allowance = Math.max(1, Math.ceil(frame.height / ACTIVITY_PAGE_SIZE));
    return { frame, changed: true, pages, allowance };
  }
  const cutoff = from.getTime();
  const heldTimes = millis(held.frame);
  const older = held.frame.filter(pl.Series(heldTimes.map((t) => t < cutoff)));
  const heldWindow = held.frame.filter(pl.Series(heldTimes.map((t) => t >= cutoff)));
  const reaches = (frame: DataFrame) =>
    frame.height >= total || millis(frame).some((t) => t < cutoff);
  let fetched = await read(activities.limit(ACTIVITY_PAGE_SIZE));
  let allowance = 1;
  if (!reaches(fetched)) {
    const wanted = Math.max(1, total - older.height) + ACTIVITY_PAGE_SIZE;
    fetched = await read(activities.limit(wanted));
    allowance += Math.ceil(wanted / ACTIVITY_PAGE_SIZE);
  }
  if (!reaches(fetched)) {
    const frame = await read(activities);
    allowance += Math.ceil(frame.height / ACTIVITY_PAGE_SIZE);
    return { frame, changed: true, pages, allowance };
  }
  const window = fetched.filter(pl.Series(millis(fetched).map((t) => t >= cutoff)));
  return {
    frame: pl.concat([window, older.select(...window.columns)]),
    changed: !sameRows(window, heldWindow.select(...window.columns)),
    pages,
    allowance,
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
