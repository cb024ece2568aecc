// Written by `deno task row-types` from the zod schemas in src/schemas/; do not edit.
// TM's own keys, snake_case ones included.
// deno-lint-ignore-file camelcase
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

/** A task id, read as a number. */
export type TaskId = number;

/** A `{id, name}` campaign reference. */
export type CampaignRef = { id: number; name: string };

/** A GeoJSON geometry. */
export type Geometry = { type: string; coordinates: unknown[] };

/** A day, read as `YYYY-MM-DD`. */
export type TmDay = string;

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

/** One active project. */
export type ActiveProjectFeature = {
  type: string;
  geometry: { type: string; coordinates: number[][][][] };
  properties: { project_id: number; mapping_types: number[] | null };
};

/** The active-projects body. */
export type ActiveProjects = { type: string; features: ActiveProjectFeature[] };

/** A mapping issue counted on a history row. */
export type HistoryIssue = { categoryId: number; name: string; count: number };

/** One row of a project's activity. */
export type Activity = {
  historyId: number;
  taskId: number;
  action: string | null;
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
  taskStatus: string | null;
  actionDate: string | null;
  actionBy: string | null;
};

/** The body of `/activities/latest/`. */
export type LatestActivityList = { activity: LatestActivity[] };

/** A project's area of interest. */
export type AreaOfInterest = { type: string; coordinates: number[][][][] };

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

/** One chat message. */
export type ChatMessage = {
  id: number | null;
  message: string;
  pictureUrl: string | null;
  timestamp: string;
  username: string;
};

/** The project chat body. */
export type ProjectChat = { chat: ChatMessage[] | null; pagination: Pagination | null };

/** One user's contribution to a project. */
export type UserContribution = {
  username: string;
  mappingLevel: string | null;
  pictureUrl: string | null;
  mapped: number | null;
  validated: number | null;
  badImagery: number | null;
  total: number | null;
  mappedTasks: number[] | null;
  validatedTasks: number[] | null;
  badImageryTasks: number[] | null;
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
  cumulativeMapped: number | null;
  cumulativeValidated: number | null;
  totalTasks: number | null;
};

/** The body of `/contributions/queries/day/`. */
export type ContributionsByDay = { stats: DayContribution[] };

/** One mapping level. */
export type MappingLevel = {
  id: number;
  name: string;
  approvalsRequired: number;
  color: string | null;
  ordering: number;
  isBeginner: boolean;
  requiredBadges: { id: number; name: string | null }[];
};

/** The levels body. */
export type MappingLevelList = { levels: MappingLevel[] };

/** One mapper's row. */
export type MappedTasksByUser = {
  username: string | null;
  mappedTaskCount: number | null;
  tasksMapped: number[] | null;
  lastSeen: string | null;
  mappingLevel: string | null;
  dateRegistered: string;
  lastValidationDate: string | null;
};

/** The mapped-tasks body. */
export type MappedTasks = { mappedTasks: MappedTasksByUser[] };

/** One organisation of the list. */
export type Organisation = {
  organisationId: number;
  managers: { username: string; pictureUrl: string | null }[] | null;
  name: string | null;
  slug: string | null;
  logo: string | null;
  description: string | null;
  url: string | null;
  isManager: boolean | null;
  type: string | null;
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
  name: string | null;
  shortDescription: string | null;
  description: string | null;
  instructions: string | null;
  perTaskInstructions: string | null;
};

/** A team's role on a project. */
export type ProjectTeam = { teamId: number; name: string | null; role: string };

/** A custom editor. */
export type CustomEditor = { name: string; description: string | null; url: string };

