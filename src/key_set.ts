/**
 * The set of row keys a crawl has seen, kept compact: TM's keys (`projectId`, `historyId`,
 * `taskId` ...) are integers, and an open-addressing hash table of doubles in one typed array
 * holds a million of them in 16 MiB outside the JS heap, where a `Set` would spread 1M entries
 * over the heap (and the GC would trace them on every major collection). Any other key (a
 * string, a fraction) goes to a plain `Set` beside it. Keys compare as in a `Set` (-0 is 0).
 *
 * @module
 */

/** Marks an empty slot: no key is NaN (NaN keys go to the fallback set). */
const EMPTY = NaN;

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
  #slots = new Float64Array(1024).fill(EMPTY);
  #integers = 0;
  #others: Set<unknown> | undefined;

  /** Keys held. */
  get size(): number {
    return this.#integers + (this.#others?.size ?? 0);
  }

  /** Adds a key; false when it was already there. */
  add(key: unknown): boolean {
    if (typeof key !== "number" || !Number.isSafeInteger(key)) {
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
  #insert(slots: Float64Array, key: number): boolean {
    const mask = slots.length - 1;
    // Fibonacci hashing of the key's low 32 bits and its high bits.
    let slot = Math.imul((key | 0) ^ ((key / 4294967296) | 0), 0x9e3779b1) & mask;
    for (;;) {
      const held = slots[slot]!;
      if (held === key) return false;
      if (held !== held) {
        slots[slot] = key;
        return true;
      }
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Float64Array(old.length * 2).fill(EMPTY);
    for (const key of old) if (key === key) this.#insert(slots, key);
    this.#slots = slots;
  }
}
