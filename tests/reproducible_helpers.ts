/**
 * Helpers shared by the cache, provenance and snapshot tests: temp folders that are always
 * removed, an exact frame comparison, and listing a cache folder.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { DataFrame } from "../src/deps.ts";

/** Runs `fn` with a fresh temp folder, removing it afterwards whatever happens. */
export async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "tmframes_test_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Asserts two frames have the same columns, the same dtypes and the same values (nulls equal). */
export function assertSameFrame(actual: DataFrame, expected: DataFrame): void {
  assert.deepEqual(actual.columns, expected.columns);
  assert.deepEqual(actual.dtypes.map(String), expected.dtypes.map(String));
  assert.equal(actual.height, expected.height);
  assert.ok(actual.frameEqual(expected, true), "the frames' values differ");
}

/** The files of a folder (not recursive), sorted; `[]` when the folder does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) if (entry.isFile) names.push(entry.name);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  return names.sort();
}
