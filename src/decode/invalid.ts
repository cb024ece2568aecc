/**
 * What every compiled decoder returns: zod's output for a value zod accepts, or
 * {@link INVALID}.
 *
 * @module
 */

/**
 * What a decoder returns for a value zod would reject.
 *
 * @example
 * ```ts
 * import { INVALID } from "./invalid.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(typeof INVALID, "symbol");
 * ```
 */
export const INVALID: unique symbol = Symbol("invalid");

/** A compiled decoder: zod's output for an accepted value, {@link INVALID} otherwise. */
export type Decoder = (input: unknown) => unknown;
