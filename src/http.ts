/**
 * HTTP: one GET-JSON function per client. Each attempt is a single ky request (ky's own retry
 * is off) whose per-attempt deadline covers the headers AND the body; one retry loop around
 * the attempts retries network errors, timeouts, 408/429/5xx and truncated or non-JSON bodies,
 * with exponential backoff and jitter, honouring `Retry-After` (capped) by pausing the whole
 * client's limiter. ky's built-in retry could not retry a body that breaks or fails to parse
 * after the headers arrived, so the loop lives here, in one place.
 *
 * The client's response cache (`cache.ts`), when it reads, answers before the limiter and the
 * loop: a hit takes no request slot and sends nothing; in mode `"offline"` a miss rejects with
 * `OfflineCacheMiss`. Fetched 2xx JSON answers are stored as they arrive, when it writes.
 *
 * The token travels only in `Authorization: Token …`; errors quote URLs (which never carry it)
 * and server text after {@link redact}.
 *
 * @module
 */

import {
  CachedViewMiss,
  type CacheRequest,
  type CrawlRead,
  digestText,
  type ResponseCache,
} from "./cache.ts";
import { ky, type KyInstance } from "./deps.ts";
import { ApiError, NetworkError, OfflineCacheMiss, redact, redactCause } from "./errors.ts";
import { describeBody, readErrorBody } from "./error_body.ts";
import { MAX_BODY_BYTES, readBody } from "./read_body.ts";
import type { Limiter } from "./limiter.ts";
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
  sleep,
} from "./retry.ts";

/**
 * Checks a value that will travel in an HTTP header: a non-empty string without control
 * characters (a CR or LF would end the header; fetch refuses them, quoting the whole header in
 * its error). The value is never quoted: it may be a secret.
 *
 * @example
 * ```ts
 * import { requireHeaderText } from "./http.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(requireHeaderText("language", "fr"), "fr");
 * assert.throws(() => requireHeaderText("language", "fr\r\nX-Evil: 1"), /U\+000D at index 2/);
 * ```
 */
export function requireHeaderText(name: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(
      `Cannot use ${name}: it must be a non-empty string (its value is not shown)`,
    );
  }
  // deno-lint-ignore no-control-regex
  const bad = /[\x00-\x1f\x7f]/.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    throw new TypeError(
      `Cannot use ${name}: it holds the control character U+${code} at index ${bad.index}, ` +
        "which cannot travel in an HTTP header (its value is not shown)",
    );
  }
  return value;
}

/** Everything `Http` needs; `createClient` resolves it from the client options. */
export interface HttpConfig {
  token: string | undefined;
  language: string | undefined;
  userAgent: string;
  /** Per-attempt deadline in ms, covering the answer and its body. */
  timeout: number;
  retry: RetryPolicy;
  fetch: typeof fetch | undefined;
  limiter: Limiter;
  /** The on-disk response cache, consulted before the limiter. @default none */
  cache?: ResponseCache | undefined;
  /** The largest body read, in bytes; a larger one fails at once. @default {@link MAX_BODY_BYTES} */
  maxBodyBytes?: number | undefined;
  /** The most page requests of one query (`RequestLimitError` beyond). @default no cap */
  maxRequestsPerQuery?: number | undefined;
}

/** What is known about one answer: where it came from and what it held. Never the token. */
export interface ResponseRecord {
  /** The URL requested (URLs never carry the token). */
  url: string;
  /** The HTTP status (2xx: only successful answers are recorded). */
  status: number;
  /** When the body was fetched from the network (for a cache hit: when it was stored), ISO. */
  fetchedAt: string;
  /** Whether the answer came from the on-disk cache rather than the network. */
  fromCache: boolean;
  /** The body's size in bytes (UTF-8). */
  bytes: number;
  /** The SHA-256 of the body, in hex. */
  sha256: string;
  /** The `Accept-Language` sent, or `null` for none. */
  language: string | null;
  /** Whether the request carried a token (not the token). */
  authenticated: boolean;
}

/** Told about each successful answer, e.g. a `ProvenanceRecorder`. */
export interface ResponseObserver {
  /** Called once per answer, from the network or the cache. */
  record(response: ResponseRecord): void;
}

/** A parsed body with its record. */
export interface JsonAnswer {
  data: unknown;
  response: ResponseRecord;
}

/** A parsed body; its record is built on demand. */
interface LazyAnswer {
  data: unknown;
  response: () => Promise<ResponseRecord>;
  /** Whether the cache answered. */
  fromCache: boolean;
  /** The crawl that fetched the answer (`null`: a single request). */
  crawl: string | null;
}

/** A page of a crawl: its parsed body, and where it came from. */
export interface PageAnswer {
  data: unknown;
  /** Whether the cache answered. */
  fromCache: boolean;
  /** The crawl that fetched the answer (`null`: a single request, or an old cache entry). */
  crawl: string | null;
}

type Outcome =
  | { kind: "ok"; data: unknown; status: number; body: string }
  | {
    kind: "status";
    status: number;
    body: string;
    contentType: string | null;
    retryAfter: string | null;
  }
  | { kind: "body"; status: number; detail: string }
  | { kind: "network"; detail: string; cause: unknown }
  | { kind: "timeout" }
  | { kind: "tooLarge"; status: number; limit: number };

