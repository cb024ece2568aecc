/**
 * A growing array of doubles, the buffer most column writers fill.
 *
 * @module
 */

/**
 * A double array that grows by doubling; {@link Doubles.written} is what was pushed.
 *
 * @example
 * ```ts
 * import { Doubles } from "./doubles.ts";
 * import assert from "node:assert/strict";
 *
 * const values = new Doubles();
 * for (let i = 0; i < 3000; i++) values.push(i);
 * assert.equal(values.written().length, 3000);
 * assert.equal(values.written()[2999], 2999);
 * ```
 */
export class Doubles {
  /** The buffer; only its first `length` values were pushed. */
  values: Float64Array = new Float64Array(1024);
  /** How many values were pushed. */
  length = 0;

  /** Appends a value. */
  push(value: number): void {
    if (this.length === this.values.length) this.#grow();
    this.values[this.length++] = value;
  }

  // Out of line, so that `push` stays small enough for V8 to inline at every call site.
  #grow(): void {
    const grown = new Float64Array(this.values.length * 2);
    grown.set(this.values);
    this.values = grown;
  }

  /** What was pushed (a view, not a copy). */
  written(): Float64Array {
    return this.values.subarray(0, this.length);
  }
}
