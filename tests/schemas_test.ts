import assert from "node:assert/strict";
import { Pagination, TmDateTime } from "../src/schemas/common.ts";
import { ProjectSearchPage, ProjectSearchResult } from "../src/schemas/projects.ts";
import { ProjectStatistics, TaskProperties } from "../src/schemas/project.ts";
import { decodeBody } from "../src/decode/body.ts";

const RESULT = {
  projectId: 7,
  locale: "en",
  name: "Roads",
  shortDescription: "",
  difficulty: "EASY",
  priority: "HIGH",
  organisationName: null,
  organisationLogo: null,
  campaigns: [{ id: 1, name: "Flood" }],
  percentMapped: 10,
  percentValidated: 5,
  status: "PUBLISHED",
  activeMappers: 0,
  lastUpdated: "2024-05-01T12:34:56Z",
  dueDate: null,
  totalContributors: 3,
  country: ["Nepal"],
  sandbox: null,
  database: null,
  creationDate: null,
  author: "ana",
  partnerNames: null,
  totalAreaSquareKilometers: null,
};

Deno.test("ProjectSearchResult strips unknown keys and keeps TM's CSV-only keys", () => {
  const row = ProjectSearchResult.parse({ ...RESULT, brandNewField: 1 });
  assert.equal("brandNewField" in row, false);
  assert.equal(row.partnerNames, null);
  assert.equal(row.country?.[0], "Nepal");
  const { creationDate: _c, partnerNames: _p, totalAreaSquareKilometers: _t, ...tm4 } = RESULT;
  assert.equal("partnerNames" in ProjectSearchResult.parse(tm4), false);
  assert.equal(ProjectSearchResult.safeParse({ ...RESULT, partnerNames: "HOT" }).success, false);
});

Deno.test("a search row with every key TM sends is its own decoded output, not a copy", () => {
  // The schema declares every key of TM's ListSearchResultDTO, so the compiled decoder has
  // nothing to strip and passes the row through.
  assert.equal(decodeBody(ProjectSearchResult, RESULT, { url: "test" }), RESULT);
  const extra = { ...RESULT, brandNewField: 1 };
  assert.notEqual(decodeBody(ProjectSearchResult, extra, { url: "test" }), extra);
});

Deno.test("ProjectSearchResult reads a TM4-style row that leaves null fields out", () => {
  const { sandbox: _s, database: _d, author: _a, dueDate: _due, ...tm4 } = RESULT;
  const row = ProjectSearchResult.parse(tm4);
  assert.equal(row.sandbox, null);
  assert.equal(row.dueDate, null);
});

Deno.test("ProjectSearchResult keeps unknown enum values, refuses fractional integers", () => {
  assert.equal(ProjectSearchResult.parse({ ...RESULT, status: "DELETED" }).status, "DELETED");
  assert.equal(ProjectSearchResult.safeParse({ ...RESULT, percentMapped: 10.5 }).success, false);
  assert.equal(
    ProjectSearchResult.safeParse({ ...RESULT, lastUpdated: "2024-05-01" }).success,
    false,
  );
});

Deno.test("ProjectSearchPage reads TM's no-match form and a null pagination", () => {
  assert.deepEqual(ProjectSearchPage.parse({ mapResults: {}, results: [] }), { results: [] });
  assert.equal(
    ProjectSearchPage.parse({ mapResults: [], results: [], pagination: null }).pagination,
    null,
  );
});

Deno.test("Pagination refuses a negative total", () => {
  const page = {
    hasNext: false,
    hasPrev: false,
    nextNum: null,
    page: 1,
    pages: 0,
    prevNum: null,
    perPage: 14,
    total: 0,
  };
  assert.equal(Pagination.safeParse(page).success, true);
  assert.equal(Pagination.safeParse({ ...page, total: -1 }).success, false);
});

Deno.test("TmDateTime accepts every TM shape and refuses other offsets and impossible times", () => {
  for (
    const ok of [
      "2024-05-01T12:34:56.123456Z",
      "2024-05-01T12:34:56Z",
      "2019-08-27T12:18:07.186897",
      "2025-04-30T00:00:00",
      "2024-05-01T12:34:56.123456+00:00Z",
      "2024-02-29T23:59:59+00:00",
    ]
  ) assert.equal(TmDateTime.safeParse(ok).success, true, ok);
  for (
    const bad of [
      "2023-02-29T00:00:00Z",
      "2024-05-01T24:00:00Z",
      "2024-05-01T12:34:56+05:30",
      "2024-05-01 12:34:56",
      "2024-05-01",
    ]
  ) assert.equal(TmDateTime.safeParse(bad).success, false, bad);
});

Deno.test("TaskProperties allows TM4 tasks without mappedBy and validatedBy", () => {
  const task = TaskProperties.parse({
    taskId: 1,
    taskX: 1,
    taskY: 2,
    taskZoom: 16,
    taskIsSquare: true,
    taskStatus: "READY",
    lockedBy: null,
  });
  assert.equal(task.mappedBy, null);
  assert.equal(task.validatedBy, null);
});

Deno.test("ProjectStatistics renames projectArea(in sq.km) to projectAreaSqKm", () => {
  const stats = ProjectStatistics.parse({
    projectId: 1,
    "projectArea(in sq.km)": 12.5,
    totalMappers: 1,
    totalTasks: 4,
    totalComments: 0,
    totalMappingTime: 3.0,
    totalValidationTime: 0,
    totalTimeSpent: 3.0,
    averageMappingTime: 1.5,
    averageValidationTime: 0,
    percentMapped: 50,
    percentValidated: 0,
    percentBadImagery: 0,
    aoiCentroid: null,
    timeToFinishMapping: 3,
    timeToFinishValidating: 6,
  });
  assert.equal(stats.projectAreaSqKm, 12.5);
  assert.equal("projectArea(in sq.km)" in stats, false);
});