function responseRecord(
  request: CacheRequest,
  fromCache: boolean,
  answer: { status: number; fetchedAt: Date; bytes: number; sha256: string },
): ResponseRecord {
  return {
    url: request.url.href,
    status: answer.status,
    fetchedAt: answer.fetchedAt.toISOString(),
    fromCache,
    bytes: answer.bytes,
    sha256: answer.sha256,
    language: request.language ?? null,
    authenticated: request.auth,
  };
}

/**
 * Sends GETs for one client.
 *
 * @example Fetch JSON from the emulator
 * ```ts
 * import { Http } from "./http.ts";
 * import { Limiter } from "./limiter.ts";
 * import { startEmulator } from "./emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const http = new Http({
 *     token: undefined,
 *     language: undefined,
 *     userAgent: "example",
 *     timeout: 10_000,
 *     retry: { limit: 2, baseDelay: 100, backoffLimit: 1000, maxRetryAfter: 5000 },
 *     fetch: undefined,
 *     limiter: new Limiter({ concurrency: 2 }),
 *   });
 *   const body = await http.getJson(new URL("projects/?omitMapResults=true", emulator.url));
 *   assert.equal(typeof body, "object");
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class Http {
  readonly #config: HttpConfig;
  readonly #ky: KyInstance;
  /** {@link getJsonOnce}'s answers by URL, for this client only. */
  readonly #once = new Map<string, Promise<JsonAnswer>>();

  /**
   * Creates the ky instance with explicit retry (off: the loop here retries) and timeout.
   * Throws `TypeError` for a token, language or user agent that cannot travel in a header.
   */
  constructor(config: HttpConfig) {
    if (config.token !== undefined) requireHeaderText("token", config.token);
    if (config.language) requireHeaderText("language", config.language);
    requireHeaderText("userAgent", config.userAgent);
    this.#config = config;
    const headers: Record<string, string> = {
      "accept": "application/json",
      "user-agent": config.userAgent,
    };
    // Always sent: fetch would otherwise add `Accept-Language: *`, which TM's search takes as
    // a locale and so silently drops every project without an English text. Empty = no filter.
    headers["accept-language"] = config.language ?? "";
    if (config.token !== undefined) headers["authorization"] = `Token ${config.token}`;
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      redirect: "follow",
      headers,
      ...(config.fetch ? { fetch: config.fetch } : {}),
    });
  }

  /** Whether requests carry a token (the token itself is never exposed). */
  get hasToken(): boolean {
    return this.#config.token !== undefined;
  }

  /** The most page requests of one query; `undefined` for no cap. */
  get maxRequestsPerQuery(): number | undefined {
    return this.#config.maxRequestsPerQuery;
  }

  /**
   * GETs `url` and parses its JSON body, retrying as the policy allows. Rejects with
   * `ApiError` (non-2xx), `NetworkError` (no usable answer), or the signal's reason.
   */
  async getJson(
    url: URL,
    signal?: AbortSignal,
    observer?: ResponseObserver,
  ): Promise<unknown> {
    const answer = await this.#answer(url, signal);
    if (observer) observer.record(await answer.response());
    return answer.data;
  }

  /**
   * Like {@link getJson}, for a page of a crawl: `read` says which cache entries may answer
   * (see `CrawlRead`), and the answer says whether the cache answered and which crawl fetched
   * it. A fetched answer is stored with `read.crawl`.
   */
  async getPage(
    url: URL,
    read: CrawlRead,
    signal?: AbortSignal,
    observer?: ResponseObserver,
  ): Promise<PageAnswer> {
    const answer = await this.#answer(url, signal, read);
    if (observer) observer.record(await answer.response());
    return { data: answer.data, fromCache: answer.fromCache, crawl: answer.crawl };
  }

  /**
   * Like {@link getJson}, but asks at most once per client for each URL (while it
   * succeeds): later calls share the first answer. A failure is forgotten, so the next call
   * asks again. Used for the TM release in provenance.
   */
  getJsonOnce(url: URL, signal?: AbortSignal): Promise<JsonAnswer> {
    const known = this.#once.get(url.href);
    if (known) return known;
    const answer = this.#answer(url, signal).then(async (found) => ({
      data: found.data,
      response: await found.response(),
    }));
    this.#once.set(url.href, answer);
    answer.catch(() => this.#once.delete(url.href));
    return answer;
  }

  /**
   * The cache (when it reads) answers first, without a limiter slot or a request; else the
   * network, through the retry loop, and the answer is stored (when the cache writes).
   */
  async #answer(
    url: URL,
    signal: AbortSignal | undefined,
    read?: CrawlRead,
  ): Promise<LazyAnswer> {
    signal?.throwIfAborted();
    const { cache, language, token } = this.#config;
    const request: CacheRequest = { url, language, auth: token !== undefined };
    const reuse = read?.reuse ?? "any";
    if (cache?.reads && reuse !== "network") {
      const found = await cache.lookup(request);
      const usable = found.kind === "hit" &&
        (reuse === "any" || found.entry.crawl === reuse.crawl);
      if (found.kind === "hit" && usable) {
        const record = responseRecord(request, true, found.entry);
        const { data, crawl } = found.entry;
        return { data, response: () => Promise.resolve(record), fromCache: true, crawl };
      }
      if (found.kind === "miss" && cache.mode === "offline") {
        throw new OfflineCacheMiss({ url: url.href, dir: cache.dir, reason: found.reason });
      }
      if (found.kind === "hit" || typeof reuse === "object") throw new CachedViewMiss(url.href);
    }
    if (cache?.mode === "offline") {
      const reason = "only pages of different crawls (a query must be answered from one crawl)";
      throw new OfflineCacheMiss({ url: url.href, dir: cache.dir, reason });
    }
    const fetched = await this.#fetchJson(url, signal);
    const fetchedAt = new Date();
    const crawl = read?.crawl ?? null;
    if (cache?.writes) await cache.store(request, { ...fetched, fetchedAt, crawl: read?.crawl });
    // The body's SHA-256 is computed only when someone asks for the record (provenance).
    async function response(): Promise<ResponseRecord> {
      const digest = await digestText(fetched.body);
      return responseRecord(request, false, { ...fetched, ...digest, fetchedAt });
    }
    return { data: fetched.data, response, fromCache: false, crawl };
  }

  /** The retry loop around single attempts, each holding one limiter slot. */
  async #fetchJson(
    url: URL,
    signal: AbortSignal | undefined,
  ): Promise<Extract<Outcome, { kind: "ok" }>> {
    const { limiter, retry } = this.#config;
    for (let attempt = 1;; attempt++) {
      const outcome = await limiter.run(() => this.#attempt(url, signal), signal);
      if (outcome.kind === "ok") return outcome;
      // A body over the cap would only be too large again: fail at once.
      const retryable = outcome.kind === "status"
        ? isRetryableStatus(outcome.status)
        : outcome.kind !== "tooLarge";
      if (!retryable || attempt > retry.limit) throw this.#toError(url, outcome, attempt);
      let delay = backoffDelay(attempt, retry);
      if (outcome.kind === "status") {
        const after = parseRetryAfter(outcome.retryAfter);
        if (after !== undefined) {
          delay = Math.min(after, retry.maxRetryAfter);
          limiter.pause(delay);
        }
      }
      await sleep(delay, signal);
    }
  }

  async #attempt(url: URL, signal: AbortSignal | undefined): Promise<Outcome> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.#config.timeout);
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    let status: number | undefined;
    try {
      const response = await this.#ky.get(url, { signal: combined });
      status = response.status;
      const limit = this.#config.maxBodyBytes ?? MAX_BODY_BYTES;
      const body = await readBody(response, limit);
      if (body === undefined) return { kind: "tooLarge", status, limit };
      const contentType = response.headers.get("content-type");
      if (!response.ok) {
        const retryAfter = response.headers.get("retry-after");
        return { kind: "status", status, body, contentType, retryAfter };
      }
      try {
        return { kind: "ok", data: JSON.parse(body), status, body };
      } catch {
        return {
          kind: "body",
          status,
          detail: `the server sent ${describeBody(body, contentType)}`,
        };
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (deadline.signal.aborted) return { kind: "timeout" };
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
      const reason = this.#redact(cause instanceof Error ? cause.message : String(cause));
      if (status !== undefined) {
        return { kind: "body", status, detail: `the body was cut off (${reason})` };
      }
      const detail = `the connection failed (${reason})`;
      return { kind: "network", detail, cause: redactCause(cause, this.#config.token) };
    } finally {
      clearTimeout(timer);
    }
  }

  #toError(url: URL, outcome: Exclude<Outcome, { kind: "ok" }>, attempts: number): Error {
    const href = url.href;
    switch (outcome.kind) {
      case "status": {
        const said = readErrorBody(outcome.body, outcome.contentType);
        return new ApiError({
          url: href,
          status: outcome.status,
          subCode: said.subCode === undefined ? undefined : this.#redact(said.subCode),
          serverMessage: said.serverMessage === undefined
            ? undefined
            : this.#redact(said.serverMessage),
          details: said.details,
          attempts,
        });
      }
      case "body":
        return new NetworkError({
          url: href,
          failure: "body",
          detail: outcome.detail,
          attempts,
          status: outcome.status,
        });
      case "tooLarge":
        return new NetworkError({
          url: href,
          failure: "body",
          detail: `the body is larger than ${outcome.limit} bytes (raise \`maxBodyBytes\` in ` +
            "createClient() if such an answer is expected)",
          attempts,
          status: outcome.status,
        });
      case "timeout":
        return new NetworkError({
          url: href,
          failure: "timeout",
          detail: `no complete answer within ${this.#config.timeout} ms`,
          attempts,
        });
      case "network":
        return new NetworkError({
          url: href,
          failure: "network",
          detail: outcome.detail,
          attempts,
          cause: outcome.cause,
        });
    }
  }

  #redact(text: string): string {
    return redact(text, this.#config.token);
  }
}
