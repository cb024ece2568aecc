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
} from "../args.ts";
import { Query } from "../builder.ts";
import { type NameOptions, requireNameMatch } from "../names.ts";
import {
  type LooseNames,
  type NameFilter,
  resolveLooseNames,
  warnUnknownNames,
} from "./name_filters.ts";
import type { DisplayRow } from "../display.ts";
import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import type { Columns } from "../frame.ts";
import { type Many, manyOf } from "../many.ts";
import { type Compiled, type Plan, planOf, type QueryContext } from "../query.ts";
import { ProjectSearchPage } from "../schemas/projects.ts";
import * as enums from "../schemas/enums.ts";
import type { WireParams } from "../url.ts";
import { dayAfter, describeWindow, midnightOf, type TimeWindow, withBounds } from "../window.ts";
import type { ManyActivitiesQuery, ManyProjectsQuery } from "./many_projects.ts";
import { ProjectSet } from "./project_set.ts";

import type { TaskFeature } from "./tasks.ts";
import type { AnalysisQuery } from "../analysis/analysis_query.ts";
import type { BacklogOptions } from "../analysis/project_analyses.ts";
import type { ProgressRow } from "../analysis/project_progress.ts";
import type { BacklogRow } from "../analysis/validator_backlog.ts";
import type {
  DayContribution,
  LatestActivity,
  MappingType,
  ProjectDetail,
  ProjectDifficulty,
  ProjectSearchResult,
  ProjectStatistics,
  ProjectStatus,
  ProjectSummary,
  UserContribution,
} from "../rows.ts";

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
  /** Any of these statuses (TM: PUBLISHED only when unset). */
  readonly statuses?: readonly ProjectStatus[];
  /** This difficulty. */
  readonly difficulty?: ProjectDifficulty;
  /** Any of these mapping types (all of them, exactly, with `mappingTypesExact`). */
  readonly mappingTypes?: readonly MappingType[];
  /** Whether `mappingTypes` must match exactly. */
  readonly mappingTypesExact?: boolean;
  /** An organisation, by exact name or by id. */
  readonly organisation?: string | number;
  /** A campaign, by exact name. */
  readonly campaign?: string;
  /** A country, by English name. */
  readonly country?: string;
  /** Any of these interest ids. */
  readonly interests?: readonly number[];
  /** Full-text search over project texts. */
  readonly textSearch?: string;
  /** A team id. */
  readonly team?: number;
  /** Tasks left to map, to validate, or any. */
  readonly action?: ProjectAction;
  /** Last updated in this window (whole days: since included, until excluded). */
  readonly updated?: TimeWindow;
  /** Created in this window (whole days: since included, until excluded). */
  readonly created?: TimeWindow;
  /** The sort field and direction. */
  readonly orderBy?: readonly [ProjectOrderField, SortDirection];
}

