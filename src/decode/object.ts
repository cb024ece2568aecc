/**
 * The decoder of a zod object, generated as JavaScript source with every key written out, so
 * that V8 reads each field through its own inline cache (a loop over keys would make every
 * read a generic lookup). It follows zod 4's `handlePropertyResult` rule by rule: absent
 * optional keys stay absent, defaults fill absent defaulted keys, unknown keys are stripped,
 * refused (strict) or kept (loose).
 *
 * @module
 */

import { type Decoder, INVALID } from "./invalid.ts";

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

/** Source that decodes one field into `v${index}` or returns INVALID. */
function fieldSource(field: ObjectField, index: number): string {
  const key = JSON.stringify(field.key);
  const value = `v${index}`;
  const read = `const ${value} = decoders[${index}](input[${key}]);`;
  if (field.optin === undefined) {
    // A required key that is absent is refused even if its schema accepts undefined.
    const absent = acceptsUndefined(field.decode) ? `if (!(${key} in input)) return INVALID;` : "";
    return `${absent} ${read} if (${value} === INVALID) return INVALID; output[${key}] = ${value};`;
  }
  const optionalOut = field.optout === "optional";
  const lines = [`const p${index} = ${key} in input;`];
  if (optionalOut && field.optin === "optional") lines.push(`if (p${index}) {`);
  lines.push(read);
  lines.push(
    optionalOut
      ? `if (${value} === INVALID) { if (p${index}) return INVALID; } else`
      : `if (${value} === INVALID) return INVALID;`,
  );
  const keep = field.optin === "defaulted" && !optionalOut ? "true" : `p${index}`;
  lines.push(`if (${value} !== undefined || ${keep}) output[${key}] = ${value};`);
  if (optionalOut && field.optin === "optional") lines.push("}");
  return lines.join(" ");
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
  const body = [
    'if (typeof input !== "object" || input === null || Array.isArray(input)) return INVALID;',
    "const output = {};",
    ...shaped.map((field) => fieldSource(field, fields.indexOf(field))),
  ];
  if (unknownKeys !== "strip") {
    body.push(
      "for (const key in input) {",
      "if (known.has(key)) continue;",
      unknownKeys === "strict"
        ? "return INVALID;"
        : 'if (key !== "__proto__") output[key] = input[key];',
      "}",
    );
  }
  body.push("return output;");
  const make = new Function(
    "decoders",
    "known",
    "INVALID",
    `return function decodeObject(input) { ${body.join("\n")} };`,
  );
  return make(
    fields.map((field) => field.decode),
    new Set(fields.map((field) => field.key)),
    INVALID,
  ) as Decoder;
}
