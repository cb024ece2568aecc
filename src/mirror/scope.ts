/**
 * What a mirror holds: an organisation's, a campaign's or a search's projects, a list of
 * project ids, or every project the client can see. Listing the scope is the one request a
 * sync always makes (a search's pages; for a list of ids, each project's summary), and it
 * tells which projects moved.
 *
 * @module
 */

import { show } from "../args.ts";
import type { Client } from "../client.ts";
import { ApiError } from "../errors.ts";
import type { ProvenanceRecorder } from "../provenance.ts";
import { ProjectsQuery } from "../queries/projects.ts";
import type { Shard } from "./layout.ts";
import { inShard } from "./shard.ts";
import type { ProjectMark } from "./state.ts";

/**
 * The projects a mirror holds. `"all"` and the organisation and campaign scopes list the
 * PUBLISHED and ARCHIVED projects (TM shows DRAFT projects to their managers only); a search
 * is taken as given.
 */
export type MirrorScope =
  | "all"
  | { readonly organisation: string }
  | { readonly campaign: string }
  | { readonly projects: readonly number[] }
  | { readonly search: ProjectsQuery };

/** One project as the scope's listing shows it. */
export interface ListedProject {
  /** The project. */
  projectId: number;
  /** `lastUpdated` as TM sent it. */
  lastUpdated: string | null;
  /** Users holding a lock (`null` when the listing does not say). */
  activeMappers: number | null;
  /** Distinct contributors (`null` when the listing does not say). */
  totalContributors: number | null;
}

/** What listing a scope found. */
export interface Listing {
  /** The projects in scope (and in the shard), in TM's order. */
  projects: ListedProject[];
  /** Projects of a list of ids that TM refused, with why. */
  refused: Map<number, ProjectMark>;
  /** Requests the listing took. */
  requests: number;
}

const FETCHED_STATUSES = ["PUBLISHED", "ARCHIVED"] as const;

/**
 * The scope in words, checked: throws before any request when it is not one of the forms
 * allowed. The words are kept in the state file, so a folder holds one scope only.
 *
 * @example
 * ```ts
 * import { describeScope } from "./scope.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(describeScope({ organisation: "HOT" }), 'organisation "HOT"');
 * assert.equal(describeScope({ projects: [3, 1] }), "projects 1, 3");
 * assert.throws(() => describeScope({ projects: [] }), /Cannot mirror scope/);
 * ```
 */
export function describeScope(scope: MirrorScope): string {
  if (scope === "all") return "all";
  if (typeof scope === "object" && scope !== null) {
    if ("organisation" in scope && typeof scope.organisation === "string" && scope.organisation) {
      return `organisation ${show(scope.organisation)}`;
    }
    if ("campaign" in scope && typeof scope.campaign === "string" && scope.campaign) {
      return `campaign ${show(scope.campaign)}`;
    }
    if (
      "projects" in scope && Array.isArray(scope.projects) && scope.projects.length > 0 &&
      scope.projects.every((id) => Number.isSafeInteger(id) && id > 0)
    ) {
      return `projects ${[...new Set(scope.projects)].sort((a, b) => a - b).join(", ")}`;
    }
    if ("search" in scope && scope.search instanceof ProjectsQuery) {
      return `search ${scope.search.url().search}`;
    }
  }
  throw new TypeError(
    `Cannot mirror scope ${
      show(scope)
    }: it must be "all", { organisation: name }, { campaign: name }, { projects: [ids] } or { search: tm.projects()... }`,
  );
}

function searchOf(tm: Client, scope: Exclude<MirrorScope, { projects: readonly number[] }>) {
  if (scope === "all") return tm.projects().status(...FETCHED_STATUSES);
  if ("organisation" in scope) {
    return tm.projects().status(...FETCHED_STATUSES).organisation(scope.organisation);
  }
  if ("campaign" in scope) {
    return tm.projects().status(...FETCHED_STATUSES).campaign(scope.campaign);
  }
  return scope.search;
}

/** How TM refusing a project marks it: 403 private, 404 deleted, else `undefined`. */
export function markOfRefusal(error: Error): ProjectMark | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.status === 403 ? "private" : error.status === 404 ? "deleted" : undefined;
}

/** Lists the scope's projects in `shard`: a search's pages, or each listed id's summary. */
export async function listScope(
  tm: Client,
  scope: MirrorScope,
  shard: Shard,
  provenance: ProvenanceRecorder,
): Promise<Listing> {
  const options = { provenance, progress: false as const };
  if (typeof scope === "object" && "projects" in scope) {
    const ids = [...new Set(scope.projects)].filter((id) => inShard(id, shard));
    const { frame, failures } = await tm.projects(ids).summary().frameWithFailures(options);
    const refused = new Map<number, ProjectMark>();
    for (const failure of failures) {
      const mark = markOfRefusal(failure.error);
      if (mark === undefined) throw failure.error;
      refused.set(failure.projectId as number, mark);
    }
    const projects = (frame.select("projectId", "lastUpdated").toRecords() as {
      projectId: number;
      lastUpdated: Date | null;
    }[]).map((row) => ({
      projectId: Number(row.projectId),
      lastUpdated: row.lastUpdated === null ? null : new Date(row.lastUpdated).toISOString(),
      activeMappers: null,
      totalContributors: null,
    }));
    return { projects, refused, requests: ids.length };
  }
  const projects: ListedProject[] = [];
  let requests = 0;
  for await (const page of searchOf(tm, scope).pages(options)) {
    requests++;
    for (const row of page.rows) {
      if (!inShard(row.projectId, shard)) continue;
      projects.push({
        projectId: row.projectId,
        lastUpdated: row.lastUpdated,
        activeMappers: row.activeMappers,
        totalContributors: row.totalContributors,
      });
    }
  }
  return { projects, refused: new Map(), requests };
}
