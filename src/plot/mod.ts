/**
 * Charts of TM frames with Observable Plot, rendered outside a browser (linkedom). One file per
 * named chart; each takes a frame as tmframes returns it and an options object that also
 * passes Plot options through, and returns Plot's `<svg>` element, which the Deno Jupyter
 * kernel shows as `image/svg+xml` and `toSvg()` writes to a file.
 *
 * Plot and linkedom load on the first chart, not when tmframes is imported.
 *
 * @example A chart as an SVG file
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { projectsOverview, toSvg } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const frame = await createClient({ baseUrl: emulator.url }).projects().limit(20).frame();
 *   const svg = toSvg(await projectsOverview(frame));
 *   assert.match(svg, /^<\?xml/);
 *   // await Deno.writeTextFile("projects.svg", svg);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 *
 * @module
 */

export {
  type ChartDocument,
  type ChartElement,
  plotDocument,
  SVG_NS,
  withNamespaces,
  XLINK_NS,
} from "./document.ts";
export { toSvg } from "./to_svg.ts";
export { type PlotRow, plotRows } from "./data.ts";
export { addSwatchLegend, type Swatch, type SwatchLegendOptions } from "./legend.ts";
export {
  type ProjectsColorBy,
  projectsOverview,
  type ProjectsOverviewOptions,
} from "./projects_overview.ts";
export {
  type ActivityInclude,
  type ActivityInterval,
  activityOverTime,
  type ActivityOverTimeOptions,
} from "./activity_over_time.ts";
export { contributors, type ContributorsOptions } from "./contributors.ts";
export {
  type ProgressBy,
  progressOverTime,
  type ProgressOverTimeOptions,
} from "./progress_over_time.ts";
export { TASK_STATUS_COLORS, taskMap, type TaskMapOptions } from "./task_map.ts";
export { addHeading, type Heading } from "./heading.ts";
export { save, type SaveOptions } from "./save.ts";
