/**
 * `GET /projects/{project_id}/` (reference 3.2): `ProjectDTO` in declaration order.
 *
 * @module
 */

import type { Route, RouteContext } from "../router.ts";
import { queryValue } from "../router.ts";
import type { Project } from "../model.ts";
import type { WorldIndex } from "../world_index.ts";
import { float, type JsonObject, writeJson } from "../json.ts";
import { internalError, jsonResponse, privateProject, routeError, tmError } from "../errors.ts";
import { detailIso } from "../dates.ts";
import { activeMappers, percentages } from "../figures.ts";
import { bbox } from "../geography.ts";
import {
  access,
  allowedUsernames,
  campaignsShort,
  infoFor,
  infoJson,
  teamsJson,
} from "./common.ts";
import { taskCollection } from "./tasks_geojson.ts";

/** Python's `distutils.util.strtobool`, or `null` for anything else. */
function strtobool(text: string): boolean | null {
  const t = text.toLowerCase();
  if (["y", "yes", "t", "true", "on", "1"].includes(t)) return true;
  if (["n", "no", "f", "false", "off", "0"].includes(t)) return false;
  return null;
}

/** The `ProjectDTO` body of a project. */
export function projectDto(
  index: WorldIndex,
  project: Project,
  locale: string | null,
  abbreviated: boolean,
): JsonObject {
  const org = project.organisationId === null
    ? undefined
    : index.organisations.get(project.organisationId);
  const pct = percentages(project);
  const levelId = index.world.levels[0]?.id ?? 1;
  const [minX, minY, maxX, maxY] = bbox(project.aoi);
  return {
    projectId: project.id,
    status: project.status,
    projectPriority: project.priority,
    areaOfInterest: { type: "MultiPolygon", coordinates: project.aoi },
    aoiBBOX: [float(minX), float(minY), float(maxX), float(maxY)],
    tasks: taskCollection(project.tasks, abbreviated),
    defaultLocale: project.defaultLocale,
    projectInfo: infoJson(infoFor(project, locale)),
    projectInfoLocales: project.info.map(infoJson),
    difficulty: project.difficulty,
    mappingPermission: project.mappingPermission,
    mappingPermissionLevelId: levelId,
    validationPermission: project.validationPermission,
    validationPermissionLevelId: levelId,
    enforceRandomTaskSelection: project.enforceRandomTaskSelection,
    private: project.private,
    changesetComment: project.changesetComment,
    osmchaFilterId: project.osmchaFilterId,
    dueDate: project.dueDate === null ? null : detailIso(project.dueDate),
    imagery: project.imagery,
    josmPreset: project.josmPreset,
    idPresets: project.idPresets,
    extraIdParams: project.extraIdParams,
    rapidPowerUser: project.rapidPowerUser,
    sandbox: project.sandbox,
    mappingTypes: project.mappingTypes,
    campaigns: campaignsShort(index, project),
    organisation: project.organisationId,
    organisationName: org?.name ?? null,
    organisationSlug: org?.slug ?? null,
    organisationLogo: org?.logo ?? null,
    countryTag: project.countries,
    licenseId: project.licenseId,
    allowedUsernames: allowedUsernames(index, project),
    priorityAreas: null,
    created: detailIso(project.created),
    lastUpdated: detailIso(project.lastUpdated),
    author: index.username(project.authorId),
    database: project.database,
    activeMappers: activeMappers(project),
    percentMapped: pct.percentMapped,
    percentValidated: pct.percentValidated,
    percentBadImagery: pct.percentBadImagery,
    taskCreationMode: project.taskCreationMode,
    teams: teamsJson(index, project),
    mappingEditors: project.mappingEditors,
    validationEditors: project.validationEditors,
    customEditor: null,
    interests: project.interestIds.flatMap((id) => {
      const interest = index.world.interests.find((i) => i.id === id);
      return interest === undefined ? [] : [{
        id: interest.id,
        name: interest.name,
        userSelected: null,
        countProjects: null,
        countUsers: null,
      }];
    }),
  };
}

function handle(ctx: RouteContext): Response {
  const id = ctx.params["project_id"] ?? 0;
  const asFileRaw = queryValue(ctx.url, "as_file") ?? "False";
  const abbrevRaw = queryValue(ctx.url, "abbreviated") ?? "False";
  const asFile = asFileRaw === "" ? false : strtobool(asFileRaw);
  const abbreviated = abbrevRaw === "" ? false : strtobool(abbrevRaw);
  if (asFile === null || abbreviated === null) return internalError();
  const project = ctx.index.project(id);
  if (project === undefined) return tmError(404, "Project not found");
  const seen = access(ctx.index, project, ctx.user);
  if (seen === "draft") return routeError(403, " Unable to fetch project", "ProjectNotFetched");
  if (seen === "private") return privateProject();
  const body = projectDto(ctx.index, project, ctx.headers.get("accept-language"), abbreviated);
  if (!asFile) return jsonResponse(body);
  return new Response(writeJson(body), {
    headers: {
      "content-type": "application/json",
      "content-disposition": "attachment; filename=project.json",
    },
  });
}

/** The project detail route. */
export const projectDetailRoute: Route = {
  pattern: "/api/v2/projects/{project_id}/",
  auth: "optional",
  intParams: ["project_id"],
  handle,
};
