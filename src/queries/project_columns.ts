/**
 * Frame columns of the single-project endpoints. Nested texts are flattened
 * (`projectInfo.name` → `name`, `projectInfo.shortDescription` → `shortDescription`);
 * GeoJSON values become JSON text (Utf8); the task grid of project detail is left out of the
 * frame (it is in `records()`).
 *
 * @module
 */

import type { Columns } from "../frame.ts";
import type { ProjectDetail, ProjectStatistics, ProjectSummary } from "../rows.ts";

const TEAM_FIELDS = { teamId: "int", name: "str", role: "str" } as const;

/** `/projects/{id}/` as one frame row. */
export const PROJECT_DETAIL_COLUMNS: Columns<ProjectDetail> = {
  projectId: { kind: "int" },
  status: { kind: "str" },
  projectPriority: { kind: "str" },
  difficulty: { kind: "str" },
  defaultLocale: { kind: "str" },
  name: { kind: "str", value: (row) => row.projectInfo.name },
  shortDescription: { kind: "str", value: (row) => row.projectInfo.shortDescription },
  mappingPermission: { kind: "str" },
  validationPermission: { kind: "str" },
  enforceRandomTaskSelection: { kind: "bool" },
  private: { kind: "bool" },
  changesetComment: { kind: "str" },
  osmchaFilterId: { kind: "str" },
  dueDate: { kind: "datetime" },
  imagery: { kind: "str" },
  josmPreset: { kind: "str" },
  idPresets: { kind: "list<str>" },
  extraIdParams: { kind: "str" },
  rapidPowerUser: { kind: "bool" },
  sandbox: { kind: "bool" },
  mappingTypes: { kind: "list<str>" },
  campaigns: { kind: "list<struct>", fields: { id: "int", name: "str" } },
  organisation: { kind: "int" },
  organisationName: { kind: "str" },
  organisationSlug: { kind: "str" },
  organisationLogo: { kind: "str" },
  countryTag: { kind: "list<str>" },
  licenseId: { kind: "int" },
  allowedUsernames: { kind: "list<str>" },
  created: { kind: "datetime" },
  lastUpdated: { kind: "datetime" },
  author: { kind: "str" },
  database: { kind: "str" },
  activeMappers: { kind: "int" },
  percentMapped: { kind: "int" },
  percentValidated: { kind: "int" },
  percentBadImagery: { kind: "int" },
  taskCreationMode: { kind: "str" },
  teams: { kind: "list<struct>", fields: TEAM_FIELDS },
  mappingEditors: { kind: "list<str>" },
  validationEditors: { kind: "list<str>" },
  interests: { kind: "list<struct>", fields: { id: "int", name: "str" } },
  aoiBBOX: { kind: "list<float>" },
  areaOfInterest: { kind: "json" },
};

/** `/projects/{id}/queries/summary/` as one frame row. */
export const PROJECT_SUMMARY_COLUMNS: Columns<ProjectSummary> = {
  projectId: { kind: "int" },
  defaultLocale: { kind: "str" },
  name: { kind: "str", value: (row) => row.projectInfo.name },
  author: { kind: "str" },
  created: { kind: "datetime" },
  dueDate: { kind: "datetime" },
  lastUpdated: { kind: "datetime" },
  projectPriority: { kind: "str" },
  campaigns: {
    kind: "list<struct>",
    fields: { id: "int", name: "str", logo: "str", url: "str", description: "str" },
  },
  organisation: { kind: "int" },
  organisationName: { kind: "str" },
  organisationSlug: { kind: "str" },
  organisationLogo: { kind: "str" },
  countryTag: { kind: "list<str>" },
  osmchaFilterId: { kind: "str" },
  mappingTypes: { kind: "list<str>" },
  changesetComment: { kind: "str" },
  percentMapped: { kind: "int" },
  percentValidated: { kind: "int" },
  percentBadImagery: { kind: "int" },
  aoiCentroid: { kind: "json" },
  difficulty: { kind: "str" },
  mappingPermission: { kind: "str" },
  validationPermission: { kind: "str" },
  database: { kind: "str" },
  allowedUsernames: { kind: "list<str>" },
  enforceRandomTaskSelection: { kind: "bool" },
  private: { kind: "bool" },
  sandbox: { kind: "bool" },
  teams: { kind: "list<struct>", fields: TEAM_FIELDS },
  status: { kind: "str" },
  imagery: { kind: "str" },
  licenseId: { kind: "int" },
  idPresets: { kind: "list<str>" },
  extraIdParams: { kind: "str" },
  rapidPowerUser: { kind: "bool" },
  mappingEditors: { kind: "list<str>" },
  validationEditors: { kind: "list<str>" },
};

/** `/projects/{id}/statistics/` as one frame row (`projectArea(in sq.km)` → `projectAreaSqKm`). */
export const PROJECT_STATISTICS_COLUMNS: Columns<ProjectStatistics> = {
  projectId: { kind: "int" },
  projectAreaSqKm: { kind: "float" },
  totalMappers: { kind: "int" },
  totalTasks: { kind: "int" },
  totalComments: { kind: "int" },
  totalMappingTime: { kind: "float" },
  totalValidationTime: { kind: "float" },
  totalTimeSpent: { kind: "float" },
  averageMappingTime: { kind: "float" },
  averageValidationTime: { kind: "float" },
  percentMapped: { kind: "int" },
  percentValidated: { kind: "int" },
  percentBadImagery: { kind: "int" },
  aoiCentroid: { kind: "json" },
  timeToFinishMapping: { kind: "float" },
  timeToFinishValidating: { kind: "float" },
};
