import assert from "node:assert/strict";
import {
  requireOneOf,
  requirePositiveInteger,
  requireSomeOf,
  requireText,
  toDay,
  toDayRange,
} from "../src/args.ts";

Deno.test("requirePositiveInteger() accepts positive integers and names the argument otherwise", () => {
  assert.equal(requirePositiveInteger("limit", 1), 1);
  assert.throws(() => requirePositiveInteger("limit", 0), {
    name: "RangeError",
    message: /limit 0.*positive integer/,
  });
  assert.throws(() => requirePositiveInteger("limit", -3), RangeError);
  assert.throws(() => requirePositiveInteger("limit", 2.5), {
    name: "RangeError",
    message: /limit 2\.5/,
  });
  assert.throws(() => requirePositiveInteger("limit", Number.NaN), RangeError);
  assert.throws(() => requirePositiveInteger("limit", "5"), {
    name: "TypeError",
    message: /limit "5"/,
  });
});

Deno.test("requireText() refuses empty and non-string values", () => {
  assert.equal(requireText("country", "Nepal"), "Nepal");
  assert.throws(() => requireText("country", "  "), RangeError);
  assert.throws(() => requireText("country", 3), TypeError);
});

Deno.test("requireOneOf() lists the allowed values", () => {
  assert.throws(() => requireOneOf("difficulty", "HARD", ["EASY", "MODERATE"]), {
    name: "RangeError",
    message: 'Cannot use difficulty "HARD": it must be one of EASY, MODERATE',
  });
  assert.throws(() => requireOneOf("difficulty", 1, ["EASY"]), TypeError);
});

Deno.test("requireSomeOf() drops duplicates and refuses an empty list", () => {
  assert.deepEqual(requireSomeOf("s", ["B", "A", "B"], ["A", "B"]), ["B", "A"]);
  assert.throws(() => requireSomeOf("s", [], ["A"]), RangeError);
  assert.throws(() => requireSomeOf("s", "A", ["A"]), TypeError);
  assert.throws(() => requireSomeOf("s", ["A", "C"], ["A"]), /"C"/);
});

Deno.test("toDay() reads Dates by their UTC day and checks strings", () => {
  assert.equal(toDay("d", new Date("2024-03-01T23:30:00-05:00")), "2024-03-02");
  assert.equal(toDay("d", "2024-02-29"), "2024-02-29");
  assert.throws(() => toDay("d", "2024-02-30"), {
    name: "RangeError",
    message: /"2024-02-30": there is no such day/,
  });
  assert.throws(() => toDay("d", "2024-2-3"), RangeError);
  assert.throws(() => toDay("d", "2024-02-03T00:00:00Z"), RangeError);
  assert.throws(() => toDay("d", new Date("nope")), RangeError);
  assert.throws(() => toDay("d", 20240203), TypeError);
});

Deno.test("toDayRange() allows one open end and refuses a reversed range", () => {
  assert.deepEqual(toDayRange("r", null, "2024-01-01"), [undefined, "2024-01-01"]);
  assert.deepEqual(toDayRange("r", "2024-01-01", "2024-01-01"), ["2024-01-01", "2024-01-01"]);
  assert.throws(() => toDayRange("r", null, null), TypeError);
  assert.throws(() => toDayRange("r", "2024-01-02", "2024-01-01"), {
    name: "RangeError",
    message: /end precedes the start/,
  });
});

Deno.test("toDay() refuses Dates outside the years 0000-9999 and reads years 0000-0099", () => {
  assert.equal(toDay("start", new Date(Date.UTC(9999, 11, 31))), "9999-12-31");
  const zero = new Date(0);
  zero.setUTCFullYear(0, 0, 1);
  assert.equal(toDay("start", zero), "0000-01-01");
  assert.throws(
    () => toDay("start", new Date(Date.UTC(10000, 0, 1))),
    /^RangeError: Cannot use start/,
  );
  assert.throws(() => toDay("end", new Date(Date.UTC(-1, 0, 1))), /end .*0000 to 9999/);
  assert.equal(toDay("start", "0099-12-31"), "0099-12-31");
  assert.throws(
    () => toDayRange("between", new Date(Date.UTC(-1, 0, 1)), "2024-01-01"),
    RangeError,
  );
});
