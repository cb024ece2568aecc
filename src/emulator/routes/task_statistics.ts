/**
 * `GET /tasks/statistics/` (reference 3.12): mapped, validated and bad-imagery
 * `STATE_CHANGE` rows per day, auth required. Checks run in TM's order: missing `startDate`
 * (422), then inside TM's `try`: both dates, the range, `projectId` items, `organisationId`.
 * A value Python's `int()` rejects raises a `ValueError` whose message TM splits on `-`; a
 * message without `-` makes that handler fail, so TM answers 500 (`valueErrorResponse`).
 *
 * `endDate` defaults to the date the TM process started; the emulator uses its clock's date
 * at request time (the same thing unless activity insertion moves the clock past midnight).
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { queryValue } from "../router.ts";
import type { Project, World } from "../model.ts";
import { jsonResponse } from "../errors.ts";
import { parseQueryDate, ymd } from "../dates.ts";
import { taskStatsByDay } from "../figures_orgs.ts";
import { missingQuery, pythonInt, valueErrorResponse } from "./analytics_common.ts";

const DAY = 86_400_000_000;

/** Filters of the route, as TM applies them to `projects` (all AND-ed). */
interface ProjectFilters {
  organisationId: number | null;
  organisationName: string | null;
  campaign: string | null;
  projectIds: number[] | null;
  country: string | null;
}

/** SQL `ILIKE` of a pattern: `%` any run, `_` one character, `\` escapes, case ignored. */
function ilike(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? "";
    if (c === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i] ?? "");
    else if (c === "%") source += "[\\s\\S]*";
    else if (c === "_") source += "[\\s\\S]";
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, "iu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function selectProjects(world: World, f: ProjectFilters): Project[] {
  const orgByName = f.organisationName === null
    ? undefined
    : world.organisations.find((o) => o.name === f.organisationName);
  const campaign = f.campaign === null
    ? undefined
    : world.campaigns.find((c) => c.name === f.campaign);
  const country = f.country === null ? null : ilike(`%${f.country}%`);
  const ids = f.projectIds === null ? null : new Set(f.projectIds);
  return world.projects.filter((p) =>
    (f.organisationId === null || p.organisationId === f.organisationId) &&
    (f.organisationName === null ||
      (orgByName !== undefined && p.organisationId === orgByName.id)) &&
    (f.campaign === null || (campaign !== undefined && p.campaignIds.includes(campaign.id))) &&
    (ids === null || ids.has(p.id)) &&
    (country === null || (p.countries ?? []).some((c) => country.test(c)))
  );
}

function nonEmpty(ctx: RouteContext, name: string): string | null {
  const value = queryValue(ctx.url, name);
  return value === null || value === "" ? null : value;
}

function handle(ctx: RouteContext): Response {
  const startText = queryValue(ctx.url, "startDate");
  if (startText === null) return missingQuery("startDate");
  const endText = queryValue(ctx.url, "endDate") ?? ymd(ctx.world.now);
  const start = parseQueryDate(startText);
  const end = start === null ? null : parseQueryDate(endText);
  if (start === null || end === null) {
    return valueErrorResponse("InvalidDateValue- Invalid date value");
  }
  if (end < start) {
    return valueErrorResponse("InvalidDateRange- Start date must be earlier than end date");
  }
  if (end - start > 366 * DAY) {
    return valueErrorResponse("InvalidDateRange- Date range cannot be greater than 1 year");
  }
  let projectIds: number[] | null = null;
  const idsText = nonEmpty(ctx, "projectId");
  if (idsText !== null) {
    projectIds = [];
    for (const item of idsText.split(",")) {
      const id = pythonInt(item);
      if (typeof id === "string") return valueErrorResponse(id);
      projectIds.push(id);
    }
  }
  let organisationId: number | null = null;
  const orgText = nonEmpty(ctx, "organisationId");
  if (orgText !== null) {
    const id = pythonInt(orgText);
    if (typeof id === "string") return valueErrorResponse(id);
    organisationId = id;
  }
  const projects = selectProjects(ctx.world, {
    organisationId,
    organisationName: nonEmpty(ctx, "organisationName"),
    campaign: nonEmpty(ctx, "campaign"),
    projectIds,
    country: nonEmpty(ctx, "country"),
  });
  const taskStats = taskStatsByDay(projects, ymd(start), ymd(end)).map((d) => ({
    date: d.date,
    mapped: d.mapped,
    validated: d.validated,
    badImagery: d.badImagery,
  }));
  return jsonResponse({ taskStats });
}

/** The task statistics route (auth required). */
export const taskStatisticsRoute: Route = {
  pattern: "/api/v2/tasks/statistics/",
  auth: "required",
  handle,
};
