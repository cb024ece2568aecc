import assert from "node:assert/strict";
import { arr, get, obj, withEmulator } from "./emulator_helpers.ts";

const SAMPLE = new URL("../../shared/tm-api/samples/canned_project_detail.json", import.meta.url);

function exists(url: URL): boolean {
  try {
    return Deno.statSync(url).isFile;
  } catch {
    return false;
  }
}

/**
 * Documented differences between the TM4-era sample and the v5 ProjectDTO (reference 3.2,
 * shared/tm-api/samples/README.md): keys v5 declares that the sample lacks.
 */
const ONLY_IN_V5 = ["customEditor", "database", "josmPreset", "sandbox"];
/** Task feature properties added in v5 (reference 3.8, section 6). */
const TASK_PROPS_ONLY_IN_V5 = ["mappedBy", "validatedBy"];

Deno.test({
  name:
    "contract: project detail key set matches canned_project_detail.json (v5 differences listed)",
  ignore: !exists(SAMPLE),
  fn: async () => {
    const sample = obj(JSON.parse(await Deno.readTextFile(SAMPLE)));
    await withEmulator({ projects: 10, seed: 2 }, async (emulator) => {
      const project = emulator.world.projects.find((p) => p.status === "PUBLISHED" && !p.private);
      assert.ok(project);
      const ours = obj((await get(emulator, `projects/${project.id}/`)).json);
      const sampleKeys = new Set(Object.keys(sample));
      const ourKeys = new Set(Object.keys(ours));
      assert.deepEqual([...ourKeys].filter((k) => !sampleKeys.has(k)).sort(), ONLY_IN_V5);
      assert.deepEqual([...sampleKeys].filter((k) => !ourKeys.has(k)), []);
      for (const key of ["projectInfo"]) {
        assert.deepEqual(Object.keys(obj(ours[key])), Object.keys(obj(sample[key])));
      }
      const sampleTask = obj(arr(obj(sample["tasks"])["features"])[0]);
      const ourTask = obj(arr(obj(ours["tasks"])["features"])[0]);
      assert.deepEqual(Object.keys(ourTask), Object.keys(sampleTask));
      const sp = Object.keys(obj(sampleTask["properties"]));
      const op = Object.keys(obj(ourTask["properties"]));
      assert.deepEqual(op, [...sp, ...TASK_PROPS_ONLY_IN_V5]);
      assert.deepEqual(
        Object.keys(obj(ours["areaOfInterest"])).sort(),
        Object.keys(obj(sample["areaOfInterest"])).sort(),
      );
    });
  },
});

if (!exists(SAMPLE)) {
  // The shared folder is absent outside the project's workspace; the test above is ignored.
  Deno.test({
    name: "contract: SKIPPED, ../shared/tm-api/samples/ not found",
    ignore: true,
    fn() {},
  });
}
