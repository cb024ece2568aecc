/**
 * One sync of a mirror: list the scope, plan (see `plan.ts`), probe, fetch what moved in
 * chunks of projects through the library's own queries, write each project's partitions, and
 * only then the state; finally mark the projects that left, and write the sync's provenance.
 *
 * @module
 */

import type { Client } from "../client.ts";
import { type ProgressMode, progressReporter } from "../progress.ts";
import { ProvenanceRecorder } from "../provenance.ts";
import { type ActivityDelta, activityMarks, fetchActivity } from "./activity_delta.ts";
import { type ChunkContext, fetchChunk, withMark } from "./fetch_chunk.ts";
import { MIRROR_TABLES, type MirrorTable, type Shard } from "./layout.ts";
import { readPartition, writePartition } from "./partition.ts";
import { planSync } from "./plan.ts";
import { type Listing, listScope, markOfRefusal, type MirrorScope } from "./scope.ts";
import { type MirrorState, type ProjectMark, StateWriter, writeState } from "./state.ts";
import { writeSyncRecord } from "./sync_record.ts";
import { sweepTemps } from "./sweep.ts";
import { type RequestBound, requestBound } from "./bound.ts";

const HOUR = 3_600_000;

/**
 * The hours of TM's active-projects listing that cover the time since the last completed sync
 * (by this machine's clock, with a quarter of an hour to spare), or `null` when there was none,
 * when it was more than 24 hours ago (TM lists at most 24), or when every project is probed.
 */
export function activeWindow(state: MirrorState, now: Date, probeAll: boolean): number | null {
  if (probeAll || state.lastSyncStarted === undefined) return null;
  const hours = Math.ceil((now.getTime() - Date.parse(state.lastSyncStarted)) / HOUR + 0.25);
  return Number.isFinite(hours) && hours <= 24 ? Math.max(1, hours) : null;
}

/** What one sync did. */
export interface SyncReport {
  /** The scope, in words. */
  scope: string;
  /** The shard synced (`{ index: 0, count: 1 }` for the whole mirror). */
  shard: Shard;
  /** Projects the scope listed (in the shard). */
  listed: number;
  /** Projects whose every table was fetched again, with why. */
  fetched: { projectId: number; reason: "new" | "updated" | "activity" }[];
  /** Projects probed (their newest activity), changed or not. */
  probed: number;
  /**
   * The hours of TM's active-projects listing asked (those since the last sync), whose
   * projects were probed; `null` on a first sync, or when the last sync was more than 24 hours
   * ago (lock-only activity of the gap then shows at its next state change, or with `probeAll`).
   */
  activeHours: number | null;
  /** Projects marked as no longer current, with why. */
  marked: { projectId: number; mark: ProjectMark }[];
  /**
   * Projects of the scope that TM refused (403: private, 404: deleted) and the mirror never
   * held, so nothing was written for them: a listed id that does not exist, or a project that
   * became private between the listing and its fetch.
   */
  refused: { projectId: number; mark: ProjectMark }[];
  /** Temporary files of this shard that a killed sync had left, removed before this one. */
  sweptTemps: number;
  /** Projects that failed for another reason; the next sync tries them again. */
  failed: { projectId: number; error: string }[];
  /** Answers received (each page once, retries not counted). */
  requests: number;
  /** Bytes of those answers. */
  bytes: number;
  /** The most requests this sync should take, and how it adds up. */
  bound: RequestBound;
  /** Rows written, per table. */
  rows: Record<MirrorTable, number>;
  /** The TM release the heartbeat named. */
  release: string | null;
  /** The provenance file of this sync. */
  record: string;
}

/** How a sync runs. */
export interface SyncSettings {
  tm: Client;
  dir: string;
  scope: MirrorScope;
  shard: Shard;
  /** Probe every unmoved project (one request each). */
  probeAll: boolean;
  /** Projects fetched together before the state is written. */
  chunkSize: number;
  progress: ProgressMode;
}

