/**
 * A project's tasks (reference 3.8): one row per task with its grid position, status, the
 * user ids holding it, its geometry as GeoJSON text and its centroid; and one task with its
 * history (3.9).
 *
 * @module
 */

import { requirePositiveInteger } from "../args.ts";
import { Query } from "../builder.ts";
import type { DisplayRow } from "../display.ts";
import { defineEndpoint, type Endpoint } from "../endpoint.ts";
import { type Many, manyOf } from "../many.ts";
import { type Compiled, planOf, type QueryContext } from "../query.ts";
import { TaskCollection as TaskCollectionSchema } from "../schemas/project.ts";

import * as taskSchemas from "../schemas/tasks.ts";
import { EndpointQuery } from "./endpoint_query.ts";
import type { ProjectArgs } from "./project_args.ts";
import type { Geometry, TaskCollection, TaskDetail, TaskHistoryEntry } from "../rows.ts";

/** The tasks of a project: all, or only these ids. */
export interface TasksArgs extends ProjectArgs {
  readonly taskIds?: readonly number[] | undefined;
}

/** One task of a project. */
export interface TaskArgs extends ProjectArgs {
  readonly taskId: number;
}

/** One task feature, flattened. */
export type TaskFeature = TaskCollection["features"][number];

type Ring = readonly (readonly number[])[];

function isRing(value: unknown): value is Ring {
  return Array.isArray(value) &&
    value.every((point) =>
      Array.isArray(point) && point.length >= 2 && point.every((n) => typeof n === "number")
    );
}

/** The outer rings of a Polygon or MultiPolygon (others give none). */
function outerRings(geometry: Geometry): Ring[] {
  const polygons = geometry.type === "Polygon"
    ? [geometry.coordinates]
    : geometry.type === "MultiPolygon"
    ? geometry.coordinates
    : [];
  return polygons.flatMap((polygon) =>
    Array.isArray(polygon) && isRing(polygon[0]) ? [polygon[0]] : []
  );
}

/**
 * The area-weighted centroid `[lon, lat]` of a Polygon's or MultiPolygon's outer rings
 * (planar, in degrees; holes ignored, as task cells have none), or `null` for another
 * geometry. A ring of zero area gives the middle of its bounding box.
 *
 * @example
 * ```ts
 * import { centroidOf } from "./tasks.ts";
 * import assert from "node:assert/strict";
 *
 * const square = { type: "MultiPolygon", coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]] };
 * assert.deepEqual(centroidOf(square), [1, 1]);
 * assert.equal(centroidOf({ type: "Point", coordinates: [1, 2] }), null);
 * ```
 */
export function centroidOf(geometry: Geometry | null): [number, number] | null {
  if (geometry === null) return null;
  const rings = outerRings(geometry);
  if (rings.length === 0) return null;
  let area = 0, cx = 0, cy = 0;
  const xs: number[] = [], ys: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i] as [number, number];
      const [x1, y1] = ring[i + 1] as [number, number];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
      xs.push(x0);
      ys.push(y0);
    }
  }
  if (area === 0) {
    if (xs.length === 0) return null;
    return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  }
  return [cx / (3 * area), cy / (3 * area)];
}

/** `/projects/{id}/tasks/`: one row per task, keyed by `taskId`, in TM's order. */
export const TASKS_ENDPOINT: Endpoint<TaskCollection, TaskFeature, TasksArgs> = defineEndpoint({
  request: ({ projectId, taskIds }) => ({
    path: `projects/${projectId}/tasks/`,
    params: { tasks: taskIds },
  }),
  body: TaskCollectionSchema,
  rows: (body) => body.features,
  key: (row) => row.properties.taskId,
  columns: {
    taskId: { kind: "int", value: (row) => row.properties.taskId },
    taskX: { kind: "int", value: (row) => row.properties.taskX },
    taskY: { kind: "int", value: (row) => row.properties.taskY },
    taskZoom: { kind: "int", value: (row) => row.properties.taskZoom },
    taskIsSquare: { kind: "bool", value: (row) => row.properties.taskIsSquare },
    taskStatus: { kind: "str", value: (row) => row.properties.taskStatus },
    lockedBy: { kind: "int", value: (row) => row.properties.lockedBy },
    mappedBy: { kind: "int", value: (row) => row.properties.mappedBy },
    validatedBy: { kind: "int", value: (row) => row.properties.validatedBy },
    geometry: { kind: "json", value: (row) => row.geometry },
    centroidLon: { kind: "float", value: (row) => centroidOf(row.geometry)?.[0] ?? null },
    centroidLat: { kind: "float", value: (row) => centroidOf(row.geometry)?.[1] ?? null },
  },
});

