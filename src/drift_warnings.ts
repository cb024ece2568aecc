/**
 * Schema drift that the tolerant reader lets through, found and reported.
 *
 * Enum fields are open strings (`schemas/open_enum.ts`): a value TM sends that we do not know
 * (a new status, TM4's `LEVEL` permission) is kept. {@link findUnknownValues} walks a body
 * beside its schema and lists those values; {@link warnUnknownValues} reports each field and
 * value once per query, on stderr, or as a notebook output in the Deno Jupyter kernel.
 * {@link findMissingKeys} lists the optional keys a body left out (read as null), for the
 * doctor.
 *
 * @module
 */

import type { z } from "./deps.ts";
import { KNOWN_VALUES } from "./schemas/open_enum.ts";

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

/** The parts of a zod schema's definition that the walk reads. */
interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
}

function definitionOf(schema: z.ZodType): Definition {
  return schema._zod.def as unknown as Definition;
}

/** Wrappers whose inner schema reads the same value. */
const WRAPPERS = new Set(["nullable", "optional", "default", "prefault", "readonly", "catch"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a key may be absent: its schema accepts `undefined` (optional, nullish, default). */
function mayBeAbsent(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

interface Visitor {
  onString?(schema: z.ZodType, value: string, field: string): void;
  onAbsent?(field: string): void;
}

function walk(schema: z.ZodType, value: unknown, field: string, visitor: Visitor): void {
  const definition = definitionOf(schema);
  if (WRAPPERS.has(definition.type) && definition.innerType) {
    walk(definition.innerType, value, field, visitor);
  } else if (definition.type === "pipe" && definition.in) {
    walk(definition.in, value, field, visitor);
  } else if (definition.type === "union") {
    for (const option of definition.options ?? []) walk(option, value, field, visitor);
  } else if (definition.type === "array" && definition.element && Array.isArray(value)) {
    for (const item of value) walk(definition.element, item, `${field}[]`, visitor);
  } else if (definition.type === "object" && definition.shape && isRecord(value)) {
    for (const [key, inner] of Object.entries(definition.shape)) {
      const path = field === "" ? key : `${field}.${key}`;
      if (key in value) walk(inner, value[key], path, visitor);
      else if (mayBeAbsent(inner)) visitor.onAbsent?.(path);
    }
  } else if (definition.type === "string" && typeof value === "string") {
    visitor.onString?.(schema, value, field);
  }
}

/**
 * The values of open enum fields in `body` that their vocabularies do not know, each
 * (field, value) once, in body order.
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
  const found = new Map<string, UnknownValue>();
  walk(schema, body, "", {
    onString(string, value, field) {
      const known = KNOWN_VALUES.get(string);
      const key = `${field}\u0000${value}`;
      if (!known || known.values.includes(value) || found.has(key)) return;
      found.set(key, { field, value, vocabulary: known.vocabulary, known: known.values });
    },
  });
  return [...found.values()];
}

/**
 * The keys `body` leaves out that its schema reads as null (or a default), each field once.
 *
 * @example TM4 sent no `rapidPowerUser`
 * ```ts
 * import { findMissingKeys } from "./drift_warnings.ts";
 * import { z } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Project = z.object({ projectId: z.number(), rapidPowerUser: z.boolean().nullish() });
 * assert.deepEqual(findMissingKeys(Project, { projectId: 1 }), ["rapidPowerUser"]);
 * ```
 */
export function findMissingKeys(schema: z.ZodType, body: unknown): string[] {
  const missing = new Set<string>();
  walk(schema, body, "", { onAbsent: (field) => missing.add(field) });
  return [...missing];
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