function wireDay(at: number | undefined): string | undefined {
  return at === undefined ? undefined : dayAfter(at, 0);
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
    mappingTypesExact: filters.mappingTypesExact ? true : undefined,
    organisationName: typeof organisation === "string" ? organisation : undefined,
    organisationId: typeof organisation === "number" ? organisation : undefined,
    campaign: filters.campaign,
    country: filters.country,
    interests: filters.interests,
    textSearch: filters.textSearch,
    teamId: filters.team,
    action: filters.action,
    lastUpdatedFrom: wireDay(filters.updated?.since),
    lastUpdatedTo: wireDay(filters.updated?.until),
    createdFrom: wireDay(filters.created?.since),
    createdTo: wireDay(filters.created?.until),
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
export const PROJECTS_ENDPOINT: Endpoint<ProjectSearchPage, ProjectSearchResult, ProjectFilters> =
  defineEndpoint({
    request: (filters) => ({ path: "projects/", params: toParams(filters) }),
    body: ProjectSearchPage,
    rows: (page) => page.results,
    pagination: (page) => page.pagination,
    key: (row) => row.projectId,
    columns: PROJECT_SEARCH_COLUMNS,
    perPage: 14,
  });

/**
 * The ids of the projects a search matches, in the search's order: the search's plan, read as
 * `{ projectId }` rows.
 */
export function searchIdsPlan(
  filters: ProjectFilters,
  limit?: number,
): Plan<{ projectId: number }> {
  const search = planOf(PROJECTS_ENDPOINT, filters, { limit });
  const columns: Columns<{ projectId: number }> = { projectId: { kind: "int" } };
  return Object.freeze({
    request: search.request,
    read(body: unknown, url: URL, page: number) {
      const read = search.read(body, url, page);
      return {
        pagination: read.pagination,
        rows: read.rows.map(({ projectId }) => ({ projectId })),
      };
    },
    key: (row: { projectId: number }) => row.projectId,
    schema: search.schema,
    columns,
    auth: search.auth,
    perPage: search.perPage,
    limit,
  });
}

/** The filters in domain words, only those set. */
function describeFilters(filters: ProjectFilters): DisplayRow[] {
  const organisation = filters.organisation;
  return [
    ["status", filters.statuses],
    ["difficulty", filters.difficulty],
    [filters.mappingTypesExact ? "mapping types (exactly)" : "mapping types", filters.mappingTypes],
    ["organisation", organisation],
    ["campaign", filters.campaign],
    ["country", filters.country],
    ["interests", filters.interests],
    ["text", filters.textSearch],
    ["team", filters.team],
    ["action", filters.action],
    ...describeWindow("updated", filters.updated ?? {}),
    ...describeWindow("created", filters.created ?? {}),
    ["order", filters.orderBy?.join(" ")],
  ];
}

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
export class ProjectsQuery extends Query<ProjectSearchResult> {
  readonly #filters: Readonly<ProjectFilters>;
  readonly #limit: number | undefined;
  readonly #loose: LooseNames;

  /** Use `client.projects()`. */
  constructor(
    context: QueryContext,
    filters: ProjectFilters = {},
    limit?: number,
    loose: LooseNames = new Set(),
  ) {
    super(context);
    this.#filters = Object.freeze({ ...filters });
    this.#limit = limit;
    this.#loose = loose;
  }

  #with(patch: ProjectFilters, name?: [NameFilter, NameOptions | undefined]): ProjectsQuery {
    const loose = new Set(this.#loose);
    if (name !== undefined) {
      if (requireNameMatch(name[0], name[1]) === "loose") loose.add(name[0]);
      else loose.delete(name[0]);
    }
    return new ProjectsQuery(this.context, { ...this.#filters, ...patch }, this.#limit, loose);
  }

  /**
   * One part: the search, page by page.
   * @ignore
   */
  protected compile(): Compiled<ProjectSearchResult> {
    const plan = planOf(PROJECTS_ENDPOINT, this.#filters, { limit: this.#limit });
    const filters = this.#filters;
    const named = filters.organisation !== undefined || filters.campaign !== undefined ||
      filters.country !== undefined;
    return {
      what: "projects",
      columns: plan.columns,
      parts: [{ label: "projects", plan }],
      prepare: this.#loose.size === 0 ? undefined : async (context) => {
        const resolved = await resolveLooseNames(context, filters, this.#loose);
        return new ProjectsQuery(context, resolved, this.#limit).compile();
      },
      whenEmpty: named
        ? async (context) => void await warnUnknownNames(context, filters)
        : undefined,
    };
  }

  /**
   * The filters that were set, in domain words, and the limit.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    return [...describeFilters(this.#filters), ["limit", this.#limit]];
  }

  /**
   * The same search, at most `limit` projects.
   * @ignore
   */
  protected withLimit(limit: number): ProjectsQuery {
    return new ProjectsQuery(this.context, this.#filters, limit, this.#loose);
  }

  /** The filters set so far (frozen). */
  get filters(): Readonly<ProjectFilters> {
    return this.#filters;
  }

  /** Projects in any of these statuses. Without it TM returns only PUBLISHED ones. */
  status(...statuses: Many<ProjectStatus>[]): ProjectsQuery {
    const flat = statuses.flat();
    return this.#with({ statuses: requireSomeOf("status", flat, enums.ProjectStatus.options) });
  }

  /** Projects of this difficulty. */
  difficulty(difficulty: ProjectDifficulty): ProjectsQuery {
    return this.#with({
      difficulty: requireOneOf("difficulty", difficulty, enums.ProjectDifficulty.options),
    });
  }

  /** Projects with any of these mapping types. */
  mappingTypes(...types: Many<MappingType>[]): ProjectsQuery {
    const checked = requireSomeOf("mappingTypes", types.flat(), enums.MappingType.options);
    const { mappingTypesExact: _exact, ...rest } = this.#filters;
    return new ProjectsQuery(
      this.context,
      { ...rest, mappingTypes: checked },
      this.#limit,
      this.#loose,
    );
  }

  /** Projects whose mapping types are exactly these. */
  mappingTypesExact(...types: Many<MappingType>[]): ProjectsQuery {
    const checked = requireSomeOf("mappingTypesExact", types.flat(), enums.MappingType.options);
    return this.#with({ mappingTypes: checked, mappingTypesExact: true });
  }

  /**
   * Projects of an organisation, by exact name or by id; `{ match: "loose" }` finds TM's name
   * first (one request to `/organisations/`). A name that matches nothing warns once with the
   * closest names.
   */
  organisation(nameOrId: string | number, options?: NameOptions): ProjectsQuery {
    const value = typeof nameOrId === "number"
      ? requirePositiveInteger("organisation id", nameOrId)
      : requireText("organisation", nameOrId);
    return this.#with({ organisation: value }, ["organisation", options]);
  }

  /**
   * Projects in a campaign, by exact name; `{ match: "loose" }` finds TM's name first (one
   * request to `/campaigns/`). A name that matches nothing warns once with the closest names.
   */
  campaign(name: string, options?: NameOptions): ProjectsQuery {
    return this.#with({ campaign: requireText("campaign", name) }, ["campaign", options]);
  }

  /**
   * Projects in a country (TM's English name, case-insensitive); `{ match: "loose" }` finds
   * TM's name first (one request to `/countries/`): `country("tanzania", { match: "loose" })`
   * searches "United Republic of Tanzania". A name that matches nothing warns once with the
   * closest names.
   */
  country(name: string, options?: NameOptions): ProjectsQuery {
    return this.#with({ country: requireText("country", name) }, ["country", options]);
  }

  /**
   * The same search with its loose names replaced by TM's names (one catalogue request each);
   * the search itself when none is loose. The verbs do this themselves; per-project queries of
   * the search (`activities()` ...) need it done first.
   */
  async named(): Promise<ProjectsQuery> {
    if (this.#loose.size === 0) return this;
    const filters = await resolveLooseNames(this.context, this.#filters, this.#loose);
    return new ProjectsQuery(this.context, filters, this.#limit);
  }

  /** Projects with any of these interest ids. */
  interests(...ids: Many<number>[]): ProjectsQuery {
    const checked = manyOf("interests", ids, (id) => requirePositiveInteger("interest id", id));
    return this.#with({ interests: checked });
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
   * Projects last updated in a window of whole days: since `start` (included) until `end`
   * (excluded); either may be `null`. `updatedBetween("2024-01-01", "2024-02-01")` is January.
   */
  updatedBetween(start: Day | null, end: Day | null): ProjectsQuery {
    return this.#with({ updated: dayWindow("updatedBetween", start, end) });
  }

  /** Projects created in a window of whole days, as in `updatedBetween`. */
  createdBetween(start: Day | null, end: Day | null): ProjectsQuery {
    return this.#with({ created: dayWindow("createdBetween", start, end) });
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

  /** The activity of every project this search matches, one frame (`projectId` first). */
  activities(): ManyActivitiesQuery {
    return this.#many().activities();
  }

  /** Each matched project's tasks with their latest action, one frame. */
  latestActivity(): ManyProjectsQuery<LatestActivity> {
    return this.#many().latestActivity();
  }

  /** Each matched project's contributions per user, one frame. */
  contributions(): ManyProjectsQuery<UserContribution> {
    return this.#many().contributions();
  }

  /** Each matched project's contributions per day, one frame. */
  contributionsByDay(): ManyProjectsQuery<DayContribution> {
    return this.#many().contributionsByDay();
  }

  /** Each matched project's detail, one row each. */
  detail(): ManyProjectsQuery<ProjectDetail> {
    return this.#many().detail();
  }

  /** Each matched project's summary, one row each. */
  summary(): ManyProjectsQuery<ProjectSummary> {
    return this.#many().summary();
  }

  /** Each matched project's statistics, one row each. */
  statistics(): ManyProjectsQuery<ProjectStatistics> {
    return this.#many().statistics();
  }

  /** Each matched project's tasks, one frame. */
  tasks(): ManyProjectsQuery<TaskFeature> {
    return this.#many().tasks();
  }

  /** Each matched project's tasks waiting for validation, longest wait first (see `ProjectSet`). */
  validatorBacklog(options: BacklogOptions = {}): AnalysisQuery<BacklogRow> {
    return this.#many().validatorBacklog(options);
  }

  /** Percent of tasks mapped and validated per day, every matched project on one scale. */
  progress(): AnalysisQuery<ProgressRow> {
    return this.#many().progress();
  }

  /** The matched projects: the search (with its limit) names them as its pages arrive. */
  #many(): ProjectSet {
    if (this.#loose.size > 0) {
      throw new TypeError(
        `Cannot query the projects of a search with a loose ${[...this.#loose].join(", ")} ` +
          `name before it is resolved: use (await search.named()).activities() and the like`,
      );
    }
    const search = searchIdsPlan(this.#filters, this.#limit);
    const filters = [...describeFilters(this.#filters), [
      "projects",
      this.#limit === undefined ? undefined : `the first ${this.#limit} matches`,
    ]] as DisplayRow[];
    return new ProjectSet(this.context, { search, filters });
  }
}

/** The searches (by their frozen filters) that warned already about unknown names. */

/** A window of whole days from two nullable bounds; at least one is required. */
function dayWindow(name: string, start: Day | null, end: Day | null): TimeWindow {
  if ((start === null || start === undefined) && (end === null || end === undefined)) {
    throw new TypeError(`Cannot use ${name}(null, null): give a start, an end or both`);
  }
  return withBounds({}, {
    since: start === null || start === undefined ? undefined : midnightOf(`${name} start`, start),
    until: end === null || end === undefined ? undefined : midnightOf(`${name} end`, end),
  });
}
