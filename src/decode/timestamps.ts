/**
 * TM timestamps and days read in JS, straight into numbers a frame stores: every shape TM
 * sends (`2024-05-01T10:00:00.123456Z`, without `Z`, without a fraction, `+00:00`, the
 * `+00:00Z` quirk) as epoch seconds plus microseconds, and `YYYY-MM-DD` as epoch days. A
 * fraction longer than six digits is truncated to microseconds, as polars' `strptime` does.
 *
 * @module
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two ASCII digits at `at` as a number; -1 when one of them is not a digit. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  // NaN (past the end) fails both tests.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The first year of {@link MONTH_STARTS}. */
const FIRST_YEAR = 1900;

/**
 * Epoch days of the first day of each month of 1900–2155, at `(year - 1900) * 16 + month`: a
 * table read instead of the calendar arithmetic (computed once, never changed).
 */
const MONTH_STARTS = Float64Array.from({ length: 256 * 16 }, (_, i) => {
  const month = i % 16;
  return month >= 1 && month <= 12 ? daysFromCivil(FIRST_YEAR + (i >> 4), month, 1) : NaN;
});

function monthStart(year: number, month: number): number {
  const at = (year - FIRST_YEAR) * 16 + month;
  return at >= 0 && at < MONTH_STARTS.length ? MONTH_STARTS[at]! : daysFromCivil(year, month, 1);
}

/** Epoch days of the `YYYY-MM-DD` at the start of `text`, or NaN when it is not a real day. */
function dayAt(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const high = twoDigits(text, 0);
  const low = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (high < 0 || low < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const year = high * 100 + low;
  if (day > 28) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  }
  return monthStart(year, month) + day - 1;
}

/**
 * Epoch days of a `YYYY-MM-DD` day; NaN when the text is not exactly a real day.
 *
 * @example
 * ```ts
 * import { epochDay } from "./timestamps.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(epochDay("1970-01-02"), 1);
 * assert.ok(Number.isNaN(epochDay("2023-02-29")));
 * ```
 */
export function epochDay(text: string): number {
  return text.length === 10 ? dayAt(text) : NaN;
}

/** Whether the text ends at `from` with nothing, `Z`, `+00:00` or `+00:00Z`. */
function isUtcSuffix(text: string, from: number): boolean {
  const rest = text.length - from;
  if (rest === 0) return true;
  if (rest === 1) return text.charCodeAt(from) === 90;
  if (rest !== 6 && rest !== 7) return false;
  if (text.charCodeAt(from) !== 43 || text.charCodeAt(from + 3) !== 58) return false;
  if (twoDigits(text, from + 1) !== 0 || twoDigits(text, from + 4) !== 0) return false;
  return rest === 6 || text.charCodeAt(from + 6) === 90;
}

/**
 * A TM timestamp's whole epoch seconds; NaN when the text is not a TM timestamp of a real
 * moment (its fraction, if any, of 1 to 9 digits, is checked but not read).
 */
function timestampSeconds(text: string): number {
  if (text.length < 19 || text.charCodeAt(10) !== 84) return NaN;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  const days = dayAt(text);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (Number.isNaN(days) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  if (second < 0 || second > 59) return NaN;
  let end = 19;
  if (text.charCodeAt(19) === 46) {
    for (end = 20; end < text.length; end++) {
      if ((text.charCodeAt(end) - 48 >>> 0) > 9) break;
    }
    if (end === 20 || end > 29) return NaN;
  }
  if (!isUtcSuffix(text, end)) return NaN;
  return days * 86_400 + hour * 3_600 + minute * 60 + second;
}

/** The microseconds of a valid timestamp's fraction (digits past the sixth are dropped). */
function fractionMicros(text: string): number {
  if (text.charCodeAt(19) !== 46) return 0;
  let micros = 0;
  let scale = 100_000;
  const end = Math.min(26, text.length);
  for (let at = 20; at < end; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (!(digit >= 0 && digit <= 9)) break;
    micros += digit * scale;
    scale /= 10;
  }
  return micros;
}

/**
 * A TM timestamp as epoch seconds and microseconds, written at `index` of the two buffers.
 * Returns false (writing nothing) when the text is not a TM timestamp of a real moment.
 *
 * @example
 * ```ts
 * import { writeTimestamp } from "./timestamps.ts";
 * import assert from "node:assert/strict";
 *
 * const seconds = new Float64Array(1);
 * const micros = new Int32Array(1);
 * assert.equal(writeTimestamp("1970-01-01T00:00:01.5Z", seconds, micros, 0), true);
 * assert.deepEqual([seconds[0], micros[0]], [1, 500_000]);
 * assert.equal(writeTimestamp("2024-05-01T24:00:00", seconds, micros, 0), false);
 * ```
 */
export function writeTimestamp(
  text: string,
  seconds: Float64Array,
  micros: Int32Array,
  index: number,
): boolean {
  const whole = timestampSeconds(text);
  if (Number.isNaN(whole)) return false;
  seconds[index] = whole;
  micros[index] = fractionMicros(text);
  return true;
}

/**
 * Whether a text is a TM timestamp of a real moment: exactly what `TmDateTime`'s pattern and
 * calendar refinement accept (`schemas/common.ts` registers it as their equivalent, and
 * `tests/decode_timestamps_test.ts` checks them against each other), read by character code.
 *
 * @example
 * ```ts
 * import { isTmTimestamp } from "./timestamps.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isTmTimestamp("2024-05-01T12:34:56.123456+00:00Z"), true);
 * assert.equal(isTmTimestamp("2024-02-30T00:00:00Z"), false);
 * ```
 */
export function isTmTimestamp(text: string): boolean {
  return !Number.isNaN(timestampSeconds(text));
}
