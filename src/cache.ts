/**
 * The on-disk response cache (`createClient({ cache: { dir, mode, ttl } })`).
 *
 * One file per answer, named by the SHA-256 of its key. The key is the canonical URL (query
 * parameters sorted by name), the `Accept-Language` and one boolean: whether the request
 * carried a token. The token itself, or anything derived from it, is never in a key or an
 * entry: an entry holds the URL, language, auth flag, status, fetch time, byte count, the
 * body's SHA-256 and the body text, and no request header.
 *
 * An entry fetched by a crawl (the pages of one `paginate()`) also holds the crawl's random id,
 * so that a later crawl can tell pages of one fetch from a mix (see `paginate.ts`). An entry
 * whose fetch time lies in the future is stale.
 *
 * Only 2xx answers whose body parsed as JSON are stored. Each entry is written to a temporary
 * file in the same folder and renamed into place, so a run killed mid-write leaves at most a
 * stray `.tmp` file, never a broken entry. An entry that does not parse, is cut off, or whose
 * body does not match its SHA-256 is treated as absent.
 *
 * @module
 */

import { show } from "./args.ts";
import { z } from "./deps.ts";
import { TmError } from "./errors.ts";
import { writeAtomically } from "./atomic_write.ts";

/**
 * How the client uses its cache folder:
 * - `"off"`: no cache; every request goes to the network.
 * - `"use"`: fresh entries (younger than `ttl`) are served without a request; the rest are
 *   fetched and stored.
 * - `"record"`: every request goes to the network, and each answer is stored.
 * - `"offline"`: nothing goes to the network; every entry is served whatever its age, and a
 *   URL without a usable entry rejects with `OfflineCacheMiss`.
 */
export type CacheMode = "off" | "use" | "record" | "offline";

/**
 * The cache modes, in documentation order.
 *
 * @example
 * ```ts
 * import { CACHE_MODES } from "./cache.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(CACHE_MODES, ["off", "use", "record", "offline"]);
 * ```
 */
export const CACHE_MODES: readonly CacheMode[] = ["off", "use", "record", "offline"];

/**
 * 24 hours, in ms: the default {@link CacheOptions.ttl}.
 *
 * @example
 * ```ts
 * import { DEFAULT_CACHE_TTL } from "./cache.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEFAULT_CACHE_TTL, 24 * 60 * 60 * 1000);
 * ```
 */
export const DEFAULT_CACHE_TTL = 86_400_000;

/** The `cache` option of `createClient`. Without it the client has no cache (mode `"off"`). */
export interface CacheOptions {
  /** The cache folder; created on the first write. Required. */
  dir: string;
  /** How to use it (see {@link CacheMode}). @default "use" */
  mode?: CacheMode;
  /**
   * How long an entry stays fresh in mode `"use"`, in milliseconds; `Infinity` never
   * expires, 0 always refetches. `"offline"` serves entries of any age.
   * @default 86_400_000 (24 hours)
   */
  ttl?: number;
}

/** What a cached answer is looked up by. */
export interface CacheRequest {
  url: URL;
  /** The `Accept-Language` sent; `undefined` when none. */
  language: string | undefined;
  /** Whether the request carried a token (the token itself never reaches the cache). */
  auth: boolean;
}

/**
 * How one page request of a crawl may use the cache (see `paginate.ts`, "One view per crawl"):
 * - `"any"`: a fresh entry of any crawl answers, else the network;
 * - `"network"`: never the cache (the answer is still stored, when the cache writes);
 * - `{ crawl }`: only an entry stored by that crawl answers; anything else throws
 *   {@link CachedViewMiss}, and nothing is sent.
 */
export interface CrawlRead {
  /** The id of the crawl asking; stored with every answer it fetches. */
  crawl: string;
  /** Which entries may answer. */
  reuse: "any" | "network" | { crawl: string };
}

/**
 * A crawl read from the cache found a page that no entry of its crawl answers: the cached view
 * is incomplete, so the crawl starts over from the network. Internal to the crawl engine.
 *
 * @example
 * ```ts
 * import { CachedViewMiss } from "./cache.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(new CachedViewMiss("https://tm.example/x/?page=2").message, /page=2/);
 * ```
 */
export class CachedViewMiss extends Error {
  override name = "CachedViewMiss";
  /** Names the URL whose entry is missing or from another crawl. */
  constructor(url: string) {
    super(`Cannot read ${url} from the cached crawl: no entry of that crawl`);
  }
}

