/**
 * The lines {@link progressOverTime} draws: running totals of mapped and validated tasks and
 * the total, per day, for one project, the sum of many, or each of many, cut to a time window
 * without losing the level reached before it, in counts or percent.
 *
 * @module
 */

import { type DataFrame, pl } from "../deps.ts";
import { plotRows } from "./data.ts";

/** One point of a line: a project's (or the sum's) running totals on a day. */
export interface ProgressPoint {
  /** The line: `#id name` of a project, or `""` for one project or the sum. */
  project: string;
  /** The day (midnight UTC), or the window's edge. */
  date: Date;
  /** Tasks mapped so far (percent of `totalTasks` when normalized). */
  cumulativeMapped: number;
  /** Tasks validated so far (percent of `totalTasks` when normalized). */
  cumulativeValidated: number;
  /** The project's tasks (100 when normalized). */
  totalTasks: number;
}

/** Options of {@link progressLines}. */
export interface ProgressLineOptions {
  /** One line per project (a frame with `projectId`) rather than their sum. */
  split: boolean;
  /** Percent of tasks rather than counts. @default false */
  normalize?: boolean;
  /** The first day drawn. @default the frame's first */
  from?: Date;
  /** The last day drawn. @default the frame's last (with `from`: every line is carried to it) */
  to?: Date;
}

/** What {@link progressLines} gives. */
export interface ProgressLines {
  /** The lines' names, in order (by project id). */
  projects: string[];
  /** Every line's points, line by line, by date. */
  points: ProgressPoint[];
  /** The window's last day, when there is a window. */
  end?: Date;
}

const COLUMNS = ["date", "cumulativeMapped", "cumulativeValidated", "totalTasks"] as const;
const COUNTS = ["cumulativeMapped", "cumulativeValidated", "totalTasks"] as const;
const NAME_COLUMNS = ["projectName", "name"] as const;
const DAY = 86_400_000;

/**
 * The campaign-wide counts per day of a many-projects frame: every project's cumulative counts
 * carried forward to each day of the union of days (0 before its first day), its `totalTasks`
 * carried back as well, then summed per day.
 */
function summed(frame: DataFrame): DataFrame {
  const days = frame.select("date").unique().sort("date");
  const grid = frame.select("projectId").unique().join(days, { how: "cross" });
  return grid
    .join(frame.select("projectId", ...COLUMNS), { on: ["projectId", "date"], how: "left" })
    .sort(["projectId", "date"])
    .withColumns(
      pl.col("cumulativeMapped").forwardFill().over("projectId").fillNull(0),
      pl.col("cumulativeValidated").forwardFill().over("projectId").fillNull(0),
      pl.col("totalTasks").forwardFill().over("projectId").backwardFill().over("projectId"),
    )
    .groupBy("date")
    .agg(...COUNTS.map((name) => pl.col(name).sum()))
    .sort("date");
}

/**
 * One line's points between `from` and `to`: the level reached before `from` carried to it
 * (0, with the first known `totalTasks`, before the first day), the days in between, and the
 * last level carried to `to`.
 */
function clipped(points: readonly ProgressPoint[], from?: Date, to?: Date): ProgressPoint[] {
  if (points.length === 0 || (from === undefined && to === undefined)) return [...points];
  const start = from?.getTime() ?? -Infinity;
  const end = to?.getTime() ?? Infinity;
  const before = points.filter((point) => point.date.getTime() < start).at(-1);
  const inside = points.filter((point) => {
    const time = point.date.getTime();
    return time >= start && time <= end;
  });
  const result = [...inside];
  if (from !== undefined && result[0]?.date.getTime() !== start) {
    const level = before ?? { ...points[0]!, cumulativeMapped: 0, cumulativeValidated: 0 };
    result.unshift({ ...level, date: from });
  }
  const last = result.at(-1);
  if (to !== undefined && last !== undefined && last.date.getTime() < end) {
    result.push({ ...last, date: to });
  }
  return result;
}

