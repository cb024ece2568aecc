/**
 * Reading a zod schema's definition: what the drift checks (`src/drift_warnings.ts`) and the
 * doctor's absent-key report walk beside a body. Only the constructs the body schemas use
 * are named: objects, arrays, unions, wrappers (nullable, optional, default) and pipes
 * (transforms), down to scalars.
 *
 * @module
 */

import type { z } from "../deps.ts";

/** The parts of a zod schema's definition that a walk reads. */
export interface Definition {
  /** `"object"`, `"array"`, `"union"`, `"nullable"`, `"pipe"`, `"string"` ... */
  type: string;
  /** An object's fields. */
  shape?: Record<string, z.ZodType>;
  /** An array's item. */
  element?: z.ZodType;
  /** A wrapper's inner schema. */
  innerType?: z.ZodType;
  /** A pipe's input schema (what the body holds before a transform). */
  in?: z.ZodType;
  /** A union's options. */
  options?: readonly z.ZodType[];
}

/**
 * The definition of `schema`.
 *
 * @example
 * ```ts
 * import { definitionOf } from "./definition.ts";
 * import { z } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const item = z.string();
 * assert.equal(definitionOf(z.array(item)).element, item);
 * ```
 */
export function definitionOf(schema: z.ZodType): Definition {
  return schema._zod.def as unknown as Definition;
}

/**
 * Wrappers whose inner schema reads the same value.
 *
 * @example
 * ```ts
 * import { definitionOf, WRAPPERS } from "./definition.ts";
 * import { z } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(WRAPPERS.has(definitionOf(z.string().nullable()).type));
 * ```
 */
export const WRAPPERS: ReadonlySet<string> = new Set([
  "nullable",
  "optional",
  "default",
  "prefault",
  "readonly",
  "catch",
]);

/**
 * Whether a body value is a JSON object.
 *
 * @example
 * ```ts
 * import { isRecord } from "./definition.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isRecord({}), true);
 * assert.equal(isRecord([]), false);
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
