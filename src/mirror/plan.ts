/**
 * Which projects a sync asks TM about, decided from the scope's listing and the state alone.
 *
 * TM moves a project's `lastUpdated` on every task state change and every project edit, but
 * not on locks, unlocks, lock extensions or comments (`StatsService`, TM v5.5.2). So a project
 * whose `lastUpdated` moved is fetched again; one whose listing shows a lock now or at the
 * last sync, a changed contributor count, or a held lock still open is probed (its newest
 * activity page); so is one that TM lists as active (`/projects/queries/active/`: any task
 * history row, a lock included, in the hours since the last sync, when they are at most 24);
 * the rest are not asked about at all.
 *
 * @module
 */

import type { ListedProject } from "./scope.ts";
import type { MirrorState } from "./state.ts";

/** What a sync does with each project. */
export interface SyncPlan {
  /** New in the mirror, or moved since it was fetched: every table is fetched again. */
  fetch: number[];
  /** Unmoved, but activity TM does not date may have arrived: probed first. */
  probe: number[];
  /** Held as current but no longer listed: asked once why (left the scope, private, gone). */
  vanished: number[];
  /** Unmoved and not probed. */
  unchanged: number;
}

/**
 * Plans a sync. Unmoved current projects in `active` are probed. With `probeAll`, every
 * unmoved current project is probed (one request each), which also catches a lock taken and
 * released between two syncs more than 24 hours apart.
 *
 * @example
 * ```ts
 * import { planSync } from "./plan.ts";
 * import assert from "node:assert/strict";
 *
 * const held = {
 *   mark: "current" as const, lastUpdated: "2026-01-01T00:00:00Z", activeMappers: 0,
 *   totalContributors: 2, newestAction: null, oldestOpenLock: null, syncedAt: "",
 * };
 * const state = {
 *   format: 1 as const, apiRoot: "", scope: "all", shard: { index: 0, count: 1 },
 *   projects: { "1": held, "2": held, "3": held, "4": held },
 * };
 * const listed = (projectId: number, lastUpdated: string, activeMappers = 0) => ({
 *   projectId, lastUpdated, activeMappers, totalContributors: 2,
 * });
 * const plan = planSync(state, [
 *   listed(1, "2026-01-01T00:00:00Z"),
 *   listed(2, "2026-01-02T00:00:00Z"),
 *   listed(3, "2026-01-01T00:00:00Z", 1),
 *   listed(5, "2026-01-01T00:00:00Z"),
 * ]);
 * assert.deepEqual(plan, { fetch: [2, 5], probe: [3], vanished: [4], unchanged: 1 });
 * ```
 */
export function planSync(
  state: MirrorState,
  listed: readonly ListedProject[],
  probeAll = false,
  active: ReadonlySet<number> = new Set(),
): SyncPlan {
  const plan: SyncPlan = { fetch: [], probe: [], vanished: [], unchanged: 0 };
  const seen = new Set<number>();
  for (const project of listed) {
    seen.add(project.projectId);
    const held = state.projects[project.projectId];
    if (held === undefined || held.mark !== "current" || held.lastUpdated !== project.lastUpdated) {
      plan.fetch.push(project.projectId);
    } else if (
      probeAll || active.has(project.projectId) || project.activeMappers === null ||
      project.activeMappers > 0 ||
      (held.activeMappers ?? 0) > 0 || held.activeMappers !== project.activeMappers ||
      held.totalContributors !== project.totalContributors || held.oldestOpenLock !== null
    ) {
      plan.probe.push(project.projectId);
    } else {
      plan.unchanged++;
    }
  }
  for (const [id, held] of Object.entries(state.projects)) {
    if (held.mark === "current" && !seen.has(Number(id))) plan.vanished.push(Number(id));
  }
  return plan;
}
