/**
 * `mirror(tm, dir, scope)`: a local, hive-partitioned Parquet copy of a scope of TM that a
 * sync keeps up to date, asking TM only for what changed.
 *
 * @module
 */

import { show } from "../args.ts";
import { Client } from "../client.ts";
import type { ProgressMode } from "../progress.ts";
import type { Shard } from "./layout.ts";
import { describeScope, type MirrorScope } from "./scope.ts";
import { checkShard, WHOLE } from "./shard.ts";
import { readState } from "./state.ts";
import { runSync, type SyncReport } from "./sync.ts";

/** Options of {@link mirror}; every field is optional. */
export interface MirrorOptions {
  /** Sync only the projects whose id modulo `count` is `index`. @default { index: 0, count: 1 } */
  shard?: Shard;
  /** Probe every unmoved project too (one request each), catching lock-only activity at once. @default false */
  probeAll?: boolean;
  /** Projects fetched together before the state is written. @default 16 */
  chunkSize?: number;
  /** Progress of the sync (see the client's `progress`). @default "auto" */
  progress?: ProgressMode;
}

/**
 * A mirror of a scope of TM in a folder. Build it with {@link mirror}; `sync()` brings it up to
 * date and says what it did.
 */
export class Mirror {
  readonly #tm: Client;
  readonly #scope: MirrorScope;
  readonly #options: Required<MirrorOptions>;
  /** The folder. */
  readonly dir: string;
  /** The scope, in words. */
  readonly scope: string;

  /** Use {@link mirror}. */
  constructor(tm: Client, dir: string, scope: MirrorScope, options: Required<MirrorOptions>) {
    this.#tm = tm;
    this.dir = dir;
    this.#scope = scope;
    this.scope = describeScope(scope);
    this.#options = options;
    Object.freeze(this);
  }

  /**
   * Brings the mirror up to date: the first sync fetches every project of the scope, a later
   * one only what moved. A sync killed at any moment leaves whole files and a true state; the
   * next continues without fetching finished projects again.
   */
  async sync(): Promise<SyncReport> {
    const state = await readState(this.dir, this.#tm.baseUrl.href, this.scope, this.#options.shard);
    return runSync({ tm: this.#tm, dir: this.dir, scope: this.#scope, ...this.#options }, state);
  }
}

/**
 * A mirror of `scope` (`"all"`, `{ organisation }`, `{ campaign }`, `{ projects: ids }` or
 * `{ search: tm.projects()... }`) in folder `dir`. Throws on bad arguments, before any
 * request.
 *
 * @example Sync, then sync again: the second asks only for what moved
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { mirror } from "./mirror.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 20 });
 * const dir = await Deno.makeTempDir();
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, progress: false });
 *   const first = await mirror(tm, dir, "all").sync();
 *   assert.ok(first.fetched.length > 0);
 *   const second = await mirror(tm, dir, "all").sync();
 *   assert.ok(second.requests <= second.bound.total);
 *   assert.ok(second.requests < first.requests);
 * } finally {
 *   await emulator.close();
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export function mirror(
  tm: Client,
  dir: string,
  scope: MirrorScope,
  options: MirrorOptions = {},
): Mirror {
  if (!(tm instanceof Client)) {
    throw new TypeError(`Cannot mirror with client ${show(tm)}: it must come from createClient()`);
  }
  if (typeof dir !== "string" || dir.trim() === "") {
    throw new TypeError(`Cannot mirror into folder ${show(dir)}: it must be a folder path`);
  }
  const chunkSize = options.chunkSize ?? 16;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(
      `Cannot use chunkSize ${show(chunkSize)}: it must be a whole number of at least 1`,
    );
  }
  return new Mirror(tm, dir.replace(/(.)[\\/]+$/, "$1"), scope, {
    shard: checkShard(options.shard ?? WHOLE),
    probeAll: options.probeAll === true,
    chunkSize,
    progress: options.progress ?? "auto",
  });
}