/** A stored answer, as {@link ResponseCache.lookup} hands it back. */
export interface CacheEntry {
  /** The crawl that fetched it (`null`: a single request, or a cache written before crawls). */
  crawl: string | null;
  status: number;
  /** When the answer was fetched from the network. */
  fetchedAt: Date;
  /** The body's size in bytes (UTF-8). */
  bytes: number;
  /** The SHA-256 of the body's UTF-8 bytes, in hex. */
  sha256: string;
  body: string;
  /** The parsed body. */
  data: unknown;
}

/** The result of a lookup: a usable entry, or why there is none. */
export type CacheLookup =
  | { kind: "hit"; entry: CacheEntry }
  | { kind: "miss"; reason: string };

const FORMAT = "tmframes-cache/1";

/** An entry file, as read from disk (unknown until parsed here). */
const EntryFile = z.object({
  format: z.literal(FORMAT),
  url: z.string(),
  language: z.string().nullable(),
  auth: z.boolean(),
  status: z.number().int().min(200).max(299),
  fetchedAt: z.string().refine((text) => !Number.isNaN(Date.parse(text))),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  body: z.string(),
  crawl: z.string().nullable().optional(),
});
type EntryFile = z.infer<typeof EntryFile>;

/**
 * The byte count and SHA-256 (hex) of a text's UTF-8 encoding.
 *
 * @example
 * ```ts
 * import { digestText } from "./cache.ts";
 * import assert from "node:assert/strict";
 *
 * const { bytes, sha256 } = await digestText("abc");
 * assert.equal(bytes, 3);
 * assert.equal(sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
 * ```
 */
export async function digestText(text: string): Promise<{ bytes: number; sha256: string }> {
  const data = new TextEncoder().encode(text);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return { bytes: data.length, sha256 };
}

/**
 * A copy of `url` with its query parameters sorted by name (the order of repeated names is
 * kept) and without a fragment: two URLs that ask the same thing get one cache entry.
 *
 * @example
 * ```ts
 * import { canonicalUrl } from "./cache.ts";
 * import assert from "node:assert/strict";
 *
 * const url = canonicalUrl(new URL("https://tm.example/api/v2/projects/?page=2&omitMapResults=true#x"));
 * assert.equal(url.href, "https://tm.example/api/v2/projects/?omitMapResults=true&page=2");
 * ```
 */
export function canonicalUrl(url: URL): URL {
  const copy = new URL(url);
  copy.hash = "";
  copy.searchParams.sort();
  return copy;
}

function checkOptions(options: CacheOptions): Required<CacheOptions> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`Cannot use cache ${show(options)}: it must be { dir, mode?, ttl? }`);
  }
  const { dir, mode = "use", ttl = DEFAULT_CACHE_TTL } = options;
  if (typeof dir !== "string" || dir.trim() === "") {
    throw new TypeError(`Cannot use cache.dir ${show(dir)}: it must be a folder path`);
  }
  if (!CACHE_MODES.includes(mode)) {
    throw new TypeError(
      `Cannot use cache.mode ${show(mode)}: it must be one of ${CACHE_MODES.join(", ")}`,
    );
  }
  if (typeof ttl !== "number" || Number.isNaN(ttl) || ttl < 0) {
    throw new RangeError(
      `Cannot use cache.ttl ${
        show(ttl)
      }: it must be a number of milliseconds, 0 or more (Infinity: never expires)`,
    );
  }
  return { dir: dir.replace(/(.)[\\/]+$/, "$1"), mode, ttl };
}

