/**
 * The filters and ordering of `GET /projects/` as TM's `_filter_projects` applies them
 * (reference 3.1). Errors are thrown as {@linkcode SearchError} with TM's 400 text.
 *
 * @module
 */

import type { Project, User } from "../model.ts";
import type { WorldIndex } from "../world_index.ts";
import type { MappingType, ProjectDifficulty, ProjectStatus } from "../../schemas/enums.ts";
import { parseQueryDate } from "../dates.ts";
import { percentages, taskCounts } from "../figures.ts";
import { isManager } from "./common.ts";

// Enum names (reference 2.10); local so the emulator needs no zod at run time.
const STATUSES: readonly ProjectStatus[] = ["ARCHIVED", "PUBLISHED", "DRAFT"];
const DIFFICULTIES: readonly ProjectDifficulty[] = ["EASY", "MODERATE", "CHALLENGING"];
const MAPPING_TYPES: readonly MappingType[] = [
  "ROADS",
  "BUILDINGS",
  "WATERWAYS",
  "LAND_USE",
  "OTHER",
];

/** A search failure that TM reports as 400 `{"Error": "Projects GET - <text>"}`. */
export class SearchError extends Error {}

/** The search parameters after FastAPI's parsing. */
export interface SearchParams {
  locale: string | null;
  difficulty: string | null;
  action: string | null;
  organisationName: string | null;
  organisationId: number | null;
  teamId: number | null;
  campaign: string | null;
  orderBy: string | null;
  orderByType: string;
  country: string | null;
  textSearch: string | null;
  lastUpdatedFrom: string | null;
  lastUpdatedTo: string | null;
  createdFrom: string | null;
  createdTo: string | null;
  sandbox: boolean | null;
  database: string | null;
  imagery: string | null;
  mappingTypes: string[] | null;
  mappingTypesExact: boolean;
  projectStatuses: string[] | null;
  interests: number[] | null;
  createdBy: number | null;
  mappedBy: number | null;
  managedBy: number | null;
  favoritedBy: number | null;
  basedOnMyInterests: boolean;
}

function key<T extends string>(values: readonly T[], name: string): T {
  if (!(values as readonly string[]).includes(name)) throw new SearchError(`'${name}'`);
  return name as T;
}

function date(text: string): number {
  const micros = parseQueryDate(text);
  if (micros === null) throw new SearchError("InvalidDateValue- Invalid date value");
  return micros;
}

function ilike(pattern: string): RegExp {
  const body = [...pattern].map((c) =>
    c === "%" ? ".*" : c === "_" ? "." : c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
  ).join("");
  return new RegExp(`^${body}$`, "is");
}

