/**
 * A JSON writer that prints what TM's Python serializer prints: compact separators, keys in
 * insertion order, and numbers in Python's forms. A value wrapped with {@linkcode float} is a
 * Python `float` and keeps its `.0` when integral (`3.0`), which `JSON.stringify` cannot do.
 * Any other non-integral number is printed the way Python prints floats (`1e-05`).
 *
 * Object keys are written in insertion order; none of TM's keys look like array indices, which
 * JavaScript objects would move to the front.
 *
 * @module
 */

/** A number that Python holds as a `float`; see {@linkcode float}. */
export class Float {
  /** The wrapped value. */
  readonly value: number;
  /** Wraps `value`. */
  constructor(value: number) {
    this.value = value;
  }
}

/** Any value the writer can print. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | Float
  | JsonValue[]
  | { [key: string]: JsonValue };

/** An object of JSON values, in key order. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * Marks a number as a Python float, so an integral value prints with `.0`.
 *
 * @example
 * ```ts
 * import { float, writeJson } from "./json.ts";
 * import assert from "node:assert/strict";
 * assert.equal(writeJson({ t: float(3) }), '{"t":3.0}');
 * ```
 */
export function float(value: number): Float {
  return new Float(value);
}

/**
 * Prints a number as Python's `repr(float)` does: shortest round-trip digits, positional
 * between 1e-4 and 1e16, scientific (`1e-05`, `1.5e+16`) outside.
 *
 * @example
 * ```ts
 * import { pythonFloat } from "./json.ts";
 * import assert from "node:assert/strict";
 * assert.equal(pythonFloat(10), "10.0");
 * assert.equal(pythonFloat(0.00001), "1e-05");
 * ```
 */
export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot write JSON: ${value} is not a finite number`);
  }
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa = "0", expText = "0"] = value.toExponential().split("e");
  const exponent = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? "-" : "+";
    const expAbs = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${frac}e${expSign}${expAbs}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const intLen = exponent + 1;
  if (digits.length <= intLen) return `${sign}${digits.padEnd(intLen, "0")}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

function writeNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return pythonFloat(value);
}

function writeCompact(value: JsonValue, out: string[]): void {
  if (value === null) out.push("null");
  else if (typeof value === "boolean") out.push(value ? "true" : "false");
  else if (typeof value === "number") out.push(writeNumber(value));
  else if (typeof value === "string") out.push(JSON.stringify(value));
  else if (value instanceof Float) out.push(pythonFloat(value.value));
  else if (Array.isArray(value)) {
    out.push("[");
    value.forEach((item, i) => {
      if (i > 0) out.push(",");
      writeCompact(item, out);
    });
    out.push("]");
  } else {
    out.push("{");
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(key), ":");
      writeCompact(item, out);
    }
    out.push("}");
  }
}

function asciiString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function writeIndented(value: JsonValue, indent: string, depth: number, out: string[]): void {
  const pad = "\n" + indent.repeat(depth + 1);
  const end = "\n" + indent.repeat(depth);
  if (value instanceof Float || value === null || typeof value !== "object") {
    if (typeof value === "string") out.push(asciiString(value));
    else writeCompact(value, out);
  } else if (Array.isArray(value)) {
    if (value.length === 0) return void out.push("[]");
    out.push("[");
    value.forEach((item, i) => {
      out.push(i > 0 ? "," + pad : pad);
      writeIndented(item, indent, depth + 1, out);
    });
    out.push(end, "]");
  } else {
    const entries = Object.entries(value);
    if (entries.length === 0) return void out.push("{}");
    out.push("{");
    entries.forEach(([key, item], i) => {
      out.push(i > 0 ? "," + pad : pad, asciiString(key), ": ");
      writeIndented(item, indent, depth + 1, out);
    });
    out.push(end, "}");
  }
}

/**
 * Writes `value` as FastAPI's `JSONResponse` does (`separators=(",", ":")`, non-ASCII kept).
 * With `indent`, writes as Python's `json.dumps(value, indent=n)` does (ASCII-escaped, `", "`
 * never at line ends, `": "` after keys).
 *
 * @example
 * ```ts
 * import { float, writeJson } from "./json.ts";
 * import assert from "node:assert/strict";
 * assert.equal(writeJson({ a: [1, float(2.5)], b: null }), '{"a":[1,2.5],"b":null}');
 * ```
 */
export function writeJson(value: JsonValue, indent?: number): string {
  const out: string[] = [];
  if (indent === undefined) writeCompact(value, out);
  else writeIndented(value, " ".repeat(indent), 0, out);
  return out.join("");
}
