/**
 * `GET /projects/` (reference 3.1): filters, ordering, 14 per page, `mapResults` of all
 * matches, `{"mapResults": {}, "results": []}` when nothing matches.
 *
 * @module
 */

import type { QuerySpec, Route, RouteContext } from "../router.ts";
import { queryValue } from "../router.ts";
import type { Project } from "../model.ts";
import type { WorldIndex } from "../world_index.ts";
import type { JsonObject, JsonValue } from "../json.ts";
import { internalError, jsonResponse, routeError } from "../errors.ts";
import { isoZ } from "../dates.ts";
import { activeMappers, percentages, totalContributors } from "../figures.ts";
import { centroid } from "../geography.ts";
import { campaignsShort, infoFor, pagination } from "./common.ts";
import { filterProjects, SearchError, type SearchParams } from "./projects_filter.ts";
import { orderProjects } from "./projects_order.ts";

const PER_PAGE = 14;

const QUERY: QuerySpec[] = [
  { name: "organisationId", kind: "int" },
  { name: "teamId", kind: "int" },
  { name: "page", kind: "int" },
  { name: "omitMapResults", kind: "bool" },
  { name: "partnerId", kind: "int" },
  { name: "downloadAsCSV", kind: "bool" },
  { name: "createdByMe", kind: "bool" },
  { name: "sandbox", kind: "bool" },
  { name: "mappedByMe", kind: "bool" },
  { name: "favoritedByMe", kind: "bool" },
  { name: "managedByMe", kind: "bool" },
  { name: "basedOnMyInterests", kind: "bool" },
  { name: "mappingTypesExact", kind: "bool" },
];

function resultDto(index: WorldIndex, project: Project, locale: string | null): JsonObject {
  const info = infoFor(project, locale);
  const org = project.organisationId === null
    ? undefined
    : index.organisations.get(project.organisationId);
  const pct = percentages(project);
  const author = index.users.get(project.authorId);
  return {
    projectId: project.id,
    locale: info.locale,
    name: info.name,
    shortDescription: info.shortDescription,
    difficulty: project.difficulty,
    priority: project.priority,
    organisationName: org?.name ?? null,
    organisationLogo: org?.logo ?? null,
    campaigns: campaignsShort(index, project),
    percentMapped: pct.percentMapped,
    percentValidated: pct.percentValidated,
    status: project.status,
    activeMappers: activeMappers(project),
    lastUpdated: isoZ(project.lastUpdated),
    dueDate: project.dueDate === null ? null : isoZ(project.dueDate),
    totalContributors: totalContributors(project),
    country: project.countries,
    sandbox: project.sandbox,
    database: project.database,
    creationDate: null,
    author: author === undefined ? null : author.name || author.username,
    partnerNames: null,
    totalAreaSquareKilometers: null,
  };
}

/** Python's `a[start:end]` for possibly negative bounds. */
function pySlice<T>(items: T[], start: number, end: number): T[] {
  const n = items.length;
  const fix = (i: number): number => i < 0 ? Math.max(0, n + i) : Math.min(n, i);
  return items.slice(fix(start), Math.max(fix(start), fix(end)));
}

function text(ctx: RouteContext, name: string): string | null {
  return queryValue(ctx.url, name);
}

function csv(value: string | null): string[] | null {
  return value ? value.split(",") : null;
}

function handle(ctx: RouteContext): Response {
  const user = ctx.user;
  const interestsRaw = csv(text(ctx, "interests"));
  let interests: number[] | null = null;
  if (interestsRaw !== null) {
    const bad = interestsRaw.find((s) => !/^\s*[+-]?\d+\s*$/.test(s));
    if (bad !== undefined) {
      return routeError(400, `Projects GET - invalid literal for int() with base 10: '${bad}'`);
    }
    interests = interestsRaw.map(Number);
  }
  const me = (flag: string): number | null =>
    user !== null && ctx.bools[flag] === true ? user.id : null;
  const params: SearchParams = {
    locale: ctx.headers.get("accept-language") || null,
    difficulty: text(ctx, "difficulty"),
    action: text(ctx, "action"),
    organisationName: text(ctx, "organisationName"),
    organisationId: ctx.ints["organisationId"] ?? null,
    teamId: ctx.ints["teamId"] ?? null,
    campaign: text(ctx, "campaign"),
    orderBy: text(ctx, "orderBy") ?? "priority",
    orderByType: text(ctx, "orderByType") ?? "ASC",
    country: text(ctx, "country"),
    textSearch: text(ctx, "textSearch"),
    lastUpdatedFrom: text(ctx, "lastUpdatedFrom"),
    lastUpdatedTo: text(ctx, "lastUpdatedTo"),
    createdFrom: text(ctx, "createdFrom"),
    createdTo: text(ctx, "createdTo"),
    sandbox: ctx.bools["sandbox"] ?? null,
    database: text(ctx, "database"),
    imagery: text(ctx, "imagery"),
    mappingTypes: csv(text(ctx, "mappingTypes")),
    mappingTypesExact: ctx.bools["mappingTypesExact"] ?? false,
    projectStatuses: csv(text(ctx, "projectStatuses")),
    interests,
    createdBy: me("createdByMe"),
    mappedBy: me("mappedByMe"),
    managedBy: me("managedByMe"),
    favoritedBy: me("favoritedByMe"),
    basedOnMyInterests: me("basedOnMyInterests") !== null,
  };
  const omit = ctx.bools["omitMapResults"] ?? false;
  if (omit && ctx.bools["downloadAsCSV"] === true) {
    return routeError(400, "omitMapResults and downloadAsCSV cannot be both set to true");
  }
  const partnerId = ctx.ints["partnerId"] ?? null;
  const from = text(ctx, "partnershipFrom");
  const to = text(ctx, "partnershipTo");
  if ((from !== null || to !== null) && partnerId === null) {
    return routeError(400, "partnershipFrom or partnershipTo cannot be provided without partnerId");
  }
  if (partnerId !== null && from !== null && to !== null && from > to) {
    return routeError(400, "partnershipFrom cannot be greater than partnershipTo");
  }
  if ((partnerId !== null || from !== null || to !== null) && user?.role !== "ADMIN") {
    return routeError(
      401,
      "Only admins can search projects by partnerId, partnershipFrom, partnershipTo",
    );
  }
  let matches: Project[];
  try {
    matches = filterProjects(ctx.index, params, user);
  } catch (e) {
    if (e instanceof SearchError) return routeError(400, `Projects GET - ${e.message}`);
    throw e;
  }
  // The world has no partnerships: a partner filter matches nothing.
  if (partnerId) matches = [];
  if (!orderProjects(matches, params.orderBy, params.orderByType)) return internalError();
  const page = ctx.ints["page"] ?? 1;
  if (omit && page < 1) return internalError();
  if (matches.length === 0) return jsonResponse({ mapResults: {}, results: [] });
  const offset = (page - 1) * PER_PAGE;
  const rows = pySlice(matches, offset, offset + PER_PAGE);
  const results: JsonValue[] = rows.map((p) => resultDto(ctx.index, p, params.locale));
  const mapResults: JsonValue = omit ? [] : {
    type: "FeatureCollection",
    features: matches.map((p) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: centroid(p.aoi) },
      properties: { projectId: p.id, priority: p.priority },
    })),
  };
  return jsonResponse({
    mapResults,
    results,
    pagination: pagination(page, PER_PAGE, matches.length),
  });
}

/** The project search route. */
export const projectsSearchRoute: Route = {
  pattern: "/api/v2/projects/",
  auth: "optional",
  query: QUERY,
  handle,
};
