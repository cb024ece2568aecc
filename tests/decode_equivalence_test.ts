/**
 * The compiled decoder against zod, and the column writers against the frame builder they
 * replaced (tests/support/legacy_frame.ts), on seeded valid and corrupted bodies of every
 * endpoint: the same bodies accepted and refused, the same outputs, equal frames.
 */

import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { type DataFrame, z } from "../src/deps.ts";
import { compileDecoder, INVALID } from "../src/decode/decoder.ts";
import { type Columns, FrameBuilder } from "../src/frame.ts";
import type { Endpoint } from "../src/endpoint.ts";
import { FrameBuilder as LegacyFrameBuilder } from "./support/legacy_frame.ts";
import { corrupt, Random, sample, throughJson } from "./support/zod_samples.ts";

type AnyEndpoint = Endpoint<unknown, unknown, unknown>;

function isEndpoint(value: unknown): value is AnyEndpoint {
  return typeof value === "object" && value !== null && "body" in value && "rows" in value &&
    "columns" in value;
}

/** Every endpoint spec exported by src/queries/. */
async function endpoints(): Promise<Map<string, AnyEndpoint>> {
  const found = new Map<string, AnyEndpoint>();
  const folder = new URL("../src/queries/", import.meta.url);
  for await (const entry of Deno.readDir(folder)) {
    if (!entry.name.endsWith(".ts")) continue;
    const module = await import(new URL(entry.name, folder).href);
    for (const [name, value] of Object.entries(module)) {
      if (isEndpoint(value)) found.set(name, value);
    }
  }
  return found;
}

interface Counts {
  bodies: number;
  rows: number;
  accepted: number;
  rejected: number;
  disagreements: number;
}

function buildBoth(
  columns: Columns<unknown>,
  rows: unknown[],
): [DataFrame | Error, DataFrame | Error] {
  const attempt = (build: () => DataFrame) => {
    try {
      return build();
    } catch (error) {
      return error as Error;
    }
  };
  return [
    attempt(() => {
      // A small chunk size, so that chunked frames are checked too.
      const builder = new FrameBuilder(columns, { chunkRows: 64 });
      // Lone surrogates: string and list columns make them U+FFFD, JSON text columns keep them
      // as JSON escapes (lossless); the old builder had neither, so both builders get
      // well-formed rows here and tests/frame_test.ts checks the new builder's own handling.
      const clean = rows.map(wellFormed);
      for (let i = 0; i < clean.length; i += 5) builder.add(clean.slice(i, i + 5));
      return builder.finish();
    }),
    attempt(() => {
      const builder = new LegacyFrameBuilder(columns);
      builder.add(rows.map(wellFormed));
      return builder.finish();
    }),
  ];
}

/**
 * A row with every lone surrogate made U+FFFD. The old builder sent lists through
 * `JSON.stringify` and polars' `jsonDecode`, which reads a lone surrogate's `\udXXX` escape as
 * NUL or fails; every other route (and the new builder) gives U+FFFD, as any JS string
 * crossing into Rust does. The old builder gets well-formed rows so that it can be compared.
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v)]));
  }
  return value;
}

/** The first column and row where two frames differ, in words; undefined when they are equal. */
function difference(actual: DataFrame, expected: DataFrame): string | undefined {
  if (actual.columns.join() !== expected.columns.join()) return "the columns differ";
  for (const name of expected.columns) {
    const [a, e] = [actual.getColumn(name), expected.getColumn(name)];
    if (String(a.dtype) !== String(e.dtype)) return `${name}: ${a.dtype} against ${e.dtype}`;
    const [av, ev] = [a.toArray(), e.toArray()];
    if (av.length !== ev.length) return `${name}: ${av.length} rows against ${ev.length}`;
    const row = ev.findIndex((value, i) => !isDeepStrictEqual(av[i], value));
    if (row >= 0) {
      return `${name} row ${row}: ${JSON.stringify(av[row])} against ${JSON.stringify(ev[row])}`;
    }
  }
  return undefined;
}

