/**
 * `ORDER BY p.<orderBy> [DESC], p.id DESC` of `GET /projects/` (reference 3.1), with
 * PostgreSQL's NULL placement (last ascending, first descending).
 *
 * @module
 */

import type { Project } from "../model.ts";
import type { MappingType, ProjectPriority, ProjectStatus } from "../../schemas/enums.ts";
import { percentages, taskCounts } from "../figures.ts";

type Value = number | string | boolean | null;

// Database values of the enums (reference 2.10); local so the emulator needs no zod at run time.
const PRIORITY: ProjectPriority[] = ["URGENT", "HIGH", "MEDIUM", "LOW"];
const STATUS: ProjectStatus[] = ["ARCHIVED", "PUBLISHED", "DRAFT"];
const DIFFICULTY = ["", "EASY", "MODERATE", "CHALLENGING"];
const MAPPING: MappingType[] = ["ROADS", "BUILDINGS", "WATERWAYS", "LAND_USE", "OTHER"];

/** The `projects` columns the emulator can order by, as their database values. */
const COLUMNS: Record<string, (p: Project) => Value> = {
  id: (p) => p.id,
  priority: (p) => PRIORITY.indexOf(p.priority),
  difficulty: (p) => DIFFICULTY.indexOf(p.difficulty),
  status: (p) => STATUS.indexOf(p.status),
  "last_updated": (p) => p.lastUpdated,
  "due_date": (p) => p.dueDate,
  created: (p) => p.created,
  "total_tasks": (p) => p.tasks.length,
  "tasks_mapped": (p) => taskCounts(p).MAPPED,
  "tasks_validated": (p) => taskCounts(p).VALIDATED,
  "tasks_bad_imagery": (p) => taskCounts(p).BADIMAGERY,
  "author_id": (p) => p.authorId,
  "organisation_id": (p) => p.organisationId,
  private: (p) => p.private,
  sandbox: (p) => p.sandbox,
  database: (p) => p.database,
  "default_locale": (p) => p.defaultLocale,
  imagery: (p) => p.imagery,
  "changeset_comment": (p) => p.changesetComment,
  "license_id": (p) => p.licenseId,
  "mapping_types": (p) => p.mappingTypes.map((t) => MAPPING.indexOf(t) + 1).join(","),
  "enforce_random_task_selection": (p) => p.enforceRandomTaskSelection,
  "rapid_power_user": (p) => p.rapidPowerUser,
};

function compare(a: Value, b: Value, desc: boolean): number {
  if (a === b) return 0;
  if (a === null) return desc ? -1 : 1;
  if (b === null) return desc ? 1 : -1;
  const order = a < b ? -1 : 1;
  return desc ? -order : order;
}

/**
 * Sorts `projects` in place as TM's SQL does, or returns `false` for a column that does not
 * exist (TM answers 500).
 */
export function orderProjects(projects: Project[], orderBy: string | null, type: string): boolean {
  const desc = type === "DESC";
  if (!orderBy) {
    projects.sort((a, b) => a.id - b.id);
    return true;
  }
  let value: ((p: Project) => Value) | undefined;
  if (orderBy === "percent_mapped") value = (p) => percentages(p).percentMapped;
  else if (orderBy === "percent_validated") value = (p) => percentages(p).percentValidated;
  else value = COLUMNS[orderBy.toLowerCase()];
  if (value === undefined) return false;
  const tieBreak = orderBy !== "id";
  const keyed = projects.map((p) => ({ p, v: value(p) }));
  keyed.sort((x, y) => compare(x.v, y.v, desc) || (tieBreak ? y.p.id - x.p.id : 0));
  keyed.forEach((k, i) => (projects[i] = k.p));
  return true;
}
