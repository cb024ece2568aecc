/**
 * The keys a body leaves out that its schema reads as null (or a default): tolerated drift
 * the doctor reports, such as TM4's missing `rapidPowerUser`.
 *
 * @module
 */

import type { z } from "../deps.ts";
import { definitionOf, isRecord, WRAPPERS } from "../schemas/definition.ts";

/** Whether a key may be absent: its schema accepts `undefined` (optional, nullish, default). */
function mayBeAbsent(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/** Calls `onAbsent` with the path of every key `value` leaves out that its schema reads as null. */
function walkAbsent(
  schema: z.ZodType,
  value: unknown,
  field: string,
  onAbsent: (field: string) => void,
): void {
  const definition = definitionOf(schema);
  if (WRAPPERS.has(definition.type) && definition.innerType) {
    walkAbsent(definition.innerType, value, field, onAbsent);
  } else if (definition.type === "pipe" && definition.in) {
    walkAbsent(definition.in, value, field, onAbsent);
  } else if (definition.type === "union") {
    for (const option of definition.options ?? []) walkAbsent(option, value, field, onAbsent);
  } else if (definition.type === "array" && definition.element && Array.isArray(value)) {
    for (const item of value) walkAbsent(definition.element, item, `${field}[]`, onAbsent);
  } else if (definition.type === "object" && definition.shape && isRecord(value)) {
    for (const [key, inner] of Object.entries(definition.shape)) {
      const path = field === "" ? key : `${field}.${key}`;
      if (key in value) walkAbsent(inner, value[key], path, onAbsent);
      else if (mayBeAbsent(inner)) onAbsent(path);
    }
  }
}

/**
 * The keys `body` leaves out that its schema reads as null (or a default), each field once.
 *
 * @example TM4 sent no `rapidPowerUser`
 * ```ts
 * import { findMissingKeys } from "./absent_keys.ts";
 * import { z } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Project = z.object({ projectId: z.number(), rapidPowerUser: z.boolean().nullish() });
 * assert.deepEqual(findMissingKeys(Project, { projectId: 1 }), ["rapidPowerUser"]);
 * ```
 */
export function findMissingKeys(schema: z.ZodType, body: unknown): string[] {
  const missing = new Set<string>();
  walkAbsent(schema, body, "", (field) => missing.add(field));
  return [...missing];
}
