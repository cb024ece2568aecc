/**
 * An analysis reads the activity it needs; a `limit()` on the activity query would cut that
 * short and give a wrong answer, so it is refused (a limit on the answer is fine).
 *
 * @module
 */

/**
 * Throws `RangeError` when the activity query has a row limit.
 *
 * @example
 * ```ts
 * import { requireWholeLog } from "./whole_log.ts";
 * import assert from "node:assert/strict";
 *
 * requireWholeLog("invalidations", undefined);
 * assert.throws(() => requireWholeLog("invalidations", 10), /Cannot compute invalidations/);
 * ```
 */
export function requireWholeLog(what: string, limit: number | undefined): void {
  if (limit === undefined) return;
  throw new RangeError(
    `Cannot compute ${what} over activity limited to ${limit} rows: the answer needs every row ` +
      "of the window (and the rows it refers to); drop limit() on the activity and call " +
      "limit() on the answer instead",
  );
}
