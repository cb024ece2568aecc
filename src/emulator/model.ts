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
} from "../schemas/enums.ts";

/** Microseconds since 1970-01-01T00:00:00Z. */
export type Micros = number;

/** A GeoJSON position: longitude, latitude. */
export type Position = [number, number];

/** GeoJSON MultiPolygon coordinates. */
export type MultiPolygonCoordinates = Position[][][];

/** A mapping level row of the `mapping_levels` table (reference 2.10). */
export interface MappingLevel {
  id: number;
  name: string;
  ordering: number;
  approvalsRequired: number;
  color: string;
  isBeginner: boolean;
}

/** A TM user. `id` is the OSM user id. */
export interface User {
  id: number;
  username: string;
  name: string | null;
  role: UserRole;
  mappingLevel: string;
  pictureUrl: string | null;
  dateRegistered: Micros;
}

/** An organisation; `managers` are user ids. */
export interface Organisation {
  id: number;
  name: string;
  slug: string;
  logo: string | null;
  description: string | null;
  url: string | null;
  type: OrganisationType;
  subscriptionTier: number | null;
  managers: number[];
}

/** A campaign. */
export interface Campaign {
  id: number;
  name: string;
  logo: string | null;
  url: string | null;
  description: string | null;
}

/** An interest (a theme a project belongs to). */
export interface Interest {
  id: number;
  name: string;
}

/** A team of users within an organisation; `members` are user ids. */
export interface Team {
  id: number;
  name: string;
  organisationId: number;
  visibility: "PUBLIC" | "PRIVATE";
  members: number[];
}

/** One locale's texts of a project. */
export interface ProjectInfo {
  locale: string;
  name: string;
  shortDescription: string;
  description: string;
  instructions: string;
  perTaskInstructions: string;
}

/** One task of a project's grid. `lockedBy`, `mappedBy`, `validatedBy` are user ids. */
export interface Task {
  id: number;
  x: number | null;
  y: number | null;
  zoom: number | null;
  isSquare: boolean;
  geometry: MultiPolygonCoordinates;
  status: TaskStatus;
  lockedBy: number | null;
  mappedBy: number | null;
  validatedBy: number | null;
}

/**
 * One `task_history` row. `actionText` is the new status for `STATE_CHANGE`, a lock duration
 * (`HH:MM:SS[.ffffff]`, `null` while the lock is open) for lock and auto-unlock rows, the
 * comment for `COMMENT`, and `null` for `EXTENDED_*`.
 */
export interface HistoryRow {
  id: number;
  projectId: number;
  taskId: number;
  action: TaskAction;
  actionText: string | null;
  actionDate: Micros;
  userId: number;
}

/** A project with its task grid and its full task history (oldest first). */
export interface Project {
  id: number;
  status: ProjectStatus;
  priority: ProjectPriority;
  difficulty: ProjectDifficulty;
  mappingTypes: MappingType[];
  mappingEditors: Editor[];
  validationEditors: Editor[];
  mappingPermission: Permission;
  validationPermission: Permission;
  taskCreationMode: TaskCreationMode;
  enforceRandomTaskSelection: boolean;
  private: boolean;
  sandbox: boolean;
  database: string | null;
  /** Null for projects created before the column was added (2021-06-23, never backfilled). */
  rapidPowerUser: boolean | null;
  imagery: string | null;
  changesetComment: string | null;
  osmchaFilterId: string | null;
  licenseId: number | null;
  idPresets: string[] | null;
  extraIdParams: string | null;
  josmPreset: string | null;
  organisationId: number | null;
  campaignIds: number[];
  interestIds: number[];
  teams: { teamId: number; role: TeamRole }[];
  allowedUserIds: number[];
  countries: string[] | null;
  defaultLocale: string;
  /** Texts per locale; the default locale's row is always present. */
  info: ProjectInfo[];
  authorId: number;
  created: Micros;
  lastUpdated: Micros;
  dueDate: Micros | null;
  /** Area of interest, GeoJSON MultiPolygon coordinates. */
  aoi: MultiPolygonCoordinates;
  /** Project chat messages (counted by `/statistics/` as `totalComments`). */
  chatMessages: number;
  tasks: Task[];
  /** Every history row of every task, in `actionDate` order (ties by `id`). */
  history: HistoryRow[];
}

/** One `project_chat` row (`chat.ts` writes them). */
export interface ChatMessage {
  id: number;
  projectId: number;
  userId: number;
  message: string;
  timestamp: Micros;
}

/** The release a TM deployment reports in `/system/heartbeat/`. */
export interface Release {
  version: string;
  publishedAt: Micros;
}

/** Everything the emulator serves. */
export interface World {
  seed: number;
  /** The world's clock: the moment its history was simulated up to. */
  now: Micros;
  release: Release;
  levels: MappingLevel[];
  users: User[];
  organisations: Organisation[];
  campaigns: Campaign[];
  interests: Interest[];
  teams: Team[];
  projects: Project[];
  /** Project chat messages of every project, oldest first. */
  chat: ChatMessage[];
  /** Tokens the emulator issued, each naming the user id it authenticates. */
  tokens: Map<string, number>;
  /** Id of the extra project built by `WorldOptions.hugeProjectHistoryRows`, when asked for. */
  hugeProjectId?: number;
  /** The next unused `task_history` id (ids are unique across the world). */
  nextHistoryId?: number;
}
