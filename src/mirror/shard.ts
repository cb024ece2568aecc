/**
 * `--shard i/n`: several machines share one crawl, each syncing the projects whose id modulo
 * `n` is `i` into the same layout.
 *
 * @module
 */

import { show } from "../args.ts";
import type { Shard } from "./layout.ts";

/** The whole mirror: one shard of one. */
export const WHOLE: Shard = Object.freeze({ index: 0, count: 1 });

/**
 * Reads `"i/n"` (0 ≤ i < n) into a {@link Shard}; throws naming the value otherwise.
 *
 * @example
 * ```ts
 * import { parseShard } from "./shard.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseShard("1/4"), { index: 1, count: 4 });
 * assert.throws(() => parseShard("4/4"), /Cannot use shard "4\/4"/);
 * ```
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new RangeError(
      `Cannot use shard ${show(text)}: it must be "i/n" with whole numbers 0 <= i < n`,
    );
  }
  return Object.freeze({ index, count });
}

/**
 * Checks a shard given from code.
 *
 * @example
 * ```ts
 * import { checkShard } from "./shard.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => checkShard({ index: -1, count: 2 }), /Cannot use shard/);
 * ```
 */
export function checkShard(shard: Shard): Shard {
  const { index, count } = shard ?? {};
  if (
    !Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(index) || index < 0 ||
    index >= count
  ) {
    throw new RangeError(
      `Cannot use shard ${
        show(shard)
      }: it must be { index, count } with whole numbers 0 <= index < count`,
    );
  }
  return Object.freeze({ index, count });
}

/**
 * Whether a project belongs to a shard.
 *
 * @example
 * ```ts
 * import { inShard } from "./shard.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(inShard(9, { index: 1, count: 4 }), true);
 * assert.equal(inShard(10, { index: 1, count: 4 }), false);
 * ```
 */
export function inShard(projectId: number, shard: Shard): boolean {
  return projectId % shard.count === shard.index;
}
