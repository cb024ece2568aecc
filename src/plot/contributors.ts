/**
 * `contributors(frame)`: the top mappers and validators of a project (or of many), as
 * horizontal stacked bars of tasks mapped and validated per user.
 *
 * @module
 */

import type { DataFrame, PlotMarkish, PlotOptions } from "../deps.ts";
import { importPlot, pl } from "../deps.ts";
import { countTicks, emptyNote, finishChart, mergeScale, type ScaledChart } from "./chart.ts";
import type { ChartElement } from "./document.ts";
import { plotDocument } from "./document.ts";

/**
 * Options of {@link contributors}: the chart's own, plus any Plot option, merged over the
 * chart's defaults (`x`, `y` and `color` scale options key by key; `marks` are drawn after the
 * chart's own).
 */
export interface ContributorsOptions extends PlotOptions {
  /** How many users to show, those ranked highest first. @default 15 */
  top?: number;
  /**
   * The count column users are ranked by (and whose value ends each bar): any numeric column,
   * e.g. `"invalidated"` of a per-user frame.
   * @default "total" when the frame has it, else the sum of the drawn `columns`
   */
  by?: string;
  /**
   * The count columns drawn, stacked, in this order. Known ones have fixed colours: `mapped`
   * blue, `validated` green, `invalidated` red, `badImagery` grey.
   * @default [by] when `by` is given and is not "total"; else those of mapped, validated, invalidated and badImagery the frame has
   */
  columns?: readonly string[];
  /** Draw the colour legend above the chart, inside its `<svg>`. @default true */
  legend?: boolean;
  /** A title drawn inside the SVG, above the legend: best the question answered. @default none */
  title?: string;
  /** A line or two under the title, inside the SVG. @default none */
  subtitle?: string;
}

/** The count columns with a fixed label and colour, in default order. */
const KNOWN: Readonly<Record<string, { label: string; color: string }>> = {
  mapped: { label: "Mapped", color: "#4269d0" },
  validated: { label: "Validated", color: "#3a9a4f" },
  invalidated: { label: "Invalidated", color: "#d6453d" },
  badImagery: { label: "Bad imagery", color: "#8c8c8c" },
};
const OTHER_COLORS = ["#efb118", "#a463f2", "#ff8ab7", "#9c6b4e", "#38b2ac", "#6cc5b0"];
const NUMERIC = /^(U?Int(8|16|32|64)|Float(32|64))$/;
const ROW_HEIGHT = 22;
const CHAR = 6.5;

type User = Record<string, unknown> & { username: string };

