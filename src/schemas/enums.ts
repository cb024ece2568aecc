/**
 * The closed vocabularies of the Tasking Manager (reference 2.10), as zod enums.
 * Each schema and its inferred type share a name; `.options` lists the allowed values.
 *
 * @module
 */

import { z } from "../deps.ts";

/** A project's publication status. */
export const ProjectStatus = z.enum(["ARCHIVED", "PUBLISHED", "DRAFT"]);
/** A project's publication status. */
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** A project's priority; `URGENT` sorts first. */
export const ProjectPriority = z.enum(["URGENT", "HIGH", "MEDIUM", "LOW"]);
/** A project's priority; `URGENT` sorts first. */
export type ProjectPriority = z.infer<typeof ProjectPriority>;

/** How hard a project is to map. */
export const ProjectDifficulty = z.enum(["EASY", "MODERATE", "CHALLENGING"]);
/** How hard a project is to map. */
export type ProjectDifficulty = z.infer<typeof ProjectDifficulty>;

/** What a project asks mappers to map. */
export const MappingType = z.enum(["ROADS", "BUILDINGS", "WATERWAYS", "LAND_USE", "OTHER"]);
/** What a project asks mappers to map. */
export type MappingType = z.infer<typeof MappingType>;

/** The state of one task. */
export const TaskStatus = z.enum([
  "READY",
  "LOCKED_FOR_MAPPING",
  "MAPPED",
  "LOCKED_FOR_VALIDATION",
  "VALIDATED",
  "INVALIDATED",
  "BADIMAGERY",
  "SPLIT",
]);
/** The state of one task. */
export type TaskStatus = z.infer<typeof TaskStatus>;

/** The kind of a task history row. */
export const TaskAction = z.enum([
  "LOCKED_FOR_MAPPING",
  "LOCKED_FOR_VALIDATION",
  "STATE_CHANGE",
  "COMMENT",
  "AUTO_UNLOCKED_FOR_MAPPING",
  "AUTO_UNLOCKED_FOR_VALIDATION",
  "EXTENDED_FOR_MAPPING",
  "EXTENDED_FOR_VALIDATION",
]);
/** The kind of a task history row. */
export type TaskAction = z.infer<typeof TaskAction>;

/** The editors a project allows. */
export const Editor = z.enum(["ID", "JOSM", "POTLATCH_2", "FIELD_PAPERS", "CUSTOM", "RAPID"]);
/** The editors a project allows. */
export type Editor = z.infer<typeof Editor>;

/** Who may map or validate a project. */
export const Permission = z.enum(["ANY", "TEAMS"]);
/** Who may map or validate a project. */
export type Permission = z.infer<typeof Permission>;

/** How a project's tasks were made. */
export const TaskCreationMode = z.enum(["GRID", "ARBITRARY"]);
/** How a project's tasks were made. */
export type TaskCreationMode = z.infer<typeof TaskCreationMode>;

/** A user's role. */
export const UserRole = z.enum(["READ_ONLY", "MAPPER", "ADMIN"]);
/** A user's role. */
export type UserRole = z.infer<typeof UserRole>;

/** A team's role on a project. */
export const TeamRole = z.enum(["READ_ONLY", "MAPPER", "VALIDATOR", "PROJECT_MANAGER"]);
/** A team's role on a project. */
export type TeamRole = z.infer<typeof TeamRole>;

/** An organisation's subscription type. */
export const OrganisationType = z.enum(["FREE", "DISCOUNTED", "FULL_FEE"]);
/** An organisation's subscription type. */
export type OrganisationType = z.infer<typeof OrganisationType>;
