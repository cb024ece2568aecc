/**
 * Files written whole or not at all: the cache's entries, the report and its snapshots.
 *
 * @module
 */

import { TmError } from "./errors.ts";

/**
 * Writes `text` to `path` through a temporary file in the same folder and a rename, creating
 * the folder when needed; a reader never sees a half-written file. Rejects with `TmError`.
 *
 * @example
 * ```ts
 * import { writeAtomically } from "./atomic_write.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * try {
 *   await writeAtomically(`${dir}/sub/a.txt`, "hello", "the example file");
 *   assert.equal(await Deno.readTextFile(`${dir}/sub/a.txt`), "hello");
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function writeAtomically(
  path: string,
  content: string | ((tempPath: string) => void | Promise<void>),
  what: string,
): Promise<void> {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dir = slash < 0 ? "." : path.slice(0, slash) || "/";
  const temp = `${dir}/.${path.slice(slash + 1)}.${crypto.randomUUID()}.tmp`;
  try {
    await Deno.mkdir(dir, { recursive: true });
    if (typeof content === "string") await Deno.writeTextFile(temp, content);
    else await content(temp);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => undefined);
    const why = error instanceof Error ? error.message : String(error);
    throw new TmError(`Cannot write ${what} ${path}: ${why}`, { cause: error });
  }
}