/**
 * A project's tasks. `ids()` asks TM for some tasks only (its `tasks` parameter).
 *
 * @example Task statuses of a project
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const project = emulator.world.projects.find((p) => p.status === "PUBLISHED" && !p.private)!;
 *   const tasks = await tm.project(project.id).tasks().frame();
 *   assert.equal(tasks.height, project.tasks.length);
 *   assert.equal(tm.project(project.id).tasks().ids(1, 2).url().searchParams.get("tasks"), "1,2");
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class TasksQuery extends Query<TaskFeature> {
  readonly #args: TasksArgs;
  readonly #limit: number | undefined;

  /** Use `client.project(id).tasks()`. */
  constructor(context: QueryContext, args: TasksArgs, limit?: number) {
    super(context);
    this.#args = Object.freeze({ ...args });
    this.#limit = limit;
  }

  /**
   * One part: the project's task list.
   * @ignore
   */
  protected compile(): Compiled<TaskFeature> {
    const plan = planOf(TASKS_ENDPOINT, this.#args, { limit: this.#limit });
    const what = `tasks of project ${this.#args.projectId}`;
    return { what, columns: plan.columns, parts: [{ label: what, plan }] };
  }

  /**
   * The project, the task ids when set, and the limit.
   * @ignore
   */
  protected describe(): DisplayRow[] {
    return [["project", this.#args.projectId], ["task ids", this.#args.taskIds], [
      "limit",
      this.#limit,
    ]];
  }

  /**
   * The same tasks, at most `limit`.
   * @ignore
   */
  protected withLimit(limit: number): TasksQuery {
    return new TasksQuery(this.context, this.#args, limit);
  }

  /** Only these tasks: `ids(1, 2)`, `ids([1, 2])`. */
  ids(...taskIds: Many<number>[]): TasksQuery {
    const checked = manyOf("task ids", taskIds, (id) => requirePositiveInteger("task id", id));
    return new TasksQuery(this.context, { ...this.#args, taskIds: checked }, this.#limit);
  }
}

/** A history row with its project and task ids filled in (TM sends `taskId: null`). */
export type TaskHistoryRow = Omit<TaskHistoryEntry, "taskId"> & {
  projectId: number;
  taskId: number;
};

/** `/projects/{id}/tasks/{taskId}/` read as its history rows, newest first. */
export const TASK_HISTORY_ENDPOINT: Endpoint<TaskDetail, TaskHistoryRow, TaskArgs> = defineEndpoint(
  {
    request: ({ projectId, taskId }) => ({
      path: `projects/${projectId}/tasks/${taskId}/`,
      params: {},
    }),
    body: taskSchemas.TaskDetail,
    rows: (task) =>
      task.taskHistory.map((row) => ({ ...row, projectId: task.projectId, taskId: task.taskId })),
    key: (row) => row.historyId,
    columns: {
      projectId: { kind: "int" },
      taskId: { kind: "int" },
      historyId: { kind: "int" },
      action: { kind: "str" },
      actionText: { kind: "str" },
      actionDate: { kind: "datetime" },
      actionBy: { kind: "str" },
      pictureUrl: { kind: "str" },
      issues: { kind: "list<struct>", fields: { categoryId: "int", name: "str", count: "int" } },
    },
  },
);

/** `/projects/{id}/tasks/{taskId}/` as one row (the history is in `records()`). */
export const TASK_DETAIL_ENDPOINT: Endpoint<TaskDetail, TaskDetail, TaskArgs> = defineEndpoint({
  request: TASK_HISTORY_ENDPOINT.request,
  body: taskSchemas.TaskDetail,
  rows: (task) => [task],
  key: (task) => task.taskId,
  columns: {
    projectId: { kind: "int" },
    taskId: { kind: "int" },
    taskStatus: { kind: "str" },
    lockHolder: { kind: "str" },
    perTaskInstructions: { kind: "str" },
    autoUnlockSeconds: { kind: "float" },
    lastUpdated: { kind: "datetime" },
    numberOfComments: { kind: "int" },
  },
});

/**
 * One task's history (TM answers it with the whole task): `frame()`, `rows()` and `records()`
 * give its history rows, newest first, comments included; `detail()` gives the whole task
 * object (status, lock holder, instructions, annotations, the history as sent).
 *
 * @example A task's history and the task itself
 * ```ts
 * import { createClient } from "../../mod.ts";
 * import { startEmulator } from "../../emulator.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0, projects: 40 });
 * try {
 *   const tm = createClient({ baseUrl: emulator.url });
 *   const project = emulator.world.projects.find((p) => p.history.length > 0)!;
 *   const taskId = project.history[0]!.taskId;
 *   const history = await tm.project(project.id).task(taskId).frame();
 *   const [task] = await tm.project(project.id).task(taskId).detail().records();
 *   assert.equal(history.height, task!.taskHistory.length);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export class TaskQuery extends EndpointQuery<TaskHistoryRow> {
  readonly #args: TaskArgs;

  /** Use `client.project(id).task(taskId)`. */
  constructor(context: QueryContext, projectId: number, taskId: number, limit?: number) {
    const args = {
      projectId: requirePositiveInteger("project id", projectId),
      taskId: requirePositiveInteger("task id", taskId),
    };
    const plan = planOf(TASK_HISTORY_ENDPOINT, args, { limit });
    super(context, `history of task ${args.taskId}`, plan, [
      ["project", args.projectId],
      ["task", args.taskId],
    ]);
    this.#args = args;
  }

  /**
   * The same history, at most `limit` rows (the newest).
   * @ignore
   */
  protected override withLimit(limit: number): TaskQuery {
    return new TaskQuery(this.context, this.#args.projectId, this.#args.taskId, limit);
  }

  /** The whole task object: `records()` holds it, `frame()` is one row without the history. */
  detail(): EndpointQuery<TaskDetail> {
    const { projectId, taskId } = this.#args;
    return EndpointQuery.of(this.context, `task ${taskId}`, TASK_DETAIL_ENDPOINT, this.#args, [
      ["project", projectId],
      ["task", taskId],
    ]);
  }
}
