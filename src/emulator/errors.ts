/**
 * TM's error bodies (reference 2.6) and the responses that carry them.
 *
 * @module
 */

import { type JsonValue, writeJson } from "./json.ts";

/**
 * A JSON response with TM's content type, written by the Python-compatible writer.
 *
 * @example
 * ```ts
 * import { jsonResponse } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(jsonResponse({ a: 1 }).status, 200);
 * ```
 */
export function jsonResponse(body: JsonValue, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/json");
  return new Response(writeJson(body), { status, headers: h });
}

/**
 * A `text/plain` response, as Starlette sends for 400 auth errors and 500s.
 *
 * @example
 * ```ts
 * import { textResponse } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(textResponse("Internal Server Error", 500).status, 500);
 * ```
 */
export function textResponse(text: string, status: number): Response {
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * 500 `text/plain` "Internal Server Error", for any unexpected failure.
 *
 * @example
 * ```ts
 * import { internalError } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(internalError().status, 500);
 * ```
 */
export function internalError(): Response {
  return textResponse("Internal Server Error", 500);
}

/**
 * Format 1: `{"Error": text, "SubCode": code}` (or only `Error` when `subCode` is omitted).
 *
 * @example
 * ```ts
 * import { routeError } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(routeError(400, " Invalid date value", "InvalidDateValue").status, 400);
 * ```
 */
export function routeError(
  status: number,
  text: string,
  subCode?: string,
  headers?: HeadersInit,
): Response {
  const body: { [key: string]: JsonValue } = { Error: text };
  if (subCode !== undefined) body["SubCode"] = subCode;
  return jsonResponse(body, status, headers);
}

/** Messages of `backend/error_messages.json` for the sub-codes the emulator raises. */
const MESSAGES: Record<string, string> = {
  PROJECT_NOT_FOUND: "The requested project was not found on the server.",
  TASK_NOT_FOUND: "The requested task was not found on the server.",
  USER_NOT_FOUND: "The requested user was not found on the server.",
};

/**
 * Format 2: `{"error": {"code", "sub_code", "message", "details"}}`; the message comes from
 * TM's message table, or is the sub-code itself when unknown (`"Project not found"`).
 *
 * @example
 * ```ts
 * import { tmError } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(tmError(404, "PROJECT_NOT_FOUND", { project_id: 9 }).status, 404);
 * ```
 */
export function tmError(
  status: number,
  subCode: string,
  details: { [key: string]: JsonValue } = {},
  message: string = MESSAGES[subCode] ?? subCode,
): Response {
  return jsonResponse({
    error: { code: status, sub_code: subCode, message, details },
  }, status);
}

/**
 * FastAPI's and Starlette's own bodies: `{"detail": ...}`.
 *
 * @example
 * ```ts
 * import { detailError } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(detailError(404, "Not Found").status, 404);
 * ```
 */
export function detailError(status: number, detail: JsonValue, headers?: HeadersInit): Response {
  return jsonResponse({ detail }, status, headers);
}

/** One pydantic validation error item of a FastAPI 422 body. */
export interface ValidationItem {
  type: string;
  loc: [string, string];
  msg: string;
  input: string;
  ctx?: { [key: string]: JsonValue };
}

/**
 * The pydantic item for an unparsable integer.
 *
 * @example
 * ```ts
 * import { intParsing } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(intParsing("path", "project_id", "x").type, "int_parsing");
 * ```
 */
export function intParsing(where: string, name: string, input: string): ValidationItem {
  return {
    type: "int_parsing",
    loc: [where, name],
    msg: "Input should be a valid integer, unable to parse string as an integer",
    input,
  };
}

/**
 * The pydantic item for an unparsable boolean.
 *
 * @example
 * ```ts
 * import { boolParsing } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(boolParsing("omitMapResults", "x").type, "bool_parsing");
 * ```
 */
export function boolParsing(name: string, input: string): ValidationItem {
  return {
    type: "bool_parsing",
    loc: ["query", name],
    msg: "Input should be a valid boolean, unable to interpret input",
    input,
  };
}

/**
 * The pydantic item for an integer below its `ge` bound.
 *
 * @example
 * ```ts
 * import { greaterEqual } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(greaterEqual("page", "0", 1).type, "greater_than_equal");
 * ```
 */
export function greaterEqual(name: string, input: string, bound: number): ValidationItem {
  return {
    type: "greater_than_equal",
    loc: ["query", name],
    msg: `Input should be greater than or equal to ${bound}`,
    input,
    ctx: { ge: bound },
  };
}

/**
 * FastAPI's 422 body for a list of validation items, in FastAPI's key order.
 *
 * @example
 * ```ts
 * import { intParsing, validationError } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(validationError([intParsing("query", "page", "x")]).status, 422);
 * ```
 */
export function validationError(items: ValidationItem[]): Response {
  const detail = items.map((item) => {
    const out: { [key: string]: JsonValue } = {
      type: item.type,
      loc: item.loc,
      msg: item.msg,
      input: item.input,
    };
    if (item.ctx !== undefined) out["ctx"] = item.ctx;
    out["url"] = `https://errors.pydantic.dev/2.5/v/${item.type}`;
    return out;
  });
  return jsonResponse({ detail }, 422);
}

/**
 * 403 `PrivateProject` (format 1), for callers not allowed to see a private or draft project.
 *
 * @example
 * ```ts
 * import { privateProject } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(privateProject().status, 403);
 * ```
 */
export function privateProject(): Response {
  return routeError(403, "User not permitted: Private Project", "PrivateProject");
}

/**
 * 404 `PROJECT_NOT_FOUND` with `details.project_id` (format 2).
 *
 * @example
 * ```ts
 * import { projectNotFound } from "./errors.ts";
 * import assert from "node:assert/strict";
 * assert.equal(projectNotFound(5).status, 404);
 * ```
 */
export function projectNotFound(projectId: number): Response {
  return tmError(404, "PROJECT_NOT_FOUND", { project_id: projectId });
}
