/**
 * `createClient(options)`: the one entry point. It resolves every option (and reads the
 * environment, here and nowhere else), builds the client's one limiter and HTTP layer, and
 * hands out builders. A client is immutable.
 *
 * @module
 */

import { requirePositiveInteger, requireText, show } from "./args.ts";
import { type CacheOptions, resolveCache } from "./cache.ts";
import { Http, requireHeaderText } from "./http.ts";
import { MAX_BODY_BYTES } from "./read_body.ts";
import { Limiter } from "./limiter.ts";
import type { Endpoint } from "./endpoint.ts";
import { type Many, manyOf } from "./many.ts";
import { ProjectHandle } from "./queries/project.ts";
import { ProjectsQuery } from "./queries/projects.ts";
import { ProjectSet } from "./queries/project_set.ts";
import { UserHandle } from "./queries/users.ts";
import { UserByIdHandle } from "./queries/user_by_id.ts";
import { UsersQuery } from "./queries/user_directory.ts";
import { TeamHandle, TEAMS_ENDPOINT } from "./queries/teams.ts";
import { LEVELS_ENDPOINT } from "./queries/levels.ts";
import { ACTIVE_PROJECTS_ENDPOINT, type ActiveProjectRow } from "./queries/project_areas.ts";

import { OrganisationHandle, ORGANISATIONS_ENDPOINT } from "./queries/organisations.ts";
import {
  type CampaignRow,
  CAMPAIGNS_ENDPOINT,
  COUNTRIES_ENDPOINT,
  type CountryRow,
  INTERESTS_ENDPOINT,
} from "./queries/catalogue.ts";
import { HEARTBEAT_ENDPOINT, SYSTEM_STATISTICS_ENDPOINT } from "./queries/system.ts";
import { TaskStatisticsQuery } from "./queries/task_statistics.ts";
import { EndpointQuery } from "./queries/endpoint_query.ts";

import type { QueryContext } from "./query.ts";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.ts";
import { isLoopback } from "./url.ts";
import { VERSION } from "./version.ts";
import type {
  Heartbeat,
  Interest,
  MappingLevel,
  Organisation,
  SystemStatistics,
  Team,
} from "./rows.ts";

/** The public TM API. */
export const DEFAULT_BASE_URL = "https://tasking-manager-production-api.hotosm.org/api/v2/";

/** Retry options; every field is optional. */
export interface RetryOptions {
  /** Retries after the first attempt, for GETs on network errors, timeouts, 408, 429, 5xx and broken bodies. @default 4 */
  limit?: number;
  /** Delay before the first retry in ms; doubles each time, with jitter. @default 500 */
  baseDelay?: number;
  /** The most one backoff delay may be, in ms. @default 30000 */
  backoffLimit?: number;
  /** The most a server's `Retry-After` may make the client wait, in ms. @default 60000 */
  maxRetryAfter?: number;
}

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The API root, ending `/api/v2/`. @default env `TM_API_URL`, else {@link DEFAULT_BASE_URL} */
  baseUrl?: string | URL;
  /** A TM API token, sent as `Authorization: Token …` only. @default env `TM_TOKEN`, else none */
  token?: string;
  /** `Accept-Language`, e.g. `"en"`; in searches TM then also filters by locale. @default none */
  language?: string;
  /** Requests in flight at once, shared by every query of this client. @default 4 */
  concurrency?: number;
  /** The most requests started per second. @default no cap */
  requestsPerSecond?: number;
  /** Per-attempt deadline in ms, for the answer and its whole body. @default 30000 */
  timeout?: number;
  /** Retry policy. @default { limit: 4, baseDelay: 500, backoffLimit: 30000, maxRetryAfter: 60000 } */
  retry?: RetryOptions;
  /** The `User-Agent` header. @default `tmframes/<VERSION>` */
  userAgent?: string;
  /** A `fetch` to use instead of the global one. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * An on-disk response cache, `{ dir, mode?, ttl? }` (see `CacheOptions`): mode `"use"`
   * (the default when `cache` is given), `"record"`, `"offline"` or `"off"`; `ttl` in ms,
   * default 24 hours. @default none (mode "off")
   */
  cache?: CacheOptions;
  /**
   * The largest response body read, in bytes. A larger answer fails at once with a
   * `NetworkError` (failure `"body"`) instead of filling memory. @default 67108864 (64 MiB)
   */
  maxBodyBytes?: number;
  /**
   * The most page requests one query may make (cache hits included). A query that needs more
   * stops with `RequestLimitError`, e.g. against a server whose pages never end. Each query of
   * a fan-out (one per project) counts on its own. @default no cap
   */
  maxRequestsPerQuery?: number;
  /**
   * Progress of `records()`/`frame()` when they fetch more than one page: `"auto"` draws it in
   * the Deno Jupyter kernel (one output updated in place) or on stderr when it is a terminal;
   * `true` also writes a summary line to a stderr that is not a terminal; `false` never draws.
   * Per call, `FetchOptions.progress` overrides it. @default "auto"
   */
  progress?: boolean | "auto";
}

/**
 * Reads an environment variable if permission is already granted; a missing permission
 * (or a runtime without `Deno.env`) means "unset", and never triggers a prompt.
 */
