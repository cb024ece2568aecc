/**
 * The decoder of a zod object, generated as JavaScript source with every key written out, so
 * that V8 reads each field through its own inline cache (a loop over keys would make every
 * read a generic lookup). It follows zod 4's `handlePropertyResult` rule by rule: absent
 * optional keys stay absent, defaults fill absent defaulted keys, unknown keys are stripped,
 * refused (strict) or kept (loose). An input that already is its own output (every key
 * declared, every value unchanged) is returned as it is, so no copy is made of a row TM sent
 * exactly as the schema describes it.
 *
 * @module
 */

import { type Decoder, INVALID } from "./invalid.ts";
import { type Bind, inlineOf } from "./inline.ts";

/** One key of an object schema, with its compiled decoder and zod's optionality marks. */
export interface ObjectField {
  key: string;
  decode: Decoder;
  /** zod's `optin`: may the key be absent on input ("defaulted": a default fills it). */
  optin: "optional" | "defaulted" | undefined;
  /** zod's `optout`: may the key be absent on output. */
  optout: "optional" | undefined;
}

/** What an object does with keys its shape does not name. */
export type UnknownKeys = "strip" | "strict" | "loose";

function acceptsUndefined(decode: Decoder): boolean {
  try {
    return decode(undefined) !== INVALID;
  } catch {
    return true;
  }
}

/**
 * Source that decodes field `i` into `v${i}` or returns INVALID, and clears `same` unless the
 * input's own value is also the output's.
 */
function decodeSource(field: ObjectField, i: number, bind: Bind): string {
  const key = JSON.stringify(field.key);
  // The field's decoder written out in place (type test, null test, checks), or a call.
  const inline = inlineOf(field.decode);
  const decode = (input: string) => inline ? inline.value(input, bind) : `decoders[${i}](${input})`;
  const lines = [`const r${i} = input[${key}];`];
  // A key Object.prototype also has may be inherited, not the input's own.
  if (field.key in Object.prototype) lines.push(`if (!Object.hasOwn(input, ${key})) same = false;`);
  if (field.optin === undefined) {
    // A required key that is absent is refused even if its schema accepts undefined.
    if (acceptsUndefined(field.decode)) lines.push(`if (!(${key} in input)) return INVALID;`);
    lines.push(`const v${i} = ${decode(`r${i}`)};`, `if (v${i} === INVALID) return INVALID;`);
    lines.push(`if (v${i} !== r${i}) same = false;`);
    return lines.join(" ");
  }
  lines.push(`const p${i} = ${key} in input;`);
  if (field.optout === "optional" && field.optin === "optional") {
    // Absent: nothing to decode, nothing in the output.
    lines.push(`let v${i}; if (p${i}) { v${i} = ${decode(`r${i}`)};`);
    lines.push(`if (v${i} === INVALID) return INVALID; if (v${i} !== r${i}) same = false;`);
    lines.push(`} else same = false;`);
    return lines.join(" ");
  }
  lines.push(`let v${i} = ${decode(`r${i}`)}; let k${i} = true;`);
  lines.push(
    field.optout === "optional"
      ? `if (v${i} === INVALID) { if (p${i}) return INVALID; k${i} = false; }`
      : `if (v${i} === INVALID) return INVALID;`,
  );
  lines.push(`if (!p${i} || v${i} !== r${i}) same = false;`);
  return lines.join(" ");
}

/** Source that puts field `i`'s decoded value into `output`, by zod's rules. */
function assignSource(field: ObjectField, i: number): string {
  const key = JSON.stringify(field.key);
  if (field.optin === undefined) return `output[${key}] = v${i};`;
  if (field.optout === "optional" && field.optin === "optional") {
    return `if (p${i}) output[${key}] = v${i};`;
  }
  const keep = field.optin === "defaulted" && field.optout !== "optional" ? "true" : `p${i}`;
  return `if (k${i} && (v${i} !== undefined || ${keep})) output[${key}] = v${i};`;
}

/**
 * Generates the decoder of an object schema.
 *
 * @example
 * ```ts
 * import { objectDecoder } from "./object.ts";
 * import { INVALID } from "./invalid.ts";
 * import assert from "node:assert/strict";
 *
 * const id = (v: unknown) => typeof v === "number" ? v : INVALID;
 * const decode = objectDecoder([{ key: "id", decode: id, optin: undefined, optout: undefined }], "strip");
 * assert.deepEqual(decode({ id: 1, other: 2 }), { id: 1 });
 * assert.equal(decode({}), INVALID);
 * ```
 */
export function objectDecoder(fields: readonly ObjectField[], unknownKeys: UnknownKeys): Decoder {
  const shaped = fields.filter((field) => field.key !== "__proto__");
  const indexed = shaped.map((field) => [field, fields.indexOf(field)] as const);
  const constants: unknown[] = [];
  const bind: Bind = (value) => {
    let index = constants.indexOf(value);
    if (index < 0) index = constants.push(value) - 1;
    return `constants[${index}]`;
  };
  const unknownKeyLoop = (action: string) =>
    `for (const key in input) { if (!known.has(key)) { ${action} } }`;
  const body = [
    'if (typeof input !== "object" || input === null || Array.isArray(input)) return INVALID;',
    "let same = true;",
    ...indexed.map(([field, i]) => decodeSource(field, i, bind)),
  ];
  if (unknownKeys === "strict") body.push(unknownKeyLoop("return INVALID;"));
  // Every value the input's own and no other key: the input is already zod's output.
  body.push(
    `if (same) { let count = 0; for (const key in input) count++;`,
    `if (count === ${shaped.length}) return input; }`,
    "const output = {};",
    ...indexed.map(([field, i]) => assignSource(field, i)),
  );
  if (unknownKeys === "loose") {
    body.push(unknownKeyLoop('if (key !== "__proto__") output[key] = input[key];'));
  }
  body.push("return output;");
  const make = new Function(
    "decoders",
    "known",
    "INVALID",
    "constants",
    `return function decodeObject(input) { ${body.join("\n")} };`,
  );
  return make(
    fields.map((field) => field.decode),
    new Set(fields.map((field) => field.key)),
    INVALID,
    constants,
  ) as Decoder;
}
