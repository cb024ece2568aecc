/**
 * Helpers of the analytics endpoint tests: a frame's dtypes as short strings, and projects
 * of the emulator's world picked by what a test needs.
 *
 * @module
 */

import type { DataFrame } from "../src/deps.ts";
import type { Project, World } from "../src/emulator/model.ts";

/** Column name → dtype, e.g. `{ id: "Int64", at: "Datetime(us,UTC)" }`, in frame order. */
export function dtypes(frame: DataFrame): Record<string, string> {
  return Object.fromEntries(
    Object.entries(frame.schema).map(([name, dtype]) => [
      name,
      String(dtype).replace(/^DataType\((.*)\)$/, "$1"),
    ]),
  );
}

/** Projects an anonymous caller may read (not private, not draft). */
export function publicProjects(world: World): Project[] {
  return world.projects.filter((p) => !p.private && p.status !== "DRAFT");
}

/** The public project with the most history rows. */
export function busiestProject(world: World): Project {
  const [busiest] = [...publicProjects(world)].sort((a, b) => b.history.length - a.history.length);
  if (busiest === undefined) throw new Error("the world has no public project");
  return busiest;
}

/** Milliseconds of a world timestamp (micros). */
export function ms(micros: number): number {
  return Math.floor(micros / 1000);
}

/** `YYYY-MM-DD` (UTC) of a world timestamp (micros). */
export function dayOf(micros: number): string {
  return new Date(ms(micros)).toISOString().slice(0, 10);
}

/** The list dtype string nodejs-polars prints for a list of `Struct` fields. */
export function structList(fields: Record<string, string>): string {
  const inner = Object.entries(fields).map(([name, dtype]) =>
    `Field("${name}", DataType(${dtype}))`
  ).join(",");
  return `List(DataType(Struct(${inner})))`;
}
