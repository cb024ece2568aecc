/**
 * Schema drift that the tolerant reader lets through, found and reported.
 *
 * Enum fields are open strings (`schemas/open_enum.ts`): a value TM sends that we do not know
 * (a new status, TM4's `LEVEL` permission) is kept. {@link findUnknownValues} walks a body
 * beside its schema and lists those values; {@link warnUnknownValues} reports each field and
 * value once per query, on stderr, or as a notebook output in the Deno Jupyter kernel.
 *
 * @module
 */

import type { z } from "./deps.ts";
import { KNOWN_VALUES, type KnownValues } from "./schemas/open_enum.ts";
import { definitionOf, isRecord, WRAPPERS } from "./schemas/definition.ts";

/** A value of an enum field that its vocabulary does not know. */
export interface UnknownValue {
  /** Where in the body: keys joined by `.`, `[]` for array items (`activity[].action`). */
  field: string;
  /** The value TM sent. */
  value: string;
  /** The vocabulary it was checked against (`"Permission"`). */
  vocabulary: string;
  /** The values the vocabulary knows. */
  known: readonly string[];
}

/** Reports one value of an open enum field that its vocabulary does not know. */
type Report = (field: string, value: string, known: KnownValues) => void;

/** Checks one value against the open enums inside its schema. */
type EnumCheck = (value: unknown, report: Report) => void;

/**
 * Compiles the open-enum checks of `schema` at `field`: null when there is no open enum
 * inside, so whole subtrees (task geometries, counts ...) are never visited.
 */
function compileEnumCheck(schema: z.ZodType, field: string): EnumCheck | null {
  const definition = definitionOf(schema);
  if (WRAPPERS.has(definition.type) && definition.innerType) {
    return compileEnumCheck(definition.innerType, field);
  }
  if (definition.type === "pipe" && definition.in) return compileEnumCheck(definition.in, field);
  if (definition.type === "union") {
    const checks = (definition.options ?? []).flatMap((option) => {
      const check = compileEnumCheck(option, field);
      return check ? [check] : [];
    });
    if (checks.length === 0) return null;
    return (value, report) => {
      for (const check of checks) check(value, report);
    };
  }
  if (definition.type === "array" && definition.element) {
    const check = compileEnumCheck(definition.element, `${field}[]`);
    if (check === null) return null;
    return (value, report) => {
      if (Array.isArray(value)) { for (const item of value) check(item, report); }
    };
  }
  if (definition.type === "object" && definition.shape) {
    const checks = Object.entries(definition.shape).flatMap(([key, inner]) => {
      const check = compileEnumCheck(inner, field === "" ? key : `${field}.${key}`);
      return check ? [[key, check] as const] : [];
    });
    if (checks.length === 0) return null;
    return (value, report) => {
      if (!isRecord(value)) return;
      for (const [key, check] of checks) if (key in value) check(value[key], report);
    };
  }
  const known = KNOWN_VALUES.get(schema);
  if (definition.type !== "string" || known === undefined) return null;
  const values = new Set(known.values);
  return (value, report) => {
    if (typeof value === "string" && !values.has(value)) report(field, value, known);
  };
}

/** Each schema's compiled check, built on first use. */
const ENUM_CHECKS = new WeakMap<z.ZodType, EnumCheck | null>();

/**
 * The values of open enum fields in `body` that their vocabularies do not know, each
 * (field, value) once, in the schema's field order.
 *
 * @example TM 5.1 still sends `LEVEL`
 * ```ts
 * import { findUnknownValues } from "./drift_warnings.ts";
 * import { ProjectSummary } from "./schemas/project.ts";
 * import assert from "node:assert/strict";
 *
 * const found = findUnknownValues(ProjectSummary, { projectId: 1, validationPermission: "LEVEL" });
 * assert.deepEqual(found.map(({ field, value }) => `${field}=${value}`), ["validationPermission=LEVEL"]);
 * ```
 */
