/**
 * A project's attributes, texts, area of interest and task grid (all tasks READY); the
 * history comes later from `simulate.ts`.
 *
 * @module
 */

import type { Micros, Project, ProjectInfo, Task, User, World } from "./model.ts";
import type { Editor, MappingType, ProjectStatus } from "../schemas/enums.ts";
import {
  MappingType as MappingTypes,
  ProjectDifficulty,
  ProjectPriority,
} from "../schemas/enums.ts";
import type { Rng } from "./rng.ts";
import { arbitraryLayout, gridLayout } from "./geography.ts";
import { COUNTRIES, LOCALES, NEIGHBOURS, PROJECT_WORDS } from "./names.ts";

const DAY = 86_400_000_000;
const IMAGERY = [
  "Bing",
  "Mapbox",
  "EsriWorldImagery",
  "https://imagery.example.org/{zoom}/{x}/{y}.png",
];
const EDITOR_SETS: Editor[][] = [["ID", "JOSM"], ["ID", "JOSM", "POTLATCH_2", "FIELD_PAPERS"], [
  "ID",
  "JOSM",
  "RAPID",
], [
  "ID",
  "JOSM",
  "CUSTOM",
]];

/** What a new project is built from. */
export interface ProjectSeed {
  id: number;
  /** Index among generated projects; the first 60 cover every priority/difficulty/type. */
  index: number;
  status: ProjectStatus;
  /** Task count wanted (the grid may round it). */
  tasks: number;
}

/** A task count: mostly small projects, a few with hundreds of tasks. */
export function taskTarget(rng: Rng): number {
  const [min, max] = rng.weighted<[number, number]>([[[4, 25], 0.4], [[25, 80], 0.38], [
    [80, 200],
    0.16,
  ], [
    [200, 400],
    0.06,
  ]]);
  return rng.int(min, max);
}

/**
 * A timestamp, sometimes on a whole second or a whole millisecond.
 *
 * @example
 * ```ts
 * import { roughTime } from "./projects.ts";
 * import { Rng } from "./rng.ts";
 * if (roughTime(new Rng(1), 1_500_000_123_456) > 1_500_000_123_456) throw new Error("later");
 * ```
 */
export function roughTime(rng: Rng, t: Micros): Micros {
  const r = rng.next();
  return r < 0.15 ? t - (t % 1_000_000) : r < 0.25 ? t - (t % 1000) : t;
}

function texts(rng: Rng, locale: string, name: string, id: number): ProjectInfo {
  const tag = locale === "en" ? "" : ` (${locale})`;
  return {
    locale,
    name: `${name}${tag}`,
    shortDescription: `Map ${name.toLowerCase()} to support humanitarian work.${tag}`,
    description:
      `Project ${id}: help map ${name.toLowerCase()}. Trace from imagery and tag carefully.${tag}`,
    instructions: rng.chance(0.9) ? `Map every feature you see in the task.${tag}` : "",
    perTaskInstructions: rng.chance(0.2) ? `Task {x}/{y} at zoom {z}.${tag}` : "",
  };
}

/**
 * When TM added `projects.rapid_power_user` (migration 8a6419f289aa, 2021-06-23), in µs. The
 * column was never backfilled, so older projects hold null.
 */
const RAPID_POWER_USER_ADDED = Date.UTC(2021, 5, 23) * 1000;

function rapid(value: boolean, created: number): boolean | null {
  return created < RAPID_POWER_USER_ADDED ? null : value;
}

