/**
 * Fault injection, deterministic by seed (architecture: "set per server"). The n-th request for
 * a URL (path + query) fails iff `hash(seed, url, n) < rate`, and the kind comes from the same
 * hash, so the outcome does not depend on the order in which different URLs arrive. A URL never
 * fails more than `maxConsecutive` times in a row, so a retrying client always gets through.
 *
 * @module
 */

/**
 * What an injected failure looks like to the client. `gzipBomb` is a 200 whose gzip body
 * inflates to `bombBytes` bytes (JSON whitespace, then `{}`).
 */
export type FaultKind = "429" | "500" | "502" | "503" | "504" | "reset" | "truncate" | "gzipBomb";

/** Faults of one emulator; every field is optional and off by default. */
export interface Faults {
  /** Delay before every answer, in ms: a fixed value or a `[min, max]` range (per URL and n). */
  latencyMs?: number | [number, number];
  /** Fraction of requests (0 to 1) that fail. Default 0. */
  rate?: number;
  /** Kinds to choose from. Default `["429", "500", "502", "503", "504"]`. */
  kinds?: FaultKind[];
  /** `Retry-After` seconds sent with a 429. Default 1. */
  retryAfterSeconds?: number;
  /** Never fail the same URL more than this many times in a row. Default 2. */
  maxConsecutive?: number;
  /**
   * Every `everyRequests` answered requests, add new activity to a project (default: the
   * project with the most history rows among published public ones), so offset pages shift.
   */
  insertActivity?: { everyRequests: number; projectId?: number };
  /**
   * A pagination that misstates the total: in every paged answer `pagination.total` becomes
   * this number, or the real total plus `growBy` for each request answered so far; `pages`
   * follows from it, while the rows, `hasNext` and `nextNum` stay true. Default: the truth.
   */
  claimedTotal?: number | { growBy: number };
  /** The inflated size of a `gzipBomb` body, in bytes. Default 1 GiB. */
  bombBytes?: number;
}

/** The decision for one request. */
export interface FaultDecision {
  delayMs: number;
  fail: FaultKind | null;
}

const DEFAULT_KINDS: FaultKind[] = ["429", "500", "502", "503", "504"];

/**
 * The default inflated size of a `gzipBomb` body: 1 GiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_BOMB_BYTES } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEFAULT_BOMB_BYTES, 1024 ** 3);
 * ```
 */
export const DEFAULT_BOMB_BYTES = 2 ** 30;

/**
 * A 32-bit hash of a seed, a string and a counter, mapped to [0, 1).
 *
 * @example
 * ```ts
 * import { unitHash } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(unitHash(1, "/a", 0, 0), unitHash(1, "/a", 0, 0));
 * ```
 */
