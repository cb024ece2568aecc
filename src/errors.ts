/**
 * The errors tmframes raises after a request was attempted. All extend {@link TmError}.
 * Bad arguments are not among them: those throw the built-in `TypeError`/`RangeError` at once,
 * before any request.
 *
 * No error here ever holds the token: messages name the URL (which never carries it), and
 * server text is passed through {@link redact} before it is quoted.
 *
 * @module
 */

import { type DisplayBundle, displayBundle } from "./display.ts";

/**
 * The base class of every failure tmframes reports after it tried to talk to the server.
 *
 * @example Catch every tmframes failure at once
 * ```ts
 * import { ApiError, TmError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new ApiError({ url: "https://tm.example/api/v2/projects/1/", status: 404 });
 * assert.ok(error instanceof TmError);
 * ```
 */
export class TmError extends Error {
  /** The error's name: `"TmError"`. */
  override name = "TmError";

  /**
   * How Jupyter shows the error when a cell's value is one (e.g. a caught error): its name,
   * message and fields (status, subCode, URL ...), every string HTML-escaped.
   */
  [Symbol.for("Jupyter.display")](): DisplayBundle {
    const fields = Object.entries(this).filter(([key]) => key !== "name");
    return displayBundle(this.name, [["message", this.message], ...fields]);
  }
}

/** What the server said about a non-2xx answer. */
export interface ApiErrorInit {
  /** The URL that was requested (never holds secrets). */
  url: string;
  /** HTTP status. */
  status: number;
  /** TM's `SubCode` / `sub_code`, when the body had one. */
  subCode?: string | undefined;
  /** The server's own words (`Error`, `error.message` or `detail`), trimmed. */
  serverMessage?: string | undefined;
  /** `error.details` of TM's second error form, e.g. `{ project_id: 999 }`. */
  details?: Readonly<Record<string, unknown>> | undefined;
  /** How many attempts were made. @default 1 */
  attempts?: number;
}

/**
 * The server answered with a non-2xx status (after retries, for 408/429/5xx).
 * Reads both TM error bodies (`{"Error","SubCode"}` and `{"error":{"code","sub_code",...}}`)
 * and FastAPI's `{"detail": ...}`.
 *
 * @example Inspect a not-found answer
 * ```ts
 * import { ApiError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new ApiError({
 *   url: "https://tm.example/api/v2/projects/999/",
 *   status: 404,
 *   subCode: "PROJECT_NOT_FOUND",
 *   serverMessage: "The requested project was not found on the server.",
 * });
 * assert.equal(error.status, 404);
 * assert.match(error.message, /^Cannot fetch https:\/\/tm\.example\/api\/v2\/projects\/999\/: HTTP 404/);
 * ```
 */
export class ApiError extends TmError {
  /** The error's name: `"ApiError"`. */
  override name = "ApiError";
  /** HTTP status. */
  readonly status: number;
  /** TM's `SubCode` / `sub_code`, when given. */
  readonly subCode: string | undefined;
  /** The server's message, when given. */
  readonly serverMessage: string | undefined;
  /** TM's `error.details`, when given. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** The URL requested. */
  readonly url: string;
  /** How many attempts were made. */
  readonly attempts: number;

  /** Builds the error from what the server said. */
  constructor(init: ApiErrorInit) {
    const why = [init.subCode, init.serverMessage].filter((part) => part).join(": ");
    const tries = (init.attempts ?? 1) > 1 ? ` (after ${init.attempts} attempts)` : "";
    super(`Cannot fetch ${init.url}: HTTP ${init.status}${why ? ` ${why}` : ""}${tries}`);
    this.status = init.status;
    this.subCode = init.subCode;
    this.serverMessage = init.serverMessage;
    this.details = init.details;
    this.url = init.url;
    this.attempts = init.attempts ?? 1;
  }
}

/** One problem zod found, in plain data. */
export interface SchemaIssue {
  /** Where in the body, e.g. `["results", 3, "lastUpdated"]`. */
  path: readonly PropertyKey[];
  /** What was wrong. */
  message: string;
}

/**
 * The request succeeded but the body does not match its schema: the server's shape changed,
 * or a value is impossible (e.g. a timestamp that names 2024-02-30).
 *
 * @example Read the issues
 * ```ts
 * import { SchemaError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new SchemaError({
 *   url: "https://tm.example/api/v2/projects/?page=2",
 *   page: 2,
 *   issues: [{ path: ["results", 0, "projectId"], message: "Invalid input" }],
 * });
 * assert.equal(error.issues.length, 1);
 * assert.match(error.message, /results\.0\.projectId/);
 * ```
 */
export class SchemaError extends TmError {
  /** The error's name: `"SchemaError"`. */
  override name = "SchemaError";
  /** The URL whose body failed. */
  readonly url: string;
  /** The page number, for paged endpoints. */
  readonly page: number | undefined;
  /** What zod found. */
  readonly issues: readonly SchemaIssue[];

