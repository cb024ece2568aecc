/**
 * Shared pieces of the project routes: permission checks as TM makes them, the locale lookup,
 * the pagination object, campaigns and teams in their DTO shapes.
 *
 * @module
 */

import type { Project, ProjectInfo, User } from "../model.ts";
import type { WorldIndex } from "../world_index.ts";
import type { JsonObject, JsonValue } from "../json.ts";
import { internalError, privateProject, projectNotFound } from "../errors.ts";

/**
 * Whether `user` may manage `project`: admin, author, manager of its organisation, or member
 * of a team holding `PROJECT_MANAGER` on it.
 */
export function isManager(index: WorldIndex, project: Project, user: User | null): boolean {
  if (user === null) return false;
  if (user.role === "ADMIN" || project.authorId === user.id) return true;
  const org = project.organisationId === null
    ? undefined
    : index.organisations.get(project.organisationId);
  if (org?.managers.includes(user.id)) return true;
  return project.teams.some((t) =>
    t.role === "PROJECT_MANAGER" && index.teams.get(t.teamId)?.members.includes(user.id)
  );
}

/** TM's `get_project_dto_for_mapper` outcome: allowed, draft refused, or private refused. */
export type Access = "ok" | "draft" | "private";

/** Whether `user` may see `project` (reference 3.2: drafts for managers, private for members). */
export function access(index: WorldIndex, project: Project, user: User | null): Access {
  if (!project.private && project.status !== "DRAFT") return "ok";
  const manager = isManager(index, project, user);
  if (project.status === "DRAFT" && !manager) return "draft";
  if (!project.private || manager) return "ok";
  if (user === null) return "private";
  if (project.allowedUserIds.includes(user.id)) return "ok";
  const member = project.teams.some((t) =>
    t.role !== "READ_ONLY" && index.teams.get(t.teamId)?.members.includes(user.id)
  );
  return member ? "ok" : "private";
}

/** How a route answers a signed-in caller who may not see a draft. */
export interface DraftRefusal {
  /**
   * TM's `get_project_dto_for_mapper` raises `ProjectServiceError("ProjectNotFetched- ...")`;
   * routes that do not catch it answer 500. @default a 500 "Internal Server Error"
   */
  draft?: () => Response;
}

/**
 * The project for a route with TM's privacy check of 3.3 to 3.8: 404 `PROJECT_NOT_FOUND`;
 * 403 `PrivateProject` for anonymous callers of private or draft projects and for signed-in
 * callers of private ones they may not see; for a signed-in non-manager of a draft, what
 * `refusal.draft` answers (TM's uncaught error: 500).
 */
export function visibleProject(
  index: WorldIndex,
  id: number,
  user: User | null,
  refusal: DraftRefusal = {},
): Project | Response {
  const project = index.project(id);
  if (project === undefined) return projectNotFound(id);
  if (!project.private && project.status !== "DRAFT") return project;
  if (user === null) return privateProject();
  const seen = access(index, project, user);
  if (seen === "draft") return (refusal.draft ?? internalError)();
  return seen === "ok" ? project : privateProject();
}

/**
 * The texts of `/queries/summary/` as TM's `Project.get_dto_for_locale` reads them: the
 * requested locale's row as it is (no filling from the default locale), else the default
 * locale's row; `perTaskInstructions` is not read, so it is the DTO's default `""`.
 */
export function storedInfo(project: Project, locale: string | null): ProjectInfo {
  const row = project.info.find((i) => i.locale === locale) ??
    project.info.find((i) => i.locale === project.defaultLocale) ?? project.info[0];
  return {
    locale: row?.locale ?? project.defaultLocale,
    name: row?.name ?? "",
    shortDescription: row?.shortDescription ?? "",
    description: row?.description ?? "",
    instructions: row?.instructions ?? "",
    perTaskInstructions: "",
  };
}

/**
 * The texts for a locale as TM's `get_dto_for_locale` picks them: the requested locale's row
 * with empty fields filled from the default locale's row, else the default row.
 */
export function infoFor(project: Project, locale: string | null): ProjectInfo {
  const fallback = project.info.find((i) => i.locale === project.defaultLocale) ??
    project.info[0] ?? {
    locale: project.defaultLocale,
    name: "",
    shortDescription: "",
    description: "",
    instructions: "",
    perTaskInstructions: "",
  };
  const wanted = locale === null ? undefined : project.info.find((i) => i.locale === locale);
  if (wanted === undefined) return fallback;
  return {
    locale: wanted.locale,
    name: wanted.name || fallback.name,
    shortDescription: wanted.shortDescription || fallback.shortDescription,
    description: wanted.description || fallback.description,
    instructions: wanted.instructions || fallback.instructions,
    perTaskInstructions: wanted.perTaskInstructions || fallback.perTaskInstructions,
  };
}

/** A `ProjectInfo` DTO in key order. */
export function infoJson(info: ProjectInfo): JsonObject {
  return {
    locale: info.locale,
    name: info.name,
    shortDescription: info.shortDescription,
    description: info.description,
    instructions: info.instructions,
    perTaskInstructions: info.perTaskInstructions,
  };
}

/** The pagination object of reference 2.7. */
export function pagination(page: number, perPage: number, total: number): JsonObject {
  const pages = Math.ceil(total / perPage);
  const hasNext = page < pages;
  const hasPrev = page > 1;
  return {
    hasNext,
    hasPrev,
    nextNum: hasNext ? page + 1 : null,
    page,
    pages,
    prevNum: hasPrev ? page - 1 : null,
    perPage,
    total,
  };
}

/** `[{"id","name"}]` of a project's campaigns. */
export function campaignsShort(index: WorldIndex, project: Project): JsonValue[] {
  return project.campaignIds.flatMap((id) => {
    const c = index.campaigns.get(id);
    return c === undefined ? [] : [{ id: c.id, name: c.name }];
  });
}

/** `[{"teamId","name","role"}]` of a project's teams. */
export function teamsJson(index: WorldIndex, project: Project): JsonValue[] {
  return project.teams.map((t) => ({
    teamId: t.teamId,
    name: index.teams.get(t.teamId)?.name ?? null,
    role: t.role,
  }));
}

/** Usernames of a project's allowed users (filled only for private projects). */
export function allowedUsernames(index: WorldIndex, project: Project): JsonValue[] {
  if (!project.private) return [];
  return project.allowedUserIds.flatMap((id) => {
    const name = index.username(id);
    return name === null ? [] : [name];
  });
}