function percent(point: ProgressPoint): ProgressPoint {
  const of = (count: number) => point.totalTasks > 0 ? (100 * count) / point.totalTasks : 0;
  return {
    ...point,
    cumulativeMapped: of(point.cumulativeMapped),
    cumulativeValidated: of(point.cumulativeValidated),
    totalTasks: 100,
  };
}

/** `#id name` per project id, from a `projectName` or `name` column when there is one. */
function projectLabels(frame: DataFrame): Map<unknown, string> {
  const column = NAME_COLUMNS.find((name) => frame.columns.includes(name));
  const labels = new Map<unknown, string>();
  if (!frame.columns.includes("projectId")) return labels;
  const rows = frame.select("projectId", ...(column ? [column] : [])).unique().toRecords();
  for (const row of rows) {
    const name = column && typeof row[column] === "string" ? String(row[column]) : "";
    const short = name.length > 32 ? `${name.slice(0, 31)}…` : name;
    labels.set(row.projectId, short ? `#${row.projectId} ${short}` : `#${row.projectId}`);
  }
  return labels;
}

/**
 * The points of each line of a contributions-by-day frame (`date`, `cumulativeMapped`,
 * `cumulativeValidated`, `totalTasks`; `projectId` for many projects, `projectName` or `name`
 * for labels): one line for one project, for the sum of many (each carried forward to every
 * later day) or, `split`, per project. A window (`from`, `to`) starts each line at the level
 * reached before `from` (0 before its first day) and carries its last level to `to`.
 *
 * @example Running totals kept right in a window
 * ```ts
 * import { progressLines } from "./progress_lines.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const days = pl.DataFrame({
 *   date: ["2026-05-01", "2026-05-03", "2026-05-06"],
 *   cumulativeMapped: [2, 5, 8],
 *   cumulativeValidated: [0, 1, 4],
 *   totalTasks: [10, 10, 10],
 * }).withColumns(pl.col("date").str.strptime(pl.Date, "%Y-%m-%d"));
 * const { points } = progressLines(days, {
 *   split: false,
 *   from: new Date("2026-05-02"),
 *   to: new Date("2026-05-04"),
 * });
 * assert.deepEqual(points.map((p) => [p.date.toISOString().slice(0, 10), p.cumulativeMapped]), [
 *   ["2026-05-02", 2],
 *   ["2026-05-03", 5],
 *   ["2026-05-04", 5],
 * ]);
 * ```
 */
export function progressLines(frame: DataFrame, options: ProgressLineOptions): ProgressLines {
  const { split, normalize = false, from, to } = options;
  const many = frame.columns.includes("projectId");
  const labels = projectLabels(frame);
  const data = many && !split ? summed(frame) : frame.sort(split ? ["projectId", "date"] : "date");
  const rows = plotRows(data, split && many ? ["projectId", ...COLUMNS] : COLUMNS);
  const lines = new Map<string, ProgressPoint[]>();
  for (const row of rows) {
    const project = split && many ? labels.get(row.projectId) ?? `#${row.projectId}` : "";
    const line = lines.get(project) ?? [];
    line.push({
      project,
      date: row.date as Date,
      cumulativeMapped: Number(row.cumulativeMapped ?? 0),
      cumulativeValidated: Number(row.cumulativeValidated ?? 0),
      totalTasks: Number(row.totalTasks ?? 0),
    });
    lines.set(project, line);
  }
  const lastDay = Math.max(...rows.map((row) => (row.date as Date).getTime()));
  const end = to ??
    (from === undefined || rows.length === 0
      ? undefined
      : new Date(Math.max(lastDay, from.getTime() + DAY)));
  const points = [...lines.values()].flatMap((line) =>
    clipped(line, from, end).map(normalize ? percent : (point) => point)
  );
  return { projects: [...lines.keys()], points, ...(end === undefined ? {} : { end }) };
}