/** Properties of one task feature. */
export type TaskProperties = {
  taskId: number;
  taskX: number | null;
  taskY: number | null;
  taskZoom: number | null;
  taskIsSquare: boolean | null;
  taskStatus: string;
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
  status: string;
  projectPriority: string;
  areaOfInterest: Geometry | null;
  aoiBBOX: number[] | null;
  tasks: TaskCollection | null;
  defaultLocale: string;
  projectInfo: ProjectInfo;
  projectInfoLocales: ProjectInfo[] | null;
  difficulty: string;
  mappingPermission: string;
  mappingPermissionLevelId: number | null;
  validationPermission: string;
  validationPermissionLevelId: number | null;
  enforceRandomTaskSelection: boolean | null;
  private: boolean;
  changesetComment: string | null;
  osmchaFilterId: string | null;
  dueDate: string | null;
  imagery: string | null;
  josmPreset: string | null;
  idPresets: string[] | null;
  extraIdParams: string | null;
  rapidPowerUser: boolean | null;
  sandbox: boolean | null;
  mappingTypes: string[];
  campaigns: CampaignRef[];
  organisation: number | null;
  organisationName: string | null;
  organisationSlug: string | null;
  organisationLogo: string | null;
  countryTag: string[] | null;
  licenseId: number | null;
  allowedUsernames: string[] | null;
  priorityAreas: Geometry[] | null;
  created: string | null;
  lastUpdated: string | null;
  author: string | null;
  database: string | null;
  activeMappers: number | null;
  percentMapped: number | null;
  percentValidated: number | null;
  percentBadImagery: number | null;
  taskCreationMode: string;
  teams: ProjectTeam[] | null;
  mappingEditors: string[];
  validationEditors: string[];
  customEditor: CustomEditor | null;
  interests: { id: number; name: string | null }[] | null;
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
  defaultLocale: string | null;
  author: string | null;
  created: string | null;
  dueDate: string | null;
  lastUpdated: string | null;
  projectPriority: string | null;
  campaigns: SummaryCampaign[];
  organisation: number | null;
  organisationName: string | null;
  organisationSlug: string | null;
  organisationLogo: string | null;
  countryTag: string[] | null;
  osmchaFilterId: string | null;
  mappingTypes: string[];
  changesetComment: string | null;
  percentMapped: number | null;
  percentValidated: number | null;
  percentBadImagery: number | null;
  aoiCentroid: Geometry | null;
  difficulty: string | null;
  mappingPermission: string | null;
  validationPermission: string | null;
  database: string | null;
  allowedUsernames: string[] | null;
  enforceRandomTaskSelection: boolean | null;
  private: boolean | null;
  sandbox: boolean | null;
  teams: ProjectTeam[] | null;
  projectInfo: ProjectInfo;
  shortDescription: string | null;
  status: string | null;
  imagery: string | null;
  licenseId: number | null;
  idPresets: string[] | null;
  extraIdParams: string | null;
  rapidPowerUser: boolean | null;
  mappingEditors: string[];
  validationEditors: string[];
  customEditor: CustomEditor | null;
};

/** `GET /projects/{id}/statistics/`, with `projectAreaSqKm`. */
export type ProjectStatistics = {
  totalMappers: number | null;
  totalTasks: number | null;
  totalComments: number | null;
  totalMappingTime: number | null;
  totalValidationTime: number | null;
  totalTimeSpent: number | null;
  averageMappingTime: number | null;
  averageValidationTime: number | null;
  percentMapped: number | null;
  percentValidated: number | null;
  percentBadImagery: number | null;
  aoiCentroid: Geometry | null;
  timeToFinishMapping: number | null;
  timeToFinishValidating: number | null;
  projectId: number;
  projectAreaSqKm: number | null;
};

/** One project of a search. */
export type ProjectSearchResult = {
  projectId: number;
  locale: string | null;
  name: string | null;
  shortDescription: string | null;
  difficulty: string | null;
  priority: string | null;
  organisationName: string | null;
  organisationLogo: string | null;
  campaigns: CampaignRef[] | null;
  percentMapped: number | null;
  percentValidated: number | null;
  status: string | null;
  activeMappers: number | null;
  lastUpdated: string | null;
  dueDate: string | null;
  totalContributors: number | null;
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
  mappersOnline: number | null;
  tasksMapped: number | null;
  totalMappers: number | null;
  totalProjects: number | null;
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
  action: string | null;
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
  taskStatus: string | null;
  lockHolder: string | null;
  taskHistory: TaskHistoryEntry[];
  taskAnnotation: Record<string, unknown>[] | null;
  perTaskInstructions: string | null;
  autoUnlockSeconds: number | null;
  lastUpdated: string | null;
  numberOfComments: number | null;
};

/** One membership. */
export type TeamMember = {
  username: string;
  function: string;
  active: boolean;
  joinRequestNotifications: boolean;
  pictureUrl: string | null;
  joinedDate: string | null;
};

