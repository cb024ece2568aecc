/**
 * Contract tests: TM's real recorded responses in ../shared/tm-api/samples (relative to the
 * repository root) must parse. They are read in place, never copied into the project; when
 * the folder is absent the tests are ignored with a message saying so.
 */
import assert from "node:assert/strict";
import { ProjectDetail } from "../src/schemas/project.ts";
import { PROJECT_DETAIL_COLUMNS } from "../src/queries/project_columns.ts";
import { toFrame } from "../src/frame.ts";

const SAMPLES = new URL("../../shared/tm-api/samples/", import.meta.url);

function samplesPresent(): boolean {
  try {
    return Deno.statSync(SAMPLES).isDirectory;
  } catch {
    return false;
  }
}

const present = samplesPresent();
const IGNORED = "(ignored: ../shared/tm-api/samples is absent)";

Deno.test({
  name: `ProjectDetail parses TM's canned_project_detail.json sample${
    present ? "" : ` ${IGNORED}`
  }`,
  ignore: !present,
  async fn() {
    const body: unknown = JSON.parse(
      await Deno.readTextFile(new URL("canned_project_detail.json", SAMPLES)),
    );
    const result = ProjectDetail.safeParse(body);
    assert.ok(result.success, JSON.stringify(result.error?.issues));
    const detail = result.data;
    assert.equal(detail.projectId, 8653);
    assert.equal(detail.tasks?.features[0]?.properties.mappedBy, null);
    assert.equal(detail.sandbox, null);
    assert.deepEqual(detail.mappingTypes, ["ROADS", "BUILDINGS"]);
    const frame = toFrame(PROJECT_DETAIL_COLUMNS, [detail]);
    assert.equal(frame.height, 1);
    assert.equal(
      (frame.getColumn("created").toArray()[0] as unknown as Date).toISOString(),
      "2022-05-19T04:59:47.310Z",
    );
  },
});
