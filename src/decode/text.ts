/**
 * JS strings into a polars String Series the cheap way: joined into one string with a
 * separator and split once on the Rust side (converting strings one at a time across the
 * JS/Rust boundary is what made frames slow). Falls back to the one-at-a-time route when a
 * text holds the separator (the split then gives more parts than there were texts: counting
 * them is cheaper than searching every text) or the joined string would pass V8's string
 * length limit.
 *
 * @module
 */

import { pl, type Series } from "../deps.ts";

/** A polars expression. */
type Expr = ReturnType<typeof pl.col>;

/** Separates texts in a joined buffer (the ASCII unit separator). */
export const TEXT_SEPARATOR = "\x1f";

/** Joined buffers stay well below V8's limit of about 2^29 characters. */
const MAX_JOINED = 2 ** 27;

/**
 * Below this many texts one at a time is cheaper: the joined route pays about 0.7 ms of
 * fixed polars cost (a frame and a select), the one-at-a-time route about 0.5 µs a text.
 */
const MIN_JOINED = 2048;

/** Whether the texts joined stay below {@link MAX_JOINED}. */
function isShortEnough(texts: readonly (string | null)[]): boolean {
  let length = 0;
  for (const text of texts) if (text !== null) length += text.length + 1;
  return length <= MAX_JOINED;
}

/**
 * A String Series of `texts` (null stays null).
 *
 * @example
 * ```ts
 * import { textSeries } from "./text.ts";
 * import assert from "node:assert/strict";
 *
 * const series = textSeries("name", ["ana", null, "", "b\x1fo"]);
 * assert.deepEqual(series.toArray(), ["ana", null, "", "b\x1fo"]);
 * ```
 */
export function textSeries(name: string, texts: readonly (string | null)[]): Series {
  const oneByOne = () => pl.Series(name, texts as (string | null)[], pl.String);
  if (texts.length < MIN_JOINED || !isShortEnough(texts)) return oneByOne();
  let nulls: Uint8Array | undefined;
  const parts = texts.map((text, index) => {
    if (text !== null) return text;
    (nulls ??= new Uint8Array(texts.length))[index] = 1;
    return "";
  });
  const joined = pl.Series(name, [parts.join(TEXT_SEPARATOR)], pl.String);
  const split = pl.DataFrame([joined]).select(
    pl.col(name).str.split(TEXT_SEPARATOR).explode().alias(name),
  );
  // More parts than texts: a text held the separator.
  if (split.height !== texts.length) return oneByOne();
  if (!nulls) return split.getColumn(name);
  return pl.DataFrame([split.getColumn(name), pl.Series("null", nulls)]).select(
    pl.when(pl.col("null").eq(1)).then(pl.lit(null).cast(pl.String)).otherwise(pl.col(name)).alias(
      name,
    ),
  ).getColumn(name);
}

/**
 * An expression of the strings `values`, in order: one literal string split by polars, or the
 * strings one at a time when one of them holds the separator or they are too long to join.
 *
 * @example
 * ```ts
 * import { textsExpression } from "./text.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = pl.DataFrame({ i: [1, 0, 1] }).select(
 *   textsExpression(["a", "b"]).gather(pl.col("i").cast(pl.UInt32)).alias("s"),
 * );
 * assert.deepEqual(frame.getColumn("s").toArray(), ["b", "a", "b"]);
 * ```
 */
export function textsExpression(values: readonly string[]): Expr {
  return pl.lit(textSeries("texts", values)).explode();
}
