/**
 * The report's sections, from its data: an overview (chart and table of the projects),
 * progress over time, activity (is validation keeping up with mapping?), contributors, the task map of the most active project, then
 * the snapshots written and the provenance of every answer (`appendix.ts`). Nothing here
 * reads a clock.
 *
 * @module
 */

import type { DataFrame } from "../deps.ts";
import { contributors, progressOverTime, projectsOverview, taskMap, toSvg } from "../plot/mod.ts";
import { activitySection } from "./activity_section.ts";
import { provenanceSection, type SectionInput, snapshotsSection } from "./appendix.ts";
import type { ReportData } from "./collect.ts";
import { type Cell, htmlChart, htmlTable, htmlText, type Section } from "./html.ts";

const WIDTH = 900;

function frameOf(data: ReportData, name: string): DataFrame {
  const found = data.frames.find((frame) => frame.name === name);
  if (found === undefined) throw new TypeError(`Cannot draw the report: no ${name} frame`);
  return found.frame;
}

function day(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : "—";
}

function records(frame: DataFrame, ...columns: string[]): Record<string, unknown>[] {
  return frame.select(...columns).toRecords() as Record<string, unknown>[];
}

function cell(value: unknown): Cell {
  return typeof value === "number" || typeof value === "string" || typeof value === "boolean"
    ? value
    : null;
}

async function overview(data: ReportData): Promise<Section> {
  const projects = frameOf(data, "projects");
  const chart = await projectsOverview(projects, { width: WIDTH, height: 440 });
  const rows = records(
    projects,
    "projectId",
    "name",
    "status",
    "priority",
    "percentMapped",
    "percentValidated",
    "lastUpdated",
  ).map((row) => [
    cell(row.projectId),
    cell(row.name),
    cell(row.status),
    cell(row.priority),
    cell(row.percentMapped),
    cell(row.percentValidated),
    day(row.lastUpdated),
  ]);
  const table = htmlTable(
    ["project", "name", "status", "priority", "% mapped", "% validated", "last updated"],
    rows,
  );
  return {
    id: "overview",
    title: "Overview",
    html: [
      htmlText(
        `${projects.height} published projects of ${data.organisation}, most recently updated first.`,
      ),
      htmlChart(toSvg(chart), "Percent mapped against percent validated, per project"),
      `<div class="scroll">${table}</div>`,
    ].join("\n"),
  };
}

async function progress(data: ReportData): Promise<Section> {
  const byDay = frameOf(data, "contributions_by_day");
  const chart = await progressOverTime(byDay, { by: "total", width: WIDTH, height: 320 });
  const days = byDay.select("date").unique().height;
  const span = byDay.height === 0
    ? "No contributions yet."
    : `${days} days with contributions, ${day(byDay.getColumn("date").sort().toArray()[0])} to ${
      day(byDay.getColumn("date").sort().toArray()[byDay.height - 1])
    }, summed over every project.`;
  return {
    id: "progress",
    title: "Progress over time",
    html: [htmlText(span), htmlChart(toSvg(chart), "Tasks mapped and validated over time")].join(
      "\n",
    ),
  };
}

async function people(data: ReportData): Promise<Section> {
  const contributions = frameOf(data, "contributions");
  const chart = await contributors(contributions, { top: 15, width: WIDTH });
  const users = contributions.select("username").unique().height;
  return {
    id: "contributors",
    title: "Contributors",
    html: [
      htmlText(`${users} users contributed; the 15 with most tasks, over every project:`),
      htmlChart(toSvg(chart), "Tasks mapped and validated per user"),
    ].join("\n"),
  };
}

async function tasks(data: ReportData): Promise<Section> {
  const frame = frameOf(data, "tasks");
  const chart = await taskMap(frame, { width: WIDTH, height: 520 });
  const { projectId, name } = data.mostActive;
  return {
    id: "tasks",
    title: "Task map",
    html: [
      htmlText(`The ${frame.height} tasks of the most active project, #${projectId} ${name}.`),
      htmlChart(toSvg(chart), "Tasks by status"),
    ].join("\n"),
  };
}

/**
 * Every section of the report, in order: overview, progress, activity, contributors, task
 * map, snapshots, provenance. Five inline SVG charts; every API string escaped. `onStep` is
 * told each section's title before it is drawn.
 *
 * @example
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import { collectReport } from "./collect.ts";
 * import { reportProvenance } from "./requests.ts";
 * import { reportSections } from "./sections.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 60 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url, progress: false });
 *   const data = await collectReport(tm, { activityProjects: 2 });
 *   const { provenance, requests } = reportProvenance(data.frames);
 *   const sections = await reportSections({
 *     data, source: "the emulator", provenance, requests, snapshots: [],
 *   });
 *   assert.equal(sections.filter((section) => section.html.includes("<svg")).length, 5);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export async function reportSections(
  input: SectionInput,
  onStep?: (step: string) => void,
): Promise<Section[]> {
  const { data } = input;
  const drawn: [string, () => Promise<Section> | Section][] = [
    ["Overview", () => overview(data)],
    ["Progress over time", () => progress(data)],
    ["Activity", () => activitySection(data, WIDTH)],
    ["Contributors", () => people(data)],
    ["Task map", () => tasks(data)],
    ["Snapshots", () => snapshotsSection(input)],
    ["Provenance", () => provenanceSection(input)],
  ];
  const sections: Section[] = [];
  for (const [title, draw] of drawn) {
    onStep?.(title);
    sections.push(await draw());
  }
  return sections;
}
