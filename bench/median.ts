/**
 * The median the benchmarks report.
 *
 * @module
 */

/**
 * The middle value of `values` (the upper one of an even count), NaN for none.
 *
 * @example
 * ```ts
 * import { median } from "./median.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(median([3, 1, 2]), 2);
 * assert.equal(median([4, 1, 3, 2]), 3);
 * assert.ok(Number.isNaN(median([])));
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
