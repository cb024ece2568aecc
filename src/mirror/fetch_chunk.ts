/**
 * Fetching a chunk of projects again: the four tables that take one request per project, as
 * queries over many projects (`tm.projects(ids).tasks()` ...), and each project's activity
 * (see `activity_delta.ts`). Each project is written as soon as its activity arrives, so one
 * long activity log holds back only its own project.
 *
 * @module
 */

import type { Client } from "../client.ts";
import { type DataFrame, pl } from "../deps.ts";
import type { PartFailure } from "../errors.ts";
import type { ProvenanceRecorder } from "../provenance.ts";
import { type ActivityDelta, fetchActivity } from "./activity_delta.ts";
import type { MirrorTable } from "./layout.ts";
import { readPartition, writePartition } from "./partition.ts";
import type { MirrorState, ProjectMark } from "./state.ts";

/** What fetching a chunk needs, and whom it tells. */
export interface ChunkContext {
  tm: Client;
  dir: string;
  state: MirrorState;
  provenance: ProvenanceRecorder;
  /** Activity already fetched by a probe, by project. */
  probed: Map<number, ActivityDelta>;
  /** A project's partitions are written: its activity, and the rows written per table. */
  written(projectId: number, activity: ActivityDelta, rows: Record<MirrorTable, number>): void;
  /** A project failed; nothing of it was written. */
  failed(projectId: number, error: Error): Promise<void>;
}

/** A table's rows of one project: the project's column dropped when written. */
function byProject(result: { frame: DataFrame }): Map<number, DataFrame> {
  const frames = new Map<number, DataFrame>();
  for (const id of new Set(result.frame.getColumn("projectId").toArray() as number[])) {
    frames.set(Number(id), result.frame.filter(pl.col("projectId").eq(pl.lit(id))));
  }
  return frames;
}

/** The projects table's row: the summary, and whether the project is current. */
export function withMark(frame: DataFrame, mark: ProjectMark): DataFrame {
  return frame.withColumn(pl.Series("mirrorState", Array(frame.height).fill(mark), pl.String));
}

/**
 * Fetches `chunk` and returns one promise per project, resolved once it is written (or has
 * failed). The promises reject only when a file cannot be written.
 */
export async function fetchChunk(context: ChunkContext, chunk: number[]): Promise<Promise<void>[]> {
  const { tm, dir, state, provenance, probed } = context;
  const options = { provenance, progress: false as const };
  const activities = chunk.map((projectId) => {
    const early = probed.get(projectId);
    if (early) return Promise.resolve(early);
    const held = state.projects[projectId];
    return (async () => {
      const frame = held?.mark === "current"
        ? await readPartition(dir, "activities", projectId)
        : undefined;
      return await fetchActivity(tm, projectId, { state: held, frame }, provenance);
    })().catch((error: Error) => error);
  });
  const set = tm.projects(chunk);
  const results = await Promise.all([
    set.summary().frameWithFailures(options),
    set.tasks().frameWithFailures(options),
    set.contributions().frameWithFailures(options),
    set.contributionsByDay().frameWithFailures(options),
  ]);
  const [summary, tasks, contributions, byDay] = results;
  const failures = new Map<number, Error>();
  for (const failure of results.flatMap((r): PartFailure[] => r.failures)) {
    failures.set(failure.projectId as number, failure.error);
  }
  const tables: [MirrorTable, Map<number, DataFrame>, DataFrame][] = [
    ["tasks", byProject(tasks), tasks.frame.head(0)],
    ["contributions", byProject(contributions), contributions.frame.head(0)],
    ["contributions_by_day", byProject(byDay), byDay.frame.head(0)],
  ];
  const summaries = byProject(summary);
  return chunk.map(async (projectId, i) => {
    const activity = await activities[i] as ActivityDelta | Error;
    const failure = failures.get(projectId) ?? (activity instanceof Error ? activity : undefined);
    if (failure !== undefined) return await context.failed(projectId, failure);
    const delta = activity as ActivityDelta;
    const rows = { projects: 1, activities: delta.frame.height } as Record<MirrorTable, number>;
    for (const [table, frames, empty] of tables) {
      const frame = frames.get(projectId) ?? empty;
      await writePartition(dir, table, projectId, frame);
      rows[table] = frame.height;
    }
    await writePartition(dir, "activities", projectId, delta.frame);
    const row = withMark(summaries.get(projectId) as DataFrame, "current");
    await writePartition(dir, "projects", projectId, row);
    context.written(projectId, delta, rows);
  });
}