  /** Builds the error; the message quotes the first three issues. */
  constructor(init: { url: string; page?: number | undefined; issues: readonly SchemaIssue[] }) {
    const shown = init.issues.slice(0, 3).map((issue) =>
      `${issue.path.map(String).join(".") || "(body)"}: ${issue.message}`
    );
    const more = init.issues.length > 3 ? ` and ${init.issues.length - 3} more` : "";
    const page = init.page === undefined ? "" : ` (page ${init.page})`;
    super(
      `Cannot read ${init.url}${page}: the body does not match its schema: ${
        shown.join("; ")
      }${more}`,
    );
    this.url = init.url;
    this.page = init.page;
    this.issues = init.issues;
  }
}

/** Why a request never got a usable answer. */
export type NetworkFailure = "network" | "timeout" | "body";

/**
 * The request never got a usable answer, after every retry: the connection failed
 * (`"network"`), an attempt took longer than `timeout` (`"timeout"`), or the body was
 * truncated or not JSON, e.g. a proxy's HTML error page (`"body"`).
 *
 * @example A timeout after retries
 * ```ts
 * import { NetworkError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new NetworkError({
 *   url: "https://tm.example/api/v2/projects/",
 *   failure: "timeout",
 *   detail: "no answer within 30000 ms",
 *   attempts: 5,
 * });
 * assert.equal(error.failure, "timeout");
 * assert.match(error.message, /after 5 attempts/);
 * ```
 */
export class NetworkError extends TmError {
  /** The error's name: `"NetworkError"`. */
  override name = "NetworkError";
  /** The URL requested. */
  readonly url: string;
  /** What went wrong on the last attempt. */
  readonly failure: NetworkFailure;
  /** HTTP status of the last answer, for `"body"` failures. */
  readonly status: number | undefined;
  /** How many attempts were made. */
  readonly attempts: number;

  /** Builds the error. `detail` must already be free of secrets. */
  constructor(
    init: {
      url: string;
      failure: NetworkFailure;
      detail: string;
      attempts: number;
      status?: number | undefined;
      cause?: unknown;
    },
  ) {
    super(
      `Cannot fetch ${init.url}: ${init.detail} (after ${init.attempts} attempts)`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.url = init.url;
    this.failure = init.failure;
    this.status = init.status;
    this.attempts = init.attempts;
  }
}

/**
 * The server's pages did not add up: after every allowed pass the number of distinct rows is
 * still below the server's `pagination.total` (the data changed faster than it could be paged,
 * or the server claims rows it never serves). Nothing is returned silently incomplete; the
 * message says what the server claimed and what it served. Retry later or narrow the query.
 *
 * @example
 * ```ts
 * import { DriftError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new DriftError({ url: "https://tm.example/api/v2/projects/1/activities/", rows: 98, total: 100, passes: 4, pages: 30 });
 * assert.equal(error.total - error.rows, 2);
 * assert.match(error.message, /claimed 100 rows .* served 98 distinct rows in 30 page requests/);
 * ```
 */
export class DriftError extends TmError {
  /** The error's name: `"DriftError"`. */
  override name = "DriftError";
  /** The first page's URL. */
  readonly url: string;
  /** Distinct rows collected (what the server served). */
  readonly rows: number;
  /** The server's last `pagination.total` (what it claimed). */
  readonly total: number;
  /** Passes made over the pages. */
  readonly passes: number;
  /** Page requests made, when known. */
  readonly pages: number | undefined;

  /** Builds the error. */
  constructor(
    init: { url: string; rows: number; total: number; passes: number; pages?: number | undefined },
  ) {
    const requests = init.pages === undefined ? "" : ` in ${init.pages} page requests`;
    super(
      `Cannot page ${init.url} completely: the server claimed ${init.total} rows ` +
        `(pagination.total) but served ${init.rows} distinct rows${requests} over ` +
        `${init.passes} passes; rows kept moving between pages, or the total is wrong. ` +
        "Retry later or narrow the query",
    );
    this.url = init.url;
    this.rows = init.rows;
    this.total = init.total;
    this.passes = init.passes;
    this.pages = init.pages;
  }
}

/**
 * A query needed more page requests than the client's `maxRequestsPerQuery` allows, so it was
 * stopped there (the pages read so far were already yielded by `pages()`/`rows()`; `frame()`
 * and `records()` return nothing). Raise the option, or narrow the query.
 *
 * @example
 * ```ts
 * import { RequestLimitError, TmError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new RequestLimitError({ url: "https://tm.example/api/v2/projects/", limit: 100 });
 * assert.ok(error instanceof TmError);
 * assert.match(error.message, /more than 100 page requests .* maxRequestsPerQuery/);
 * ```
 */
export class RequestLimitError extends TmError {
  /** Always `"RequestLimitError"`. */
  override name = "RequestLimitError";
  /** The first page's URL. */
  readonly url: string;
  /** The client's `maxRequestsPerQuery`. */
  readonly limit: number;

