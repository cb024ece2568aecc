/**
 * The two libraries a notebook uses beside tmframes, re-exported from `mod.ts` so that a
 * notebook imports everything from one place and gets exactly the versions the library's
 * frames and charts are made with (a plain `npm:nodejs-polars` resolves a release that does not
 * install here). Only `mod.ts` imports this file: Observable Plot costs about 0.19 s to load,
 * so the library's own charts load it on first use (`deps.ts` `importPlot`) and the emulator
 * and the core never do. Besides `deps.ts`, this is the only file that names npm specifiers.
 *
 * @module
 */

import * as polars from "npm:nodejs-polars@0.25.2";
import * as ObservablePlot from "npm:@observablehq/plot@0.6.17";

/**
 * nodejs-polars 0.25.2, the polars every tmframes frame is made with.
 *
 * @example
 * ```ts
 * import { pl } from "./deps_public.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(pl.DataFrame({ a: [1, 2] }).height, 2);
 * ```
 */
export const pl: typeof polars = polars;

/**
 * Observable Plot 0.6.17, the Plot tmframes' charts are drawn with.
 *
 * @example
 * ```ts
 * import { Plot } from "./deps_public.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(typeof Plot.plot, "function");
 * ```
 */
export const Plot: typeof ObservablePlot = ObservablePlot;