/** `tasksMapped` -> `Tasks mapped`. */
function labelOf(column: string): string {
  if (KNOWN[column]) return KNOWN[column].label;
  const words = column.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function shortName(name: string): string {
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

/** The columns to draw and to rank by, checked against the frame. */
function measuresOf(frame: DataFrame, by: string | undefined, columns?: readonly string[]) {
  const drawn = columns ??
    (by !== undefined && by !== "total"
      ? [by]
      : Object.keys(KNOWN).filter((name) => frame.columns.includes(name)));
  const lacking = [
    ...(frame.columns.includes("username") ? [] : ["username"]),
    ...(drawn.length > 0 ? [] : [
      "a count column (mapped, validated, invalidated or badImagery; or name one with `by`)",
    ]),
  ];
  if (lacking.length > 0) {
    throw new TypeError(
      `Cannot draw contributors: the frame lacks ${lacking.join(" and ")}; it has ${
        frame.columns.join(", ") || "no columns"
      }; pass e.g. the frame of await tm.project(id).contributions().frame()`,
    );
  }
  const rank = by ?? (frame.columns.includes("total") ? "total" : undefined);
  const counted = [...new Set([...drawn, ...(rank === undefined ? [] : [rank])])];
  const missing = counted.filter((name) => !frame.columns.includes(name));
  if (missing.length > 0) {
    throw new TypeError(
      `Cannot draw contributors: the frame lacks ${missing.join(", ")}; it has ${
        frame.columns.join(", ")
      }`,
    );
  }
  for (const name of counted) {
    const dtype = frame.getColumn(name).dtype.variant;
    if (!NUMERIC.test(dtype)) {
      throw new TypeError(
        `Cannot rank or draw contributors by ${name}: it is ${dtype}, not a numeric count column`,
      );
    }
  }
  return { drawn, rank, counted };
}

/**
 * Tasks per user as horizontal stacked bars, for the `top` users ranked by a count column,
 * from any frame with a `username` column and count columns: a contributions frame
 * (`tm.project(id).contributions().frame()`: `mapped`, `validated`, `badImagery`, `total`,
 * ranked by `total`), the same of many projects (`projectId`: rows are summed per user first),
 * or a per-user frame of a time window (ranked by what you name with `by`: `"mapped"`,
 * `"invalidated"` ...). Known columns have fixed colours (mapped blue, validated green,
 * invalidated red, bad imagery grey), others follow. Each bar ends with the user's value of
 * the ranking column; users whose value is 0 are left out, ties go by name. The height grows
 * with the number of users (22 px each) unless `height` is given. A frame without rows draws
 * a note; a frame without the columns is refused, naming them.
 *
 * Returns Plot's `<svg>` element, with `xmlns` set and the legend (and `title`, `subtitle`)
 * inside it.
 *
 * @example The ten busiest users of a project
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { contributors } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const [latest] = await tm.projects().orderBy("lastUpdated", "desc").limit(1).records();
 *   const users = await tm.project(latest!.projectId).contributions().frame();
 *   const chart = await contributors(users, { top: 10, title: "Who did the work?" });
 *   const names = chart.querySelectorAll("g[aria-label='y-axis tick label'] text");
 *   assert.equal(names.length, Math.min(10, users.height));
 *   const validators = await contributors(users, { by: "validated", top: 5 });
 *   assert.match(validators.outerHTML, /Validated/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function contributors(
  frame: DataFrame,
  options: ContributorsOptions = {},
): Promise<ChartElement> {
  const {
    top = 15,
    by,
    columns,
    legend = true,
    title,
    subtitle,
    marks = [],
    x,
    y,
    color,
    ...rest
  } = options;
  if (!Number.isSafeInteger(top) || top < 1) {
    throw new RangeError(`Cannot use top ${top}: it must be a positive integer`);
  }
  if (by !== undefined && typeof by !== "string") {
    throw new TypeError(`Cannot use by ${JSON.stringify(by)}: it must be a column name`);
  }
  if (columns !== undefined && (!Array.isArray(columns) || columns.length === 0)) {
    throw new TypeError(
      `Cannot use columns ${JSON.stringify(columns)}: it must be a non-empty array of names`,
    );
  }
  const { drawn, rank, counted } = measuresOf(frame, by, columns);
  const score = rank === undefined
    ? drawn.map((name) => pl.col(name)).reduce((sum, next) => sum.add(next)).alias("score")
    : pl.col(rank).alias("score");
  const users = frame
    .groupBy("username")
    .agg(...counted.map((name) => pl.col(name).sum()))
    .withColumns(score)
    .filter(pl.col("score").gt(0))
    .sort(["score", "username"], [true, false])
    .head(top)
    .toRecords() as unknown as User[];
  const [Plot, document] = await Promise.all([importPlot(), plotDocument()]);
  const names = users.map((user) => String(user.username));
  const keys = drawn.map(labelOf);
  const colors = drawn.map((name, i) =>
    KNOWN[name]?.color ?? OTHER_COLORS[i % OTHER_COLORS.length]!
  );
  const bars = users.flatMap((user) =>
    drawn.filter((name) => Number(user[name] ?? 0) > 0).map((name) => ({
      username: String(user.username),
      measure: labelOf(name),
      tasks: Number(user[name]),
    }))
  );
  const drawnSum = (user: User) => drawn.reduce((sum, name) => sum + Number(user[name] ?? 0), 0);
  const end = (user: User) => Math.max(Number(user.score), drawnSum(user));
  const integers = countTicks(Math.max(0, ...users.map(end)));
  const ticks = integers === undefined ? {} : { ticks: integers, tickFormat: "d" };
  const longest = Math.max(0, ...names.map((name) => Math.min(name.length, 24)));
  const own: PlotMarkish[] = users.length === 0 ? [emptyNote(Plot, "No contributors to chart")] : [
    Plot.barX(bars, {
      x: "tasks",
      y: "username",
      fill: "measure",
      order: keys,
      title: (bar: { username: string; measure: string; tasks: number }) =>
        `${bar.username}: ${bar.tasks} ${bar.measure.toLowerCase()}`,
    }),
    Plot.text(users, {
      x: drawnSum,
      y: "username",
      text: (user: User) => String(user.score),
      textAnchor: "start",
      dx: 4,
      fill: "#555",
    }),
    Plot.ruleX([0]),
  ];
  const chart = Plot.plot({
    width: 640,
    height: 16 + 40 + ROW_HEIGHT * Math.max(users.length, 3),
    marginTop: 16,
    marginBottom: 40,
    marginLeft: Math.max(60, Math.ceil(longest * CHAR) + 16),
    marginRight: 36,
    ...rest,
    document,
    x: mergeScale({ label: "Tasks →", labelAnchor: "right", grid: true, ...ticks }, x),
    y: mergeScale({ domain: names, label: null, tickFormat: shortName }, y),
    color: mergeScale({ type: "ordinal", domain: keys, range: colors }, color),
    marks: [...own, ...marks],
  }) as ScaledChart;
  return finishChart(document, chart, users.length === 0 ? [] : keys, {
    title: rank === undefined || rank === "total" || drawn.length === 1 && drawn[0] === rank
      ? "Tasks"
      : `Tasks (ranked by ${labelOf(rank).toLowerCase()})`,
    legend,
    heading: { title, subtitle },
  });
}
