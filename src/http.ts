/**
 * HTTP: one GET-JSON function per client, on one ky instance configured once (headers,
 * timeout, retry, hooks). ky's retry is the one retry policy: network errors, timeouts,
 * 408/429/5xx, with exponential backoff and jitter, `Retry-After` honoured and capped (see
 * `retry.ts`). Around it:
 *
 * - `beforeRequest` / `beforeRetry` take a slot of the client's limiter for each attempt. The
 *   slot is given back as soon as the attempt ends, so a request in backoff holds none.
 * - The `fetch` ky calls reads the whole body, under the size cap, and parses a 2xx body's
 *   JSON before it answers, so ky's per-attempt `timeout` covers the headers and the body, and
 *   a body cut off or not JSON is a failed attempt that ky retries; an oversized body fails at
 *   once. It answers ky with the status and headers only (the body stays in the exchange): a
 *   Response with a streamed body would be cloned by ky for its hooks, and a clone tees the
 *   body, which holds a second copy of every body (measured: 1.3 GiB instead of at most 288 MiB
 *   in the gzip-bomb test) and costs a copy per page.
 * - `shouldRetry` retries a broken body (cut off, or not JSON), never an oversized one, and a
 *   `Retry-After` that ky will honour also pauses the whole client's limiter, since every query
 *   of a client talks to the same server. An aborted caller is never retried: ky's backoff
 *   rejects at once with the signal's reason.
 * - `beforeError` turns ky's errors into `ApiError` / `NetworkError`.
 *
 * Headers are built once per client. This module creates no AbortSignal: ky keeps one
 * controller per request (a new one after a timeout) and, given the caller's signal, joins
 * the two once per request. That join has a price (`bench/RESULTS.md`, memory: bare `ky.get`
 * with a signal peaks 6 MiB higher over a 10,235-page crawl than without), but it is what
 * stops ky's backoff the moment the caller aborts; without it a retry's wait (up to
 * `maxRetryAfter`) would outlive the caller, a pending timer that keeps the process alive.
 *
 * The client's response cache (`cache.ts`), when it reads, answers before the limiter and
 * ky: a hit takes no request slot and sends nothing; in mode `"offline"` a miss rejects with
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
import {
  type BeforeErrorState,
  HTTPError,
  ky,
  type KyInstance,
  KyNetworkError,
  KyTimeoutError,
  type ShouldRetryState,
} from "./deps.ts";
import {
  ApiError,
  NetworkError,
  OfflineCacheMiss,
  redact,
  redactCause,
  TmError,
} from "./errors.ts";
import { describeBody, readErrorBody } from "./error_body.ts";
import { MAX_BODY_BYTES, readBody } from "./read_body.ts";
import type { Limiter } from "./limiter.ts";
import { kyRetry, RETRY_STATUSES, retryAfterMs, type RetryPolicy } from "./retry.ts";

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

/** One GET and its attempts, carried to ky's hooks in `context` and to its fetch in `init`. */
interface Exchange {
  url: URL;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** Attempts started so far. */
  attempts: number;
  /** Whether the current attempt holds a limiter slot. */
  holding: boolean;
  /** The last answer's body and content type. */
  body?: string | undefined;
  contentType?: string | null;
  /** The 2xx answer, parsed. */
  ok?: { data: unknown; status: number; body: string } | undefined;
}

/** The options key under which ky forwards the exchange to its `fetch` (as an unknown option). */
const EXCHANGE = "tmframesExchange";

/** A body that broke after its headers arrived (cut off, or a 2xx body not JSON): retried. */
class BrokenBody extends Error {
  constructor(readonly status: number, readonly detail: string) {
    super(detail);
    this.name = "BrokenBody";
  }
}

const STATUSES = new Set(RETRY_STATUSES);

