/**
 * Every notebook runs on the Deno Jupyter kernel against the emulator without an error, and
 * shows charts (`image/svg+xml`) and tables (`text/html`). Skipped when Jupyter or the Deno
 * kernel is missing, except under `CI=true`, where that is a failure.
 */

import assert from "node:assert/strict";
import { startEmulator } from "../src/emulator/server.ts";
import {
  executeNotebook,
  jupyterMissing,
  mimeTypes,
  problems,
  silentCells,
} from "../tools/notebook/execute.ts";
import { listNotebooks } from "./notebooks.ts";

const missing = await jupyterMissing();
const ci = Deno.env.get("CI") === "true";
const notebooks = await listNotebooks();

Deno.test("notebooks: there are numbered notebooks to run", () => {
  assert.ok(notebooks.length > 0, "notebooks/ holds no .ipynb file");
  for (const path of notebooks) assert.match(path, /\/\d\d_[a-z0-9_]+\.ipynb$/);
});

if (missing && ci) {
  Deno.test("notebooks: Jupyter with the Deno kernel is required under CI=true", () => {
    assert.fail(`Cannot run the notebooks: ${missing}`);
  });
}

/** How many times a notebook may run before a cell without output fails the test. */
const RUNS = 3;

for (const path of notebooks) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  Deno.test({
    name: missing ? `notebooks: ${name} (skipped: ${missing})` : `notebooks: ${name} executes`,
    ignore: missing !== undefined,
    async fn() {
      // The world ends now, as the notebooks' own emulator's does: their "last 90 days" hold data.
      const emulator = await startEmulator({ port: 0, now: new Date() });
      const outputDir = await Deno.makeTempDir({ prefix: "tmframes-notebooks-" });
      try {
        // The Deno kernel now and then sends a cell's result after its idle status; the
        // executor waits a moment for such late output (tools/notebook/). Should a
        // result come later still, running again tells that race from a cell that really
        // shows nothing, which fails every run. The test task runs this file on its own,
        // after the parallel suite, to keep the machine quiet.
        let notebook = await executeNotebook(path, {
          env: { TM_API_URL: emulator.url },
          outputDir,
        });
        for (let run = 2; run <= RUNS && silentCells(notebook).length > 0; run++) {
          notebook = await executeNotebook(path, { env: { TM_API_URL: emulator.url }, outputDir });
        }
        assert.deepEqual(problems(notebook), []);
        const types = mimeTypes(notebook);
        assert.ok(types.has("image/svg+xml"), `${name} shows no SVG chart`);
        assert.ok(types.has("text/html"), `${name} shows no HTML table`);
        assert.deepEqual(silentCells(notebook), [], `code cells of ${name} that show nothing`);
        assert.ok(emulator.requests > 0, `${name} sent no request to the emulator`);
      } finally {
        await emulator.close();
        await Deno.remove(outputDir, { recursive: true });
      }
    },
  });
}
