/**
 * Reading a response body with a size cap, so that a runaway answer cannot fill the memory.
 *
 * @module
 */

/** The default cap on a response body: 64 MiB, far above any TM answer. */
export const MAX_BODY_BYTES = 64 * 2 ** 20;

/** The first buffer of a body of unknown size. */
const FIRST_BUFFER = 2 ** 16;

/**
 * The body as text, or `undefined` (and the rest unread) once it exceeds `limit` bytes. The
 * bytes are counted as they stream in, after any `Content-Encoding` is decoded, and copied into
 * one buffer that never grows past `limit`: a gzip body that inflates a thousandfold stops at
 * the cap, and no decoded chunk (which may be a view into a much larger buffer) is kept.
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
  const encoding = response.headers.get("content-encoding");
  const plain = encoding === null || encoding === "identity";
  if (declared > limit) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.body === null) return "";
  // A plain body of declared length (every TM page) cannot be longer, the connection being
  // framed by it: one native read. The stream route below hands each chunk over as a view of a
  // 64 KiB buffer that lives until the next GC, which lets a fast crawl hold tens of MiB of them.
  if (plain && Number.isFinite(declared)) return await response.text();
  const reader = response.body.getReader();
  let buffer = new Uint8Array(Math.min(limit, FIRST_BUFFER));
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      await reader.cancel();
      return undefined;
    }
    if (size + value.byteLength > buffer.length) {
      const grown = new Uint8Array(
        Math.min(limit, Math.max(2 * buffer.length, size + value.byteLength)),
      );
      grown.set(buffer.subarray(0, size));
      buffer = grown;
    }
    buffer.set(value, size);
    size += value.byteLength;
  }
  return new TextDecoder().decode(buffer.subarray(0, size));
}
