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
import { type Decoder, INVALID } from "./invalid.ts";
import { objectDecoder, type UnknownKeys } from "./object.ts";
import { type Bind, guarded, inlineOf, withInline } from "./inline.ts";

export { type Decoder, INVALID };

type Schema = z.core.$ZodType;

function unsupported(type: string): never {
  throw new TypeError(`Cannot compile a decoder: the zod type ${type} is not supported`);
}

function withChecks(schema: Schema, decode: Decoder): Decoder {
  const check = compileChecks(schema);
  if (!check) return decode;
  return (input) => {
    const output = decode(input);
    return output === INVALID || !check(output as never) ? INVALID : output;
  };
}

/**
 * A leaf type's decoder: one closure for the type test and the checks, and the same as an
 * inline guard (`typeTest` is `isType` as source over a variable).
 */
function leaf(
  schema: Schema,
  isType: (input: unknown) => boolean,
  typeTest: (input: string) => string,
): Decoder {
  const check = compileChecks(schema);
  if (!check) {
    return withInline((input) => isType(input) ? input : INVALID, guarded(typeTest));
  }
  return withInline(
    (input) => isType(input) && check(input as never) ? input : INVALID,
    guarded((input, bind) => `${typeTest(input)} && ${bind(check)}(${input})`),
  );
}

/** Whether a default value can be written into generated source as a shared constant. */
function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

/** A guard of several guards: any of them (a union or a nullable of guarded decoders). */
function anyGuard(
  guards: ((input: string, bind: Bind) => string)[],
): (input: string, bind: Bind) => string {
  return (input, bind) => `(${guards.map((guard) => guard(input, bind)).join(" || ")})`;
}

function isString(input: unknown): boolean {
  return typeof input === "string";
}

function isNumber(input: unknown): boolean {
  return typeof input === "number" && Number.isFinite(input);
}

/** `z.number().int()`: zod's safe-integer check alone, which implies a finite number. */
function isSafeIntegerOnly(schema: Schema): boolean {
  const checks = schema._zod.def.checks ?? [];
  const def = checks[0]?._zod.def as { check?: string; format?: string; when?: unknown };
  return checks.length === 1 && def.check === "number_format" && def.format === "safeint" &&
    def.when === undefined;
}

function unknownKeys(def: z.core.$ZodObjectDef): UnknownKeys {
  const catchall = def.catchall?._zod.def.type;
  if (catchall === undefined) return "strip";
  if (catchall === "never") return "strict";
  if (catchall === "unknown" || catchall === "any") return "loose";
  return unsupported(`object with a ${catchall} catchall`);
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
      return leaf(schema, isString, (x) => `typeof ${x} === "string"`);
    case "number":
      if (isSafeIntegerOnly(schema)) {
        return withInline(
          (input) => Number.isSafeInteger(input) ? input : INVALID,
          guarded((x) => `Number.isSafeInteger(${x})`),
        );
      }
      return leaf(schema, isNumber, (x) => `typeof ${x} === "number" && Number.isFinite(${x})`);
    case "boolean":
      return leaf(
        schema,
        (input) => typeof input === "boolean",
        (x) => `typeof ${x} === "boolean"`,
      );
    case "null":
      return leaf(schema, (input) => input === null, (x) => `${x} === null`);
    case "unknown":
    case "any":
      return withChecks(schema, (input) => input);
    case "literal":
    case "enum": {
      const values = schema._zod.values ?? unsupported(def.type);
      const decode = withChecks(
        schema,
        (input) => values.has(input as never) ? input : INVALID,
      );
      if (compileChecks(schema)) return decode;
      return withInline(decode, guarded((x, bind) => `${bind(values)}.has(${x})`));
    }
    case "array":
      return withChecks(schema, arrayDecoder(compile((def as z.core.$ZodArrayDef).element)));
    case "object": {
      const shape = (def as z.core.$ZodObjectDef).shape;
      const fields = Object.entries(shape).map(([key, field]) => ({
        key,
        decode: compile(field),
        optin: field._zod.optin,
        optout: field._zod.optout,
      }));
      return withChecks(schema, objectDecoder(fields, unknownKeys(def as z.core.$ZodObjectDef)));
    }
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
      const decode = withChecks(schema, (input) => input === null ? input : inner(input));
      const guard = inlineOf(inner)?.guard;
      if (!guard || compileChecks(schema)) return decode;
      return withInline(decode, guarded(anyGuard([(x) => `${x} === null`, guard])));
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
      const decode = withChecks(schema, (input) => {
        if (input === undefined) return defaults.defaultValue;
        const value = inner(input);
        return value === undefined ? defaults.defaultValue : value;
      });
      // A guarded inner decoder returns its input, never undefined for a defined input.
      const guard = inlineOf(inner)?.guard;
      const fallback = defaults.defaultValue;
      if (!guard || compileChecks(schema) || !isPrimitive(fallback)) return decode;
      return withInline(decode, {
        value: (x, bind) =>
          `(${x} === undefined ? ${bind(fallback)} : ${guard(x, bind)} ? ${x} : INVALID)`,
      });
    }
    case "union": {
      const union = def as z.core.$ZodUnionDef;
      if ("discriminator" in union || "inclusive" in union) unsupported("discriminated union");
      const options = union.options.map(compile);
      const decode = withChecks(schema, unionDecoder(options));
      if (compileChecks(schema)) return decode;
      const guards = options.map((option) => inlineOf(option)?.guard);
      if (guards.every((guard) => guard !== undefined)) {
        return withInline(decode, guarded(anyGuard(guards)));
      }
      // The first option accepts as it is: no call; else the whole union, as a call.
      const first = guards[0];
      if (!first) return decode;
      return withInline(decode, {
        value: (x, bind) => `(${first(x, bind)} ? ${x} : ${bind(decode)}(${x}))`,
      });
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
