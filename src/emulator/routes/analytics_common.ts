/**
 * Small pieces shared by the analytics routes (users, organisations, task statistics,
 * catalogues): string path parameters, the caller as TM's authentication middleware sees it,
 * the database's name ordering, and a few error bodies FastAPI and Python produce.
 *
 * @module
 */

import type { User } from "../model.ts";
import type { RouteContext } from "../router.ts";
import { internalError, jsonResponse, routeError } from "../errors.ts";

/**
 * The decoded path segment that stands where `{name}` stands in `pattern` (router patterns
 * and request paths have the same number of segments once matched).
 *
 * @example
 * ```ts
 * import { pathParam } from "./analytics_common.ts";
 * import assert from "node:assert/strict";
 * const url = new URL("http://x/api/v2/users/zo%C3%AB/statistics/");
 * assert.equal(pathParam("/api/v2/users/{username}/statistics/", url, "username"), "zoë");
 * ```
 */
export function pathParam(pattern: string, url: URL, name: string): string {
  const at = pattern.split("/").indexOf(`{${name}}`);
  const raw = url.pathname.split("/")[at] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The caller as TM's global `TokenAuthBackend` sees it (`request.user`): the user of a valid
 * `Token` header, else `null`. Unlike the optional dependency, another scheme or a bad token
 * just means anonymous. Malformed headers never get here (the server answers 400 first).
 *
 * @example
 * ```ts
 * import { middlewareUser } from "./analytics_common.ts";
 * import type { RouteContext } from "../router.ts";
 * import assert from "node:assert/strict";
 * const ctx = { headers: new Headers(), index: { users: new Map() }, world: { tokens: new Map() } };
 * assert.equal(middlewareUser(ctx as unknown as RouteContext), null);
 * ```
 */
export function middlewareUser(ctx: RouteContext): User | null {
  const words = (ctx.headers.get("authorization") ?? "").trim().split(/\s+/);
  if (words.length !== 2 || words[0]?.toLowerCase() !== "token") return null;
  const id = ctx.world.tokens.get(words[1] ?? "");
  return id === undefined ? null : ctx.index.users.get(id) ?? null;
}

const NAME_ORDER = new Intl.Collator("en-US", { ignorePunctuation: true });

/**
 * Orders names as PostgreSQL's `ORDER BY name` does under the usual `en_US.UTF-8` database
 * collation (letters first, case and accents as tie-breakers, punctuation and spaces ignored),
 * approximated with ICU; equal keys fall back to code-point order. Which collation the
 * production database uses cannot be checked from here (unverified).
 *
 * @example
 * ```ts
 * import { compareNames } from "./analytics_common.ts";
 * import assert from "node:assert/strict";
 * assert.equal(["Missing Maps", "Médecins"].sort(compareNames)[0], "Médecins");
 * ```
 */
export function compareNames(a: string, b: string): number {
  return NAME_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * FastAPI's 422 for a required query parameter that is absent.
 *
 * @example
 * ```ts
 * import { missingQuery } from "./analytics_common.ts";
 * import assert from "node:assert/strict";
 * assert.equal(missingQuery("startDate").status, 422);
 * ```
 */
export function missingQuery(name: string): Response {
  return jsonResponse({
    detail: [{
      type: "missing",
      loc: ["query", name],
      msg: "Field required",
      input: null,
      url: "https://errors.pydantic.dev/2.5/v/missing",
    }],
  }, 422);
}

/**
 * What TM's `except ValueError as e` handlers answer: 400 `{"Error": part 1, "SubCode":
 * part 0}` of `str(e).split("-")`, or, when the message has no `-` (the indexing fails inside
 * the handler), 500 `text/plain`.
 *
 * @example
 * ```ts
 * import { valueErrorResponse } from "./analytics_common.ts";
 * import assert from "node:assert/strict";
 * assert.equal(valueErrorResponse("InvalidDateValue- Invalid date value").status, 400);
 * assert.equal(valueErrorResponse("no dash here").status, 500);
 * ```
 */
export function valueErrorResponse(message: string): Response {
  const parts = message.split("-");
  if (parts.length < 2) return internalError();
  return routeError(400, parts[1] ?? "", parts[0] ?? "");
}

/** Python's `repr()` of a string, for error messages. */
function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/**
 * Python's `int(text)`: the value, or the `ValueError` message it raises.
 *
 * @example
 * ```ts
 * import { pythonInt } from "./analytics_common.ts";
 * import assert from "node:assert/strict";
 * assert.equal(pythonInt(" 1_000 "), 1000);
 * assert.equal(pythonInt("x"), "invalid literal for int() with base 10: 'x'");
 * ```
 */
export function pythonInt(text: string): number | string {
  if (/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) return Number(text.trim().replace(/_/g, ""));
  return `invalid literal for int() with base 10: ${pythonRepr(text)}`;
}
