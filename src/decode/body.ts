/**
 * Reads a response body against its zod schema through the schema's compiled decoder, and
 * through zod itself only when the decoder rejects the body, so that a `SchemaError` names the
 * URL, the page, the row and the field in zod's own words.
 *
 * @module
 */

import type { z } from "../deps.ts";
import { SchemaError } from "../errors.ts";
import { compileDecoder, type Decoder, INVALID } from "./decoder.ts";

const decoders = new WeakMap<z.ZodType, Decoder | "zod">();

/** The schema's compiled decoder, or "zod" when it uses a feature the compiler lacks. */
function decoderOf(schema: z.ZodType): Decoder | "zod" {
  let decoder = decoders.get(schema);
  if (decoder === undefined) {
    try {
      decoder = compileDecoder(schema);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      decoder = "zod";
    }
    decoders.set(schema, decoder);
  }
  return decoder;
}

/**
 * The body as its schema's output (what `schema.parse` returns), or a `SchemaError` with
 * zod's issues.
 *
 * @example
 * ```ts
 * import { z } from "../deps.ts";
 * import { decodeBody } from "./body.ts";
 * import { SchemaError } from "../errors.ts";
 * import assert from "node:assert/strict";
 *
 * const Page = z.object({ rows: z.array(z.object({ id: z.number().int() })) });
 * assert.deepEqual(decodeBody(Page, { rows: [{ id: 1 }] }, { url: "http://tm/x" }), { rows: [{ id: 1 }] });
 * assert.throws(
 *   () => decodeBody(Page, { rows: [{ id: 1 }, { id: "2" }] }, { url: "http://tm/x", page: 3 }),
 *   (error: unknown) => error instanceof SchemaError && /page 3.*rows\.1\.id/.test(error.message),
 * );
 * ```
 */
export function decodeBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
  where: { url: string; page?: number | undefined },
): T {
  const decoder = decoderOf(schema);
  if (decoder !== "zod") {
    const decoded = decoder(body);
    if (decoded !== INVALID) return decoded as T;
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  throw new SchemaError({ url: where.url, page: where.page, issues });
}
