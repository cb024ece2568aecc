/**
 * Task features as TM's `Task.get_tasks_as_geojson_feature_collection` builds them
 * (reference 3.8), shared by `/projects/{id}/tasks/` and the project detail.
 *
 * @module
 */

import type { Task } from "../model.ts";
import type { JsonObject } from "../json.ts";

/** One task as a GeoJSON Feature; `abbreviated` drops the geometry and the user ids. */
export function taskFeature(task: Task, abbreviated = false): JsonObject {
  const properties: JsonObject = {
    taskId: task.id,
    taskX: task.x,
    taskY: task.y,
    taskZoom: task.zoom,
    taskIsSquare: task.isSquare,
    taskStatus: task.status,
  };
  if (abbreviated) return { type: "Feature", geometry: null, properties };
  properties["lockedBy"] = task.lockedBy;
  properties["mappedBy"] = task.mappedBy;
  properties["validatedBy"] = task.validatedBy;
  return {
    type: "Feature",
    geometry: { type: "MultiPolygon", coordinates: task.geometry },
    properties,
  };
}

/** A FeatureCollection of tasks. */
export function taskCollection(tasks: readonly Task[], abbreviated = false): JsonObject {
  return { type: "FeatureCollection", features: tasks.map((t) => taskFeature(t, abbreviated)) };
}
