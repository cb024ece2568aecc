/**
 * The enum fields of TM's bodies, open: each accepts any string and knows the values of its
 * vocabulary in `enums.ts` (see `open_enum.ts`). Body schemas use these; builders and the
 * emulator use the closed vocabularies.
 *
 * @example
 * ```ts
 * import { PermissionField } from "./enum_fields.ts";
 * import { KNOWN_VALUES } from "./open_enum.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(PermissionField.parse("TEAMS_LEVEL"), "TEAMS_LEVEL");
 * assert.deepEqual(KNOWN_VALUES.get(PermissionField)?.values, ["ANY", "TEAMS"]);
 * ```
 *
 * @module
 */

import {
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
} from "./enums.ts";
import { openEnum } from "./open_enum.ts";

/** A project's status, open. */
export const ProjectStatusField = openEnum("ProjectStatus", ProjectStatus);
/** A project's priority, open. */
export const ProjectPriorityField = openEnum("ProjectPriority", ProjectPriority);
/** A project's difficulty, open. */
export const ProjectDifficultyField = openEnum("ProjectDifficulty", ProjectDifficulty);
/** A mapping type, open. */
export const MappingTypeField = openEnum("MappingType", MappingType);
/** A task's status, open. */
export const TaskStatusField = openEnum("TaskStatus", TaskStatus);
/** A task history action, open. */
export const TaskActionField = openEnum("TaskAction", TaskAction);
/** An editor, open. */
export const EditorField = openEnum("Editor", Editor);
/** A mapping or validation permission, open (TM before 5.2 also sends `LEVEL`, `TEAMS_LEVEL`). */
export const PermissionField = openEnum("Permission", Permission);
/** How a project's tasks were made, open. */
export const TaskCreationModeField = openEnum("TaskCreationMode", TaskCreationMode);
/** A team's role on a project, open. */
export const TeamRoleField = openEnum("TeamRole", TeamRole);
/** An organisation's subscription type, open. */
export const OrganisationTypeField = openEnum("OrganisationType", OrganisationType);
