/**
 * Reads what a TM error answer says, whatever its form (reference 2.6):
 * `{"Error": "...", "SubCode": "..."}`, `{"error": {"code", "sub_code", "message", "details"}}`,
 * FastAPI's `{"detail": "..."}` or `{"detail": [{"loc", "msg"}]}`, plain text, or a proxy's
 * HTML page.
 *
 * @module
 */

/** The useful parts of an error body. */
export interface ErrorBody {
  subCode?: string | undefined;
  serverMessage?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

const MAX_TEXT = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * Describes a body that is not the JSON we expected, in a few words.
 *
 * @example
 * ```ts
 * import { describeBody } from "./error_body.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(describeBody("<html><body>502</body></html>", "text/html"), /HTML page/);
 * ```
 */
export function describeBody(body: string, contentType: string | null): string {
  if (body.trim() === "") return "an empty body";
  if (/html/i.test(contentType ?? "") || /^\s*</.test(body)) {
    return "an HTML page, not JSON (a proxy's error page?)";
  }
  const start = body.trimStart().slice(0, 40);
  return `a body that is not valid JSON (it starts ${
    JSON.stringify(start)
  }, ${body.length} characters)`;
}

/**
 * Reads an error body.
 *
 * @example Both TM forms
 * ```ts
 * import { readErrorBody } from "./error_body.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(readErrorBody('{"Error": " Invalid date value", "SubCode": "InvalidDateValue"}', "application/json"), {
 *   subCode: "InvalidDateValue",
 *   serverMessage: "Invalid date value",
 * });
 * assert.equal(
 *   readErrorBody('{"error":{"code":404,"sub_code":"PROJECT_NOT_FOUND","message":"Not found.","details":{"project_id":9}}}', null)
 *     .details?.project_id,
 *   9,
 * );
 * ```
 */
export function readErrorBody(body: string, contentType: string | null): ErrorBody {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const plain = !/html/i.test(contentType ?? "") && !/^\s*</.test(body) && body.trim() !== "";
    return {
      serverMessage: plain ? body.trim().slice(0, MAX_TEXT) : describeBody(body, contentType),
    };
  }
  if (!isRecord(data)) return {};
  if ("Error" in data) return { subCode: text(data.SubCode), serverMessage: text(data.Error) };
  if (isRecord(data.error)) {
    const error = data.error;
    return {
      subCode: text(error.sub_code),
      serverMessage: text(error.message),
      details: isRecord(error.details) ? error.details : undefined,
    };
  }
  if (typeof data.detail === "string") return { serverMessage: text(data.detail) };
  if (Array.isArray(data.detail)) {
    const parts = data.detail.filter(isRecord).map((item) => {
      const where = Array.isArray(item.loc) ? item.loc.join(".") : "";
      return where ? `${where}: ${String(item.msg)}` : String(item.msg);
    });
    return { serverMessage: parts.join("; ").slice(0, MAX_TEXT) };
  }
  return {};
}
