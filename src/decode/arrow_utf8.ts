/**
 * JS strings laid out as an Arrow String column: UTF-8 bytes and offsets, built from one
 * joined string encoded at once (`TextEncoder`, one native call) rather than text by text.
 *
 * @module
 */

import { ARROW_TYPES, type ArrowColumn } from "./arrow_ipc.ts";
import { allValid, INT32_MAX, NO_BYTES, offsetsBuffer } from "./arrow_arrays.ts";

/** Texts are joined into one string only below this many characters (V8's limit is 2^29). */
const MAX_JOINED = 2 ** 27;

const encoder = new TextEncoder();

/**
 * A String column of `texts` (null and undefined are null). The texts are joined and encoded
 * once; when every character was one UTF-8 byte their offsets are their character offsets,
 * else each text's UTF-8 length is counted (only for texts that are not ASCII). A lone
 * surrogate becomes U+FFFD, as TextEncoder makes it.
 *
 * @example
 * ```ts
 * import { utf8Column } from "./arrow_utf8.ts";
 * import assert from "node:assert/strict";
 *
 * const column = utf8Column("s", ["ab", null, "é", "\ud83d\ude00\ud800"]);
 * assert.equal(column.nullCount, 1);
 * assert.deepEqual([...(column.buffers[1] as Int32Array)], [0, 2, 2, 4, 11]);
 * ```
 */
export function utf8Column(
  name: string,
  texts: readonly (string | null | undefined)[],
  maxOffset = INT32_MAX,
): ArrowColumn {
  const length = texts.length;
  const offsets = new Float64Array(length + 1);
  let bitmap: Uint8Array = NO_BYTES;
  let nullCount = 0;
  let chars = 0;
  for (let i = 0; i < length; i++) {
    const text = texts[i];
    if (text === null || text === undefined) {
      if (nullCount++ === 0) bitmap = allValid(length);
      bitmap[i >> 3]! &= ~(1 << (i & 7));
    } else chars += text.length;
    offsets[i + 1] = chars;
  }
  const bytes = chars <= MAX_JOINED ? encodeJoined(texts, offsets, chars) : undefined;
  const [offsetBuffer, large] = offsetsBuffer(offsets, maxOffset);
  return {
    name,
    type: large ? ARROW_TYPES.largeUtf8 : ARROW_TYPES.utf8,
    length,
    nullCount,
    buffers: [bitmap, offsetBuffer, bytes ?? encodeEach(texts, offsets, chars)],
  };
}

/**
 * The texts joined (`join` writes null and undefined as "") and encoded at once, `offsets`
 * turned from characters into bytes by the extra bytes of each run of characters that are not
 * ASCII (found by one regular expression over the joined string); undefined when a text ending
 * in a lone high surrogate and the next starting with a lone low one made a pair in the joined
 * string (4 bytes, not 3 + 3: the total tells).
 */
function encodeJoined(
  texts: readonly (string | null | undefined)[],
  offsets: Float64Array,
  chars: number,
): Uint8Array | undefined {
  const joined = texts.join("");
  const bytes = encoder.encode(joined);
  if (bytes.length === chars) return bytes;
  // Each character that is not ASCII, found by `test` (no match object is made), then the
  // characters right after it.
  const notAscii = /[^\0-\x7f]/g;
  let extra = 0;
  // Text k holds characters offsets[k] to offsets[k + 1]; the ends of the texts before it are
  // already in bytes.
  let k = 0;
  while (notAscii.test(joined)) {
    let at = notAscii.lastIndex - 1;
    for (let code = joined.charCodeAt(at); code >= 0x80; code = joined.charCodeAt(++at)) {
      while (offsets[k + 1]! <= at) offsets[++k]! += extra;
      if (code < 0x800) extra += 1;
      else {
        // 3 bytes for one character (U+FFFD for a lone surrogate), or 4 for a pair.
        extra += 2;
        if (code >= 0xd800 && code <= 0xdbff && at + 1 < offsets[k + 1]!) {
          const next = joined.charCodeAt(at + 1);
          if (next >= 0xdc00 && next <= 0xdfff) at++;
        }
      }
    }
    notAscii.lastIndex = at;
  }
  while (k < texts.length) offsets[++k]! += extra;
  return offsets[texts.length] === bytes.length ? bytes : undefined;
}

/** Each text encoded after the one before, its end written into `offsets`. */
function encodeEach(
  texts: readonly (string | null | undefined)[],
  offsets: Float64Array,
  chars: number,
): Uint8Array {
  let bytes = new Uint8Array(chars + (chars >> 1) + 16);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text) {
      // At most 3 bytes per UTF-16 code unit.
      if (at + 3 * text.length > bytes.length) {
        const grown = new Uint8Array(Math.max(2 * bytes.length, at + 3 * text.length));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      at += encoder.encodeInto(text, bytes.subarray(at)).written;
    }
    offsets[i + 1] = at;
  }
  return bytes.subarray(0, at);
}
