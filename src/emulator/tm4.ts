/**
 * TM4-era bodies: what a Tasking Manager 4 (v4.8.5, schematics DTOs) sends where TM5 differs,
 * so the tolerant reader can be tested end to end in both forms (`startEmulator({ tmVersion:
 * 4 })`, CLI `--tm-version 4`). The world is the same; only successful JSON bodies change:
 *
 * - heartbeat: `{"status": "healthy"}`, release `v4.8.5`, `published_at` as Python's
 *   `str(datetime)` (`2024-01-18 10:00:00`);
 * - project detail and summary: no `rapidPowerUser`, `sandbox`, `database`; permissions of
 *   every third project as `LEVEL` / `TEAMS_LEVEL` (removed in 5.2); detail leaves out
 *   `josmPreset` and `customEditor` when null (`serialize_when_none=False`);
 * - search results: no `sandbox`, `database`; `author` and `country` left out when null;
 *   `creationDate` and `totalAreaSquareKilometers` filled on every row (TM4's
 *   `create_result_dto` set them for JSON too; TM5 fills them only for CSV), and the row's
 *   times in schematics' `UTCDateTimeType` form (six fraction digits);
 * - system statistics: no `averageCompletionTime` (commented out of TM4's DTO);
 * - activities and task history: `taskId` as a string (`TaskHistoryDTO.task_id` was a
 *   `StringType`);
 * - task detail: `lockHolder`, `lastUpdated` left out when null (`serialize_when_none=False`);
 * - contributions: no `badImagery`, `badImageryTasks`;
 * - user `contributionsByDay`: `YYYY-MM-DD` days (TM4 sent `str(date)`), counting every
 *   state change (TM5 since 5.4.1 counts only MAPPED, VALIDATED, INVALIDATED).
 *
 * Floats are written back by `JSON.stringify`, so `3.0` becomes `3` (TM4's `IntType` sent ints).
 *
 * @module
 */

import type { World } from "./model.ts";
import { userStatistics } from "./figures_users.ts";
import { schematicsIso } from "./dates.ts";
import { areaKm2 } from "./geography.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objects(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function omit(body: JsonObject, keys: readonly string[]): void {
  for (const key of keys) delete body[key];
}

/** schematics' `serialize_when_none=False`: the key is left out when its value is null. */
function omitNulls(body: JsonObject, keys: readonly string[]): void {
  for (const key of keys) if (body[key] === null) delete body[key];
}

/** TM4's permission names: every third project used the level-based ones. */
function levelPermissions(body: JsonObject): void {
  const id = typeof body["projectId"] === "number" ? body["projectId"] : 0;
  if (id % 3 !== 0) return;
  for (const key of ["mappingPermission", "validationPermission"]) {
    if (body[key] === "ANY") body[key] = "LEVEL";
    else if (body[key] === "TEAMS") body[key] = "TEAMS_LEVEL";
  }
}

function stringTaskIds(rows: JsonObject[]): void {
  for (const row of rows) {
    if (typeof row["taskId"] === "number") row["taskId"] = String(row["taskId"]);
  }
}

const RULES: readonly [RegExp, (body: JsonObject, world: World, pathname: string) => void][] = [
  [/\/system\/heartbeat\/$/, (body) => {
    body["status"] = "healthy";
    body["release"] = { version: "v4.8.5", published_at: "2024-01-18 10:00:00" };
  }],
  [/\/projects\/\d+\/$/, (body) => {
    omit(body, ["rapidPowerUser", "sandbox", "database"]);
    omitNulls(body, ["josmPreset", "customEditor"]);
    levelPermissions(body);
  }],
  [/\/projects\/\d+\/queries\/summary\/$/, (body) => {
    omit(body, ["rapidPowerUser", "sandbox", "database"]);
    levelPermissions(body);
  }],
  [/\/projects\/$/, (body, world) => {
    for (const row of objects(body["results"])) {
      omit(row, ["sandbox", "database"]);
      omitNulls(row, ["author", "country"]);
      const project = world.projects.find((p) => p.id === row["projectId"]);
      if (project === undefined) continue;
      row["lastUpdated"] = schematicsIso(project.lastUpdated);
      row["dueDate"] = project.dueDate === null ? null : schematicsIso(project.dueDate);
      row["creationDate"] = schematicsIso(project.created);
      // `round(ST_Area(geometry, True) / 1e6, 3)`.
      row["totalAreaSquareKilometers"] = Math.round(areaKm2(project.aoi) * 1000) / 1000;
    }
  }],
  [/\/projects\/\d+\/activities\/$/, (body) => stringTaskIds(objects(body["activity"]))],
  [/\/projects\/\d+\/tasks\/\d+\/$/, (body) => {
    stringTaskIds(objects(body["taskHistory"]));
    omitNulls(body, ["lockHolder", "lastUpdated"]);
  }],
  [/\/projects\/\d+\/contributions\/$/, (body) => {
    for (const row of objects(body["userContributions"])) {
      omit(row, ["badImagery", "badImageryTasks"]);
    }
  }],
  [/\/system\/statistics\/$/, (body) => omit(body, ["averageCompletionTime"])],
  [/\/users\/[^/]+\/statistics\/$/, (body, world, pathname) => {
    const username = decodeURIComponent(pathname.split("/").at(-3) ?? "");
    const user = world.users.find((u) => u.username === username);
    if (user === undefined) return;
    const { contributionsByDay } = userStatistics(world, user.id, { dayCounts: "tm4" });
    body["contributionsByDay"] = contributionsByDay.map(({ date, count }) => ({ date, count }));
  }],
];

/**
 * The TM4 form of a TM5 body served at `pathname` from `world` (a new object; others are
 * returned as is).
 *
 * @example
 * ```ts
 * import { toTm4Body } from "./tm4.ts";
 * import { createWorld } from "./world.ts";
 * import assert from "node:assert/strict";
 *
 * const body = toTm4Body("/api/v2/projects/", {
 *   results: [{ projectId: 7, author: null, sandbox: false, database: "OSM" }],
 * }, createWorld({ projects: 1 }));
 * assert.deepEqual(body, { results: [{ projectId: 7 }] });
 * ```
 */
export function toTm4Body(pathname: string, body: unknown, world: World): unknown {
  const rule = RULES.find(([pattern]) => pattern.test(pathname));
  if (rule === undefined || !isObject(body as Json)) return body;
  const copy = structuredClone(body) as JsonObject;
  rule[1](copy, world, pathname);
  return copy;
}

/**
 * The TM4 form of a response: successful JSON bodies rewritten by {@link toTm4Body}, every
 * other response unchanged.
 *
 * @example
 * ```ts
 * import { toTm4Response } from "./tm4.ts";
 * import { createWorld } from "./world.ts";
 * import assert from "node:assert/strict";
 *
 * const tm5 = Response.json({ status: "Fastapi healthy", release: null });
 * const tm4 = await toTm4Response("/api/v2/system/heartbeat/", tm5, createWorld({ projects: 1 }));
 * assert.equal((await tm4.json()).status, "healthy");
 * ```
 */
export async function toTm4Response(
  pathname: string,
  response: Response,
  world: World,
): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200 || !type.includes("application/json")) return response;
  const body = toTm4Body(pathname, await response.json(), world);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: 200, headers });
}
