/**
 * The mirror's state file: what it holds of each project, so the next sync asks TM only for
 * what changed. It is replaced atomically, and only after the data it describes is on disk:
 * a sync killed at any moment leaves a state that is true of the files.
 *
 * @module
 */

import { writeAtomically } from "../atomic_write.ts";
import { z } from "../deps.ts";
import { TmError } from "../errors.ts";
import { type Shard, stateFile } from "./layout.ts";

/** Whether a project's rows are current, or why they are not. */
export type ProjectMark = "current" | "outOfScope" | "private" | "deleted";

/** What the mirror holds of one project. */
export interface ProjectState {
  /** Whether its rows are current: `"outOfScope"`, `"private"` or `"deleted"` once it left. */
  mark: ProjectMark;
  /** `lastUpdated` as TM listed it when its rows were fetched (ISO). */
  lastUpdated: string | null;
  /** Users holding a lock, as the search listed them (`null` when not from a search). */
  activeMappers: number | null;
  /** Distinct contributors, as the search listed them (`null` when not from a search). */
  totalContributors: number | null;
  /** The newest `actionDate` held in its activity (ISO), `null` when none. */
  newestAction: string | null;
  /** The oldest held lock still open (`actionText` null), whose row TM rewrites when it ends. */
  oldestOpenLock: string | null;
  /** When its rows were written (ISO). */
  syncedAt: string;
}

/** The whole state of a mirror (or of one shard). */
export interface MirrorState {
  /** The state file's format. */
  format: 1;
  /** The API root mirrored. */
  apiRoot: string;
  /** The scope, in words (`organisation "X"`, `projects 1, 2`, `all`). */
  scope: string;
  /** The shard this state is of. */
  shard: Shard;
  /** Per project id. */
  projects: Record<string, ProjectState>;
  /** When the last sync that completed started, by this machine's clock (ISO). */
  lastSyncStarted?: string;
}

const PROJECT_STATE = z.object({
  mark: z.enum(["current", "outOfScope", "private", "deleted"]),
  lastUpdated: z.string().nullable(),
  activeMappers: z.number().nullable(),
  totalContributors: z.number().nullable(),
  newestAction: z.string().nullable(),
  oldestOpenLock: z.string().nullable(),
  syncedAt: z.string(),
});

const MIRROR_STATE = z.object({
  format: z.literal(1),
  apiRoot: z.string(),
  scope: z.string(),
  shard: z.object({ index: z.number(), count: z.number() }),
  projects: z.record(z.string(), PROJECT_STATE),
  lastSyncStarted: z.string().optional(),
});

/**
 * Reads the state of `dir` (for `shard`), or a fresh one when there is none yet. Throws when
 * the folder mirrors another TM, scope or shard, rather than mixing two mirrors.
 *
 * @example
 * ```ts
 * import { readState, writeState } from "./state.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const shard = { index: 0, count: 1 };
 *   const state = await readState(dir, "https://tm.example/api/v2/", "all", shard);
 *   assert.deepEqual(state.projects, {});
 *   await writeState(dir, state);
 *   await assert.rejects(readState(dir, "https://tm.example/api/v2/", "projects 1", shard), /Cannot sync/);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function readState(
  dir: string,
  apiRoot: string,
  scope: string,
  shard: Shard,
): Promise<MirrorState> {
  const file = stateFile(dir, shard);
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return { format: 1, apiRoot, scope, shard: { ...shard }, projects: {} };
    }
    throw error;
  }
  const parsed = MIRROR_STATE.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new TmError(`Cannot read the mirror state ${file}: ${parsed.error.message}`);
  }
  const state = parsed.data as MirrorState;
  if (state.apiRoot !== apiRoot || state.scope !== scope) {
    throw new TmError(
      `Cannot sync ${scope} of ${apiRoot} into ${dir}: it mirrors ${state.scope} of ${state.apiRoot}; use another folder`,
    );
  }
  return state;
}

/** Replaces the state file atomically. Call it only once the data it describes is written. */
export async function writeState(dir: string, state: MirrorState): Promise<void> {
  const text = JSON.stringify(state, null, 1) + "\n";
  await writeAtomically(stateFile(dir, state.shard), text, "the mirror state");
}

/**
 * Writes a state as a sync goes: at most once per `interval` ms (and always on `flush()`),
 * one write at a time. The caller changes the state only once the data it describes is on
 * disk, so every write is true of the files.
 *
 * @example
 * ```ts
 * import { readState, StateWriter } from "./state.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const shard = { index: 0, count: 1 };
 *   const state = await readState(dir, "https://tm.example/api/v2/", "all", shard);
 *   const writer = new StateWriter(dir, state, 60_000);
 *   state.projects["7"] = {
 *     mark: "current", lastUpdated: null, activeMappers: null, totalContributors: null,
 *     newestAction: null, oldestOpenLock: null, syncedAt: "2026-01-01T00:00:00Z",
 *   };
 *   writer.changed();
 *   await writer.flush();
 *   const back = await readState(dir, "https://tm.example/api/v2/", "all", shard);
 *   assert.deepEqual(Object.keys(back.projects), ["7"]);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export class StateWriter {
  readonly #dir: string;
  readonly #state: MirrorState;
  readonly #interval: number;
  #written = -Infinity;
  #queue: Promise<void> = Promise.resolve();

  /** Writes `state` into `dir`, at most once per `interval` ms. */
  constructor(dir: string, state: MirrorState, interval = 1000) {
    this.#dir = dir;
    this.#state = state;
    this.#interval = interval;
  }

  /** The state changed: write it if the interval has passed. */
  changed(): void {
    if (performance.now() - this.#written < this.#interval) return;
    this.#write();
  }

  /** Writes the state now, after any write under way; rejects if a write failed. */
  flush(): Promise<void> {
    this.#write();
    return this.#queue;
  }

  #write(): void {
    this.#written = performance.now();
    const text = JSON.stringify(this.#state, null, 1) + "\n";
    this.#queue = this.#queue.then(() =>
      writeAtomically(stateFile(this.#dir, this.#state.shard), text, "the mirror state")
    );
  }
}