export function unitHash(seed: number, text: string, n: number, salt: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  const feed = `${text}#${n}`;
  for (let i = 0; i < feed.length; i++) {
    h ^= feed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * Per-server fault state: counts per URL and the current run of failures per URL.
 *
 * @example Every request of a URL fails, at most twice in a row
 * ```ts
 * import { FaultState } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * const state = new FaultState(1, { rate: 1, kinds: ["503"], maxConsecutive: 2 });
 * const fates = [1, 2, 3].map(() => state.decide("/api/v2/projects/").fail);
 * assert.deepEqual(fates, ["503", "503", null]);
 * ```
 */
export class FaultState {
  #seed: number;
  #faults: Faults;
  #seen = new Map<string, number>();
  #run = new Map<string, number>();

  /** Starts with no requests seen. */
  constructor(seed: number, faults: Faults) {
    this.#seed = seed;
    this.#faults = faults;
  }

  /** The faults in force. */
  get faults(): Faults {
    return this.#faults;
  }

  /** Replaces the faults; counts per URL are kept. */
  set(faults: Faults): void {
    this.#faults = faults;
  }

  /** Decides the fate of the next request for `key` (path + query). */
  decide(key: string): FaultDecision {
    const n = this.#seen.get(key) ?? 0;
    this.#seen.set(key, n + 1);
    const f = this.#faults;
    let delayMs = 0;
    if (typeof f.latencyMs === "number") delayMs = Math.max(0, f.latencyMs);
    else if (Array.isArray(f.latencyMs)) {
      const [min, max] = f.latencyMs;
      delayMs = Math.max(0, min + unitHash(this.#seed, key, n, 2) * Math.max(0, max - min));
    }
    const rate = f.rate ?? 0;
    const kinds = f.kinds !== undefined && f.kinds.length > 0 ? f.kinds : DEFAULT_KINDS;
    const run = this.#run.get(key) ?? 0;
    const h = unitHash(this.#seed, key, n, 1);
    if (rate > 0 && h < rate && run < (f.maxConsecutive ?? 2)) {
      this.#run.set(key, run + 1);
      const pick = Math.min(
        kinds.length - 1,
        Math.floor(unitHash(this.#seed, key, n, 3) * kinds.length),
      );
      return { delayMs, fail: kinds[pick] ?? "500" };
    }
    this.#run.set(key, 0);
    return { delayMs, fail: null };
  }
}

const REASONS: Record<string, string> = {
  "429": "Too Many Requests",
  "500": "Internal Server Error",
  "502": "Bad Gateway",
  "503": "Service Unavailable",
  "504": "Gateway Timeout",
};

/**
 * The response for a failure. `reset` sends headers and then drops the connection before any
 * body byte; `truncate` sends 200 with the full `Content-Length` but only part of `body`, then
 * drops the connection. Both make a fetch client fail with a `TypeError` while reading.
 *
 * @example
 * ```ts
 * import { faultResponse } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(faultResponse("429", 3, "{}").headers.get("retry-after"), "3");
 * ```
 */
export function faultResponse(kind: FaultKind, retryAfterSeconds: number, body: string): Response {
  if (kind === "reset" || kind === "truncate") {
    const bytes = new TextEncoder().encode(body.length > 1 ? body : "{}");
    const cut = kind === "reset" ? 0 : Math.max(1, Math.floor(bytes.length / 2));
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent && cut > 0) {
          sent = true;
          controller.enqueue(bytes.slice(0, cut));
        } else controller.close();
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { "content-type": "application/json", "content-length": String(bytes.length) },
    });
  }
  const headers = new Headers({ "content-type": "text/plain; charset=utf-8" });
  if (kind === "429") headers.set("retry-after", String(retryAfterSeconds));
  return new Response(REASONS[kind] ?? "Error", { status: Number(kind), headers });
}

/**
 * A JSON body with its `pagination.total` (and `pages`) replaced by `claim(trueTotal)`; a body
 * without pagination is returned unchanged. Key order is kept.
 *
 * @example
 * ```ts
 * import { misstateTotal } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * const body = '{"pagination":{"hasNext":false,"pages":1,"perPage":14,"total":3},"results":[]}';
 * assert.equal(
 *   misstateTotal(body, (total) => total + 37),
 *   '{"pagination":{"hasNext":false,"pages":3,"perPage":14,"total":40},"results":[]}',
 * );
 * ```
 */
export function misstateTotal(body: string, claim: (total: number) => number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const pagination = (parsed as { pagination?: Record<string, unknown> } | null)?.pagination;
  if (typeof pagination !== "object" || pagination === null) return body;
  const perPage = Number(pagination.perPage) || 1;
  const claimed = claim(Number(pagination.total));
  pagination.pages = Math.ceil(claimed / perPage);
  pagination.total = claimed;
  return JSON.stringify(parsed);
}

/**
 * The total a `claimedTotal` fault makes the server claim, given the true total and the
 * requests answered so far.
 *
 * @example
 * ```ts
 * import { claimedTotal } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(claimedTotal(5, 20, 3), 5);
 * assert.equal(claimedTotal({ growBy: 14 }, 20, 3), 62);
 * ```
 */
export function claimedTotal(
  claim: number | { growBy: number },
  total: number,
  answered: number,
): number {
  return typeof claim === "number" ? claim : total + claim.growBy * answered;
}

/**
 * A 200 whose body is gzip-compressed on the fly as the client reads it and inflates to
 * `bytes` bytes: JSON whitespace, then `{}`. Cheap to send (about a thousandth of `bytes`
 * crosses the wire), costly to a client that keeps what it inflates.
 *
 * @example
 * ```ts
 * import { gzipBomb } from "./faults.ts";
 * import assert from "node:assert/strict";
 *
 * const response = gzipBomb(1000);
 * assert.equal(response.headers.get("content-encoding"), "gzip");
 * const inflated = response.body!.pipeThrough(new DecompressionStream("gzip"));
 * assert.deepEqual(JSON.parse(await new Response(inflated).text()), {});
 * ```
 */
export function gzipBomb(bytes: number): Response {
  const chunk = new Uint8Array(2 ** 16).fill(0x20);
  let left = Math.max(2, bytes) - 2;
  const plain = new ReadableStream<BufferSource>({
    pull(controller) {
      if (left <= 0) {
        controller.enqueue(new TextEncoder().encode("{}"));
        controller.close();
        return;
      }
      const size = Math.min(left, chunk.length);
      left -= size;
      controller.enqueue(size === chunk.length ? chunk : chunk.slice(0, size));
    },
  });
  return new Response(plain.pipeThrough(new CompressionStream("gzip")), {
    status: 200,
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
  });
}