/** Runs one sync; see {@link SyncReport}. */
export async function runSync(settings: SyncSettings, state: MirrorState): Promise<SyncReport> {
  const { tm, dir, shard } = settings;
  const startedAt = new Date();
  const provenance = new ProvenanceRecorder();
  const options = { provenance, progress: false as const };
  const rows = Object.fromEntries(MIRROR_TABLES.map((t) => [t, 0])) as Record<MirrorTable, number>;
  const report = {
    fetched: [] as SyncReport["fetched"],
    marked: [] as SyncReport["marked"],
    refused: [] as SyncReport["refused"],
    failed: [] as SyncReport["failed"],
  };
  const sweptTemps = await sweepTemps(dir, shard);
  const listing: Listing = await listScope(tm, settings.scope, shard, provenance);
  const listed = new Map(listing.projects.map((p) => [p.projectId, p]));
  const activeHours = activeWindow(state, startedAt, settings.probeAll);
  const active = activeHours === null ? new Set<number>() : new Set(
    (await tm.activeProjects(activeHours).records(options)).map((row) => row.projectId),
  );
  const plan = planSync(state, listing.projects, settings.probeAll, active);
  const activityPages: number[] = [];

  const mark = async (projectId: number, value: ProjectMark) => {
    const held = state.projects[projectId];
    if (held === undefined) {
      report.refused.push({ projectId, mark: value });
      return;
    }
    if (held.mark === value) return;
    const row = await readPartition(dir, "projects", projectId);
    if (row !== undefined) {
      await writePartition(dir, "projects", projectId, withMark(row.drop("mirrorState"), value));
    }
    held.mark = value;
    report.marked.push({ projectId, mark: value });
  };
  let refusals = listing.refused.size;
  const fail = async (projectId: number, error: Error) => {
    refusals++;
    const refusal = markOfRefusal(error);
    if (refusal !== undefined) await mark(projectId, refusal);
    else report.failed.push({ projectId, error: error.message });
  };

  // Probes: the window of activity a lock may have touched; a changed one is fetched in full.
  const probed = new Map<number, ActivityDelta>();
  const reporter = progressReporter(`mirror ${dir}`, settings.progress);
  let done = 0;
  const total = () => plan.probe.length + plan.fetch.length + probed.size;
  const tick = () =>
    reporter?.update({
      pagesDone: done,
      pagesTotal: Math.max(2, total()),
      rows: Object.values(rows).reduce((a, b) => a + b, 0),
      total: undefined,
      parts: { unit: "project", done, failed: report.failed.length, total: total() },
    });
  for (const projectId of plan.probe) {
    const held = state.projects[projectId];
    const frame = await readPartition(dir, "activities", projectId);
    const delta = await fetchActivity(tm, projectId, { state: held, frame }, provenance)
      .catch((error: Error) => error);
    done++;
    if (delta instanceof Error) {
      await fail(projectId, delta);
    } else if (delta.changed) {
      activityPages.push(delta.allowance);
      probed.set(projectId, delta);
    } else {
      activityPages.push(delta.allowance);
      const project = listed.get(projectId);
      if (held && project) {
        held.activeMappers = project.activeMappers;
        held.totalContributors = project.totalContributors;
      }
    }
    tick();
  }

  const toFetch = [...plan.fetch, ...probed.keys()];
  const writer = new StateWriter(dir, state);
  const context: ChunkContext = {
    tm,
    dir,
    state,
    provenance,
    probed,
    failed: async (projectId, error) => {
      await fail(projectId, error);
      done++;
      tick();
    },
    written: (projectId, activity, written) => {
      if (!probed.has(projectId)) activityPages.push(activity.allowance);
      for (const table of MIRROR_TABLES) rows[table] += written[table];
      const held = state.projects[projectId];
      const project = listed.get(projectId);
      report.fetched.push({
        projectId,
        reason: probed.has(projectId) ? "activity" : held?.mark === "current" ? "updated" : "new",
      });
      state.projects[projectId] = {
        mark: "current",
        lastUpdated: project?.lastUpdated ?? null,
        activeMappers: project?.activeMappers ?? null,
        totalContributors: project?.totalContributors ?? null,
        ...activityMarks(activity.frame),
        syncedAt: new Date().toISOString(),
      };
      writer.changed();
      done++;
      tick();
    },
  };
  // Chunks overlap: a project is written as soon as its activity arrives, and the next chunk
  // starts while at most one chunk's projects are still under way.
  const pending = new Set<Promise<void>>();
  let broken: unknown;
  for (let start = 0; start < toFetch.length && broken === undefined; start += settings.chunkSize) {
    const chunk = toFetch.slice(start, start + settings.chunkSize);
    for (const project of await fetchChunk(context, chunk)) {
      const settled = project.catch((error) => void (broken ??= error));
      pending.add(settled);
      settled.finally(() => pending.delete(settled));
    }
    while (pending.size > settings.chunkSize) await Promise.race(pending);
  }
  await Promise.all(pending);
  await writer.flush();
  if (broken !== undefined) throw broken;

  // Projects held as current that the listing no longer shows: why?
  for (const [projectId, refusal] of listing.refused) await mark(projectId, refusal);
  const vanished = plan.vanished.filter((id) => !listing.refused.has(id));
  if (vanished.length > 0) {
    const { frame, failures } = await tm.projects(vanished).summary().frameWithFailures(options);
    for (const id of frame.getColumn("projectId").toArray() as number[]) {
      await mark(Number(id), "outOfScope");
    }
    for (const f of failures) await fail(f.projectId as number, f.error);
  }
  state.lastSyncStarted = startedAt.toISOString();
  await writeState(dir, state);
  await reporter?.finish();

  const answers = provenance.toJSON();
  const bound = requestBound({
    search: listing.requests + (activeHours === null ? 0 : 1),
    activityPages: activityPages.reduce((a, b) => a + b, 0),
    changed: toFetch.length,
    vanished: vanished.length,
  });
  const result: Omit<SyncReport, "record"> = {
    scope: state.scope,
    shard,
    listed: listing.projects.length,
    fetched: report.fetched,
    probed: plan.probe.length,
    activeHours,
    marked: report.marked,
    refused: report.refused,
    sweptTemps,
    failed: report.failed,
    // Answers, the heartbeat when this sync asked it (a client asks once), and refusals.
    requests: answers.requests.length + refusals +
      answers.servers.filter((s) => (s.heartbeat?.fetchedAt ?? "") >= startedAt.toISOString())
        .length,
    bytes: answers.requests.reduce((sum, r) => sum + r.bytes, 0),
    bound,
    rows,
    release: answers.servers[0]?.release ?? null,
  };
  const record = await writeSyncRecord(dir, shard, startedAt, result, answers);
  return { ...result, record };
}
