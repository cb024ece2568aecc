/**
 * The report's data: every frame it shows, each fetched with its own provenance recorder, and
 * the few choices made from the data (the organisation, the most active projects). The same
 * client and the same answers always give the same frames and choices, which is what lets a
 * report be rebuilt from its cache (see `build.ts`).
 *
 * @module
 */

import type { Client } from "../client.ts";
import { type DataFrame, pl } from "../deps.ts";
import { ProvenanceRecorder } from "../provenance.ts";

/** One frame of the report, with the snapshot name it is written under. */
export interface ReportFrame {
  /** The snapshot name, e.g. `"contributions_by_day"`. */
  readonly name: string;
  /** What it holds, in words. */
  readonly title: string;
  /** The frame. */
  readonly frame: DataFrame;
  /** Every answer it was built from. */
  readonly recorder: ProvenanceRecorder;
}

/** What {@link collectReport} fetches. */
export interface CollectOptions {
  /** The organisation, by exact name; `undefined` picks the one with most published projects. */
  organisation?: string | undefined;
  /** At most this many projects, the most recently updated. @default 100 */
  limit?: number | undefined;
  /** The activity of this many most active projects is fetched. @default 5 */
  activityProjects?: number | undefined;
  /** At most this many actions of each of those projects, the newest. @default 1000 */
  activityRows?: number | undefined;
  /** Told before each step, e.g. to print it. @default nothing */
  onStep?: ((step: string) => void) | undefined;
}

/** Everything a report shows. */
export interface ReportData {
  /** The organisation reported on. */
  readonly organisation: string;
  /** The frames, in the order they were fetched. */
  readonly frames: readonly ReportFrame[];
  /** The projects whose activity is shown, most active first. */
  readonly activityProjects: readonly number[];
  /** The most actions fetched per project. */
  readonly activityRows: number;
  /** The most active project, whose task map is shown. */
  readonly mostActive: { readonly projectId: number; readonly name: string };
}

/**
 * The organisation a report of the live TM is about unless another is named.
 *
 * @example
 * ```ts
 * import { DEFAULT_ORGANISATION } from "./collect.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEFAULT_ORGANISATION, "Humanitarian OpenStreetMap Team");
 * ```
 */
export const DEFAULT_ORGANISATION = "Humanitarian OpenStreetMap Team";

/** Days before the latest contribution that count as "recent" for ranking projects. */
const RECENT_DAYS = 90;

/**
 * The organisations with their count of published projects, most first (ties by name): one
 * request for the list and one count per organisation.
 */
async function rankOrganisations(tm: Client, recorder: ProvenanceRecorder): Promise<DataFrame> {
  const organisations = await tm.organisations().frame({ provenance: recorder });
  const names = (organisations.getColumn("name").toArray() as (string | null)[])
    .filter((name): name is string => typeof name === "string" && name !== "");
  const counts = await Promise.all(
    names.map((name) => tm.projects().organisation(name).count({ provenance: recorder })),
  );
  return pl.DataFrame({ organisation: names, publishedProjects: counts }, {
    schema: { organisation: pl.String, publishedProjects: pl.Int64 },
  }).sort(["publishedProjects", "organisation"], [true, false]);
}

/**
 * Project ids ranked by tasks mapped plus validated in the 90 days up to the latest day of
 * `byDay` (ties: more tasks over all time, then the lower id). Projects without any
 * contribution follow in the order of `projects`.
 *
 * @example
 * ```ts
 * import { rankProjects } from "./collect.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const byDay = pl.DataFrame({
 *   projectId: [1, 2, 2],
 *   date: [new Date("2020-01-01"), new Date("2024-01-01"), new Date("2024-02-01")],
 *   mapped: [9, 1, 1],
 *   validated: [0, 0, 1],
 * }).withColumns(pl.col("date").cast(pl.Date));
 * const projects = pl.DataFrame({ projectId: [3, 1, 2] });
 * assert.deepEqual(rankProjects(byDay, projects), [2, 1, 3]); // 2 is busier lately
 * ```
 */
