/**
 * The one file that names npm specifiers, each pinned to an exact version.
 *
 * Users import tmframes by URL, and a remote module does not carry its deno.json import map,
 * so every third-party import goes through here as a full `npm:` specifier.
 * nodejs-polars stays at exactly 0.25.2: later releases name platform packages that the
 * registry does not serve.
 *
 * @module
 */

export { default as pl } from "npm:nodejs-polars@0.25.2";
export type { DataFrame, DataType, Series } from "npm:nodejs-polars@0.25.2";
export { default as ky } from "npm:ky@2.1.0";
export { z } from "npm:zod@4.6.7";
export type { KyInstance } from "npm:ky@2.1.0";
