// Written by `deno task row-types` from the zod schemas in src/schemas/; do not edit.
/**
 * The row and enum types of TM's bodies as tmframes reads them, spelled out from the zod
 * schemas in `src/schemas/` (which stay the definition; `tests/rows_test.ts` checks that
 * both agree).
 *
 * @module
 */

/** The `pagination` object of paged endpoints. */
export type Pagination = {
  hasNext: boolean;
  hasPrev: boolean;
  nextNum: number | null;
  page: number;
  pages: number;
  prevNum: number | null;
  perPage: number;
  total: number;
};

/** A TM timestamp string. */
export type TmDateTime = string;

/** A `{id, name}` campaign reference. */
export type CampaignRef = { id: number; name: string };

/** A GeoJSON geometry. */
export type Geometry = { type: string; coordinates: unknown[] };

/** A `YYYY-MM-DD` day. */
export type TmDay = string;

/** A day sent as midnight, read as `YYYY-MM-DD`. */
export type TmMidnight = string;

/** A project's publication status. */
export type ProjectStatus = "ARCHIVED" | "PUBLISHED" | "DRAFT";

/** A project's priority; `URGENT` sorts first. */
export type ProjectPriority = "URGENT" | "HIGH" | "MEDIUM" | "LOW";

/** How hard a project is to map. */
export type ProjectDifficulty = "EASY" | "MODERATE" | "CHALLENGING";

/** What a project asks mappers to map. */
export type MappingType = "ROADS" | "BUILDINGS" | "WATERWAYS" | "LAND_USE" | "OTHER";

/** The state of one task. */
export type TaskStatus =
  | "READY"
  | "LOCKED_FOR_MAPPING"
  | "MAPPED"
  | "LOCKED_FOR_VALIDATION"
  | "VALIDATED"
  | "INVALIDATED"
  | "BADIMAGERY"
  | "SPLIT";

/** The kind of a task history row. */
export type TaskAction =
  | "LOCKED_FOR_MAPPING"
  | "LOCKED_FOR_VALIDATION"
  | "STATE_CHANGE"
  | "COMMENT"
  | "AUTO_UNLOCKED_FOR_MAPPING"
  | "AUTO_UNLOCKED_FOR_VALIDATION"
  | "EXTENDED_FOR_MAPPING"
  | "EXTENDED_FOR_VALIDATION";

/** The editors a project allows. */
export type Editor = "ID" | "JOSM" | "POTLATCH_2" | "FIELD_PAPERS" | "CUSTOM" | "RAPID";

/** Who may map or validate a project. */
export type Permission = "ANY" | "TEAMS";

/** How a project's tasks were made. */
export type TaskCreationMode = "GRID" | "ARBITRARY";

/** A user's role. */
export type UserRole = "READ_ONLY" | "MAPPER" | "ADMIN";

/** A team's role on a project. */
export type TeamRole = "READ_ONLY" | "MAPPER" | "VALIDATOR" | "PROJECT_MANAGER";

/** An organisation's subscription type. */
export type OrganisationType = "FREE" | "DISCOUNTED" | "FULL_FEE";

/** A mapping issue counted on a history row. */
export type HistoryIssue = { categoryId: number; name: string; count: number };

/** One row of a project's activity. */
export type Activity = {
  historyId: number;
  taskId: number;
  action: TaskAction;
  actionText: string | null;
  actionDate: string;
  actionBy: string | null;
  pictureUrl: string | null;
  issues: HistoryIssue[] | null;
};

/** One page of activity. */
export type ActivityPage = { activity: Activity[]; pagination?: Pagination | null | undefined };

/** A task's current status and its latest non-comment action. */
export type LatestActivity = {
  taskId: number;
  taskStatus: TaskStatus;
  actionDate: string | null;
  actionBy: string | null;
};

/** The body of `/activities/latest/`. */
export type LatestActivityList = { activity: LatestActivity[] };

/** The body of `/campaigns/`. */
export type CampaignList = { campaigns: CampaignRef[] };

/** One interest. */
export type Interest = {
  id: number;
  name: string;
  countProjects: number | null;
  countUsers: number | null;
};

/** The body of `/interests/`. */
export type InterestList = { interests: Interest[] };

/** The body of `/countries/`. */
export type CountryList = { tags: string[] };

/** One user's contribution to a project. */
export type UserContribution = {
  username: string;
  mappingLevel: string | null;
  pictureUrl: string | null;
  mapped: number;
  validated: number;
  badImagery: number;
  total: number;
  mappedTasks: number[];
  validatedTasks: number[];
  badImageryTasks: number[];
  name: string | null;
  dateRegistered: string | null;
};

/** The body of `/contributions/`. */
export type ContributionList = { userContributions: UserContribution[] };

