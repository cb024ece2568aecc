/**
 * One project: detail (`/projects/{id}/`, reference 3.2), summary (`/queries/summary/`, 3.3)
 * and statistics (`/statistics/`, 3.4).
 *
 * Allowances for TM4-era answers (such as shared/tm-api/samples/canned_project_detail.json):
 * fields v5 always sends but TM4 left out (`josmPreset`, `sandbox`, `database`,
 * `customEditor`, permission level ids, task `mappedBy`/`validatedBy`) read as null;
 * timestamps may carry 6-digit fractions.
 *
 * @module
 */

import { z } from "../deps.ts";
import { CampaignRef, Geometry, orNull, TmDateTime } from "./common.ts";
import {
  EditorField,
  MappingTypeField,
  PermissionField,
  ProjectDifficultyField,
  ProjectPriorityField,
  ProjectStatusField,
  TaskCreationModeField,
  TaskStatusField,
  TeamRoleField,
} from "./enum_fields.ts";

/** One locale's texts of a project; TM sends null for a text never written. */
export const ProjectInfo = z.object({
  locale: z.string(),
  name: orNull(z.string()),
  shortDescription: orNull(z.string()),
  description: orNull(z.string()),
  instructions: orNull(z.string()),
  perTaskInstructions: orNull(z.string()),
});
/** One locale's texts of a project. */
export type ProjectInfo = z.infer<typeof ProjectInfo>;

/** A team's role on a project. */
export const ProjectTeam = z.object({
  teamId: z.number().int(),
  name: orNull(z.string()),
  role: TeamRoleField,
});
/** A team's role on a project. */
export type ProjectTeam = z.infer<typeof ProjectTeam>;

/** A custom editor. */
export const CustomEditor = z.object({
  name: z.string(),
  description: orNull(z.string()),
  url: z.string(),
});
/** A custom editor. */
export type CustomEditor = z.infer<typeof CustomEditor>;

/** Properties of one task feature in project detail (TM4 had no mappedBy/validatedBy). */
export const TaskProperties = z.object({
  taskId: z.number().int(),
  taskX: orNull(z.number().int()),
  taskY: orNull(z.number().int()),
  taskZoom: orNull(z.number().int()),
  taskIsSquare: orNull(z.boolean()),
  taskStatus: TaskStatusField,
  lockedBy: orNull(z.number().int()),
  mappedBy: orNull(z.number().int()),
  validatedBy: orNull(z.number().int()),
});
/** Properties of one task feature. */
export type TaskProperties = z.infer<typeof TaskProperties>;

/** The `tasks` FeatureCollection of project detail; geometry is null when abbreviated. */
export const TaskCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      geometry: orNull(Geometry),
      properties: TaskProperties,
    }),
  ),
});
/** The `tasks` FeatureCollection of project detail. */
export type TaskCollection = z.infer<typeof TaskCollection>;

/**
 * `GET /projects/{id}/`: the full project (tests/contract_test.ts parses TM's real sample).
 *
 * @example An empty object is refused, naming the missing keys
 * ```ts
 * import { ProjectDetail } from "./project.ts";
 * import assert from "node:assert/strict";
 *
 * const result = ProjectDetail.safeParse({});
 * assert.equal(result.success, false);
 * assert.ok(result.error?.issues.some((issue) => issue.path[0] === "projectId"));
 * ```
 */
export const ProjectDetail = z.object({
  projectId: z.number().int(),
  status: ProjectStatusField,
  projectPriority: ProjectPriorityField,
  areaOfInterest: orNull(Geometry),
  aoiBBOX: orNull(z.array(z.number())),
  tasks: orNull(TaskCollection),
  defaultLocale: z.string(),
  projectInfo: ProjectInfo,
  projectInfoLocales: orNull(z.array(ProjectInfo)),
  difficulty: ProjectDifficultyField,
  mappingPermission: PermissionField,
  mappingPermissionLevelId: orNull(z.number().int()),
  validationPermission: PermissionField,
  validationPermissionLevelId: orNull(z.number().int()),
  enforceRandomTaskSelection: orNull(z.boolean()),
  private: z.boolean(),
  changesetComment: orNull(z.string()),
  osmchaFilterId: orNull(z.string()),
  dueDate: orNull(TmDateTime),
  imagery: orNull(z.string()),
  josmPreset: orNull(z.string()),
  idPresets: orNull(z.array(z.string())),
  extraIdParams: orNull(z.string()),
  rapidPowerUser: orNull(z.boolean()),
  sandbox: orNull(z.boolean()),
  mappingTypes: z.array(MappingTypeField),
  campaigns: z.array(CampaignRef),
  organisation: orNull(z.number().int()),
  organisationName: orNull(z.string()),
  organisationSlug: orNull(z.string()),
  organisationLogo: orNull(z.string()),
  countryTag: orNull(z.array(z.string())),
  licenseId: orNull(z.number().int()),
  allowedUsernames: orNull(z.array(z.string())),
  priorityAreas: orNull(z.array(Geometry)),
  created: orNull(TmDateTime),
  lastUpdated: orNull(TmDateTime),
  author: orNull(z.string()),
  database: orNull(z.string()),
  activeMappers: orNull(z.number().int()),
  percentMapped: orNull(z.number().int()),
  percentValidated: orNull(z.number().int()),
  percentBadImagery: orNull(z.number().int()),
  taskCreationMode: TaskCreationModeField,
  teams: orNull(z.array(ProjectTeam)),
  mappingEditors: z.array(EditorField),
  validationEditors: z.array(EditorField),
  customEditor: orNull(CustomEditor),
  interests: orNull(z.array(z.object({ id: z.number().int(), name: orNull(z.string()) }))),
});
/** `GET /projects/{id}/`: the full project. */
export type ProjectDetail = z.infer<typeof ProjectDetail>;

