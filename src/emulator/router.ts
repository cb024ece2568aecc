/**
 * A tiny router with FastAPI's edges (reference 2.1, 2.6): 307 to the slashed path, 404
 * `{"detail":"Not Found"}`, 405 `{"detail":"Method Not Allowed"}`, and 422 for path and query
 * parameters that fail integer or boolean parsing. Auth dependencies run before parameter
 * validation, as in FastAPI.
 *
 * @module
 */

import type { User, World } from "./model.ts";
import type { WorldIndex } from "./world_index.ts";
import { authenticate, type AuthMode } from "./auth.ts";
import {
  boolParsing,
  detailError,
  greaterEqual,
  intParsing,
  validationError,
  type ValidationItem,
} from "./errors.ts";

/** A declared query parameter that FastAPI validates (int or bool). */
export interface QuerySpec {
  name: string;
  kind: "int" | "bool";
  /** Lower bound for ints (`Query(ge=...)`). */
  ge?: number;
}

/** What a handler gets: the world, the caller, validated parameters and the raw request. */
export interface RouteContext {
  world: World;
  index: WorldIndex;
  user: User | null;
  /** Integer path parameters by name. */
  params: Record<string, number>;
  /** Validated int query parameters (present ones only). */
  ints: Record<string, number>;
  /** Validated bool query parameters (present ones only). */
  bools: Record<string, boolean>;
  url: URL;
  headers: Headers;
}

/** One GET route. */
export interface Route {
  /** Full path pattern with `{name}` segments, e.g. `/api/v2/projects/{project_id}/`. */
  pattern: string;
  auth: AuthMode;
  /** Path parameters typed `int`. */
  intParams?: string[];
  query?: QuerySpec[];
  handle(ctx: RouteContext): Response | Promise<Response>;
}

const TRUE_WORDS = new Set(["1", "on", "t", "true", "y", "yes"]);
const FALSE_WORDS = new Set(["0", "off", "f", "false", "n", "no"]);

/**
 * Parses a boolean as pydantic's lax mode does, or returns `null`.
 *
 * @example
 * ```ts
 * import { parseBool } from "./router.ts";
 * import assert from "node:assert/strict";
 * assert.equal(parseBool("Yes"), true);
 * assert.equal(parseBool("maybe"), null);
 * ```
 */
export function parseBool(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

/**
 * Parses an integer as pydantic's lax mode does for strings, or returns `null`.
 *
 * @example
 * ```ts
 * import { parseInteger } from "./router.ts";
 * import assert from "node:assert/strict";
 * assert.equal(parseInteger(" 12 "), 12);
 * assert.equal(parseInteger("1.5"), null);
 * ```
 */
export function parseInteger(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The last value of a query parameter (Starlette's `query_params.get`), or `null`.
 *
 * @example
 * ```ts
 * import { queryValue } from "./router.ts";
 * import assert from "node:assert/strict";
 * assert.equal(queryValue(new URL("http://x/?a=1&a=2"), "a"), "2");
 * ```
 */
export function queryValue(url: URL, name: string): string | null {
  const all = url.searchParams.getAll(name);
  return all.length === 0 ? null : all[all.length - 1] ?? null;
}

function match(pattern: string[], path: string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] ?? "";
    const got = path[i] ?? "";
    if (want.startsWith("{") && want.endsWith("}")) {
      if (got === "") return null;
      params[want.slice(1, -1)] = got;
    } else if (want !== got) return null;
  }
  return params;
}

function segments(path: string): string[] {
  return path.split("/").map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

/** Routes requests to handlers; see the module doc. */
export class Router {
  #routes: { route: Route; parts: string[] }[];

  /** Builds a router over `routes`, tried in order. */
  constructor(routes: Route[]) {
    this.#routes = routes.map((route) => ({ route, parts: segments(route.pattern) }));
  }

  #find(path: string): { route: Route; params: Record<string, string> } | null {
    const parts = segments(path);
    for (const { route, parts: pattern } of this.#routes) {
      const params = match(pattern, parts);
      if (params !== null) return { route, params };
    }
    return null;
  }

  /** Answers one request against `index.world`, with `tokens` mapping tokens to user ids. */
  async handle(
    request: Request,
    index: WorldIndex,
    tokens: ReadonlyMap<string, number>,
  ): Promise<Response> {
    const world = index.world;
    const url = new URL(request.url);
    const found = this.#find(url.pathname);
    if (found === null) {
      const path = url.pathname;
      const other = path.endsWith("/") ? path.replace(/\/+$/, "") : path + "/";
      if (path !== "/" && other !== "" && this.#find(other) !== null) {
        const location = new URL(url.href);
        location.pathname = other;
        return new Response(null, { status: 307, headers: { location: location.href } });
      }
      return detailError(404, "Not Found");
    }
    const { route, params } = found;
    if (request.method !== "GET") {
      return detailError(405, "Method Not Allowed", { allow: "GET" });
    }
    const auth = authenticate(world, tokens, request.headers.get("authorization"), route.auth);
    if ("response" in auth) return auth.response;
    const errors: ValidationItem[] = [];
    const ints: Record<string, number> = {};
    for (const name of route.intParams ?? []) {
      const raw = params[name] ?? "";
      const value = parseInteger(raw);
      if (value === null) errors.push(intParsing("path", name, raw));
      else ints[name] = value;
    }
    const queryInts: Record<string, number> = {};
    const bools: Record<string, boolean> = {};
    for (const spec of route.query ?? []) {
      const raw = queryValue(url, spec.name);
      if (raw === null) continue;
      if (spec.kind === "bool") {
        const value = parseBool(raw);
        if (value === null) errors.push(boolParsing(spec.name, raw));
        else bools[spec.name] = value;
      } else {
        const value = parseInteger(raw);
        if (value === null) errors.push(intParsing("query", spec.name, raw));
        else if (spec.ge !== undefined && value < spec.ge) {
          errors.push(greaterEqual(spec.name, raw, spec.ge));
        } else queryInts[spec.name] = value;
      }
    }
    if (errors.length > 0) return validationError(errors);
    return await route.handle({
      world,
      index,
      user: auth.user,
      params: ints,
      ints: queryInts,
      bools,
      url,
      headers: request.headers,
    });
  }
}