/** One team of the list. */
export type Team = {
  teamId: number | null;
  organisationId: number | null;
  organisation: string | null;
  name: string | null;
  logo: string | null;
  description: string | null;
  joinMethod: string | null;
  visibility: string | null;
  members: TeamMember[] | null;
  membersCount: number | null;
  managersCount: number | null;
};

/** The teams list body. */
export type TeamList = { teams: Team[]; pagination: Pagination | null };

/** One team in detail. */
export type TeamDetail = {
  teamId: number | null;
  organisation_id: number;
  organisation: string;
  organisationSlug: string | null;
  name: string;
  logo: string | null;
  description: string | null;
  joinMethod: string;
  visibility: string;
  is_org_admin: boolean;
  is_general_admin: boolean;
  members: TeamMember[];
  team_projects: { project_name: string | null; project_id: number | null; role: string | null }[];
};

/** One user's profile. */
export type UserProfile = {
  id: number;
  username: string;
  role: string | null;
  mappingLevel: string | null;
  level_ordering: number | null;
  projectsMapped: number | null;
  emailAddress: string | null;
  isEmailVerified: boolean | null;
  isExpert: boolean | null;
  twitterId: string | null;
  facebookId: string | null;
  linkedinId: string | null;
  slackId: string | null;
  ircId: string | null;
  skypeId: string | null;
  city: string | null;
  country: string | null;
  name: string | null;
  pictureUrl: string | null;
  defaultEditor: string | null;
  mentionsNotifications: boolean | null;
  questionsAndCommentsNotifications: boolean | null;
  projectsNotifications: boolean | null;
  tasksNotifications: boolean | null;
  taskValidationNotification: boolean | null;
  taskInvalidationNotification: boolean | null;
  taskCommentsNotifications: boolean | null;
  teamsAnnouncementNotifications: boolean | null;
  gender: string | null;
  selfDescriptionGender: string | null;
};

/** One of a user's tasks. */
export type UserTask = {
  taskId: number | null;
  projectId: number | null;
  taskStatus: string | null;
  lockHolder: string | null;
  taskHistory: { historyId: number | null }[] | null;
  taskAnnotation: { taskId: number | null }[] | null;
  perTaskInstructions: string | null;
  autoUnlockSeconds: number | null;
  lastUpdated: string | null;
  numberOfComments: number | null;
};

/** The user tasks body. */
export type UserTaskPage = { tasks: UserTask[]; pagination: Pagination | { total: number } };

/** One listed user. */
export type ListedUser = {
  id: number | null;
  username: string | null;
  role: string | null;
  mappingLevel: string | null;
  pictureUrl: string | null;
  statsLastUpdated: string | null;
  stats: Record<string, never> | null;
  requires_approval: boolean | null;
  user_has_voted: boolean | null;
};

/** The users directory body. */
export type UserDirectory = { pagination: Pagination | null; users: ListedUser[] | null };

/** A country a user contributed to. */
export type CountryContribution = {
  name: string | null;
  mapped: number | null;
  validated: number | null;
  total: number | null;
};

/** State changes of a user on one day. */
export type UserDayContribution = { date: string; count: number };

/** Projects of an interest a user worked on. */
export type InterestContribution = { id: number; name: string; countProjects: number | null };

/** `GET /users/{username}/statistics/`. */
export type UserStatistics = {
  contributionsByInterest: InterestContribution[] | null;
  totalTimeSpent: number | null;
  timeSpentMapping: number | null;
  timeSpentValidating: number | null;
  projectsMapped: number | null;
  countriesContributed: { countries: CountryContribution[]; total: number | null };
  contributionsByDay: UserDayContribution[];
  tasksMapped: number | null;
  tasksValidated: number | null;
  tasksInvalidated: number | null;
  tasksInvalidatedByOthers: number | null;
  tasksValidatedByOthers: number | null;
};

/** One project a user touched. */
export type TouchedProject = {
  projectId: number;
  name: string | null;
  tasksMapped: number | null;
  tasksValidated: number | null;
  status: string | null;
  centroid: Geometry | null;
};

/** The body of `/projects/queries/{username}/touched/`. */
export type TouchedProjectList = { mappedProjects: TouchedProject[] };

/** Time one user spent on one project. */
export type ProjectUserStatistics = {
  timeSpentMapping: number | null;
  timeSpentValidating: number | null;
  totalTimeSpent: number | null;
};