export function rankProjects(byDay: DataFrame, projects: DataFrame): number[] {
  const ranked: number[] = [];
  if (byDay.height > 0) {
    const day = pl.col("date").cast(pl.Int32); // days since 1970-01-01
    const tasks = pl.col("mapped").add(pl.col("validated"));
    const table = byDay
      .withColumns(
        tasks.alias("tasks"),
        pl.when(day.gtEq(day.max().sub(RECENT_DAYS))).then(tasks).otherwise(pl.lit(0))
          .alias("recent"),
      )
      .groupBy("projectId")
      .agg(pl.col("recent").sum(), pl.col("tasks").sum())
      .sort(["recent", "tasks", "projectId"], [true, true, false]);
    ranked.push(...(table.getColumn("projectId").toArray() as number[]));
  }
  for (const id of projects.getColumn("projectId").toArray() as number[]) {
    if (!ranked.includes(id)) ranked.push(id);
  }
  return ranked;
}

/**
 * Fetches every frame of an organisation's report through `tm`: its projects (the `limit`
 * most recently updated published ones), their contributions by day and per user (the
 * many-projects API over the same search), the newest `activityRows` actions of each of the
 * `activityProjects` most active projects, and the tasks of the most active one. Without an organisation, it first
 * ranks every organisation by published projects and takes the first.
 *
 * @example
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { collectReport } from "./collect.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 60 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, progress: false });
 *   const data = await collectReport(tm, { activityProjects: 2 });
 *   assert.equal(data.frames[0]?.name, "organisations");
 *   assert.ok(data.activityProjects.length <= 2);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function collectReport(tm: Client, options: CollectOptions = {}): Promise<ReportData> {
  const { limit = 100, activityProjects = 5, activityRows = 1000, onStep } = options;
  const frames: ReportFrame[] = [];
  async function fetched(
    name: string,
    title: string,
    fetch: (recorder: ProvenanceRecorder) => Promise<DataFrame>,
  ): Promise<DataFrame> {
    onStep?.(title);
    const recorder = new ProvenanceRecorder();
    const frame = await fetch(recorder);
    frames.push({ name, title, frame, recorder });
    return frame;
  }

  let organisation = options.organisation;
  if (organisation === undefined) {
    const ranked = await fetched(
      "organisations",
      "Organisations by published projects",
      (recorder) => rankOrganisations(tm, recorder),
    );
    organisation = (ranked.getColumn("organisation").toArray()[0] as string | undefined) ??
      DEFAULT_ORGANISATION;
  }
  const search = tm.projects().organisation(organisation).orderBy("lastUpdated", "desc")
    .limit(limit);
  const projects = await fetched(
    "projects",
    "Published projects",
    (provenance) => search.frame({ provenance }),
  );
  if (projects.height === 0) {
    throw new RangeError(
      `Cannot build a report of ${JSON.stringify(organisation)}: it has no published projects ` +
        "(the name must match exactly, as TM spells it)",
    );
  }
  const byDay = await fetched(
    "contributions_by_day",
    "Contributions by day",
    (provenance) => search.contributionsByDay().frame({ provenance }),
  );
  await fetched(
    "contributions",
    "Contributions per user",
    (provenance) => search.contributions().frame({ provenance }),
  );
  const ranked = rankProjects(byDay, projects);
  const active = ranked.slice(0, activityProjects);
  await fetched(
    "activities",
    `Activity of the ${active.length} most active projects`,
    (provenance) => tm.projects(active).activities().limit(activityRows).frame({ provenance }),
  );
  const top = ranked[0] as number;
  const names = projects.select("projectId", "name").toRecords();
  const name = String(names.find((row) => row.projectId === top)?.name ?? `#${top}`);
  await fetched(
    "tasks",
    `Tasks of the most active project (#${top})`,
    (provenance) => tm.project(top).tasks().frame({ provenance }),
  );
  return {
    organisation,
    frames,
    activityProjects: active,
    activityRows,
    mostActive: { projectId: top, name },
  };
}