function textFilter(p: SearchParams): ((project: Project) => boolean) | null {
  if (p.locale === null && !p.textSearch) return null;
  const locale = p.locale;
  const text = p.textSearch ? p.textSearch.replace(/[@|&!><\\():']/g, "") : null;
  const words = text === null ? [] : text.split(" ").filter((w) => w !== "");
  const like = text === null ? null : ilike(`%${text}%`);
  return (project) =>
    project.info.some((info) => {
      const localeOk = locale === null || info.locale === locale || info.locale === "en";
      if (like === null) return localeOk;
      const hay = `${info.name} ${info.shortDescription} ${info.description}`.toLowerCase();
      const ts = words.length > 0 && words.every((w) => hay.includes(w.toLowerCase()));
      return (localeOk && ts) || like.test(info.name);
    });
}

function visible(index: WorldIndex, project: Project, user: User | null): boolean {
  if (!project.private || user?.role === "ADMIN") return true;
  if (user === null) return false;
  const orgManaged = project.organisationId !== null &&
    index.organisations.get(project.organisationId)?.managers.includes(user.id) === true;
  const inTeam = project.teams.some((t) => index.teams.get(t.teamId)?.members.includes(user.id));
  return orgManaged || inTeam;
}

function statusFilter(
  index: WorldIndex,
  p: SearchParams,
  user: User | null,
): (project: Project) => boolean {
  if (p.projectStatuses === null) {
    return p.createdBy === null ? (project) => project.status === "PUBLISHED" : () => true;
  }
  const statuses = p.projectStatuses.map((s) => key(STATUSES, s));
  if (user === null) {
    const open: string[] = statuses.filter((s) => s !== "DRAFT");
    return (project) => open.includes(project.status);
  }
  if (user.role === "ADMIN" || !statuses.includes("DRAFT")) {
    return (project) => statuses.includes(project.status);
  }
  return (project) =>
    statuses.includes(project.status) &&
    (project.status !== "DRAFT" || isManager(index, project, user));
}

function canWork(index: WorldIndex, project: Project, user: User | null, validate: boolean) {
  const counts = taskCounts(project);
  const pct = percentages(project);
  const usable = counts.total - counts.BADIMAGERY;
  const left = validate ? pct.percentValidated < 100 : pct.percentMapped < 100;
  if (project.status !== "PUBLISHED" || usable <= 0 || !left) return false;
  if (user === null || user.role === "ADMIN") return true;
  const permission = validate ? project.validationPermission : project.mappingPermission;
  if (permission === "ANY") return true;
  const roles = validate
    ? ["VALIDATOR", "PROJECT_MANAGER"]
    : ["MAPPER", "VALIDATOR", "PROJECT_MANAGER"];
  return project.teams.some((t) =>
    roles.includes(t.role) && index.teams.get(t.teamId)?.members.includes(user.id) === true
  );
}

/** The projects matching `p` for `user`, unordered. Throws {@linkcode SearchError}. */
export function filterProjects(index: WorldIndex, p: SearchParams, user: User | null): Project[] {
  const tests: ((project: Project) => boolean)[] = [(project) => visible(index, project, user)];
  const text = textFilter(p);
  if (text !== null) tests.push(text);
  tests.push(statusFilter(index, p, user));
  if (p.basedOnMyInterests) tests.push(() => false);
  else if (p.interests !== null) {
    const wanted = p.interests;
    tests.push((project) => project.interestIds.some((i) => wanted.includes(i)));
  }
  if (p.createdBy !== null) tests.push((project) => project.authorId === p.createdBy);
  if (p.mappedBy !== null) {
    const by = p.mappedBy;
    tests.push((project) =>
      project.history.some((h) =>
        h.userId === by && h.action === "STATE_CHANGE" && h.actionText === "MAPPED"
      )
    );
  }
  if (p.favoritedBy !== null) tests.push(() => false);
  if (p.difficulty && p.difficulty.toUpperCase() !== "ALL") {
    const d = key(DIFFICULTIES, p.difficulty);
    tests.push((project) => project.difficulty === d);
  }
  if (p.action === "map" || p.action === "validate") {
    const validate = p.action === "validate";
    tests.push((project) => canWork(index, project, user, validate));
  }
  if (p.imagery) {
    const imagery = p.imagery;
    tests.push((project) =>
      imagery.toLowerCase() === "custom"
        ? project.imagery?.startsWith("https://") === true
        : project.imagery === imagery
    );
  }
  if (p.organisationName) {
    const name = p.organisationName;
    tests.push((project) =>
      project.organisationId !== null &&
      index.organisations.get(project.organisationId)?.name === name
    );
  }
  if (p.organisationId) tests.push((project) => project.organisationId === p.organisationId);
  if (p.teamId) tests.push((project) => project.teams.some((t) => t.teamId === p.teamId));
  if (p.campaign) {
    const ids = index.world.campaigns.filter((c) => c.name === p.campaign).map((c) => c.id);
    tests.push((project) => project.campaignIds.some((id) => ids.includes(id)));
  }
  if (p.mappingTypes !== null) {
    const types = p.mappingTypes.map((t) => key(MAPPING_TYPES, t));
    tests.push((project) =>
      p.mappingTypesExact
        ? types.every((t) => project.mappingTypes.includes(t)) &&
          project.mappingTypes.length === types.length
        : types.some((t) => project.mappingTypes.includes(t))
    );
  }
  if (p.country) {
    const country = p.country.toLowerCase();
    tests.push((project) => (project.countries ?? []).some((c) => c.toLowerCase() === country));
  }
  if (p.lastUpdatedFrom) {
    const from = date(p.lastUpdatedFrom);
    tests.push((project) => project.lastUpdated >= from);
  }
  if (p.lastUpdatedTo) {
    const to = date(p.lastUpdatedTo);
    tests.push((project) => project.lastUpdated <= to);
  }
  if (p.createdFrom) {
    const from = date(p.createdFrom);
    tests.push((project) => project.created >= from);
  }
  if (p.createdTo) {
    const to = date(p.createdTo);
    tests.push((project) => project.created <= to);
  }
  if (p.sandbox !== null) {
    tests.push((project) => project.sandbox === p.sandbox);
    if (p.database) tests.push((project) => project.database === p.database);
  }
  if (p.managedBy !== null && user !== null && user.role !== "ADMIN") {
    const managed = index.world.projects.filter((project) => isManager(index, project, user));
    if (managed.length > 0) tests.push((project) => managed.includes(project));
  }
  return index.world.projects.filter((project) => tests.every((t) => t(project)));
}