function hasCode(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/**
 * A cache folder with its mode and TTL; one per client. `createClient` builds it from the
 * `cache` option, and the client's HTTP layer consults it before the limiter, so a hit takes
 * no request slot.
 *
 * @example Store an answer, then find it
 * ```ts
 * import { ResponseCache } from "./cache.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   const cache = new ResponseCache({ dir, mode: "use", ttl: Infinity });
 *   const request = { url: new URL("https://tm.example/api/v2/countries/"), language: undefined, auth: false };
 *   assert.equal((await cache.lookup(request)).kind, "miss");
 *   await cache.store(request, { status: 200, body: '{"tags":[]}', fetchedAt: new Date() });
 *   const found = await cache.lookup(request);
 *   assert.equal(found.kind, "hit");
 *   assert.deepEqual(found.kind === "hit" ? found.entry.data : undefined, { tags: [] });
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export class ResponseCache {
  /** The cache folder. */
  readonly dir: string;
  /** The mode. */
  readonly mode: CacheMode;
  /** Freshness in mode `"use"`, in ms. */
  readonly ttl: number;

  /** Checks the options (`TypeError`/`RangeError` on a bad value); see {@link CacheOptions}. */
  constructor(options: CacheOptions) {
    const checked = checkOptions(options);
    this.dir = checked.dir;
    this.mode = checked.mode;
    this.ttl = checked.ttl;
    Object.freeze(this);
  }

  /** Whether answers are looked up here before the network (`"use"`, `"offline"`). */
  get reads(): boolean {
    return this.mode === "use" || this.mode === "offline";
  }

  /** Whether fetched answers are stored (`"use"`, `"record"`). */
  get writes(): boolean {
    return this.mode === "use" || this.mode === "record";
  }

  /** The entry file of a request: `<dir>/<sha256 of the key>.json`. */
  async pathOf(request: CacheRequest): Promise<string> {
    const key = JSON.stringify([
      canonicalUrl(request.url).href,
      request.language ?? null,
      request.auth,
    ]);
    return `${this.dir}/${(await digestText(key)).sha256}.json`;
  }

  /**
   * Finds a usable entry: present, intact, for this very request, and (in `"use"`) fresh.
   * Never throws for a broken entry; it is reported as a miss with its reason.
   */
  async lookup(request: CacheRequest, now: Date = new Date()): Promise<CacheLookup> {
    const path = await this.pathOf(request);
    let text: string;
    try {
      text = await Deno.readTextFile(path);
    } catch (error) {
      if (hasCode(error, "NotFound")) return { kind: "miss", reason: "no entry" };
      const why = error instanceof Error ? error.message : String(error);
      throw new TmError(`Cannot read the cache entry ${path}: ${why}`, { cause: error });
    }
    const checked = await this.#check(text, request);
    if (typeof checked === "string") {
      return { kind: "miss", reason: `only a corrupt entry (${checked}, ${path})` };
    }
    const fetchedAt = new Date(checked.file.fetchedAt);
    const age = now.getTime() - fetchedAt.getTime();
    // An entry from the future (a clock set back, or a forged file) is stale: it would never expire.
    if (this.mode === "use" && (age > this.ttl || age < 0)) {
      return { kind: "miss", reason: `only a stale entry (fetched ${checked.file.fetchedAt})` };
    }
    const { status, bytes, sha256, body } = checked.file;
    const crawl = checked.file.crawl ?? null;
    return {
      kind: "hit",
      entry: { crawl, status, fetchedAt, bytes, sha256, body, data: checked.data },
    };
  }

  async #check(
    text: string,
    request: CacheRequest,
  ): Promise<string | { file: EntryFile; data: unknown }> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return "not JSON, perhaps cut off";
    }
    const parsed = EntryFile.safeParse(raw);
    if (!parsed.success) return "not a tmframes cache entry";
    const file = parsed.data;
    if (
      file.url !== canonicalUrl(request.url).href ||
      file.language !== (request.language ?? null) || file.auth !== request.auth
    ) {
      return "the entry is for another request";
    }
    const digest = await digestText(file.body);
    if (digest.sha256 !== file.sha256 || digest.bytes !== file.bytes) {
      return "the body does not match its SHA-256";
    }
    try {
      return { file, data: JSON.parse(file.body) };
    } catch {
      return "the body is not JSON";
    }
  }

  /**
   * Stores a 2xx JSON answer atomically (a temporary file in the same folder, then a rename).
   * Rejects with `TmError` when the folder cannot be written.
   */
  async store(
    request: CacheRequest,
    answer: { status: number; body: string; fetchedAt: Date; crawl?: string | undefined },
  ): Promise<void> {
    const path = await this.pathOf(request);
    const { bytes, sha256 } = await digestText(answer.body);
    const file: EntryFile = {
      format: FORMAT,
      url: canonicalUrl(request.url).href,
      language: request.language ?? null,
      auth: request.auth,
      status: answer.status,
      fetchedAt: answer.fetchedAt.toISOString(),
      bytes,
      sha256,
      body: answer.body,
      crawl: answer.crawl ?? null,
    };
    await writeAtomically(path, JSON.stringify(file), "the cache entry");
  }
}

/**
 * The client's cache from its `cache` option: `undefined` when absent or mode `"off"`.
 *
 * @example
 * ```ts
 * import { resolveCache } from "./cache.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(resolveCache(undefined), undefined);
 * assert.equal(resolveCache({ dir: "tm-cache", mode: "off" }), undefined);
 * assert.equal(resolveCache({ dir: "tm-cache" })?.mode, "use");
 * assert.throws(() => resolveCache({ dir: "tm-cache", ttl: -1 }), RangeError);
 * ```
 */
export function resolveCache(options: CacheOptions | undefined): ResponseCache | undefined {
  if (options === undefined) return undefined;
  const cache = new ResponseCache(options);
  return cache.mode === "off" ? undefined : cache;
}
