/**
 * The emulator's world: plain data, as TM's database holds it.
 *
 * `world.ts` builds a `World` from a seed; the routes read it and serialize it the way TM's
 * DTOs do. Everything a route reports (percentages, contributions, statistics) is derived
 * from these records by `figures.ts`, never stored twice, so the figures agree as TM's do.
 *
 * Times are integer microseconds since the Unix epoch, UTC (`Micros`), because TM's
 * timestamps carry microseconds and several endpoints print them.
 *
 * @module
 */

import type {
  Editor,
  MappingType,
  OrganisationType,
  Permission,
  ProjectDifficulty,
  ProjectPriority,
  ProjectStatus,
  TaskAction,
  TaskCreationMode,
  TaskStatus,
  TeamRole,
  UserRole,
} from "../rows.ts";
import type { LazyProjects } from "./lazy.ts";

/** Microseconds since 1970-01-01T00:00:00Z. */
export type Micros = number;

/** A GeoJSON position: longitude, latitude. */
export type Position = [number, number];

/** GeoJSON MultiPolygon coordinates. */
export type MultiPolygonCoordinates = Position[][][];

/** A mapping level row of the `mapping_levels` table (reference 2.10). */
export interface MappingLevel {
  /** The level's id (`mapping_levels.id`, `id` in `/levels/`). */
  id: number;
  /** The level's name, e.g. `BEGINNER`; users' `mappingLevel` carries it. */
  name: string;
  /** Rank of the level, from 1 (`ordering`; `level_ordering` in `UserDTO`). */
  ordering: number;
  /** Approvals a user needs to reach this level (`approvalsRequired`). */
  approvalsRequired: number;
  /** The level's badge colour, a CSS hex string such as `#68707f` (`color`). */
  color: string;
  /** Whether this is the beginners' level (`isBeginner`). */
  isBeginner: boolean;
}

/** A TM user. `id` is the OSM user id. */
export interface User {
  /** The OSM user id (`users.id`, `id` in `UserDTO`). */
  id: number;
  /** The OSM username, unique (`username`, `actionBy` in history rows). */
  username: string;
  /** The user's display name, or `null` when unset (`name`). */
  name: string | null;
  /** The user's role (`role`): `READ_ONLY`, `MAPPER` or `ADMIN`. */
  role: UserRole;
  /** Name of the user's mapping level, one of `World.levels` (`mappingLevel`). */
  mappingLevel: string;
  /** URL of the user's avatar, or `null` (`pictureUrl`). */
  pictureUrl: string | null;
  /** When the user registered with TM, in `Micros` (`dateRegistered`). */
  dateRegistered: Micros;
}

/** An organisation; `managers` are user ids. */
export interface Organisation {
  /** The organisation's id (`organisations.id`, `organisationId` in `OrganisationDTO`). */
  id: number;
  /** The organisation's name, unique (`name`, searched by `organisationName`). */
  name: string;
  /** The URL slug of the name, as python-slugify makes it (`slug`). */
  slug: string;
  /** URL of the organisation's logo, or `null` (`logo`). */
  logo: string | null;
  /** Free-text description, or `null` (`description`). */
  description: string | null;
  /** The organisation's web site, or `null` (`url`). */
  url: string | null;
  /** The subscription type (`type`): `FREE`, `DISCOUNTED` or `FULL_FEE`. */
  type: OrganisationType;
  /** The subscription tier number, or `null` (`subscriptionTier`). */
  subscriptionTier: number | null;
  /** User ids of the organisation's managers, ascending (`organisation_managers`). */
  managers: number[];
}

/** A campaign. */
export interface Campaign {
  /** The campaign's id (`campaigns.id`, `id` in `/campaigns/`). */
  id: number;
  /** The campaign's name, unique (`name`, searched by `campaign`). */
  name: string;
  /** URL of the campaign's logo, or `null` (`logo`). */
  logo: string | null;
  /** The campaign's web site, or `null` (`url`). */
  url: string | null;
  /** Free-text description, or `null` (`description`). */
  description: string | null;
}

/** An interest (a theme a project belongs to). */
export interface Interest {
  /** The interest's id (`interests.id`, `id` in `/interests/`, searched by `interests`). */
  id: number;
  /** The interest's name (`name`). */
  name: string;
}

/** A team of users within an organisation; `members` are user ids. */
export interface Team {
  /** The team's id (`teams.id`, `teamId` in DTOs). */
  id: number;
  /** The team's name (`name`). */
  name: string;
  /** Id of the organisation the team belongs to (`teams.organisation_id`). */
  organisationId: number;
  /** `PUBLIC`, or `PRIVATE`: listed only to admins, members and managers (`visibility`). */
  visibility: "PUBLIC" | "PRIVATE";
  /** User ids of the team's members, ascending (`team_members`). */
  members: number[];
}