  /** Builds the error. */
  constructor(init: { url: string; limit: number }) {
    super(
      `Cannot page ${init.url} completely: it needs more than ${init.limit} page requests ` +
        "(the client's maxRequestsPerQuery); raise maxRequestsPerQuery in createClient() " +
        "or narrow the query",
    );
    this.url = init.url;
    this.limit = init.limit;
  }
}

/**
 * The client is in `offline` cache mode and the cache folder holds no usable answer for a
 * URL: no entry, or only a corrupt one (bad JSON, cut off, or a body whose SHA-256 does not
 * match). Nothing was sent. Record the answers first (mode `"use"` or `"record"`), or point
 * `cache.dir` at the folder that holds them.
 *
 * @example
 * ```ts
 * import { OfflineCacheMiss, TmError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const miss = new OfflineCacheMiss({
 *   url: "https://tm.example/api/v2/projects/?omitMapResults=true",
 *   dir: "/tmp/tm-cache",
 *   reason: "no entry",
 * });
 * assert.ok(miss instanceof TmError);
 * assert.match(miss.message, /^Cannot answer https:\/\/tm\.example\/.* offline: no entry in the cache folder \/tmp\/tm-cache/);
 * ```
 */
export class OfflineCacheMiss extends TmError {
  /** The error's name: `"OfflineCacheMiss"`. */
  override name = "OfflineCacheMiss";
  /** The URL that could not be answered. */
  readonly url: string;
  /** The cache folder that was searched. */
  readonly dir: string;
  /** Why the cache could not answer, e.g. `"no entry"`. */
  readonly reason: string;

  /** Builds the error. */
  constructor(init: { url: string; dir: string; reason: string }) {
    super(
      `Cannot answer ${init.url} offline: ${init.reason} in the cache folder ${init.dir}; ` +
        `fetch it first with cache mode "use" or "record", or point cache.dir at the folder that holds it`,
    );
    this.url = init.url;
    this.dir = init.dir;
    this.reason = init.reason;
  }
}

/** One part of a query (a project, a time window) that could not be fetched, and why. */
export interface PartFailure {
  /** The part in words: the project id, or the window. */
  readonly label: string;
  /** The project, when the part is one project of a query over many. */
  readonly projectId?: number;
  /** Why the part failed. */
  readonly error: Error;
}

/**
 * Some parts of a query over many projects (or many time windows) failed; the others
 * succeeded, and `frameWithFailures()` returns them. `failures` lists each failed part with
 * its error, in the query's order.
 *
 * @example
 * ```ts
 * import { ApiError, PartsFailedError, TmError } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new PartsFailedError({
 *   what: "activities",
 *   unit: "project",
 *   parts: 30,
 *   failures: [{
 *     label: "7",
 *     projectId: 7,
 *     error: new ApiError({ url: "https://tm.example/api/v2/projects/7/activities/", status: 403 }),
 *   }],
 * });
 * assert.ok(error instanceof TmError);
 * assert.match(error.message, /^Cannot fetch activities of 1 of 30 projects: 7 /);
 * ```
 */
export class PartsFailedError extends TmError {
  /** The error's name: `"PartsFailedError"`. */
  override name = "PartsFailedError";
  /** The failed parts, in the query's order. */
  readonly failures: readonly PartFailure[];
  /** How many parts were tried. */
  readonly parts: number;

  /** Builds the error; the message names every failed part (the first ten with causes). */
  constructor(
    init: { what: string; unit: string; parts: number; failures: readonly PartFailure[] },
  ) {
    const named = init.failures.slice(0, 10).map((f) => `${f.label} (${f.error.message})`);
    const more = init.failures.length > 10
      ? `, and ${init.failures.slice(10).map((f) => f.label).join(", ")}`
      : "";
    super(
      `Cannot fetch ${init.what} of ${init.failures.length} of ${init.parts} ${init.unit}s: ` +
        `${named.join("; ")}${more}; frameWithFailures() returns the others`,
      { cause: init.failures[0]?.error },
    );
    this.failures = init.failures;
    this.parts = init.parts;
  }
}

/**
 * Replaces every occurrence of `secret` in `text` with `[redacted]`.
 *
 * @example
 * ```ts
 * import { redact } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(redact("bad token abc123", "abc123"), "bad token [redacted]");
 * assert.equal(redact("nothing", undefined), "nothing");
 * ```
 */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join("[redacted]") : text;
}

/**
 * `cause` as it may be kept in an error: itself when no part of it (message, stack, nested
 * causes, fields) shows `secret`, else a plain `Error` with the redacted message and no more.
 *
 * @example
 * ```ts
 * import { redactCause } from "./errors.ts";
 * import assert from "node:assert/strict";
 *
 * const leak = new TypeError('Invalid header value: "Token s3cr3t"');
 * const kept = redactCause(leak, "s3cr3t");
 * assert.equal(String(kept), 'Error: Invalid header value: "Token [redacted]"');
 * assert.ok(!Deno.inspect(kept).includes("s3cr3t"));
 * const harmless = new TypeError("connection refused");
 * assert.equal(redactCause(harmless, "s3cr3t"), harmless);
 * ```
 */
export function redactCause(cause: unknown, secret: string | undefined): unknown {
  if (!secret) return cause;
  const shown = Deno.inspect(cause, { depth: 8, getters: true, showHidden: true });
  if (!shown.includes(secret)) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const safe = new Error(redact(message, secret));
  safe.stack = `Error: ${safe.message}`;
  return safe;
}