/** One day of a project's contributions. */
export type DayContribution = {
  date: string;
  mapped: number;
  validated: number;
  cumulativeMapped: number;
  cumulativeValidated: number;
  totalTasks: number;
};

/** The body of `/contributions/queries/day/`. */
export type ContributionsByDay = { stats: DayContribution[] };

/** One organisation of the list. */
export type Organisation = {
  organisationId: number;
  managers: { username: string; pictureUrl: string | null }[] | null;
  name: string;
  slug: string | null;
  logo: string | null;
  description: string | null;
  url: string | null;
  isManager: boolean | null;
  type: OrganisationType | null;
  subscriptionTier: number | null;
};

/** The body of `/organisations/`. */
export type OrganisationList = { organisations: Organisation[] };

/** An organisation's all-time statistics. */
export type OrganisationStatistics = {
  projects: { draft: number; published: number; archived: number; recent: number; stale: number };
  activeTasks: {
    ready: number;
    lockedForMapping: number;
    lockedForValidation: number;
    mapped: number;
    validated: number;
    invalidated: number;
    badImagery: number;
  };
};

/** One locale's texts of a project. */
export type ProjectInfo = {
  locale: string;
  name: string;
  shortDescription: string;
  description: string;
  instructions: string;
  perTaskInstructions: string;
};

/** A team's role on a project. */
export type ProjectTeam = { teamId: number; name: string; role: TeamRole };

/** A custom editor. */
export type CustomEditor = { name: string; description: string | null; url: string };

/** Properties of one task feature. */
export type TaskProperties = {
  taskId: number;
  taskX: number | null;
  taskY: number | null;
  taskZoom: number | null;
  taskIsSquare: boolean;
  taskStatus: TaskStatus;
  lockedBy: number | null;
  mappedBy: number | null;
  validatedBy: number | null;
};

/** The `tasks` FeatureCollection of project detail. */
export type TaskCollection = {
  type: "FeatureCollection";
  features: { type: "Feature"; geometry: Geometry | null; properties: TaskProperties }[];
};

/** `GET /projects/{id}/`: the full project. */
export type ProjectDetail = {
  projectId: number;
  status: ProjectStatus;
  projectPriority: ProjectPriority;
  areaOfInterest: Geometry | null;
  aoiBBOX: number[] | null;
  tasks: TaskCollection | null;
  defaultLocale: string;
  projectInfo: ProjectInfo;
  projectInfoLocales: ProjectInfo[];
  difficulty: ProjectDifficulty;
  mappingPermission: Permission;
  mappingPermissionLevelId: number | null;
  validationPermission: Permission;
  validationPermissionLevelId: number | null;
  enforceRandomTaskSelection: boolean;
  private: boolean;
  changesetComment: string | null;
  osmchaFilterId: string | null;
  dueDate: string | null;
  imagery: string | null;
  josmPreset: string | null;
  idPresets: string[] | null;
  extraIdParams: string | null;
  rapidPowerUser: boolean;
  sandbox: boolean | null;
  mappingTypes: (MappingType)[];
  campaigns: CampaignRef[];
  organisation: number | null;
  organisationName: string | null;
  organisationSlug: string | null;
  organisationLogo: string | null;
  countryTag: string[] | null;
  licenseId: number | null;
  allowedUsernames: string[];
  priorityAreas: Geometry[] | null;
  created: string;
  lastUpdated: string;
  author: string | null;
  database: string | null;
  activeMappers: number;
  percentMapped: number;
  percentValidated: number;
  percentBadImagery: number;
  taskCreationMode: TaskCreationMode;
  teams: ProjectTeam[];
  mappingEditors: (Editor)[];
  validationEditors: (Editor)[];
  customEditor: CustomEditor | null;
  interests: CampaignRef[];
};

/** A campaign as `/queries/summary/` lists it. */
export type SummaryCampaign = {
  id: number;
  name: string;
  logo: string | null;
  url: string | null;
  description: string | null;
};

/** `GET /projects/{id}/queries/summary/`. */
export type ProjectSummary = {
  projectId: number;
  defaultLocale: string;
  author: string | null;
  created: string;
  dueDate: string | null;
  lastUpdated: string;
  projectPriority: ProjectPriority;
  campaigns: SummaryCampaign[];
  organisation: number | null;
  organisationName: string | null;
  organisationSlug: string | null;
  organisationLogo: string | null;
  countryTag: string[] | null;
  osmchaFilterId: string | null;
  mappingTypes: (MappingType)[];
  changesetComment: string | null;
  percentMapped: number;
  percentValidated: number;
  percentBadImagery: number;
  aoiCentroid: Geometry | null;
  difficulty: ProjectDifficulty;
  mappingPermission: Permission;
  validationPermission: Permission;
  database: string | null;
  allowedUsernames: string[];
  enforceRandomTaskSelection: boolean;
  private: boolean;
  sandbox: boolean | null;
  teams: ProjectTeam[];
  projectInfo: ProjectInfo;
  shortDescription: string | null;
  status: ProjectStatus;
  imagery: string | null;
  licenseId: number | null;
  idPresets: string[] | null;
  extraIdParams: string | null;
  rapidPowerUser: boolean;
  mappingEditors: (Editor)[];
  validationEditors: (Editor)[];
  customEditor: CustomEditor | null;
};

