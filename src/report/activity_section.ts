/**
 * The report's Activity section: "Is validation keeping up with mapping?", answered with the
 * running totals of tasks set to mapped, validated and invalidated, week by week (from
 * Monday), in the projects whose activity the report fetched, over the weeks it covers whole.
 *
 * @module
 */

import { type DataFrame, pl } from "../deps.ts";
import { activityOverTime, toSvg } from "../plot/mod.ts";
import { utc, valueAt } from "../time.ts";
import type { ReportData } from "./collect.ts";
import { type Cell, htmlChart, htmlTable, htmlText, type Section } from "./html.ts";

const DAY = 86_400_000;
/** The most weeks charted, up to the newest action. */
const WEEKS = 26;
const STATES = ["MAPPED", "VALIDATED", "INVALIDATED"] as const;

/** The Monday (UTC) of the week of `time`, as polars' `truncate("1w")` has it. */
function monday(time: number): Date {
  const day = Math.floor(time / DAY);
  return new Date((day - ((day + 3) % 7 + 7) % 7) * DAY);
}

function isoDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : "—";
}

/**
 * The first Monday from which every project's fetched activity is whole: a project that hit
 * the row limit lacks its older actions, so the window starts after its oldest fetched one;
 * never before the week of the oldest action, nor more than {@link WEEKS} weeks before the
 * newest.
 */
function windowStart(activities: DataFrame, limit: number): Date | undefined {
  if (activities.height === 0) return undefined;
  const newest = valueAt(activities.select(pl.col("actionDate").max()), "actionDate", 0) as Date;
  const cut = activities.groupBy("projectId")
    .agg(pl.col("actionDate").count().alias("rows"), pl.col("actionDate").min().alias("oldest"))
    .filter(pl.col("rows").gtEq(limit));
  const oldest = cut.height === 0
    ? undefined
    : valueAt(cut.select(pl.col("oldest").max()), "oldest", 0) as Date;
  const first = valueAt(activities.select(pl.col("actionDate").min()), "actionDate", 0) as Date;
  const earliest = Math.max(first.getTime(), newest.getTime() - (WEEKS - 1) * 7 * DAY);
  const start = monday(Math.max(earliest, oldest === undefined ? -Infinity : oldest.getTime()));
  // A cut that falls inside a week leaves that week partial: start at the next Monday.
  return oldest !== undefined && start.getTime() < oldest.getTime()
    ? new Date(start.getTime() + 7 * DAY)
    : start;
}

/** How many state changes set each state, per project, in the window. */
function perProject(changes: DataFrame): Map<unknown, Record<string, number>> {
  const counts = new Map<unknown, Record<string, number>>();
  const rows = changes.groupBy(["projectId", "actionText"]).agg(pl.col("actionDate").count())
    .toRecords();
  for (const row of rows) {
    const entry = counts.get(row.projectId) ?? {};
    entry[String(row.actionText)] = Number(row.actionDate);
    counts.set(row.projectId, entry);
  }
  return counts;
}

function answer(mapped: number, validated: number): string {
  if (mapped === 0 && validated === 0) return "No task was mapped or validated in these weeks.";
  const gap = mapped - validated;
  const verdict = gap <= 0
    ? "validation kept up: as many tasks or more were validated as were mapped"
    : `validation fell behind by ${gap} task${gap === 1 ? "" : "s"}`;
  return `${mapped} tasks set to mapped and ${validated} to validated: ${verdict}.`;
}

/**
 * The Activity section: the running totals of tasks set to mapped, validated and invalidated,
 * week by week, a sentence with the totals and the verdict, and a table per project.
 *
 * @example
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { activitySection } from "./activity_section.ts";
 * import { collectReport } from "./collect.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 60 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, progress: false });
 *   const data = await collectReport(tm, { activityProjects: 2 });
 *   const section = await activitySection(data, 900);
 *   assert.match(section.html, /Is validation keeping up with mapping\?/);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function activitySection(data: ReportData, width: number): Promise<Section> {
  const activities = frameOf(data, "activities");
  const start = windowStart(activities, data.activityRows);
  const changes = start === undefined ? activities.head(0) : activities.filter(
    pl.col("action").eq(pl.lit("STATE_CHANGE"))
      .and(pl.col("actionText").isIn([...STATES]))
      .and(pl.col("actionDate").gtEq(utc(start))),
  );
  const weeks = start === undefined ? 0 : Math.ceil(
    ((valueAt(activities.select(pl.col("actionDate").max()), "actionDate", 0) as Date).getTime() -
      start.getTime() + 1) / (7 * DAY),
  );
  const counts = perProject(changes);
  const total = (state: string) =>
    [...counts.values()].reduce((sum, entry) => sum + (entry[state] ?? 0), 0);
  const chart = await activityOverTime(changes, {
    interval: "week",
    mark: "line",
    cumulative: true,
    width,
    height: 300,
    title: "Is validation keeping up with mapping?",
    subtitle: `Running totals of tasks set to mapped, validated and invalidated, week by week ` +
      `(from Monday, UTC): a widening gap between mapped and validated is a growing backlog; ` +
      `${data.activityProjects.length} most active projects, ${weeks} weeks from ${isoDay(start)}`,
  });
  const names = new Map(
    frameOf(data, "projects").select("projectId", "name").toRecords().map((row) => [
      row.projectId,
      row.name,
    ]),
  );
  const rows = data.activityProjects.map((id): Cell[] => {
    const entry = counts.get(id) ?? {};
    const name = names.get(id);
    return [
      id,
      typeof name === "string" ? name : null,
      entry.MAPPED ?? 0,
      entry.VALIDATED ?? 0,
      entry.INVALIDATED ?? 0,
    ];
  });
  return {
    id: "activity",
    title: "Activity",
    html: [
      htmlText(
        start === undefined
          ? "No activity was fetched."
          : `In the ${weeks} weeks from ${isoDay(start)} (the weeks whose actions the report ` +
            `fetched whole, at most ${data.activityRows} per project): ` +
            answer(total("MAPPED"), total("VALIDATED")),
      ),
      htmlChart(toSvg(chart), "Tasks set to mapped, validated and invalidated per week"),
      htmlTable(["project", "name", "mapped", "validated", "invalidated"], rows),
    ].join("\n"),
  };
}

function frameOf(data: ReportData, name: string): DataFrame {
  const found = data.frames.find((frame) => frame.name === name);
  if (found === undefined) throw new TypeError(`Cannot draw the report: no ${name} frame`);
  return found.frame;
}
