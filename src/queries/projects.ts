/**
 * `GET /projects/` (reference 3.1): the endpoint spec and {@link ProjectsQuery}.
 * The wire names of the search parameters are spelled here, in `toParams`, and nowhere else.
 *
 * @module
 */

import {
  type Day,
  requireOneOf,
  requirePositiveInteger,
  requireSomeOf,
  requireText,
  toDayRange,
} from "../args.ts";
import { Query } from "../builder.ts";
import type { Columns } from "../frame.ts";
import type { Endpoint, Plan, QueryContext } from "../query.ts";
import { ProjectSearchPage, type ProjectSearchResult } from "../schemas/projects.ts";
import {
  MappingType,
  ProjectDifficulty,
  type ProjectStatus,
  ProjectStatus as Status,
} from "../schemas/enums.ts";
import type { WireParams } from "../url.ts";
import type { ManyProjectsQuery } from "./many_projects.ts";
import { type ManyActivitiesQuery, ProjectSet, searchIds } from "./project_set.ts";
import type { LatestActivity, LatestActivityList } from "../schemas/activities.ts";
import type {
  ContributionList,
  ContributionsByDay,
  DayContribution,
  UserContribution,
} from "../schemas/contributions.ts";

/** Which projects `action()` keeps: with tasks left to map, to validate, or any. */
export type ProjectAction = "map" | "validate" | "any";

/** The fields `orderBy()` accepts, in domain words. */
export type ProjectOrderField =
  | "priority"
  | "id"
  | "difficulty"
  | "status"
  | "lastUpdated"
  | "dueDate"
  | "created"
  | "percentMapped"
  | "percentValidated";

/** Sort direction. */
export type SortDirection = "asc" | "desc";

/** Domain field → TM's `orderBy` column. */
const ORDER_COLUMNS: Readonly<Record<ProjectOrderField, string>> = {
  priority: "priority",
  id: "id",
  difficulty: "difficulty",
  status: "status",
  lastUpdated: "last_updated",
  dueDate: "due_date",
  created: "created",
  percentMapped: "percent_mapped",
  percentValidated: "percent_validated",
};

/** The filters of a project search, in domain words. */
export interface ProjectFilters {
  readonly statuses?: readonly ProjectStatus[];
  readonly difficulty?: ProjectDifficulty;
  readonly mappingTypes?: readonly MappingType[];
  readonly mappingTypesExact?: boolean;
  readonly organisation?: string | number;
  readonly campaign?: string;
  readonly country?: string;
  readonly interests?: readonly number[];
  readonly textSearch?: string;
  readonly team?: number;
  readonly action?: ProjectAction;
  readonly updated?: readonly [string | undefined, string | undefined];
  readonly created?: readonly [string | undefined, string | undefined];
  readonly orderBy?: readonly [ProjectOrderField, SortDirection];
  readonly limit?: number;
}

/**
 * Domain filters → TM's wire parameters. `omitMapResults=true` is always sent.
 *
 * @example
 * ```ts
 * import { toParams } from "./projects.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(toParams({ orderBy: ["lastUpdated", "desc"] }), {
 *   orderBy: "last_updated", orderByType: "DESC", omitMapResults: true,
 * });
 * ```
 */
