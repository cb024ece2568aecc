/**
 * Decoders as JavaScript expressions, for the generated object decoder (`object.ts`) to write
 * in place of a call: a field's type test, null test and checks then run in the object's own
 * function, with no closure per field. Only decoders whose output is their input (or a
 * primitive default) have one; the others stay calls.
 *
 * @module
 */

import type { Decoder } from "./invalid.ts";

/** Names a constant (a predicate, a set of values) the generated source refers to. */
export type Bind = (value: unknown) => string;

/** A decoder as source text over the JS variable named `input`. */
export interface Inline {
  /**
   * A boolean expression true exactly when the decoder accepts `input` and returns it as it
   * is; absent when the decoder's output may differ from its input.
   */
  guard?: (input: string, bind: Bind) => string;
  /** An expression of the decoder's output, `INVALID` when it refuses. */
  value: (input: string, bind: Bind) => string;
}

const inlines = new WeakMap<Decoder, Inline>();

/** Records the inline form of a decoder; returns the decoder. */
export function withInline(decode: Decoder, inline: Inline): Decoder {
  inlines.set(decode, inline);
  return decode;
}

/** The inline form of a decoder, if it has one. */
export function inlineOf(decode: Decoder): Inline | undefined {
  return inlines.get(decode);
}

/**
 * The inline form of a decoder that accepts exactly when `guard` holds and returns its input.
 *
 * @example
 * ```ts
 * import { guarded } from "./inline.ts";
 * import assert from "node:assert/strict";
 *
 * const inline = guarded((x) => `typeof ${x} === "string"`);
 * assert.equal(inline.value("r0", String), '(typeof r0 === "string" ? r0 : INVALID)');
 * ```
 */
export function guarded(guard: (input: string, bind: Bind) => string): Inline {
  return { guard, value: (input, bind) => `(${guard(input, bind)} ? ${input} : INVALID)` };
}
