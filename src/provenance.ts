/**
 * Provenance: what a frame was built from. Pass a {@link ProvenanceRecorder} to any fetching
 * verb (`frame`, `records`, `rows`, `pages`, `count`) of any builder as
 * `{ provenance: recorder }`; it records every answer (URL, status, time, whether it came
 * from the cache, bytes, SHA-256), the TM release that served them (from
 * `/system/heartbeat/`, asked once per client) and the tmframes version. One recorder may
 * follow several queries, e.g. every frame of one report.
 *
 * No record holds the token: URLs never carry it, and a request is marked only
 * `authenticated: true`.
 *
 * @module
 */

import { z } from "./deps.ts";
import { TmError } from "./errors.ts";
import type { Http, JsonAnswer, ResponseObserver, ResponseRecord } from "./http.ts";
import { HEARTBEAT_ENDPOINT } from "./queries/system.ts";
import { Heartbeat } from "./schemas/system.ts";
import { VERSION } from "./version.ts";

const RECORD: z.ZodType<ResponseRecord> = z.object({
  url: z.string(),
  status: z.number().int(),
  fetchedAt: z.string(),
  fromCache: z.boolean(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  language: z.string().nullable(),
  authenticated: z.boolean(),
});

/**
 * The TM server that answered: its API root and the release its heartbeat names.
 *
 * @example
 * ```ts
 * import { TmServerSchema } from "./provenance.ts";
 * import assert from "node:assert/strict";
 *
 * const server = TmServerSchema.parse({
 *   apiRoot: "https://tm.example/api/v2/", release: "v5.5.2", publishedAt: null, heartbeat: null,
 * });
 * assert.equal(server.release, "v5.5.2");
 * ```
 */
export const TmServerSchema: z.ZodType<TmServer> = z.object({
  apiRoot: z.string(),
  release: z.string().nullable(),
  publishedAt: z.string().nullable(),
  heartbeat: RECORD.nullable(),
  error: z.string().optional(),
});
/** The TM server that answered: its API root and the release its heartbeat names. */
export interface TmServer {
  /** The API root, e.g. `https://tasking-manager-production-api.hotosm.org/api/v2/`. */
  apiRoot: string;
  /** `release.version` of `/system/heartbeat/`, e.g. `"v5.5.2"`; `null` when unknown. */
  release: string | null;
  /** `release.published_at` of the heartbeat, as TM wrote it; `null` when unknown. */
  publishedAt: string | null;
  /** The heartbeat's own answer; `null` when it failed. */
  heartbeat: ResponseRecord | null;
  /** Why the release is unknown, when it is. */
  error?: string | undefined;
}

/**
 * What one recorder saw; plain JSON (see {@link ProvenanceRecorder.toJSON}). The schema
 * checks a provenance file read back from disk.
 *
 * @example
 * ```ts
 * import { ProvenanceRecorder, ProvenanceSchema } from "./provenance.ts";
 * import assert from "node:assert/strict";
 *
 * const text = JSON.stringify(new ProvenanceRecorder().toJSON());
 * assert.deepEqual(ProvenanceSchema.parse(JSON.parse(text)).requests, []);
 * ```
 */
export const ProvenanceSchema: z.ZodType<Provenance> = z.object({
  tmframes: z.string(),
  startedAt: z.string(),
  servers: z.array(TmServerSchema),
  requests: z.array(RECORD),
});
/** What one recorder saw; plain JSON (see {@link ProvenanceRecorder.toJSON}). */
export interface Provenance {
  /** The tmframes version that fetched. */
  tmframes: string;
  /** When the recorder was created, ISO. */
  startedAt: string;
  /** Each TM server asked, once. */
  servers: TmServer[];
  /** Every answer, in the order they arrived (a page fetched twice is listed twice). */
  requests: ResponseRecord[];
}

/**
 * Collects the provenance of every query it is passed to. `toJSON()` gives a plain
 * {@link Provenance} to write beside a report (`writeSnapshot` does).
 *
 * @example What a frame was built from
 * ```ts
 * import { createClient, ProvenanceRecorder } from "../mod.ts";
 * import { startEmulator } from "../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const recorder = new ProvenanceRecorder();
 *   const frame = await tm.projects().limit(20).frame({ provenance: recorder });
 *   const provenance = recorder.toJSON();
 *   assert.equal(frame.height, 20);
 *   assert.equal(provenance.requests.length, 2); // two pages of 14
 *   assert.equal(provenance.servers[0]?.release, "v5.5.2");
 *   assert.match(provenance.requests[0]?.sha256 ?? "", /^[0-9a-f]{64}$/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class ProvenanceRecorder implements ResponseObserver {
  readonly #startedAt = new Date().toISOString();
  readonly #requests: ResponseRecord[] = [];
  readonly #servers = new Map<string, TmServer>();

  /** Adds one answer; the fetching verbs call it. */
  record(response: ResponseRecord): void {
    this.#requests.push({ ...response });
  }

  /** Whether the release of the server at `apiRoot` is already noted. */
  knows(apiRoot: URL): boolean {
    return this.#servers.has(apiRoot.href);
  }

  /** Notes the server at `apiRoot`; the first note for a root wins. */
  noteServer(server: TmServer): void {
    if (!this.#servers.has(server.apiRoot)) this.#servers.set(server.apiRoot, { ...server });
  }

  /** A plain copy of everything recorded so far. */
  toJSON(): Provenance {
    return {
      tmframes: VERSION,
      startedAt: this.#startedAt,
      servers: [...this.#servers.values()].map((server) => ({ ...server })),
      requests: this.#requests.map((request) => ({ ...request })),
    };
  }
}

/**
 * Notes on `recorder` the release of the TM at `apiRoot`, from `/system/heartbeat/` asked at
 * most once per client (and through the client's cache, so it works offline once recorded).
 * A TM failure leaves the release `null` with the reason; an abort rejects.
 *
 * @example
 * ```ts
 * import { noteServer, ProvenanceRecorder } from "./provenance.ts";
 * import { Http } from "./http.ts";
 * import { Limiter } from "./limiter.ts";
 * import { startEmulator } from "./emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const http = new Http({
 *     token: undefined, language: undefined, userAgent: "example", timeout: 10_000,
 *     retry: { limit: 0, baseDelay: 100, backoffLimit: 100, maxRetryAfter: 100 },
 *     fetch: undefined, limiter: new Limiter({ concurrency: 1 }),
 *   });
 *   const recorder = new ProvenanceRecorder();
 *   await noteServer(http, new URL(emulator.url), recorder);
 *   await noteServer(http, new URL(emulator.url), recorder);
 *   assert.equal(recorder.toJSON().servers[0]?.release, "v5.5.2");
 *   assert.equal(emulator.requests, 1);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function noteServer(
  http: Http,
  apiRoot: URL,
  recorder: ProvenanceRecorder,
  signal?: AbortSignal,
): Promise<void> {
  if (recorder.knows(apiRoot)) return;
  const unknown = { apiRoot: apiRoot.href, release: null, publishedAt: null, heartbeat: null };
  let answer: JsonAnswer;
  try {
    answer = await http.getJsonOnce(new URL(HEARTBEAT_ENDPOINT.request().path, apiRoot), signal);
  } catch (error) {
    if (!(error instanceof TmError)) throw error;
    recorder.noteServer({ ...unknown, error: error.message });
    return;
  }
  const parsed = Heartbeat.safeParse(answer.data);
  const release = parsed.success ? parsed.data.release : null;
  if (!release) {
    const error = "Cannot read the TM release: the heartbeat has no release.version";
    recorder.noteServer({ ...unknown, heartbeat: answer.response, error });
    return;
  }
  recorder.noteServer({
    apiRoot: apiRoot.href,
    release: release.version,
    publishedAt: release.publishedAt ?? null,
    heartbeat: answer.response,
  });
}