/** One locale's texts of a project. */
export interface ProjectInfo {
  /** The language of these texts, e.g. `en` (`locale`, matched against Accept-Language). */
  locale: string;
  /** The project's name in this locale (`name`). */
  name: string;
  /** One-sentence summary (`shortDescription`). */
  shortDescription: string;
  /** The project's description (`description`). */
  description: string;
  /** Mapping instructions, `""` when none (`instructions`). */
  instructions: string;
  /** Instructions per task, with `{x}`, `{y}`, `{z}` placeholders, `""` when none (`perTaskInstructions`). */
  perTaskInstructions: string;
}

/** One task of a project's grid. `lockedBy`, `mappedBy`, `validatedBy` are user ids. */
export interface Task {
  /** The task's id within its project, from 1 (`tasks.id`, `taskId`). */
  id: number;
  /** Tile column of a grid task, `null` for arbitrary tasks (`taskX`). */
  x: number | null;
  /** Tile row of a grid task, `null` for arbitrary tasks (`taskY`). */
  y: number | null;
  /** Tile zoom of a grid task, `null` for arbitrary tasks (`taskZoom`). */
  zoom: number | null;
  /** Whether the task is a grid square rather than an arbitrary shape (`taskIsSquare`). */
  isSquare: boolean;
  /** The task's outline, GeoJSON MultiPolygon coordinates (the feature's `geometry`). */
  geometry: MultiPolygonCoordinates;
  /** The task's current status (`tasks.task_status`, `taskStatus`). */
  status: TaskStatus;
  /** User id holding the task's lock, or `null` when unlocked (`lockedBy`). */
  lockedBy: number | null;
  /** User id of the task's current mapper, or `null` (`mappedBy`). */
  mappedBy: number | null;
  /** User id of the task's current validator, or `null` (`validatedBy`). */
  validatedBy: number | null;
}

/**
 * One `task_history` row. `actionText` is the new status for `STATE_CHANGE`, a lock duration
 * (`HH:MM:SS[.ffffff]`, `null` while the lock is open) for lock and auto-unlock rows, the
 * comment for `COMMENT`, and `null` for `EXTENDED_*`.
 */
export interface HistoryRow {
  /** The row's id, unique across the world (`task_history.id`, `historyId`). */
  id: number;
  /** Id of the project the task belongs to (`task_history.project_id`). */
  projectId: number;
  /** Id of the task within its project (`task_history.task_id`, `taskId`). */
  taskId: number;
  /** What happened (`action`): a lock, state change, comment, auto-unlock or extension. */
  action: TaskAction;
  /** The action's text, as described above (`actionText`). */
  actionText: string | null;
  /** When it happened, in `Micros` (`action_date`, `actionDate`). */
  actionDate: Micros;
  /** User id of who acted (`task_history.user_id`; `actionBy` gives the username). */
  userId: number;
}

