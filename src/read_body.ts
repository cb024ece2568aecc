/**
 * Reading a response body with a size cap, so that a runaway answer cannot fill the memory.
 *
 * @module
 */

/** The default cap on a response body: 64 MiB, far above any TM answer. */
export const MAX_BODY_BYTES = 64 * 2 ** 20;

/**
 * The body as text, or `undefined` (and the rest unread) once it exceeds `limit` bytes. A
 * declared, uncompressed `Content-Length` within the limit is read in one go; otherwise the
 * bytes are counted as they stream in, so a compressed or unannounced body cannot grow past
 * the limit in memory.
 *
 * @example
 * ```ts
 * import { readBody } from "./read_body.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await readBody(new Response("hello"), 10), "hello");
 * assert.equal(await readBody(new Response("x".repeat(20)), 10), undefined);
 * ```
 */
export async function readBody(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > limit) {
    await response.body?.cancel();
    return undefined;
  }
  const encoding = response.headers.get("content-encoding");
  const plain = encoding === null || encoding === "identity";
  if ((Number.isFinite(declared) && plain) || response.body === null) return await response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