function exchangeOf(options: { context: Record<string, unknown> }): Exchange {
  return options.context["exchange"] as Exchange;
}

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
   * Creates the ky instance: headers, retry policy, per-attempt timeout and hooks, once.
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
      retry: kyRetry(config.retry, (state) => this.#shouldRetry(state)),
      timeout: config.timeout,
      redirect: "follow",
      headers,
      hooks: {
        beforeRequest: [({ options }) => this.#take(exchangeOf(options))],
        beforeRetry: [({ options }) => this.#take(exchangeOf(options))],
        beforeError: [(state) => this.#toError(state)],
      },
      fetch: (input, init) => this.#send(input, init),
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
   * network, through ky and its retry policy, and the answer is stored (when the cache writes).
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

  /** One GET through ky: its retry policy, and the hooks above. */
  async #fetchJson(
    url: URL,
    signal: AbortSignal | undefined,
  ): Promise<{ data: unknown; status: number; body: string }> {
    const exchange: Exchange = { url, signal, attempts: 0, holding: false };
    const options = {
      ...(signal ? { signal } : {}),
      context: { exchange },
      [EXCHANGE]: exchange,
    };
    let answer: Exchange["ok"];
    try {
      await this.#ky.get(url, options);
      answer = exchange.ok;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw error;
    } finally {
      this.#free(exchange);
      // ky's objects of this request hold the exchange and outlive it: on Deno they survive
      // young-generation GCs (held, as far as we can tell, through the abort signals of its
      // requests) and die only in a full GC. Holding the page too would take it, parsed and as
      // text, into the old generation (`--trace-gc-nvp`, a crawl of 10,235 pages: 108 → 75 MiB
      // promoted).
      exchange.ok = undefined;
      exchange.body = undefined;
    }
    if (!answer) throw new Error("Cannot read the answer: ky returned without one");
    return answer;
  }

  /** Takes a limiter slot for the next attempt (`beforeRequest`, `beforeRetry`). */
  async #take(exchange: Exchange): Promise<void> {
    // After a timeout ky may back off before the aborted fetch has settled and given its slot
    // back; give it back here, so that it is never lost.
    this.#free(exchange);
    await this.#config.limiter.acquire(exchange.signal);
    exchange.holding = true;
    exchange.attempts++;
  }

  /** Gives the slot back, if `attempt` (default: the current one) still holds it. */
  #free(exchange: Exchange, attempt = exchange.attempts): void {
    if (!exchange.holding || attempt !== exchange.attempts) return;
    exchange.holding = false;
    this.#config.limiter.release();
  }

  /**
   * The fetch ky calls for each attempt (within its `timeout`, whose abort reaches the body
   * too): sends the request, reads the whole body under the cap, parses a 2xx body, keeps both
   * in the exchange and answers ky with the status and headers only. Gives the slot back when
   * the attempt ends.
   */
  async #send(input: Request | URL | string, init?: RequestInit): Promise<Response> {
    const exchange = (init as Record<string, unknown> | undefined)?.[EXCHANGE] as Exchange;
    const attempt = exchange.attempts;
    try {
      const response = await (this.#config.fetch ?? fetch)(input);
      const { status, statusText, headers } = response;
      const limit = this.#config.maxBodyBytes ?? MAX_BODY_BYTES;
      let body: string | undefined;
      try {
        body = await readBody(response, limit);
      } catch (error) {
        const signal = input instanceof Request ? input.signal : undefined;
        if (signal?.aborted) throw error;
        const reason = this.#redact(error instanceof Error ? error.message : String(error));
        throw new BrokenBody(status, `the body was cut off (${reason})`);
      }
      if (body === undefined) {
        // A body over the cap would only be too large again: fail at once.
        throw new NetworkError({
          url: exchange.url.href,
          failure: "body",
          detail: `the body is larger than ${limit} bytes (raise \`maxBodyBytes\` in ` +
            "createClient() if such an answer is expected)",
          attempts: exchange.attempts,
          status,
        });
      }
      exchange.body = body;
      exchange.contentType = headers.get("content-type");
      // ky reads `Retry-After` from a failed answer's headers; a 2xx needs only its status.
      if (!response.ok) return new Response(null, { status, statusText, headers });
      try {
        exchange.ok = { data: JSON.parse(body), status, body };
      } catch {
        throw new BrokenBody(status, `the server sent ${describeBody(body, exchange.contentType)}`);
      }
      return new Response(null, { status });
    } finally {
      this.#free(exchange, attempt);
    }
  }

  /**
   * Called by ky before it backs off from a failed attempt: retries a broken body (cut off, or
   * not JSON) and any failure of fetch itself, never an oversized body, and pauses the whole
   * client for a `Retry-After` ky will honour. `undefined`: ky's policy decides. (An aborted
   * caller is never retried: ky's backoff rejects at once with the signal's reason.)
   */
  #shouldRetry({ error }: ShouldRetryState): boolean | undefined {
    if (error instanceof TmError) return false;
    if (error instanceof HTTPError) {
      const { status, headers } = error.response;
      const after = STATUSES.has(status) ? retryAfterMs(headers.get("retry-after")) : undefined;
      if (after !== undefined) {
        this.#config.limiter.pause(Math.min(after, this.#config.retry.maxRetryAfter));
      }
      return undefined;
    }
    // A broken body, or a failure of fetch that ky's heuristics do not know as a network error.
    if (error instanceof BrokenBody || error instanceof TypeError) return true;
    return undefined;
  }

  /** `beforeError`: the final failure, as `ApiError` or `NetworkError`. */
  #toError({ error, options }: BeforeErrorState): Error {
    const exchange = exchangeOf(options);
    if (error instanceof TmError || exchange.signal?.aborted) return error;
    const { url: { href }, attempts } = exchange;
    if (error instanceof HTTPError) {
      const said = readErrorBody(exchange.body ?? "", exchange.contentType ?? null);
      return new ApiError({
        url: href,
        status: error.response.status,
        subCode: said.subCode === undefined ? undefined : this.#redact(said.subCode),
        serverMessage: said.serverMessage === undefined
          ? undefined
          : this.#redact(said.serverMessage),
        details: said.details,
        attempts,
      });
    }
    if (error instanceof BrokenBody) {
      const { status, detail } = error;
      return new NetworkError({ url: href, failure: "body", detail, attempts, status });
    }
    if (error instanceof KyTimeoutError) {
      const detail = `no complete answer within ${this.#config.timeout} ms`;
      return new NetworkError({ url: href, failure: "timeout", detail, attempts });
    }
    const cause = error instanceof KyNetworkError && error.cause !== undefined
      ? error.cause
      : error;
    const reason = this.#redact(cause instanceof Error ? cause.message : String(cause));
    return new NetworkError({
      url: href,
      failure: "network",
      detail: `the connection failed (${reason})`,
      attempts,
      cause: redactCause(cause, this.#config.token),
    });
  }

  #redact(text: string): string {
    return redact(text, this.#config.token);
  }
}