/** A project with its task grid and its full task history (oldest first). */
export interface Project {
  /** The project's id (`projects.id`, `projectId`). */
  id: number;
  /** Publication status (`status`): `ARCHIVED`, `PUBLISHED` or `DRAFT`. */
  status: ProjectStatus;
  /** Priority (`projects.priority`, `projectPriority` in detail and summary). */
  priority: ProjectPriority;
  /** How hard the project is to map (`difficulty`). */
  difficulty: ProjectDifficulty;
  /** What the project asks to map, in enum order (`mappingTypes`). */
  mappingTypes: MappingType[];
  /** Editors allowed for mapping (`mappingEditors`). */
  mappingEditors: Editor[];
  /** Editors allowed for validation (`validationEditors`). */
  validationEditors: Editor[];
  /** Who may map: `ANY` user, or members of its `TEAMS` (`mappingPermission`). */
  mappingPermission: Permission;
  /** Who may validate: `ANY` user, or members of its `TEAMS` (`validationPermission`). */
  validationPermission: Permission;
  /** Whether tasks are a tile `GRID` or `ARBITRARY` shapes (`taskCreationMode`). */
  taskCreationMode: TaskCreationMode;
  /** Whether mappers get a random task rather than choosing (`enforceRandomTaskSelection`). */
  enforceRandomTaskSelection: boolean;
  /** Whether only allowed users, teams and managers may see it (`private`). */
  private: boolean;
  /** Whether the project maps into a sandbox database rather than OSM (`sandbox`). */
  sandbox: boolean;
  /** The database mapped into, `OSM` or `sandbox` here, or `null` (`database`). */
  database: string | null;
  /** Null for projects created before the column was added (2021-06-23, never backfilled). */
  rapidPowerUser: boolean | null;
  /** Imagery name or tile URL template for mapping, or `null` (`imagery`). */
  imagery: string | null;
  /** Hashtags and text for mappers' OSM changesets, or `null` (`changesetComment`). */
  changesetComment: string | null;
  /** Id of an OSMCha filter for the project's edits, or `null` (`osmchaFilterId`). */
  osmchaFilterId: string | null;
  /** Id of the imagery licence users must accept, or `null` (`licenseId`). */
  licenseId: number | null;
  /** iD presets offered to mappers, or `null` for all (`idPresets`). */
  idPresets: string[] | null;
  /** Extra URL parameters passed to iD, or `null` (`extraIdParams`). */
  extraIdParams: string | null;
  /** JOSM preset, or `null` (`josmPreset`). */
  josmPreset: string | null;
  /** Id of the owning organisation, or `null` (`projects.organisation_id`, `organisation`). */
  organisationId: number | null;
  /** Ids of the project's campaigns, ascending (`campaign_projects`; `campaigns` in DTOs). */
  campaignIds: number[];
  /** Ids of the project's interests, ascending (`project_interests`; `interests` in detail). */
  interestIds: number[];
  /** Teams linked to the project and the role each holds on it (`project_teams`; `teams`). */
  teams: { teamId: number; role: TeamRole }[];
  /** User ids allowed on a private project (`project_allowed_users`; `allowedUsernames`). */
  allowedUserIds: number[];
  /** English names of the project's countries, or `null` (`projects.country`, `countryTag`). */
  countries: string[] | null;
  /** Locale of the project's main texts, e.g. `en` (`defaultLocale`). */
  defaultLocale: string;
  /** Texts per locale; the default locale's row is always present. */
  info: ProjectInfo[];
  /** User id of the project's creator (`projects.author_id`; `author` gives the username). */
  authorId: number;
  /** When the project was created, in `Micros` (`created`). */
  created: Micros;
  /** Last edit or task state change, in `Micros` (`projects.last_updated`, `lastUpdated`). */
  lastUpdated: Micros;
  /** The project's deadline in `Micros`, or `null` (`dueDate`). */
  dueDate: Micros | null;
  /** Area of interest, GeoJSON MultiPolygon coordinates. */
  aoi: MultiPolygonCoordinates;
  /** Project chat messages (counted by `/statistics/` as `totalComments`). */
  chatMessages: number;
  /** The project's tasks, by id (`/projects/{id}/tasks/`). */
  tasks: Task[];
  /** Every history row of every task, in `actionDate` order (ties by `id`). */
  history: HistoryRow[];
}

/** One `project_chat` row (`chat.ts` writes them). */
export interface ChatMessage {
  /** The message's id, in time order across the world (`project_chat.id`, `id`). */
  id: number;
  /** Id of the project the message was posted on (`project_chat.project_id`). */
  projectId: number;
  /** User id of the poster (`project_chat.user_id`; `username` in `/comments/`). */
  userId: number;
  /** The message text, possibly with HTML (`message`). */
  message: string;
  /** When it was posted, in `Micros` (`timestamp`). */
  timestamp: Micros;
}

/** The release a TM deployment reports in `/system/heartbeat/`. */
export interface Release {
  /** The release tag, e.g. `v5.5.2` (`release.version`). */
  version: string;
  /** When the release was published, in `Micros` (`release.published_at`). */
  publishedAt: Micros;
}

/** Everything the emulator serves. */
export interface World {
  /** The seed the world was built from (`WorldOptions.seed`). */
  seed: number;
  /** The world's clock: the moment its history was simulated up to. */
  now: Micros;
  /** The TM release the world reports (`/system/heartbeat/`). */
  release: Release;
  /** Mapping levels, by `ordering` (`mapping_levels`, `/levels/`). */
  levels: MappingLevel[];
  /** Every user, by ascending id (`users`). */
  users: User[];
  /** Every organisation, ids from 1 (`organisations`). */
  organisations: Organisation[];
  /** Every campaign, ids from 1 (`campaigns`). */
  campaigns: Campaign[];
  /** Every interest, ids from 1 (`interests`). */
  interests: Interest[];
  /** Every team, ids from 1 (`teams`). */
  teams: Team[];
  /** Every project, DRAFT and ARCHIVED ones included, by ascending id (`projects`). */
  projects: Project[];
  /** Project chat messages of every project, oldest first. */
  chat: ChatMessage[];
  /** Tokens the emulator issued, each naming the user id it authenticates. */
  tokens: Map<string, number>;
  /** Id of the extra project built by `WorldOptions.hugeProjectHistoryRows`, when asked for. */
  hugeProjectId?: number;
  /** The next unused `task_history` id (ids are unique across the world). */
  nextHistoryId?: number;
  /**
   * The store behind projects whose tasks and history are simulated on first access (a world
   * of TM's size, `WorldOptions.size: "tm"`); absent when every project is built at once.
   */
  lazy?: LazyProjects;
}
