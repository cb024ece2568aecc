// deno-lint-ignore-file no-console -- the test prints the DuckDB query's answer
/**
 * The same mirror read by two engines: DuckDB's `read_parquet(..., hive_partitioning=true)`
 * and polars' lazy `openMirror()` give the same validated tasks per project.
 */

import assert from "node:assert/strict";
import { createClient, pl } from "../mod.ts";
import { startEmulator } from "../emulator.ts";
import { mirror, openMirror } from "../mirror.ts";
import { importDuckDb } from "../src/deps.ts";

Deno.test("DuckDB reads a mirror as polars does", async () => {
  const emulator = await startEmulator({ port: 0, seed: 8, projects: 15 });
  const dir = await Deno.makeTempDir({ prefix: "tmframes-mirror-duckdb-" });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: false });
    await mirror(tm, dir, "all").sync();

    const { DuckDBInstance } = await importDuckDb();
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const sql = `
      SELECT projectId, count(*) AS validated, max(actionDate) AS latest
      FROM read_parquet('${dir}/activities/**/*.parquet', hive_partitioning = true)
      WHERE action = 'STATE_CHANGE' AND actionText = 'VALIDATED'
      GROUP BY projectId ORDER BY validated DESC, projectId`;
    const answer = (await connection.runAndReadAll(sql)).getRowObjectsJson();
    connection.closeSync();
    console.log(sql.trim());
    console.table(answer);

    const { activities } = await openMirror(dir);
    const expected = await activities!
      .filter(
        pl.col("action").eq(pl.lit("STATE_CHANGE")).and(
          pl.col("actionText").eq(pl.lit("VALIDATED")),
        ),
      )
      .groupBy("projectId").agg(pl.len().alias("validated"))
      .sort(["validated", "projectId"], [true, false])
      .collect();
    assert.ok(answer.length > 0);
    assert.deepEqual(
      answer.map((row) => [Number(row.projectId), Number(row.validated)]),
      expected.rows().map(([id, n]) => [Number(id), Number(n)]),
    );
  } finally {
    await emulator.close();
    await Deno.remove(dir, { recursive: true });
  }
});
