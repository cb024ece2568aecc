/**
 * The set of row keys a crawl has seen, kept compact: TM's keys (`projectId`, `historyId`,
 * `taskId` ...) are 32-bit integers, and an open-addressing hash table of them in one
 * `Int32Array` holds a million in 8 MiB outside the JS heap, where a `Set` would spread 1M
 * entries over the heap (and V8 lets the heap grow to a multiple of what is live before a full
 * GC). Any other key (a string, a fraction, a larger integer) goes to a plain `Set` beside it.
 * Keys compare as in a `Set` (-0 is 0).
 *
 * @module
 */

/** Marks an empty slot; the key -2^31 itself goes to the fallback set. */
const EMPTY = -2147483648;

/**
 * A set of row keys.
 *
 * @example
 * ```ts
 * import { KeySet } from "./key_set.ts";
 * import assert from "node:assert/strict";
 *
 * const seen = new KeySet();
 * assert.equal(seen.add(3), true);
 * assert.equal(seen.add(3), false);
 * assert.equal(seen.add("3"), true);
 * assert.equal(seen.size, 2);
 * ```
 */
export class KeySet {
  #slots = new Int32Array(1024).fill(EMPTY);
  #integers = 0;
  #others: Set<unknown> | undefined;

  /** Keys held. */
  get size(): number {
    return this.#integers + (this.#others?.size ?? 0);
  }

  /** Adds a key; false when it was already there. */
  add(key: unknown): boolean {
    if (typeof key !== "number" || (key | 0) !== key || key === EMPTY) {
      const others = this.#others ??= new Set();
      if (others.has(key)) return false;
      others.add(key);
      return true;
    }
    if (2 * (this.#integers + 1) > this.#slots.length) this.#grow();
    if (!this.#insert(this.#slots, key)) return false;
    this.#integers++;
    return true;
  }

  /** Puts `key` in its slot; false when it is there already. */
  #insert(slots: Int32Array, key: number): boolean {
    const mask = slots.length - 1;
    // Fibonacci hashing, the well-mixed high bits folded into the low ones.
    const hash = Math.imul(key, 0x9e3779b1);
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const held = slots[slot]!;
      if (held === key) return false;
      if (held === EMPTY) {
        slots[slot] = key;
        return true;
      }
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2).fill(EMPTY);
    for (const key of old) if (key !== EMPTY) this.#insert(slots, key);
    this.#slots = slots;
  }
}
