/**
 * The one file that names npm specifiers, each pinned to an exact version.
 *
 * Users import tmframes by URL, and a remote module does not carry its deno.json import map,
 * so every third-party import goes through here as a full `npm:` specifier.
 * nodejs-polars stays at exactly 0.25.2: later releases name platform packages that the
 * registry does not serve.
 *
 * Observable Plot and linkedom are only needed for charts, and Plot alone costs about 0.19 s
 * to import. So they are not imported here at load time: {@link importPlot} and
 * {@link importLinkedom} import them on first use (the specifiers are literal, so Deno still
 * resolves, caches and type-checks them with the rest of the module graph). Their types are
 * re-exported type-only, which loads nothing.
 *
 * @module
 */

export { default as pl } from "npm:nodejs-polars@0.25.2";
export type { DataType } from "npm:nodejs-polars@0.25.2";
import type * as polars from "npm:nodejs-polars@0.25.2";
/** A nodejs-polars DataFrame: what `frame()` returns. */
export type DataFrame = polars.DataFrame;
/** A nodejs-polars Series: one column of a frame. */
export type Series = polars.Series;
/** A nodejs-polars expression, e.g. `pl.col("actionDate").gtEq(utc(day))`. */
export type Expr = polars.Expr;
export { default as ky } from "npm:ky@2.1.0";
export { z } from "npm:zod@4.6.7";
export {
  HTTPError,
  NetworkError as KyNetworkError,
  TimeoutError as KyTimeoutError,
} from "npm:ky@2.1.0";
export type {
  BeforeErrorState,
  BeforeRequestState,
  BeforeRetryState,
  KyInstance,
  RetryOptions as KyRetryOptions,
  ShouldRetryState,
} from "npm:ky@2.1.0";
import type * as PlotTypes from "npm:@observablehq/plot@0.6.17";
/** A Plot mark, or something Plot turns into one. */
export type PlotMarkish = PlotTypes.Markish;
/** The options of `Plot.plot`: what every chart's `plot` option passes through. */
export type PlotOptions = PlotTypes.PlotOptions;
/** The options of one Plot scale. */
export type PlotScaleOptions = PlotTypes.ScaleOptions;

/** The Observable Plot module (`npm:@observablehq/plot`). */
export type PlotModule = typeof import("npm:@observablehq/plot@0.6.17");

/** The linkedom module (`npm:linkedom`): a small DOM for rendering Plot outside a browser. */
export type LinkedomModule = typeof import("npm:linkedom@0.18.15");

/**
 * Imports Observable Plot 0.6.17 on first use (later calls reuse the loaded module).
 *
 * @example
 * ```ts
 * import { importPlot } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * assert.equal(typeof Plot.plot, "function");
 * ```
 */
export function importPlot(): Promise<PlotModule> {
  return import("npm:@observablehq/plot@0.6.17");
}

/**
 * Imports linkedom 0.18.15 on first use (later calls reuse the loaded module).
 *
 * @example
 * ```ts
 * import { importLinkedom } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const { DOMParser } = await importLinkedom();
 * const document = new DOMParser().parseFromString("<p>hi</p>", "text/html");
 * assert.equal(document.querySelector("p")?.textContent, "hi");
 * ```
 */
export function importLinkedom(): Promise<LinkedomModule> {
  return import("npm:linkedom@0.18.15");
}

/** The resvg module (`npm:@resvg/resvg-js`): SVG to PNG, native code, with the system's fonts. */
export type ResvgModule = typeof import("npm:@resvg/resvg-js@2.6.2");

/**
 * Imports resvg-js 2.6.2 on first use, for charts saved as PNG (it needs `--allow-ffi`).
 *
 * @example
 * ```ts
 * import { importResvg } from "./deps.ts";
 * import assert from "node:assert/strict";
 *
 * const { Resvg } = await importResvg();
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"></svg>';
 * assert.equal(new Resvg(svg).render().width, 4);
 * ```
 */
export function importResvg(): Promise<ResvgModule> {
  return import("npm:@resvg/resvg-js@2.6.2");
}

/** The DuckDB Node API module (`npm:@duckdb/node-api`), for tests that read a mirror with DuckDB. */
export type DuckDbModule = typeof import("npm:@duckdb/node-api@1.5.6-r.1");

/**
 * Imports the DuckDB Node API 1.5.6-r.1 on first use: only the tests and readers that ask
 * for it load it (the library itself never does).
 *
 * @example
 * ```ts ignore
 * import { importDuckDb } from "./deps.ts";
 *
 * const { DuckDBInstance } = await importDuckDb();
 * const connection = await (await DuckDBInstance.create(":memory:")).connect();
 * ```
 */
export function importDuckDb(): Promise<DuckDbModule> {
  return import("npm:@duckdb/node-api@1.5.6-r.1");
}
