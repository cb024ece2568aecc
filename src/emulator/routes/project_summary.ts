/**
 * `GET /projects/{project_id}/queries/summary/` (reference 3.3): `ProjectSummary`, naive
 * dates without `Z`, percentages from live task statuses.
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import type { JsonValue } from "../json.ts";
import { jsonResponse } from "../errors.ts";
import { naiveIso } from "../dates.ts";
import { percentages } from "../figures.ts";
import { centroid } from "../geography.ts";
import { allowedUsernames, infoJson, storedInfo, teamsJson, visibleProject } from "./common.ts";

function handle(ctx: RouteContext): Response {
  const found = visibleProject(ctx.index, ctx.params["project_id"] ?? 0, ctx.user);
  if (found instanceof Response) return found;
  const project = found;
  const index = ctx.index;
  const org = project.organisationId === null
    ? undefined
    : index.organisations.get(project.organisationId);
  const pct = percentages(project);
  const info = storedInfo(project, ctx.headers.get("accept-language"));
  const campaigns: JsonValue[] = project.campaignIds.flatMap((id) => {
    const c = index.campaigns.get(id);
    return c === undefined ? [] : [{
      id: c.id,
      name: c.name,
      logo: c.logo,
      url: c.url,
      description: c.description,
      organisations: null,
    }];
  });
  return jsonResponse({
    projectId: project.id,
    defaultLocale: project.defaultLocale,
    author: index.username(project.authorId),
    created: naiveIso(project.created),
    dueDate: project.dueDate === null ? null : naiveIso(project.dueDate),
    lastUpdated: naiveIso(project.lastUpdated),
    projectPriority: project.priority,
    campaigns,
    organisation: project.organisationId,
    organisationName: org?.name ?? null,
    organisationSlug: org?.slug ?? null,
    organisationLogo: org?.logo ?? null,
    countryTag: project.countries,
    osmchaFilterId: project.osmchaFilterId,
    mappingTypes: project.mappingTypes,
    changesetComment: project.changesetComment,
    percentMapped: pct.percentMapped,
    percentValidated: pct.percentValidated,
    percentBadImagery: pct.percentBadImagery,
    aoiCentroid: { type: "Point", coordinates: centroid(project.aoi) },
    difficulty: project.difficulty,
    mappingPermission: project.mappingPermission,
    validationPermission: project.validationPermission,
    database: project.database,
    allowedUsernames: allowedUsernames(index, project),
    enforceRandomTaskSelection: project.enforceRandomTaskSelection,
    private: project.private,
    sandbox: project.sandbox,
    teams: teamsJson(index, project),
    projectInfo: infoJson(info),
    shortDescription: null,
    status: project.status,
    imagery: project.imagery,
    licenseId: project.licenseId,
    idPresets: project.idPresets,
    extraIdParams: project.extraIdParams,
    rapidPowerUser: project.rapidPowerUser,
    mappingEditors: project.mappingEditors,
    validationEditors: project.validationEditors,
    customEditor: null,
  });
}

/** The project summary route. */
export const projectSummaryRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/queries/summary/",
  auth: "optional",
  intParams: ["project_id"],
  handle,
};