function readEnv(name: string): string | undefined {
  try {
    const state = Deno.permissions.querySync({ name: "env", variable: name }).state;
    return state === "granted" ? Deno.env.get(name) || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** The longest delay `setTimeout` can wait. */
const MAX_DELAY = 2_147_483_647;

function positiveNumber(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new TypeError(`Cannot use ${name} ${show(value)}: it must be a number`);
  }
  if (!Number.isFinite(value) || value <= 0 || value > MAX_DELAY) {
    throw new RangeError(
      `Cannot use ${name} ${show(value)}: it must be above 0 and at most ${MAX_DELAY}`,
    );
  }
  return value;
}

function resolveBaseUrl(value: unknown): URL {
  if (typeof value !== "string" && !(value instanceof URL)) {
    throw new TypeError(`Cannot use baseUrl ${show(value)}: it must be a string or a URL`);
  }
  let url: URL;
  try {
    url = new URL(value instanceof URL ? value.href : value);
  } catch {
    throw new TypeError(`Cannot use baseUrl ${show(value)}: it must be an absolute http(s) URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`Cannot use baseUrl ${show(String(value))}: it must be an http(s) URL`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(
      `Cannot use baseUrl ${
        show(url.origin + url.pathname)
      }: it must not carry credentials, a query or a fragment`,
    );
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

function resolveRetry(retry: RetryOptions = {}): RetryPolicy {
  const limit = retry.limit ?? DEFAULT_RETRY.limit;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(
      `Cannot use retry.limit ${show(limit)}: it must be a non-negative integer`,
    );
  }
  return {
    limit,
    baseDelay: positiveNumber("retry.baseDelay", retry.baseDelay, DEFAULT_RETRY.baseDelay),
    backoffLimit: positiveNumber(
      "retry.backoffLimit",
      retry.backoffLimit,
      DEFAULT_RETRY.backoffLimit,
    ),
    maxRetryAfter: positiveNumber(
      "retry.maxRetryAfter",
      retry.maxRetryAfter,
      DEFAULT_RETRY.maxRetryAfter,
    ),
  };
}

function resolveToken(value: unknown, baseUrl: URL): string | undefined {
  const token = value === undefined ? readEnv("TM_TOKEN") : value;
  if (token === undefined) return undefined;
  const checked = requireHeaderText("token", token);
  if (/\s/.test(checked)) {
    throw new TypeError("Cannot use token: it must not contain spaces (its value is not shown)");
  }
  if (baseUrl.protocol === "http:" && !isLoopback(baseUrl)) {
    throw new TypeError(
      `Cannot send a token to ${baseUrl.origin} over plain http: use https, or a loopback host (127.0.0.1, localhost, [::1])`,
    );
  }
  return checked;
}

/**
 * A Tasking Manager client: one base URL, one token, one limiter shared by all its queries.
 * Immutable. Create it with {@link createClient}.
 *
 * @example
 * ```ts
 * import { createClient } from "./client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * assert.equal(tm.baseUrl.href, "https://tm.example/api/v2/");
 * assert.ok(Object.isFrozen(tm));
 * ```
 */
export class Client {
  readonly #context: QueryContext;
  /** The API root (a copy; changing it changes nothing). */
  get baseUrl(): URL {
    return new URL(this.#context.baseUrl);
  }

  /** Use {@link createClient}. */
  constructor(context: QueryContext) {
    this.#context = context;
    Object.freeze(this);
  }

  /** A project search over `GET /projects/`. */
  projects(): ProjectsQuery;
  /**
   * Many projects by id (`projects(1, 2)`, `projects([1, 2])`): their per-project endpoints
   * in one frame each. Duplicates are dropped, the first place kept; an empty array gives
   * typed empty frames without a request.
   */
  projects(...ids: Many<number>[]): ProjectSet;
  projects(...ids: Many<number>[]): ProjectsQuery | ProjectSet {
    if (ids.length === 0) return new ProjectsQuery(this.#context);
    const flat = ids.flat();
    const checked = flat.length === 0
      ? []
      : manyOf("projects", flat, (id) => requirePositiveInteger("project id", id));
    return new ProjectSet(this.#context, { ids: checked });
  }

  /** One project's endpoints. */
  project(id: number): ProjectHandle {
    return new ProjectHandle(this.#context, id);
  }

  /** One user's endpoints, by username. */
  user(username: string): UserHandle;
  /** One user's endpoints, by id (as in the `mappedBy` column of task frames). */
  user(id: number): UserByIdHandle;
  user(nameOrId: string | number): UserHandle | UserByIdHandle {
    return typeof nameOrId === "number"
      ? new UserByIdHandle(this.#context, nameOrId)
      : new UserHandle(this.#context, nameOrId);
  }

  /** `GET /users/`: the users directory, 20 a page (token required). */
  users(): UsersQuery {
    return new UsersQuery(this.#context);
  }

  /** `GET /teams/`: every team the caller may see (token required). */
  teams(): EndpointQuery<Team> {
    return this.#list("teams", TEAMS_ENDPOINT);
  }

  /** One team's endpoints, by id (token required). */
  team(id: number): TeamHandle {
    return new TeamHandle(this.#context, id);
  }

  /** `GET /levels/`: the mapping levels, to name `mappingLevel` values. */
  levels(): EndpointQuery<MappingLevel> {
    return this.#list("mapping levels", LEVELS_ENDPOINT);
  }

  /**
   * `GET /projects/queries/active/`: the projects with a task changed in the last `hours`
   * (1 to 24), with their mapping types and areas. @default 24
   */
  activeProjects(hours = 24): EndpointQuery<ActiveProjectRow> {
    if (!Number.isSafeInteger(hours) || hours < 1 || hours > 24) {
      throw new RangeError(
        `Cannot use activeProjects(${show(hours)}): hours must be an integer from 1 to 24`,
      );
    }
    const what = `projects active in the last ${hours} h`;
    const facts: [string, unknown][] = [["hours", hours]];
    return EndpointQuery.of(this.#context, what, ACTIVE_PROJECTS_ENDPOINT, { hours }, facts);
  }

  /** `GET /organisations/`: every organisation, by name. */
  organisations(): EndpointQuery<Organisation> {
    return this.#list("organisations", ORGANISATIONS_ENDPOINT);
  }

  /** One organisation's endpoints, by id. */
  organisation(id: number): OrganisationHandle {
    return new OrganisationHandle(this.#context, id);
  }

  /** `GET /campaigns/`: every campaign, by name. */
  campaigns(): EndpointQuery<CampaignRow> {
    return this.#list("campaigns", CAMPAIGNS_ENDPOINT);
  }

  /** `GET /interests/`: every interest. */
  interests(): EndpointQuery<Interest> {
    return this.#list("interests", INTERESTS_ENDPOINT);
  }

  /** `GET /countries/`: every project country, one row each (column `country`). */
  countries(): EndpointQuery<CountryRow> {
    return this.#list("countries", COUNTRIES_ENDPOINT);
  }

  /** `GET /system/statistics/`: the home page figures, one row. */
  systemStatistics(): EndpointQuery<SystemStatistics> {
    return this.#list("system statistics", SYSTEM_STATISTICS_ENDPOINT);
  }

  /** `GET /system/heartbeat/`: status and release, one row. */
  heartbeat(): EndpointQuery<Heartbeat> {
    return this.#list("heartbeat", HEARTBEAT_ENDPOINT);
  }

  /** `GET /tasks/statistics/` per day; needs a token and `since(day)` or `between(start, end)`. */
  taskStatistics(): TaskStatisticsQuery {
    return new TaskStatisticsQuery(this.#context);
  }

  #list<P, Row>(what: string, endpoint: Endpoint<P, Row, void>): EndpointQuery<Row> {
    return EndpointQuery.of(this.#context, what, endpoint, undefined);
  }
}

/**
 * Creates a client. Options are checked here, before any request: a bad value throws
 * `TypeError`/`RangeError`, and a token is refused over plain http to a non-loopback host. A
 * token, `language` or `userAgent` with a control character (CR, LF, NUL ...) is refused
 * without quoting it.
 *
 * @example Against the built-in emulator
 * ```ts
 * import { createClient } from "./client.ts";
 * import { startEmulator } from "./emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, concurrency: 8 });
 *   const frame = await tm.projects().limit(20).frame();
 *   assert.ok(frame.height <= 20);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export function createClient(options: ClientOptions = {}): Client {
  const baseUrl = resolveBaseUrl(options.baseUrl ?? readEnv("TM_API_URL") ?? DEFAULT_BASE_URL);
  const token = resolveToken(options.token, baseUrl);
  const concurrency = requirePositiveInteger("concurrency", options.concurrency ?? 4);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError(`Cannot use fetch ${show(options.fetch)}: it must be a function`);
  }
  const requestsPerSecond = options.requestsPerSecond === undefined
    ? undefined
    : positiveNumber("requestsPerSecond", options.requestsPerSecond, 0);
  const language = options.language === undefined
    ? undefined
    : requireHeaderText("language", requireText("language", options.language));
  const http = new Http({
    token,
    language,
    userAgent: options.userAgent === undefined
      ? `tmframes/${VERSION}`
      : requireHeaderText("userAgent", requireText("userAgent", options.userAgent)),
    timeout: positiveNumber("timeout", options.timeout, 30_000),
    retry: resolveRetry(options.retry),
    fetch: options.fetch,
    limiter: new Limiter({ concurrency, requestsPerSecond }),
    cache: resolveCache(options.cache),
    maxBodyBytes: positiveNumber("maxBodyBytes", options.maxBodyBytes, MAX_BODY_BYTES),
    maxRequestsPerQuery: options.maxRequestsPerQuery === undefined
      ? undefined
      : requirePositiveInteger("maxRequestsPerQuery", options.maxRequestsPerQuery),
  });
  const progress = options.progress ?? "auto";
  if (progress !== true && progress !== false && progress !== "auto") {
    throw new TypeError(
      `Cannot use progress ${show(progress)}: it must be true, false or "auto"`,
    );
  }
  return new Client({ http, baseUrl, progress });
}
