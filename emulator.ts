/**
 * The built-in Tasking Manager emulator: TM's API v2 on loopback, served from a seeded,
 * deterministic world, with TM's quirks, error bodies and injectable faults. For tests,
 * benchmarks, demos and offline work. `deno task emulator` runs it from the command line.
 *
 * @example Start it, query it, close it
 * ```ts
 * import { startEmulator } from "./emulator.ts";
 * import { createClient } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   assert.equal(await tm.projects().status("PUBLISHED", "ARCHIVED", "DRAFT").count() > 0, true);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 *
 * @module
 */

export {
  type Emulator,
  type EmulatorOptions,
  type FaultKind,
  type Faults,
  type IssuedToken,
  startEmulator,
} from "./src/emulator/server.ts";
export type * from "./src/emulator/model.ts";
export type { LazyBody, LazyProjects, LazySeed } from "./src/emulator/lazy.ts";
export type {
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
} from "./src/rows.ts";