export function toParams(filters: ProjectFilters): WireParams {
  const organisation = filters.organisation;
  const params: Record<string, WireParams[string]> = {
    projectStatuses: filters.statuses,
    difficulty: filters.difficulty,
    mappingTypes: filters.mappingTypes,
    mappingTypesExact: filters.mappingTypes && filters.mappingTypesExact ? true : undefined,
    organisationName: typeof organisation === "string" ? organisation : undefined,
    organisationId: typeof organisation === "number" ? organisation : undefined,
    campaign: filters.campaign,
    country: filters.country,
    interests: filters.interests,
    textSearch: filters.textSearch,
    teamId: filters.team,
    action: filters.action,
    lastUpdatedFrom: filters.updated?.[0],
    lastUpdatedTo: filters.updated?.[1],
    createdFrom: filters.created?.[0],
    createdTo: filters.created?.[1],
    orderBy: filters.orderBy ? ORDER_COLUMNS[filters.orderBy[0]] : undefined,
    orderByType: filters.orderBy ? filters.orderBy[1].toUpperCase() : undefined,
    omitMapResults: true,
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

/** The search frame's columns (the API's camelCase names) and dtypes. */
export const PROJECT_SEARCH_COLUMNS: Columns<ProjectSearchResult> = {
  projectId: { kind: "int" },
  locale: { kind: "str" },
  name: { kind: "str" },
  shortDescription: { kind: "str" },
  difficulty: { kind: "str" },
  priority: { kind: "str" },
  organisationName: { kind: "str" },
  organisationLogo: { kind: "str" },
  campaigns: { kind: "list<struct>", fields: { id: "int", name: "str" } },
  percentMapped: { kind: "int" },
  percentValidated: { kind: "int" },
  status: { kind: "str" },
  activeMappers: { kind: "int" },
  lastUpdated: { kind: "datetime" },
  dueDate: { kind: "datetime" },
  totalContributors: { kind: "int" },
  country: { kind: "list<str>" },
  sandbox: { kind: "bool" },
  database: { kind: "str" },
  author: { kind: "str" },
};

/** The `/projects/` endpoint spec: 14 rows per page, keyed by `projectId`. */
export const PROJECTS_ENDPOINT: Endpoint<ProjectSearchPage, ProjectSearchResult> = {
  page: ProjectSearchPage,
  rows: (page) => page.results,
  pagination: (page) => page.pagination,
  key: (row) => row.projectId,
  columns: PROJECT_SEARCH_COLUMNS,
  perPage: 14,
};

/**
 * A project search. Every filter method returns a new query and leaves the receiver as it
 * was; nothing is requested until a terminal verb (`url()` is pure). Bad arguments throw
 * `TypeError`/`RangeError` at once.
 *
 * @example Filters in domain words, the URL without a request
 * ```ts
 * import { createClient } from "../client.ts";
 * import assert from "node:assert/strict";
 *
 * const tm = createClient({ baseUrl: "https://tm.example/api/v2/" });
 * const query = tm.projects().status("PUBLISHED").mappingTypes(["BUILDINGS", "ROADS"]).country("Nepal");
 * assert.equal(
 *   query.url().href,
 *   "https://tm.example/api/v2/projects/?projectStatuses=PUBLISHED&mappingTypes=BUILDINGS%2CROADS&country=Nepal&omitMapResults=true",
 * );
 * ```
 */
export class ProjectsQuery extends Query<ProjectSearchPage, ProjectSearchResult> {
  readonly #filters: Readonly<ProjectFilters>;

  /** Use `client.projects()`. */
  constructor(context: QueryContext, filters: ProjectFilters = {}) {
    super(context);
    this.#filters = Object.freeze({ ...filters });
  }

  #with(patch: ProjectFilters): ProjectsQuery {
    return new ProjectsQuery(this.context, { ...this.#filters, ...patch });
  }

  /** Plan for the shared verbs. */
  protected plan(): Plan<ProjectSearchPage, ProjectSearchResult> {
    return {
      endpoint: PROJECTS_ENDPOINT,
      path: "projects/",
      params: toParams(this.#filters),
      limit: this.#filters.limit,
      filters: this.#filters,
    };
  }

  /** The filters set so far (frozen). */
  get filters(): Readonly<ProjectFilters> {
    return this.#filters;
  }

  /** Projects in any of these statuses. Without it TM returns only PUBLISHED ones. */
  status(...statuses: ProjectStatus[]): ProjectsQuery {
    return this.#with({ statuses: requireSomeOf("status", statuses, Status.options) });
  }

  /** Projects of this difficulty. */
  difficulty(difficulty: ProjectDifficulty): ProjectsQuery {
    return this.#with({
      difficulty: requireOneOf("difficulty", difficulty, ProjectDifficulty.options),
    });
  }

  /** Projects with any of these mapping types, or exactly this set with `{ exact: true }`. */
  mappingTypes(types: readonly MappingType[], options: { exact?: boolean } = {}): ProjectsQuery {
    const checked = requireSomeOf("mappingTypes", types, MappingType.options);
    return this.#with({ mappingTypes: checked, mappingTypesExact: options.exact === true });
  }

  /** Projects of an organisation, by exact name or by id. */
  organisation(nameOrId: string | number): ProjectsQuery {
    const value = typeof nameOrId === "number"
      ? requirePositiveInteger("organisation id", nameOrId)
      : requireText("organisation", nameOrId);
    return this.#with({ organisation: value });
  }

  /** Projects in a campaign, by exact name. */
  campaign(name: string): ProjectsQuery {
    return this.#with({ campaign: requireText("campaign", name) });
  }

  /** Projects in a country (English name, case-insensitive). */
  country(name: string): ProjectsQuery {
    return this.#with({ country: requireText("country", name) });
  }

  /** Projects with any of these interest ids. */
  interests(...ids: number[]): ProjectsQuery {
    if (ids.length === 0) {
      throw new RangeError("Cannot use interests(): give at least one interest id");
    }
    return this.#with({
      interests: [...new Set(ids.map((id) => requirePositiveInteger("interest id", id)))],
    });
  }

  /** Full-text search over project texts, or a name substring. */
  textSearch(text: string): ProjectsQuery {
    return this.#with({ textSearch: requireText("textSearch", text) });
  }

  /** Projects linked to a team. */
  team(id: number): ProjectsQuery {
    return this.#with({ team: requirePositiveInteger("team id", id) });
  }

  /** Projects with tasks left to map or validate (by the caller, when a token is set). */
  action(action: ProjectAction): ProjectsQuery {
    return this.#with({
      action: requireOneOf("action", action, ["map", "validate", "any"] as const),
    });
  }

  /**
   * Projects last updated in a day range; either end may be `null`. TM compares the end day
   * with the timestamp `end`T00:00:00, so a project updated during the `end` day is NOT
   * included: pass the next day to include it.
   */
  updatedBetween(start: Day | null, end: Day | null): ProjectsQuery {
    return this.#with({ updated: toDayRange("updatedBetween", start, end) });
  }

  /** Projects created in a day range; the end works as in `updatedBetween`. */
  createdBetween(start: Day | null, end: Day | null): ProjectsQuery {
    return this.#with({ created: toDayRange("createdBetween", start, end) });
  }

  /** Sort order. TM breaks ties by id, descending. @default ("priority", "asc") on the server */
  orderBy(field: ProjectOrderField, direction: SortDirection = "asc"): ProjectsQuery {
    const checked = requireOneOf(
      "orderBy field",
      field,
      Object.keys(ORDER_COLUMNS) as ProjectOrderField[],
    );
    return this.#with({
      orderBy: [checked, requireOneOf("orderBy direction", direction, ["asc", "desc"] as const)],
    });
  }

  /** At most `n` rows; no more pages are fetched than needed. */
  limit(n: number): ProjectsQuery {
    return this.#with({ limit: requirePositiveInteger("limit", n) });
  }

  /** The activity of every project this search matches, one frame (`projectId` first). */
  activities(): ManyActivitiesQuery {
    return this.#many().activities();
  }

  /** Each matched project's tasks with their latest action, one frame. */
  latestActivity(): ManyProjectsQuery<LatestActivityList, LatestActivity> {
    return this.#many().latestActivity();
  }

  /** Each matched project's contributions per user, one frame. */
  contributions(): ManyProjectsQuery<ContributionList, UserContribution> {
    return this.#many().contributions();
  }

  /** Each matched project's contributions per day, one frame. */
  contributionsByDay(): ManyProjectsQuery<ContributionsByDay, DayContribution> {
    return this.#many().contributionsByDay();
  }

  #many(): ProjectSet {
    return new ProjectSet(this.context, searchIds(this));
  }
}
