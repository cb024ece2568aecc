/**
 * The one place that names tmframes' version; keep it equal to `version` in deno.json
 * (`tests/version_test.ts` checks).
 *
 * @module
 */

/**
 * The version of tmframes, as sent in the default `User-Agent`.
 *
 * @example The version is semver
 * ```ts
 * import { VERSION } from "./version.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(VERSION, /^\d+\.\d+\.\d+/);
 * ```
 */
export const VERSION = "0.1.0";
