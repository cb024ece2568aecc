/**
 * A decoder compiled from a zod schema by walking its definition: plain closures that accept
 * exactly the values zod's `safeParse` accepts and return the same output (unknown keys
 * stripped, defaults filled, transforms applied), without building issue lists. zod stays the
 * definition; when a decoder rejects a value, zod is run on it to say why.
 *
 * Supported: `object` (strip, strict, loose), `string`, `number`, `boolean`, `null`,
 * `unknown`/`any`, `literal`, `enum`, `array`, `record` (delegated to zod), `nullable`,
 * `optional`, `nullish`, `default`, `union`, `pipe`/`transform`, and the checks of
 * `checks.ts`. Anything else throws a `TypeError` when the decoder is compiled.
 *
 * @module
 */

import type { z } from "../deps.ts";
import { compileChecks } from "./checks.ts";

/** What a decoder returns for a value zod would reject. */
export const INVALID: unique symbol = Symbol("invalid");

/** A compiled decoder: zod's output for an accepted value, {@link INVALID} otherwise. */
export type Decoder = (input: unknown) => unknown;

type Schema = z.core.$ZodType;

interface Field {
  key: string;
  decode: Decoder;
  optin: "optional" | "defaulted" | undefined;
  optout: "optional" | undefined;
}

function unsupported(type: string): never {
  throw new TypeError(`Cannot compile a decoder: the zod type ${type} is not supported`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function withChecks(schema: Schema, decode: Decoder): Decoder {
  const check = compileChecks(schema);
  if (!check) return decode;
  return (input) => {
    const output = decode(input);
    return output === INVALID || !check(output as never) ? INVALID : output;
  };
}

/** zod's `handlePropertyResult`: how one key's result lands in the output object. */
function objectDecoder(def: z.core.$ZodObjectDef): Decoder {
  const fields: Field[] = Object.entries(def.shape).map(([key, schema]) => ({
    key,
    decode: compile(schema),
    optin: schema._zod.optin,
    optout: schema._zod.optout,
  }));
  const keys = new Set(fields.map((field) => field.key));
  const catchall = def.catchall?._zod.def.type;
  if (catchall !== undefined && catchall !== "never" && catchall !== "unknown") {
    unsupported(`object with a ${catchall} catchall`);
  }
  return (input) => {
    if (!isObject(input)) return INVALID;
    const output: Record<string, unknown> = {};
    for (const { key, decode, optin, optout } of fields) {
      if (key === "__proto__") continue;
      const present = key in input;
      if (!present && optout === "optional" && optin === "optional") continue;
      const value = decode(input[key]);
      if (value === INVALID) {
        if (optin !== undefined && optout === "optional" && !present) continue;
        return INVALID;
      }
      if (!present && optin === undefined) return INVALID;
      if (value !== undefined) output[key] = value;
      else if (present || (optin === "defaulted" && optout !== "optional")) output[key] = undefined;
    }
    if (catchall === undefined) return output;
    for (const key in input) {
      if (keys.has(key)) continue;
      if (catchall === "never") return INVALID;
      if (key !== "__proto__") output[key] = input[key];
    }
    return output;
  };
}

function arrayDecoder(element: Decoder): Decoder {
  return (input) => {
    if (!Array.isArray(input)) return INVALID;
    let output: unknown[] | undefined;
    for (let i = 0; i < input.length; i++) {
      const value = element(input[i]);
      if (value === INVALID) return INVALID;
      if (value !== input[i]) (output ??= input.slice(0, i)).push(value);
      else output?.push(value);
    }
    return output ?? input;
  };
}

function unionDecoder(options: Decoder[]): Decoder {
  return (input) => {
    for (const option of options) {
      const value = option(input);
      if (value !== INVALID) return value;
    }
    return INVALID;
  };
}

function transformDecoder(transform: (value: unknown, payload: unknown) => unknown): Decoder {
  return (input) => {
    const payload = { value: input, issues: [] as unknown[] };
    const output = transform(input, payload);
    if (output instanceof Promise) unsupported("async transform");
    return payload.issues.length > 0 ? INVALID : output;
  };
}

/** Compiles one schema node (no cache: see {@link compileDecoder}). */
function compile(schema: Schema): Decoder {
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
      return withChecks(schema, (input) => typeof input === "string" ? input : INVALID);
    case "number":
      return withChecks(
        schema,
        (input) => typeof input === "number" && Number.isFinite(input) ? input : INVALID,
      );
    case "boolean":
      return withChecks(schema, (input) => typeof input === "boolean" ? input : INVALID);
    case "null":
      return withChecks(schema, (input) => input === null ? input : INVALID);
    case "unknown":
    case "any":
      return withChecks(schema, (input) => input);
    case "literal":
    case "enum": {
      const values = schema._zod.values ?? unsupported(def.type);
      return withChecks(schema, (input) => values.has(input as never) ? input : INVALID);
    }
    case "array":
      return withChecks(schema, arrayDecoder(compile((def as z.core.$ZodArrayDef).element)));
    case "object":
      return withChecks(schema, objectDecoder(def as z.core.$ZodObjectDef));
    case "record": {
      const key = (def as z.core.$ZodRecordDef).keyType._zod.def;
      if (key.type !== "string" || (key.checks ?? []).length > 0) unsupported("record key");
      const zodSchema = schema as z.ZodType;
      return (input) => {
        const result = zodSchema.safeParse(input);
        return result.success ? result.data : INVALID;
      };
    }
    case "nullable": {
      const inner = compile((def as z.core.$ZodNullableDef).innerType);
      return withChecks(schema, (input) => input === null ? input : inner(input));
    }
    case "optional": {
      const innerType = (def as z.core.$ZodOptionalDef).innerType;
      const inner = compile(innerType);
      if (innerType._zod.optin === "defaulted") {
        return withChecks(schema, (input) => {
          if (input !== undefined) return inner(input);
          const value = inner(input);
          return value === INVALID ? undefined : value;
        });
      }
      return withChecks(schema, (input) => input === undefined ? input : inner(input));
    }
    case "default": {
      const defaults = def as z.core.$ZodDefaultDef;
      const inner = compile(defaults.innerType);
      return withChecks(schema, (input) => {
        if (input === undefined) return defaults.defaultValue;
        const value = inner(input);
        return value === undefined ? defaults.defaultValue : value;
      });
    }
    case "union": {
      const union = def as z.core.$ZodUnionDef;
      if ("discriminator" in union || "inclusive" in union) unsupported("discriminated union");
      return withChecks(schema, unionDecoder(union.options.map(compile)));
    }
    case "pipe": {
      const pipe = def as z.core.$ZodPipeDef;
      const [first, then] = [compile(pipe.in), compile(pipe.out)];
      return withChecks(schema, (input) => {
        const value = first(input);
        return value === INVALID ? INVALID : then(value);
      });
    }
    case "transform":
      return withChecks(
        schema,
        transformDecoder((def as z.core.$ZodTransformDef).transform as never),
      );
    default:
      return unsupported(def.type);
  }
}

const compiled = new WeakMap<Schema, Decoder>();

/**
 * The decoder of a zod schema, compiled on first use and kept with the schema. Throws
 * `TypeError` when the schema uses a zod feature the compiler does not know.
 *
 * @example
 * ```ts
 * import { z } from "../deps.ts";
 * import { compileDecoder, INVALID } from "./decoder.ts";
 * import assert from "node:assert/strict";
 *
 * const Row = z.object({ id: z.number().int(), name: z.string().nullable().default(null) });
 * const decode = compileDecoder(Row);
 * assert.deepEqual(decode({ id: 1, extra: true }), { id: 1, name: null });
 * assert.equal(decode({ id: 1.5 }), INVALID);
 * ```
 */
export function compileDecoder(schema: Schema): Decoder {
  let decoder = compiled.get(schema);
  if (!decoder) {
    decoder = compile(schema);
    compiled.set(schema, decoder);
  }
  return decoder;
}