/** A campaign as `/queries/summary/` lists it. */
export const SummaryCampaign = z.object({
  id: z.number().int(),
  name: z.string(),
  logo: orNull(z.string()),
  url: orNull(z.string()),
  description: orNull(z.string()),
});
/** A campaign as `/queries/summary/` lists it. */
export type SummaryCampaign = z.infer<typeof SummaryCampaign>;

/** `GET /projects/{id}/queries/summary/`: the project's header figures (naive UTC dates). */
export const ProjectSummary = z.object({
  projectId: z.number().int(),
  defaultLocale: orNull(z.string()),
  author: orNull(z.string()),
  created: orNull(TmDateTime),
  dueDate: orNull(TmDateTime),
  lastUpdated: orNull(TmDateTime),
  projectPriority: orNull(ProjectPriorityField),
  campaigns: z.array(SummaryCampaign),
  organisation: orNull(z.number().int()),
  organisationName: orNull(z.string()),
  organisationSlug: orNull(z.string()),
  organisationLogo: orNull(z.string()),
  countryTag: orNull(z.array(z.string())),
  osmchaFilterId: orNull(z.string()),
  mappingTypes: z.array(MappingTypeField),
  changesetComment: orNull(z.string()),
  percentMapped: orNull(z.number().int()),
  percentValidated: orNull(z.number().int()),
  percentBadImagery: orNull(z.number().int()),
  aoiCentroid: orNull(Geometry),
  difficulty: orNull(ProjectDifficultyField),
  mappingPermission: orNull(PermissionField),
  validationPermission: orNull(PermissionField),
  database: orNull(z.string()),
  allowedUsernames: orNull(z.array(z.string())),
  enforceRandomTaskSelection: orNull(z.boolean()),
  private: orNull(z.boolean()),
  sandbox: orNull(z.boolean()),
  teams: orNull(z.array(ProjectTeam)),
  projectInfo: ProjectInfo,
  shortDescription: orNull(z.string()),
  status: orNull(ProjectStatusField),
  imagery: orNull(z.string()),
  licenseId: orNull(z.number().int()),
  idPresets: orNull(z.array(z.string())),
  extraIdParams: orNull(z.string()),
  rapidPowerUser: orNull(z.boolean()),
  mappingEditors: z.array(EditorField),
  validationEditors: z.array(EditorField),
  customEditor: orNull(CustomEditor),
});
/** `GET /projects/{id}/queries/summary/`. */
export type ProjectSummary = z.infer<typeof ProjectSummary>;

/**
 * `GET /projects/{id}/statistics/`. The key `projectArea(in sq.km)` is renamed
 * `projectAreaSqKm`; times are seconds (floats).
 *
 * @example
 * ```ts
 * import { ProjectStatistics } from "./project.ts";
 * import assert from "node:assert/strict";
 *
 * const stats = ProjectStatistics.parse({
 *   projectId: 1, "projectArea(in sq.km)": 2.5, totalMappers: 1, totalTasks: 4, totalComments: 0,
 *   totalMappingTime: 10.0, totalValidationTime: 0, totalTimeSpent: 10.0, averageMappingTime: 5,
 *   averageValidationTime: 0, percentMapped: 50, percentValidated: 0, percentBadImagery: 0,
 *   aoiCentroid: { type: "Point", coordinates: [85, 27] }, timeToFinishMapping: 10, timeToFinishValidating: 20,
 * });
 * assert.equal(stats.projectAreaSqKm, 2.5);
 * ```
 */
export const ProjectStatistics = z.object({
  projectId: z.number().int(),
  "projectArea(in sq.km)": orNull(z.number()),
  totalMappers: orNull(z.number().int()),
  totalTasks: orNull(z.number().int()),
  totalComments: orNull(z.number().int()),
  totalMappingTime: orNull(z.number()),
  totalValidationTime: orNull(z.number()),
  totalTimeSpent: orNull(z.number()),
  averageMappingTime: orNull(z.number()),
  averageValidationTime: orNull(z.number()),
  percentMapped: orNull(z.number().int()),
  percentValidated: orNull(z.number().int()),
  percentBadImagery: orNull(z.number().int()),
  aoiCentroid: orNull(Geometry),
  timeToFinishMapping: orNull(z.number()),
  timeToFinishValidating: orNull(z.number()),
}).transform(({ "projectArea(in sq.km)": projectAreaSqKm, projectId, ...rest }) => ({
  projectId,
  projectAreaSqKm,
  ...rest,
}));
/** `GET /projects/{id}/statistics/`, with `projectAreaSqKm`. */
export type ProjectStatistics = z.infer<typeof ProjectStatistics>;
