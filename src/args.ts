/**
 * Argument checks shared by the client and the builders. Each throws the built-in
 * `TypeError` (wrong kind of value) or `RangeError` (right kind, not allowed), with a message
 * that names the argument, quotes the value and says what is allowed, before any request.
 *
 * @module
 */

/** A calendar day: a `Date` (its UTC day is used) or a `"YYYY-MM-DD"` string. */
export type Day = Date | string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Quotes a value for an error message. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) {
    return `Date(${Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()})`;
  }
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Checks that `value` is a positive safe integer and returns it.
 *
 * @example
 * ```ts
 * import { requirePositiveInteger } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(requirePositiveInteger("limit", 5), 5);
 * assert.throws(() => requirePositiveInteger("limit", 0), RangeError);
 * ```
 */
export function requirePositiveInteger(name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`Cannot use ${name} ${show(value)}: it must be a positive integer`);
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`Cannot use ${name} ${show(value)}: it must be a positive integer`);
  }
  return value;
}

/**
 * Checks that `value` is a non-empty string and returns it.
 *
 * @example
 * ```ts
 * import { requireText } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(requireText("country", "Nepal"), "Nepal");
 * assert.throws(() => requireText("country", ""), RangeError);
 * ```
 */
export function requireText(name: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new TypeError(`Cannot use ${name} ${show(value)}: it must be a string`);
  }
  if (value.trim() === "") {
    throw new RangeError(`Cannot use ${name} ${show(value)}: it must not be empty`);
  }
  return value;
}

/**
 * Checks that `value` is one of `allowed` and returns it.
 *
 * @example
 * ```ts
 * import { requireOneOf } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(requireOneOf("status", "DRAFT", ["PUBLISHED", "DRAFT"]), "DRAFT");
 * assert.throws(() => requireOneOf("status", "draft", ["PUBLISHED", "DRAFT"]), /PUBLISHED, DRAFT/);
 * ```
 */
export function requireOneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  const kind = typeof value === "string" ? RangeError : TypeError;
  throw new kind(`Cannot use ${name} ${show(value)}: it must be one of ${allowed.join(", ")}`);
}

/**
 * Checks that every value is one of `allowed`, that there is at least one, and returns them
 * without duplicates, in the order given.
 *
 * @example
 * ```ts
 * import { requireSomeOf } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(requireSomeOf("types", ["ROADS", "ROADS"], ["ROADS", "OTHER"]), ["ROADS"]);
 * assert.throws(() => requireSomeOf("types", [], ["ROADS"]), RangeError);
 * ```
 */
export function requireSomeOf<T extends string>(
  name: string,
  values: unknown,
  allowed: readonly T[],
): T[] {
  if (!Array.isArray(values)) {
    throw new TypeError(
      `Cannot use ${name} ${show(values)}: it must be a list of ${allowed.join(", ")}`,
    );
  }
  if (values.length === 0) {
    throw new RangeError(`Cannot use ${name} []: give at least one of ${allowed.join(", ")}`);
  }
  return [...new Set(values.map((value) => requireOneOf(name, value, allowed)))];
}

/**
 * Reads a calendar day and returns it as `YYYY-MM-DD`. A `Date` gives its UTC day, in the
 * years 0000 to 9999; a string must be `YYYY-MM-DD` and name a real day (`2024-02-30` is
 * refused).
 *
 * @example
 * ```ts
 * import { toDay } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toDay("start", "2024-02-29"), "2024-02-29");
 * assert.equal(toDay("start", new Date(Date.UTC(2024, 0, 31, 23))), "2024-01-31");
 * assert.throws(() => toDay("start", "2023-02-29"), RangeError);
 * assert.throws(() => toDay("start", new Date(Date.UTC(10000, 0, 1))), /start .*0000 to 9999/);
 * ```
 */
export function toDay(name: string, value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RangeError(`Cannot use ${name} ${show(value)}: it is not a valid date`);
    }
    const year = value.getUTCFullYear();
    if (year < 0 || year > 9999) {
      throw new RangeError(
        `Cannot use ${name} ${show(value)}: its year must be 0000 to 9999 (UTC)`,
      );
    }
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== "string") {
    throw new TypeError(
      `Cannot use ${name} ${show(value)}: it must be a Date or a "YYYY-MM-DD" string`,
    );
  }
  const match = DAY_PATTERN.exec(value);
  if (!match) {
    throw new RangeError(`Cannot use ${name} ${show(value)}: it must be a "YYYY-MM-DD" string`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0-99 as 1900-1999: set the year apart.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  if (
    date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day
  ) {
    throw new RangeError(`Cannot use ${name} ${show(value)}: there is no such day`);
  }
  return value;
}

/**
 * Reads an optional day range; either end may be `null` (open), not both. The end must not
 * precede the start. Returns `[start, end]` as `YYYY-MM-DD` or `undefined`.
 *
 * @example
 * ```ts
 * import { toDayRange } from "./args.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(toDayRange("updatedBetween", "2024-01-01", null), ["2024-01-01", undefined]);
 * assert.throws(() => toDayRange("updatedBetween", "2024-02-01", "2024-01-01"), RangeError);
 * ```
 */
export function toDayRange(
  name: string,
  start: unknown,
  end: unknown,
): [string | undefined, string | undefined] {
  const from = start === null || start === undefined ? undefined : toDay(`${name} start`, start);
  const to = end === null || end === undefined ? undefined : toDay(`${name} end`, end);
  if (from === undefined && to === undefined) {
    throw new TypeError(
      `Cannot use ${name}(${show(start)}, ${show(end)}): give a start, an end or both`,
    );
  }
  if (from !== undefined && to !== undefined && to < from) {
    throw new RangeError(
      `Cannot use ${name}(${show(from)}, ${show(to)}): the end precedes the start`,
    );
  }
  return [from, to];
}