/** Builds a project with READY tasks; `created` is before `now`, no history yet. */
export function makeProject(rng: Rng, world: World, seed: ProjectSeed): Project {
  const { id, index, now } = { ...seed, now: world.now };
  const combo = index < 60;
  const priority = combo ? ProjectPriority.options[index % 4] : rng.pick(ProjectPriority.options);
  const difficulty = combo
    ? ProjectDifficulty.options[Math.floor(index / 4) % 3]
    : rng.pick(ProjectDifficulty.options);
  const first = combo
    ? MappingTypes.options[Math.floor(index / 12) % 5]
    : rng.pick(MappingTypes.options);
  const types = new Set<MappingType>([
    first ?? "BUILDINGS",
    ...rng.sample(MappingTypes.options, rng.int(0, 2)),
  ]);
  const home = rng.pick(COUNTRIES);
  const pair = rng.chance(0.1) ? rng.pick(NEIGHBOURS) : null;
  const countryName = pair ? pair[0] : home.name;
  const box = (COUNTRIES.find((c) => c.name === countryName) ?? home).box;
  const lon = rng.float(box[0], box[2]);
  const lat = rng.float(box[1], box[3]);
  const countries = rng.chance(0.07) ? null : pair ? [pair[0], pair[1]] : [countryName];
  const grid = rng.chance(0.85);
  const layout = grid
    ? gridLayout(rng, lon, lat, rng.int(14, 18), seed.tasks)
    : arbitraryLayout(rng, lon, lat, rng.float(0.01, 0.2), seed.tasks);
  const tasks = layout.cells.map((c, i): Task => ({
    id: i + 1,
    x: c.x,
    y: c.y,
    zoom: c.zoom,
    isSquare: grid,
    geometry: c.geometry,
    status: "READY",
    lockedBy: null,
    mappedBy: null,
    validatedBy: null,
  }));
  const org = rng.chance(0.95) ? rng.pick(world.organisations) : null;
  const orgTeams = org ? world.teams.filter((t) => t.organisationId === org.id) : [];
  const mappingPermission = rng.chance(0.15) && orgTeams.length > 0 ? "TEAMS" : "ANY";
  const validationPermission = rng.chance(0.35) && orgTeams.length > 0 ? "TEAMS" : "ANY";
  const useTeams = mappingPermission === "TEAMS" || validationPermission === "TEAMS" ||
    rng.chance(0.2);
  const start = Date.UTC(2016, 0, 1) * 1000;
  const created = roughTime(rng, start + Math.floor(rng.next() ** 0.8 * (now - 5 * DAY - start)));
  const word = rng.pick(PROJECT_WORDS);
  const name = `${countries?.[0] ?? "Regional"} ${word} ${rng.int(1, 99)}`;
  const defaultLocale = rng.chance(0.04) ? rng.pick(LOCALES) : "en";
  const locales = new Set([
    defaultLocale,
    ...(rng.chance(0.2) ? rng.sample(LOCALES, rng.int(1, 3)) : []),
  ]);
  const sandbox = rng.chance(0.05);
  const priv = rng.chance(0.08);
  const users = world.users.filter((u: User) => u.role !== "READ_ONLY");
  const author = org && rng.chance(0.5) ? rng.pick(org.managers) : rng.pick(users).id;
  return {
    id,
    status: seed.status,
    priority: priority ?? "MEDIUM",
    difficulty: difficulty ?? "EASY",
    mappingTypes: MappingTypes.options.filter((t) => types.has(t)),
    mappingEditors: rng.pick(EDITOR_SETS),
    validationEditors: rng.pick(EDITOR_SETS),
    mappingPermission,
    validationPermission,
    taskCreationMode: grid ? "GRID" : "ARBITRARY",
    enforceRandomTaskSelection: rng.chance(0.1),
    private: priv,
    sandbox,
    database: sandbox ? "sandbox" : "OSM",
    rapidPowerUser: rapid(rng.chance(0.05), created),
    imagery: rng.chance(0.5) ? rng.pick(IMAGERY) : null,
    changesetComment: `#hotosm-project-${id} #${org ? org.slug : "hotosm"}`,
    osmchaFilterId: rng.chance(0.1) ? `${rng.int(10000000, 99999999)}-filter` : null,
    licenseId: rng.chance(0.2) ? rng.int(1, 3) : null,
    idPresets: rng.chance(0.15) ? ["building", "highway/residential"] : null,
    extraIdParams: rng.chance(0.1) ? "" : null,
    josmPreset: null,
    organisationId: org ? org.id : null,
    campaignIds: rng.sample(world.campaigns.slice(1).map((c) => c.id), rng.int(0, 2)).sort((a, b) =>
      a - b
    ),
    interestIds: rng.sample(world.interests.map((i) => i.id), rng.int(0, 2)).sort((a, b) => a - b),
    teams: useTeams
      ? rng.sample(orgTeams, rng.int(1, 2)).map((t) => ({
        teamId: t.id,
        role: rng.pick(["MAPPER", "VALIDATOR", "PROJECT_MANAGER"] as const),
      }))
      : [],
    allowedUserIds: priv
      ? rng.sample(users.map((u) => u.id), rng.int(2, 10)).sort((a, b) => a - b)
      : [],
    countries,
    defaultLocale,
    info: [...locales].map((l) => texts(rng, l, name, id)),
    authorId: author,
    created,
    lastUpdated: created,
    dueDate: rng.chance(0.3) ? roughTime(rng, created + rng.int(30, 400) * DAY) : null,
    aoi: layout.aoi,
    chatMessages: rng.chance(0.6) ? rng.int(0, 30) : 0,
    tasks,
    history: [],
  };
}