/** `GET /projects/{id}/statistics/`, with `projectAreaSqKm`. */
export type ProjectStatistics = {
  totalMappers: number;
  totalTasks: number;
  totalComments: number;
  totalMappingTime: number;
  totalValidationTime: number;
  totalTimeSpent: number;
  averageMappingTime: number;
  averageValidationTime: number;
  percentMapped: number;
  percentValidated: number;
  percentBadImagery: number;
  aoiCentroid: Geometry | null;
  timeToFinishMapping: number;
  timeToFinishValidating: number;
  projectId: number;
  projectAreaSqKm: number;
};

/** One project of a search. */
export type ProjectSearchResult = {
  projectId: number;
  locale: string | null;
  name: string | null;
  shortDescription: string | null;
  difficulty: ProjectDifficulty;
  priority: ProjectPriority;
  organisationName: string | null;
  organisationLogo: string | null;
  campaigns: CampaignRef[];
  percentMapped: number;
  percentValidated: number;
  status: ProjectStatus;
  activeMappers: number;
  lastUpdated: string | null;
  dueDate: string | null;
  totalContributors: number;
  country: string[] | null;
  sandbox: boolean | null;
  database: string | null;
  author: string | null;
};

/** One page of a search. */
export type ProjectSearchPage = {
  results: ProjectSearchResult[];
  pagination?: Pagination | null | undefined;
};

/** The heartbeat. */
export type Heartbeat = {
  status: string;
  release: { version: string | null; publishedAt: string | null } | null;
};

/** The abbreviated home page statistics. */
export type SystemStatistics = {
  mappersOnline: number;
  tasksMapped: number;
  totalMappers: number;
  totalProjects: number;
  averageCompletionTime: number | null;
};

/** One day of task statistics. */
export type TaskStatisticsDay = {
  date: string;
  mapped: number;
  validated: number;
  badImagery: number;
};

/** The body of `/tasks/statistics/`. */
export type TaskStatisticsBody = { taskStats: TaskStatisticsDay[] };

/** One history row of a task. */
export type TaskHistoryEntry = {
  historyId: number;
  action: TaskAction;
  actionText: string | null;
  actionDate: string;
  actionBy: string | null;
  pictureUrl: string | null;
  issues: HistoryIssue[] | null;
  taskId: number | null;
};

/** The whole task object. */
export type TaskDetail = {
  taskId: number;
  projectId: number;
  taskStatus: TaskStatus;
  lockHolder: string | null;
  taskHistory: TaskHistoryEntry[];
  taskAnnotation: Record<string, unknown>[] | null;
  perTaskInstructions: string | null;
  autoUnlockSeconds: number | null;
  lastUpdated: string | null;
  numberOfComments: number | null;
};

/** A country a user contributed to. */
export type CountryContribution = {
  name: string;
  mapped: number;
  validated: number;
  total: number;
};

/** State changes of a user on one day. */
export type UserDayContribution = { date: string; count: number };

/** Projects of an interest a user worked on. */
export type InterestContribution = { id: number; name: string; countProjects: number | null };

/** `GET /users/{username}/statistics/`. */
export type UserStatistics = {
  contributionsByInterest: InterestContribution[];
  totalTimeSpent: number;
  timeSpentMapping: number;
  timeSpentValidating: number;
  projectsMapped: number;
  countriesContributed: { countries: CountryContribution[]; total: number };
  contributionsByDay: UserDayContribution[];
  tasksMapped: number;
  tasksValidated: number;
  tasksInvalidated: number;
  tasksInvalidatedByOthers: number;
  tasksValidatedByOthers: number;
};

/** One project a user touched. */
export type TouchedProject = {
  projectId: number;
  name: string | null;
  tasksMapped: number;
  tasksValidated: number;
  status: ProjectStatus;
  centroid: Geometry | null;
};

/** The body of `/projects/queries/{username}/touched/`. */
export type TouchedProjectList = { mappedProjects: TouchedProject[] };

/** Time one user spent on one project. */
export type ProjectUserStatistics = {
  timeSpentMapping: number;
  timeSpentValidating: number;
  totalTimeSpent: number;
};
