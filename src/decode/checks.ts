/**
 * zod checks (`.int()`, `.min()`, `.regex()`, `.refine()` ...) as plain predicates, read from
 * each check's own definition, so a compiled decoder accepts exactly what zod accepts.
 *
 * @module
 */

import { z } from "../deps.ts";

/** A check compiled into a predicate over a value that already has the right type. */
export type Predicate = (value: never) => boolean;

/**
 * Schemas whose checks have a faster equivalent: a predicate that accepts exactly the values
 * that pass all of the schema's checks (a test must show it). A decoder then runs that instead
 * of the checks one by one (for `TmDateTime`: one pass over character codes instead of a
 * regular expression and a refinement that reads the digits again).
 *
 * @example
 * ```ts
 * import { compileChecks, EQUIVALENT_CHECKS } from "./checks.ts";
 * import { z } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const isDigits = (value: string) => value.length > 0 && [...value].every((c) => c >= "0" && c <= "9");
 * const Digits = z.string().regex(/^\d+$/).register(EQUIVALENT_CHECKS, { accepts: isDigits as never });
 * assert.equal(compileChecks(Digits), isDigits);
 * ```
 */
export const EQUIVALENT_CHECKS = z.registry<{ accepts: Predicate }>();

/** What a zod check's definition may hold (zod 4's `_zod.def` of a check). */
interface CheckDef {
  check: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  fn?: (value: unknown) => unknown;
  when?: (payload: { value: unknown; issues: unknown[] }) => boolean;
}

const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
};

const FLOAT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  float32: [-3.4028234663852886e38, 3.4028234663852886e38],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

function unsupported(what: string): never {
  throw new TypeError(`Cannot compile a decoder: the zod check ${what} is not supported`);
}

function numberFormat(format: string): Predicate {
  const integer = INTEGER_RANGES[format];
  if (integer) {
    const [min, max] = integer;
    return (value: number) => Number.isInteger(value) && value >= min && value <= max;
  }
  const float = FLOAT_RANGES[format] ?? unsupported(`number format ${format}`);
  const [min, max] = float;
  return (value: number) => value >= min && value <= max;
}

function lengthOf(value: string | unknown[] | { size: number }): number {
  return typeof value === "string" || Array.isArray(value) ? value.length : value.size;
}

/**
 * One zod check as a predicate, run as zod runs it: only when its `when` condition (zod gives
 * length checks one) holds. Throws `TypeError` for a check it does not know.
 */
function compileCheck(check: z.core.$ZodCheck): Predicate {
  const def = check._zod.def as unknown as CheckDef;
  const predicate = checkPredicate(def, check);
  const when = def.when;
  if (!when) return predicate;
  // Earlier checks passed (a decoder stops at the first failure): no issues so far.
  return (value: never) => !when({ value, issues: [] }) || predicate(value);
}

function checkPredicate(def: CheckDef, check: z.core.$ZodCheck): Predicate {
  switch (def.check) {
    case "number_format":
      return numberFormat(def.format ?? "float64");
    case "greater_than": {
      const bound = def.value;
      if (typeof bound !== "number") return unsupported("greater_than on a non-number");
      return def.inclusive ? (value: number) => value >= bound : (value: number) => value > bound;
    }
    case "less_than": {
      const bound = def.value;
      if (typeof bound !== "number") return unsupported("less_than on a non-number");
      return def.inclusive ? (value: number) => value <= bound : (value: number) => value < bound;
    }
    case "multiple_of": {
      const step = def.value;
      if (typeof step !== "number") return unsupported("multiple_of on a non-number");
      // zod's own rule, with its float tolerance: delegate to the check itself.
      return (value: number) => runZodCheck(check, value);
    }
    case "string_format": {
      const pattern = def.pattern;
      if (def.format !== "regex" || !pattern) return unsupported(`string format ${def.format}`);
      return (value: string) => {
        pattern.lastIndex = 0;
        return pattern.test(value);
      };
    }
    case "min_length": {
      const min = def.minimum ?? 0;
      return (value: string | unknown[]) => lengthOf(value) >= min;
    }
    case "max_length": {
      const max = def.maximum ?? Infinity;
      return (value: string | unknown[]) => lengthOf(value) <= max;
    }
    case "length_equals": {
      const length = def.length;
      return (value: string | unknown[]) => lengthOf(value) === length;
    }
    case "custom": {
      const fn = def.fn ?? unsupported("custom without a function");
      return (value: unknown) => {
        const result = fn(value);
        if (result instanceof Promise) unsupported("an async refinement");
        return Boolean(result);
      };
    }
    default:
      return unsupported(def.check);
  }
}

function runZodCheck(check: z.core.$ZodCheck, value: unknown): boolean {
  const payload = { value, issues: [] as unknown[] };
  check._zod.check(payload as never);
  return payload.issues.length === 0;
}

/**
 * A schema's checks as one predicate, or `undefined` when it has none.
 *
 * @example
 * ```ts
 * import { z } from "../deps.ts";
 * import { compileChecks } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * const isCount = compileChecks(z.number().int().nonnegative())!;
 * assert.equal(isCount(3 as never), true);
 * assert.equal(isCount(-1 as never), false);
 * assert.equal(isCount(2.5 as never), false);
 * ```
 */
export function compileChecks(schema: z.core.$ZodType): Predicate | undefined {
  const equivalent = EQUIVALENT_CHECKS.get(schema);
  if (equivalent) return equivalent.accepts;
  const checks = (schema._zod.def.checks ?? []).map(compileCheck);
  if (checks.length === 0) return undefined;
  if (checks.length === 1) return checks[0];
  return (value: never) => {
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}
