/**
 * The date formats TM's endpoints print (reference 2.5), from the world's `Micros`
 * (integer microseconds since the epoch, UTC).
 *
 * @module
 */

import type { Micros } from "./model.ts";

interface Parts {
  date: string;
  time: string;
  micros: number;
}

function parts(value: Micros): Parts {
  const micros = ((value % 1_000_000) + 1_000_000) % 1_000_000;
  const iso = new Date((value - micros) / 1000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), micros };
}

function fraction(micros: number): string {
  return micros === 0 ? "" : "." + String(micros).padStart(6, "0");
}

/**
 * Python's `isoformat()` of a naive datetime: seconds, plus `.ffffff` only when the
 * microseconds are not zero. Used by `/queries/summary/` and the heartbeat.
 *
 * @example
 * ```ts
 * import { naiveIso } from "./dates.ts";
 * import assert from "node:assert/strict";
 * assert.equal(naiveIso(1_714_566_896_000_000), "2024-05-01T12:34:56");
 * ```
 */
export function naiveIso(value: Micros): string {
  const p = parts(value);
  return `${p.date}T${p.time}${fraction(p.micros)}`;
}

/**
 * `isoformat() + "Z"`: search `lastUpdated`/`dueDate`, history `actionDate`.
 *
 * @example
 * ```ts
 * import { isoZ } from "./dates.ts";
 * import assert from "node:assert/strict";
 * assert.equal(isoZ(1_714_566_896_123_456), "2024-05-01T12:34:56.123456Z");
 * ```
 */
export function isoZ(value: Micros): string {
  return naiveIso(value) + "Z";
}

/**
 * schematics' `UTCDateTimeType` (TM4's DTOs): `%Y-%m-%dT%H:%M:%S.%fZ`, always six fraction digits.
 *
 * @example
 * ```ts
 * import { schematicsIso } from "./dates.ts";
 * import assert from "node:assert/strict";
 * assert.equal(schematicsIso(1_714_566_896_000_000), "2024-05-01T12:34:56.000000Z");
 * ```
 */
export function schematicsIso(value: Micros): string {
  const p = parts(value);
  return `${p.date}T${p.time}.${String(p.micros).padStart(6, "0")}Z`;
}

/**
 * Project detail dates: truncated to milliseconds by SQL `TO_CHAR(... .MS)`, re-emitted with a
 * six-digit fraction when the milliseconds are not zero, none otherwise, and `Z`.
 *
 * @example
 * ```ts
 * import { detailIso } from "./dates.ts";
 * import assert from "node:assert/strict";
 * assert.equal(detailIso(1_714_566_896_310_401), "2024-05-01T12:34:56.310000Z");
 * ```
 */
export function detailIso(value: Micros): string {
  const p = parts(value);
  const ms = Math.floor(p.micros / 1000);
  return `${p.date}T${p.time}${ms === 0 ? "" : "." + String(ms * 1000).padStart(6, "0")}Z`;
}

/**
 * The task detail `lastUpdated` quirk: an aware `isoformat()` with the `Z` encoder applied again.
 *
 * @example
 * ```ts
 * import { taskUpdatedIso } from "./dates.ts";
 * import assert from "node:assert/strict";
 * assert.equal(taskUpdatedIso(1_714_566_896_000_000), "2024-05-01T12:34:56+00:00Z");
 * ```
 */
export function taskUpdatedIso(value: Micros): string {
  return naiveIso(value) + "+00:00Z";
}

/**
 * A calendar day, `YYYY-MM-DD`, UTC.
 *
 * @example
 * ```ts
 * import { ymd } from "./dates.ts";
 * import assert from "node:assert/strict";
 * assert.equal(ymd(1_714_566_896_000_000), "2024-05-01");
 * ```
 */
export function ymd(value: Micros): string {
  return parts(value).date;
}

/**
 * Parses a query-parameter date as Python's `strptime(value, "%Y-%m-%d")` does (one- or
 * two-digit month and day allowed) into the micros of that day's midnight, or `null`.
 *
 * @example
 * ```ts
 * import { parseQueryDate } from "./dates.ts";
 * import assert from "node:assert/strict";
 * assert.equal(parseQueryDate("2024-1-31"), 1_706_659_200_000_000);
 * assert.equal(parseQueryDate("2024-02-30"), null);
 * ```
 */
export function parseQueryDate(value: string): Micros | null {
  const m = /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])$/.exec(value);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || year < 1) return null;
  return ms * 1000;
}