export function findUnknownValues(schema: z.ZodType, body: unknown): UnknownValue[] {
  if (!ENUM_CHECKS.has(schema)) ENUM_CHECKS.set(schema, compileEnumCheck(schema, ""));
  const check = ENUM_CHECKS.get(schema);
  const found = new Map<string, UnknownValue>();
  check?.(body, (field, value, known) => {
    const key = `${field}\u0000${value}`;
    if (found.has(key)) return;
    found.set(key, { field, value, vocabulary: known.vocabulary, known: known.values });
  });
  return [...found.values()];
}

/** Where warnings go: a line of text (stderr), or a notebook output. */
export type WarningSink = (text: string) => void;

/**
 * The default sink: in the Deno Jupyter kernel, a notebook output; elsewhere, a line on
 * stderr. `Deno.jupyter` is looked up at call time only (it throws outside the kernel).
 *
 * @example
 * ```ts
 * import { defaultWarningSink } from "./drift_warnings.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(typeof defaultWarningSink, "function");
 * ```
 */
export function defaultWarningSink(text: string): void {
  try {
    const jupyter = Deno.jupyter; // throws outside `deno jupyter`
    void jupyter.display({ "text/plain": text }, { raw: true });
    return;
  } catch {
    // not in Jupyter
  }
  Deno.stderr.writeSync(new TextEncoder().encode(`${text}\n`));
}

/**
 * What each query has reported already, keyed by the query's own object (its plan): a
 * `WeakMap`, so it lives exactly as long as the query.
 */
const REPORTED = new WeakMap<object, Set<string>>();

/**
 * Reports the unknown enum values of one parsed page body, each field and value once per
 * `query` (any object that stands for one query, such as its plan). Returns what it
 * reported.
 *
 * @example A second page with the same value says nothing
 * ```ts
 * import { warnUnknownValues } from "./drift_warnings.ts";
 * import { ActivityPage } from "./schemas/activities.ts";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const query = {};
 * const body = { activity: [{ historyId: 1, taskId: 2, action: "RESET", actionDate: "2024-05-01T00:00:00Z" }] };
 * warnUnknownValues(query, "https://tm.example/api/v2/projects/1/activities/", ActivityPage, body, (line) => lines.push(line));
 * warnUnknownValues(query, "https://tm.example/api/v2/projects/1/activities/?page=2", ActivityPage, body, (line) => lines.push(line));
 * assert.equal(lines.length, 1);
 * assert.match(lines[0] ?? "", /activity\[\]\.action.*"RESET"/);
 * ```
 */
export function warnUnknownValues(
  query: object,
  url: string | URL,
  schema: z.ZodType,
  body: unknown,
  sink: WarningSink = defaultWarningSink,
): UnknownValue[] {
  const reported = REPORTED.get(query) ?? new Set<string>();
  REPORTED.set(query, reported);
  const fresh = findUnknownValues(schema, body).filter((unknown) => {
    const key = `${unknown.field}\u0000${unknown.value}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  });
  for (const unknown of fresh) sink(describeUnknownValue(unknown, url));
  return fresh;
}

/**
 * One warning line.
 *
 * @example
 * ```ts
 * import { describeUnknownValue } from "./drift_warnings.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   describeUnknownValue({ field: "validationPermission", value: "LEVEL", vocabulary: "Permission", known: ["ANY", "TEAMS"] }, "https://tm.example/api/v2/projects/1/"),
 *   'tmframes: warning: validationPermission has the value "LEVEL", which Permission does not know (ANY, TEAMS); it is kept as a string (https://tm.example/api/v2/projects/1/)',
 * );
 * ```
 */
export function describeUnknownValue(unknown: UnknownValue, url: string | URL): string {
  const where = typeof url === "string" ? url : url.href;
  return `tmframes: warning: ${unknown.field} has the value ${
    JSON.stringify(unknown.value)
  }, which ${unknown.vocabulary} does not know (${
    unknown.known.join(", ")
  }); it is kept as a string (${where})`;
}
