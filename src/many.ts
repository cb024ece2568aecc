/**
 * One vocabulary for set-valued arguments: every method that takes several values takes them
 * one by one, as an array, or both (`status("PUBLISHED")`, `status("PUBLISHED", "ARCHIVED")`,
 * `status(["PUBLISHED"])`).
 *
 * @module
 */

import { show } from "./args.ts";

/** One value or an array of them. */
export type Many<T> = T | readonly T[];

/**
 * The values of a variadic argument list whose items may be arrays, flattened one level, each
 * checked by `check`, duplicates dropped (the first place kept). Throws `RangeError` when no
 * value is given.
 *
 * @example
 * ```ts
 * import { manyOf } from "./many.ts";
 * import assert from "node:assert/strict";
 *
 * const ids = (values: unknown[]) => manyOf("project ids", values, (value) => value as number);
 * assert.deepEqual(ids([1, [2, 3], 1]), [1, 2, 3]);
 * assert.throws(() => ids([]), /give at least one/);
 * assert.throws(() => ids([[]]), /give at least one/);
 * ```
 */
export function manyOf<T>(
  name: string,
  values: readonly unknown[],
  check: (value: unknown) => T,
): T[] {
  const flat = values.flatMap((value) => Array.isArray(value) ? value as unknown[] : [value]);
  if (flat.length === 0) {
    throw new RangeError(`Cannot use ${name} ${show(values)}: give at least one value`);
  }
  return [...new Set(flat.map(check))];
}
