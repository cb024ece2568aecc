/**
 * `deno task notebook`: its command line, and a small notebook executed end to end (skipped
 * when Jupyter or the Deno kernel is missing, except under `CI=true`).
 */

import assert from "node:assert/strict";
import { jupyterMissing } from "../tools/notebook/execute.ts";
import { parseNotebookArgs } from "../tools/notebook/main.ts";

Deno.test("notebook command: flags and paths", () => {
  assert.deepEqual(
    parseNotebookArgs(["--out", "/tmp/x", "--port", "9000", "--runs", "1", "a.ipynb", "b.ipynb"]),
    {
      paths: ["a.ipynb", "b.ipynb"],
      emulator: false,
      port: 9000,
      timeout: 600,
      runs: 1,
      outputDir: "/tmp/x",
    },
  );
  assert.throws(() => parseNotebookArgs([]), /name at least one \.ipynb file/);
  assert.throws(
    () => parseNotebookArgs(["notes.md"]),
    /Cannot run "notes.md": it must be a notebook/,
  );
  assert.throws(
    () => parseNotebookArgs(["--port", "x", "a.ipynb"]),
    /--port takes a port from 0 \(any free one\) to 65535, not "x"/,
  );
  assert.throws(
    () => parseNotebookArgs(["a.ipynb", "--timeout"]),
    /--timeout takes a positive integer, not undefined/,
  );
  assert.throws(() => parseNotebookArgs(["--out"]), /--out takes a folder/);
});

const missing = await jupyterMissing();

function notebook(...sources: string[]) {
  return {
    cells: sources.map((source) => ({
      cell_type: "code",
      source,
      metadata: {},
      outputs: [],
      execution_count: null,
    })),
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

async function runCommand(...args: string[]) {
  const main = new URL("../tools/notebook/main.ts", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", main, ...args],
    env: { NO_COLOR: "1" },
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code, out: decode(stdout), err: decode(stderr) };
}

Deno.test({
  name: "notebook command: executes in place, keeps every result, fails on a failing cell",
  ignore: missing !== undefined && Deno.env.get("CI") !== "true",
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "tmframes-notebook-" });
    try {
      await Deno.writeTextFile(
        `${dir}/good.ipynb`,
        JSON.stringify(notebook("const a = 20 + 1;\na * 2", "Deno.env.get('TM_API_URL')")),
      );
      const good = await runCommand("--emulator", "--port", "0", `${dir}/good.ipynb`);
      assert.equal(good.code, 0, good.out + good.err);
      assert.match(good.out, /good\.ipynb: ok, 2 code cells \(http:\/\/127\.0\.0\.1:\d+/);
      const saved = JSON.parse(await Deno.readTextFile(`${dir}/good.ipynb`));
      const plain = (cell: number) =>
        [saved.cells[cell].outputs[0].data["text/plain"]].flat().join("");
      assert.equal(plain(0), "42");
      assert.match(plain(1), /http:\/\/127\.0\.0\.1:\d+/);

      await Deno.writeTextFile(`${dir}/bad.ipynb`, JSON.stringify(notebook("missingName + 1")));
      const bad = await runCommand("--out", `${dir}/out`, `${dir}/bad.ipynb`);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /Cannot execute .*bad\.ipynb: nbconvert failed/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
