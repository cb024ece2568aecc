/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for the emulator.
 *
 * The emulator never calls `Math.random`: every random choice goes through an `Rng`, so a seed
 * always rebuilds the same world.
 *
 * @module
 */

/** Mixes a 32-bit seed into a well-spread 32-bit value (splitmix32 step). */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A seeded generator with the helpers the world builder needs.
 *
 * @example
 * ```ts
 * import { Rng } from "./rng.ts";
 * const rng = new Rng(42);
 * const n = rng.int(1, 6);
 * if (n < 1 || n > 6) throw new Error("out of range");
 * ```
 */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** Seeds the generator; any integer works, and the same seed gives the same sequence. */
  constructor(seed: number) {
    const s = Math.trunc(seed) | 0;
    this.#a = splitmix32(s);
    this.#b = splitmix32(this.#a ^ 0x1b873593);
    this.#c = splitmix32(this.#b ^ 0x5bd1e995);
    this.#d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("Cannot pick: the array is empty");
    return item;
  }

  /** One element, chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [item, w] of entries) {
      r -= w;
      if (r < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError("Cannot pick: no weighted entries");
    return last[0];
  }

  /** A new array with the same elements in a random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct elements (fewer if the array is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A new generator whose sequence depends on this one's state and `salt`. */
  fork(salt: number): Rng {
    return new Rng((this.nextUint32() ^ Math.imul(salt | 0, 0x27d4eb2d)) | 0);
  }
}
