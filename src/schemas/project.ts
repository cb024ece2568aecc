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
  Editor,
  MappingType,
  Permission,
  ProjectDifficulty,
  ProjectPriority,
  ProjectStatus,
  TaskCreationMode,
  TaskStatus,
  TeamRole,
} from "./enums.ts";

/** One locale's texts of a project (null becomes ""). */
export const ProjectInfo = z.object({
  locale: z.string(),
  name: z.string(),
  shortDescription: z.string(),
  description: z.string(),
  instructions: z.string(),
  perTaskInstructions: z.string(),
});
/** One locale's texts of a project. */
export type ProjectInfo = z.infer<typeof ProjectInfo>;

/** A team's role on a project. */
export const ProjectTeam = z.object({ teamId: z.number().int(), name: z.string(), role: TeamRole });
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
  taskIsSquare: z.boolean(),
  taskStatus: TaskStatus,
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
  status: ProjectStatus,
  projectPriority: ProjectPriority,
  areaOfInterest: orNull(Geometry),
  aoiBBOX: orNull(z.array(z.number())),
  tasks: orNull(TaskCollection),
  defaultLocale: z.string(),
  projectInfo: ProjectInfo,
  projectInfoLocales: z.array(ProjectInfo),
  difficulty: ProjectDifficulty,
  mappingPermission: Permission,
  mappingPermissionLevelId: orNull(z.number().int()),
  validationPermission: Permission,
  validationPermissionLevelId: orNull(z.number().int()),
  enforceRandomTaskSelection: z.boolean(),
  private: z.boolean(),
  changesetComment: orNull(z.string()),
  osmchaFilterId: orNull(z.string()),
  dueDate: orNull(TmDateTime),
  imagery: orNull(z.string()),
  josmPreset: orNull(z.string()),
  idPresets: orNull(z.array(z.string())),
  extraIdParams: orNull(z.string()),
  rapidPowerUser: z.boolean(),
  sandbox: orNull(z.boolean()),
  mappingTypes: z.array(MappingType),
  campaigns: z.array(CampaignRef),
  organisation: orNull(z.number().int()),
  organisationName: orNull(z.string()),
  organisationSlug: orNull(z.string()),
  organisationLogo: orNull(z.string()),
  countryTag: orNull(z.array(z.string())),
  licenseId: orNull(z.number().int()),
  allowedUsernames: z.array(z.string()).default([]),
  priorityAreas: orNull(z.array(Geometry)),
  created: TmDateTime,
  lastUpdated: TmDateTime,
  author: orNull(z.string()),
  database: orNull(z.string()),
  activeMappers: z.number().int(),
  percentMapped: z.number().int(),
  percentValidated: z.number().int(),
  percentBadImagery: z.number().int(),
  taskCreationMode: TaskCreationMode,
  teams: z.array(ProjectTeam),
  mappingEditors: z.array(Editor),
  validationEditors: z.array(Editor),
  customEditor: orNull(CustomEditor),
  interests: z.array(z.object({ id: z.number().int(), name: z.string() })).default([]),
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
  defaultLocale: z.string(),
  author: orNull(z.string()),
  created: TmDateTime,
  dueDate: orNull(TmDateTime),
  lastUpdated: TmDateTime,
  projectPriority: ProjectPriority,
  campaigns: z.array(SummaryCampaign),
  organisation: orNull(z.number().int()),
  organisationName: orNull(z.string()),
  organisationSlug: orNull(z.string()),
  organisationLogo: orNull(z.string()),
  countryTag: orNull(z.array(z.string())),
  osmchaFilterId: orNull(z.string()),
  mappingTypes: z.array(MappingType),
  changesetComment: orNull(z.string()),
  percentMapped: z.number().int(),
  percentValidated: z.number().int(),
  percentBadImagery: z.number().int(),
  aoiCentroid: orNull(Geometry),
  difficulty: ProjectDifficulty,
  mappingPermission: Permission,
  validationPermission: Permission,
  database: orNull(z.string()),
  allowedUsernames: z.array(z.string()).default([]),
  enforceRandomTaskSelection: z.boolean(),
  private: z.boolean(),
  sandbox: orNull(z.boolean()),
  teams: z.array(ProjectTeam),
  projectInfo: ProjectInfo,
  shortDescription: orNull(z.string()),
  status: ProjectStatus,
  imagery: orNull(z.string()),
  licenseId: orNull(z.number().int()),
  idPresets: orNull(z.array(z.string())),
  extraIdParams: orNull(z.string()),
  rapidPowerUser: z.boolean(),
  mappingEditors: z.array(Editor),
  validationEditors: z.array(Editor),
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
  "projectArea(in sq.km)": z.number(),
  totalMappers: z.number().int(),
  totalTasks: z.number().int(),
  totalComments: z.number().int(),
  totalMappingTime: z.number(),
  totalValidationTime: z.number(),
  totalTimeSpent: z.number(),
  averageMappingTime: z.number(),
  averageValidationTime: z.number(),
  percentMapped: z.number().int(),
  percentValidated: z.number().int(),
  percentBadImagery: z.number().int(),
  aoiCentroid: orNull(Geometry),
  timeToFinishMapping: z.number(),
  timeToFinishValidating: z.number(),
}).transform(({ "projectArea(in sq.km)": projectAreaSqKm, projectId, ...rest }) => ({
  projectId,
  projectAreaSqKm,
  ...rest,
}));
/** `GET /projects/{id}/statistics/`, with `projectAreaSqKm`. */
export type ProjectStatistics = z.infer<typeof ProjectStatistics>;
