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

/** `10 ** (6 - k)`: the scale of a fraction read to `k` digits, in microseconds. */
const FRACTION_SCALE = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/** The microseconds of the fraction of the timestamp {@link timestampSeconds} last read. */
let fractionMicros = 0;

/** Whether a character code (minus 48) is not an ASCII digit (NaN, past the end, is not). */
function notDigit(code: number): boolean {
  return !(code >= 0 && code <= 9);
}

/**
 * A TM timestamp's whole epoch seconds, in one pass over its character codes, or NaN when the
 * text is not a TM timestamp of a real moment. The microseconds of its fraction (digits past
 * the sixth dropped) are left in {@link fractionMicros}.
 */
function timestampSeconds(text: string): number {
  const length = text.length;
  if (length < 19) return NaN;
  if (
    text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58
  ) return NaN;
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const mo0 = text.charCodeAt(5) - 48;
  const mo1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  const h0 = text.charCodeAt(11) - 48;
  const h1 = text.charCodeAt(12) - 48;
  const mi0 = text.charCodeAt(14) - 48;
  const mi1 = text.charCodeAt(15) - 48;
  const s0 = text.charCodeAt(17) - 48;
  const s1 = text.charCodeAt(18) - 48;
  if (
    notDigit(y0) || notDigit(y1) || notDigit(y2) || notDigit(y3) || notDigit(mo0) ||
    notDigit(mo1) || notDigit(d0) || notDigit(d1) || notDigit(h0) || notDigit(h1) ||
    notDigit(mi0) || notDigit(mi1) || notDigit(s0) || notDigit(s1)
  ) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  if (day > 28) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  }
  // The fraction, 1 to 9 digits, read to six.
  let end = 19;
  let micros = 0;
  if (text.charCodeAt(19) === 46) {
    for (end = 20; end < length; end++) {
      const digit = text.charCodeAt(end) - 48;
      if (notDigit(digit)) break;
      if (end < 26) micros = micros * 10 + digit;
    }
    if (end === 20 || end > 29) return NaN;
    micros *= FRACTION_SCALE[Math.min(end, 26) - 20]!;
  }
  // Nothing, `Z`, `+00:00` or `+00:00Z`.
  const rest = length - end;
  if (rest === 1) {
    if (text.charCodeAt(end) !== 90) return NaN;
  } else if (rest === 6 || rest === 7) {
    if (
      text.charCodeAt(end) !== 43 || text.charCodeAt(end + 1) !== 48 ||
      text.charCodeAt(end + 2) !== 48 || text.charCodeAt(end + 3) !== 58 ||
      text.charCodeAt(end + 4) !== 48 || text.charCodeAt(end + 5) !== 48 ||
      (rest === 7 && text.charCodeAt(end + 6) !== 90)
    ) return NaN;
  } else if (rest !== 0) return NaN;
  fractionMicros = micros;
  return (monthStart(year, month) + day - 1) * 86_400 + hour * 3_600 + minute * 60 + second;
}

/**
 * The timestamps {@link isTmTimestamp} last accepted, with the instant each names, so that
 * {@link writeTimestamp} does not read them again: a page is validated whole before its rows
 * are written, and the column writer is then handed the very strings the check saw. A
 * direct-mapped table of {@link MEMO_SIZE} entries, found by {@link memoSlot} and confirmed
 * with `===` (a hit is the same text, so the same instant); a miss is read afresh.
 */
const MEMO_SIZE = 256;
// Every entry is always a valid timestamp and its instant (at first, the epoch itself).
const memoTexts: string[] = new Array<string>(MEMO_SIZE).fill("1970-01-01T00:00:00Z");
const memoSeconds = new Float64Array(MEMO_SIZE);
const memoMicros = new Int32Array(MEMO_SIZE);

/**
 * A timestamp's memo slot, from the characters that differ most between the rows of a page:
 * hour, minute and second units and the one before the last (a fraction digit, or the
 * second's). Any text has one (a character past the end reads as 0).
 */
function memoSlot(text: string): number {
  const key = text.charCodeAt(12) ^ (text.charCodeAt(15) << 7) ^ (text.charCodeAt(18) << 14) ^
    (text.charCodeAt(text.length - 2) << 21);
  return Math.imul(key, 0x9e3779b1) >>> 24;
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
  const slot = memoSlot(text);
  if (memoTexts[slot] === text) {
    seconds[index] = memoSeconds[slot]!;
    micros[index] = memoMicros[slot]!;
    return true;
  }
  const whole = timestampSeconds(text);
  if (Number.isNaN(whole)) return false;
  seconds[index] = whole;
  micros[index] = fractionMicros;
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
  const whole = timestampSeconds(text);
  if (Number.isNaN(whole)) return false;
  const slot = memoSlot(text);
  memoTexts[slot] = text;
  memoSeconds[slot] = whole;
  memoMicros[slot] = fractionMicros;
  return true;
}
