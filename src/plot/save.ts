/**
 * `save(chart, path)`: a chart as a file, SVG, HTML or PNG by the path's extension.
 *
 * @module
 */

import { importResvg } from "../deps.ts";
import type { ChartElement } from "./document.ts";
import { toSvg } from "./to_svg.ts";

/** Options of {@link save}. */
export interface SaveOptions {
  /** For `.png`: pixels per SVG unit (2 gives sharp images on high-density screens). @default 2 */
  scale?: number;
}

const FORMATS = [".svg", ".html", ".png"] as const;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The chart's own title (drawn inside it), else the file's name. */
function titleOf(chart: ChartElement, path: string): string {
  const heading = chart.querySelectorAll("g[aria-label='heading'] text")[0]?.textContent;
  return heading || path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "");
}

/** A standalone HTML page that shows the chart, titled by its heading. */
function page(chart: ChartElement, path: string): string {
  const svg = toSvg(chart).replace(/^<\?xml[^>]*>\n/, "");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(titleOf(chart, path))}</title>
<style>body { margin: 16px; font-family: system-ui, sans-serif; background: white; }</style>
</head>
<body>
${svg}</body>
</html>
`;
}

async function png(chart: ChartElement, scale: number): Promise<Uint8Array> {
  const { Resvg } = await importResvg();
  const renderer = new Resvg(toSvg(chart), {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: {
      loadSystemFonts: true,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return renderer.render().asPng();
}

/**
 * Writes a chart (as the named charts and `Plot.plot()` with no HTML legend or caption return
 * it) to `path`, in the format its extension names: `.svg` a standalone SVG document (as
 * {@link toSvg}), `.html` a page that shows it, titled by the chart's title, `.png` an image
 * rendered by resvg (native code, so it needs `--allow-ffi`; text in the system's fonts),
 * `scale` pixels per unit. Creates the folder when needed. Throws `TypeError` for another
 * extension or a chart that is no `<svg>`, and `RangeError` for a bad `scale`.
 *
 * @example Save a chart three ways
 * ```ts
 * import { plotDocument, save } from "./mod.ts";
 * import { importPlot } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const Plot = await importPlot();
 * const chart = Plot.plot({ document: await plotDocument(), marks: [Plot.dot([[1, 2]])] });
 * const dir = await Deno.makeTempDir();
 * try {
 *   await save(chart, `${dir}/dot.svg`);
 *   await save(chart, `${dir}/dot.html`);
 *   await save(chart, `${dir}/dot.png`);
 *   assert.match(await Deno.readTextFile(`${dir}/dot.html`), /<title>dot<\/title>/);
 *   const bytes = await Deno.readFile(`${dir}/dot.png`);
 *   assert.deepEqual([...bytes.slice(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
 *   await assert.rejects(() => save(chart, `${dir}/dot.jpg`), /must end in \.svg, \.html or \.png/);
 * } finally {
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 */
export async function save(
  chart: ChartElement,
  path: string,
  options: SaveOptions = {},
): Promise<void> {
  const { scale = 2 } = options;
  const format = typeof path === "string"
    ? FORMATS.find((extension) => path.toLowerCase().endsWith(extension))
    : undefined;
  if (format === undefined) {
    throw new TypeError(
      `Cannot save a chart to ${JSON.stringify(path)}: the path must end in .svg, .html or .png`,
    );
  }
  if (!(typeof scale === "number" && scale > 0 && scale <= 10)) {
    throw new RangeError(`Cannot use scale ${scale}: it must be a number above 0, at most 10`);
  }
  const folder = path.slice(0, path.lastIndexOf("/"));
  if (folder) await Deno.mkdir(folder, { recursive: true });
  if (format === ".svg") await Deno.writeTextFile(path, toSvg(chart));
  else if (format === ".html") await Deno.writeTextFile(path, page(chart, path));
  else await Deno.writeFile(path, await png(chart, scale));
}
