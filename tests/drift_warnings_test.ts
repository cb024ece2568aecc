import assert from "node:assert/strict";
import { findUnknownValues, warnUnknownValues } from "../src/drift_warnings.ts";
import { findMissingKeys } from "../src/doctor/absent_keys.ts";
import { ProjectDetail, ProjectSummary } from "../src/schemas/project.ts";
import { ActivityPage } from "../src/schemas/activities.ts";

Deno.test("findUnknownValues: nested fields and list items, each once, in schema order", () => {
  const body = {
    projectId: 7,
    status: "PUBLISHED",
    mappingTypes: ["ROADS", "POWER_LINES", "POWER_LINES"],
    mappingEditors: ["ID", "MAPWITHAI"],
    validationPermission: null,
    tasks: {
      type: "FeatureCollection",
      features: [
        { properties: { taskId: 1, taskStatus: "READY" } },
        { properties: { taskId: 2, taskStatus: "ARCHIVED_TASK" } },
      ],
    },
  };
  assert.deepEqual(
    findUnknownValues(ProjectDetail, body).map(({ field, value, vocabulary }) =>
      `${field}=${value} (${vocabulary})`
    ),
    [
      "tasks.features[].properties.taskStatus=ARCHIVED_TASK (TaskStatus)",
      "mappingTypes[]=POWER_LINES (MappingType)",
      "mappingEditors[]=MAPWITHAI (Editor)",
    ],
  );
});

Deno.test("warnUnknownValues: once per query and value, again for another query", () => {
  const lines: string[] = [];
  const sink = (line: string) => lines.push(line);
  const page = (action: string) => ({
    activity: [{ historyId: 1, taskId: 1, action, actionDate: "2024-05-01T00:00:00Z" }],
  });
  const first = {};
  const second = {};
  warnUnknownValues(first, "http://127.0.0.1/a/", ActivityPage, page("SPLIT_TASK"), sink);
  warnUnknownValues(first, "http://127.0.0.1/a/?page=2", ActivityPage, page("SPLIT_TASK"), sink);
  warnUnknownValues(first, "http://127.0.0.1/a/?page=3", ActivityPage, page("MERGE"), sink);
  warnUnknownValues(first, "http://127.0.0.1/a/?page=4", ActivityPage, page("COMMENT"), sink);
  warnUnknownValues(second, "http://127.0.0.1/a/", ActivityPage, page("SPLIT_TASK"), sink);
  assert.equal(lines.length, 3);
  assert.match(
    lines[0] ?? "",
    /^tmframes: warning: activity\[\]\.action has the value "SPLIT_TASK"/,
  );
  assert.match(lines[1] ?? "", /"MERGE"/);
});

Deno.test("findMissingKeys: the optional keys a TM4 summary leaves out, and none of TM5's", () => {
  const tm5 = { projectId: 7, rapidPowerUser: null, database: "OSM", sandbox: false };
  const missing5 = findMissingKeys(ProjectSummary, tm5);
  for (const key of ["rapidPowerUser", "database", "sandbox"]) {
    assert.equal(missing5.includes(key), false, key);
  }
  const { rapidPowerUser: _r, database: _d, sandbox: _s, ...tm4 } = tm5;
  const missing4 = findMissingKeys(ProjectSummary, tm4);
  for (const key of ["rapidPowerUser", "database", "sandbox"]) {
    assert.ok(missing4.includes(key), key);
  }
  // A required key is not "missing but tolerated": parsing refuses it.
  assert.equal(missing4.includes("projectId"), false);
});