Deno.test("the compiled decoder agrees with zod and the frames equal the old builder's", async () => {
  const random = new Random(16);
  const totals: Counts = { bodies: 0, rows: 0, accepted: 0, rejected: 0, disagreements: 0 };
  const problems: string[] = [];
  for (const [name, endpoint] of await endpoints()) {
    const schema = endpoint.body as z.ZodType;
    const decode = compileDecoder(schema);
    const accepted: unknown[] = [];
    for (let i = 0; i < 300; i++) {
      const valid = sample(schema, random);
      const body = throughJson(i % 3 === 0 ? valid : corrupt(valid, random));
      const expected = schema.safeParse(body);
      const actual = decode(body);
      totals.bodies++;
      if (expected.success !== (actual !== INVALID)) {
        totals.disagreements++;
        problems.push(
          `${name}: zod ${expected.success}, decoder ${actual !== INVALID}: ${
            JSON.stringify(body)?.slice(0, 300)
          }`,
        );
        continue;
      }
      if (!expected.success) {
        totals.rejected++;
        continue;
      }
      totals.accepted++;
      try {
        assert.deepStrictEqual(actual, expected.data);
      } catch {
        totals.disagreements++;
        problems.push(`${name}: outputs differ for ${JSON.stringify(body)?.slice(0, 300)}`);
        continue;
      }
      accepted.push(...endpoint.rows(expected.data));
    }
    totals.rows += accepted.length;
    const [fresh, legacy] = buildBoth(endpoint.columns as Columns<unknown>, accepted);
    if (fresh instanceof Error || legacy instanceof Error) {
      if (!(fresh instanceof Error && legacy instanceof Error)) {
        const [side, error] = fresh instanceof Error ? ["new", fresh] : ["old", legacy];
        problems.push(`${name}: only the ${side} builder failed: ${String(error)}`);
      }
      continue;
    }
    const differs = difference(fresh, legacy);
    if (differs) problems.push(`${name}: frames differ: ${differs}`);
  }
  // deno-lint-ignore no-console
  console.log(
    `bodies ${totals.bodies}, rows in accepted bodies ${totals.rows}, accepted ` +
      `${totals.accepted}, rejected ${totals.rejected}, disagreements ${totals.disagreements}`,
  );
  assert.deepEqual(problems.slice(0, 5), []);
  assert.equal(totals.disagreements, 0);
  assert.ok(totals.accepted > 1000 && totals.rejected > 1000, JSON.stringify(totals));
});

Deno.test("every zod schema in src/schemas/ compiles into a decoder", async () => {
  const folder = new URL("../src/schemas/", import.meta.url);
  let schemas = 0;
  for await (const entry of Deno.readDir(folder)) {
    if (!entry.name.endsWith(".ts")) continue;
    const module = await import(new URL(entry.name, folder).href);
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      assert.doesNotThrow(() => compileDecoder(value), `${entry.name}: ${name}`);
      schemas++;
    }
  }
  assert.ok(schemas > 40, `only ${schemas} schemas found`);
});

Deno.test("the compiled decoder agrees with zod on every supported zod feature", () => {
  const Features = z.object({
    a: z.string().min(2).max(5).optional(),
    b: z.number().int().min(0).max(100),
    c: z.number().positive().finite().nullish(),
    d: z.boolean().default(false),
    e: z.null(),
    f: z.literal("x"),
    g: z.enum(["A", "B"]),
    h: z.array(z.union([z.string(), z.number().int()])),
    i: z.strictObject({ x: z.number() }).nullable(),
    j: z.looseObject({ y: z.string().regex(/^u/) }),
    k: z.string().transform((text) => text.length),
    l: z.string().refine((text) => text !== "ana"),
    m: z.unknown(),
    n: z.object({ p: z.string().optional().default("d"), q: z.string().default("e").optional() }),
    o: z.number().multipleOf(5).optional(),
    r: z.record(z.string(), z.unknown()).optional(),
    s: z.string().length(3).nullable().default(null),
  });
  const decode = compileDecoder(Features);
  const random = new Random(4);
  let accepted = 0;
  let rejected = 0;
  for (let i = 0; i < 3000; i++) {
    const valid = sample(Features, random);
    const body = throughJson(i % 3 === 0 ? valid : corrupt(valid, random));
    const expected = Features.safeParse(body);
    const actual = decode(body);
    assert.equal(actual !== INVALID, expected.success, JSON.stringify(body)?.slice(0, 300));
    if (expected.success) {
      assert.deepStrictEqual(actual, expected.data);
      accepted++;
    } else rejected++;
  }
  // deno-lint-ignore no-console
  console.log(`feature bodies 3000, accepted ${accepted}, rejected ${rejected}, disagreements 0`);
  assert.ok(accepted > 200 && rejected > 200, `${accepted} accepted, ${rejected} rejected`);
});
