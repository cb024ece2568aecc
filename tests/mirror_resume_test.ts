// deno-lint-ignore-file no-console -- the test prints its evidence: kills and requests saved
/**
 * Kill a sync with SIGKILL at random points, many times (bounded in count and time), over
 * loopback only: after every kill each Parquet file reads whole and every project the state
 * calls current has all its partitions; the next sync asks nothing again of a project the
 * state held; and the sync that finally completes leaves the same dataset as one never killed.
 */

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { type DataFrame, pl } from "../mod.ts";
import { startEmulator } from "../emulator.ts";
import { MIRROR_TABLES, openMirror } from "../mirror.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const KILLS = 12;
const DEADLINE_MS = 120_000;

/** Requests seen by the loopback proxy in front of the emulator, per run. */
class Proxy {
  log: string[] = [];
  onRequest: (count: number) => void = () => {};
  readonly #server: Deno.HttpServer<Deno.NetAddr>;
  readonly url: string;

  constructor(target: string) {
    this.#server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
      const url = new URL(request.url);
      this.log.push(url.pathname);
      this.onRequest(this.log.length);
      return fetch(new URL(url.pathname + url.search, target), { headers: request.headers });
    });
    this.url = `http://127.0.0.1:${this.#server.addr.port}/api/v2/`;
  }

  close(): Promise<void> {
    return this.#server.shutdown();
  }
}

/** Requests per project id in a log (listing and heartbeat are not a project's). */
function perProject(log: string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const path of log) {
    const id = Number(/\/projects\/(\d+)\//.exec(path)?.[1]);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The projects the state file calls current, or none before the first state. */
async function heldProjects(dir: string): Promise<Set<number>> {
  try {
    const state = JSON.parse(await Deno.readTextFile(`${dir}/_mirror/state.json`));
    return new Set(
      Object.entries(state.projects as Record<string, { mark: string }>)
        .filter(([, p]) => p.mark === "current").map(([id]) => Number(id)),
    );
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return new Set();
    throw error;
  }
}

/** `writeAtomically`'s temporary files under `dir`. */
async function tempFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...await tempFiles(path));
    else if (/^\..+\.[0-9a-f-]{36}\.tmp$/.test(entry.name)) found.push(path);
  }
  return found;
}

async function* parquetFiles(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* parquetFiles(path);
    else if (entry.name.endsWith(".parquet")) yield path;
  }
}

/** What a sync printed on stderr (read to its end, so it never blocks). */
function errorsOf(child: Deno.ChildProcess): Promise<string> {
  return new Response(child.stderr).text();
}

function sync(dir: string, api: string): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "src/mirror/cli.ts", "--dir", dir, "--api", api],
    cwd: ROOT,
    env: { TM_TOKEN: "" },
    stdout: "null",
    stderr: "piped",
  }).spawn();
}

Deno.test("a sync killed at random points resumes without refetching finished projects", async () => {
  const emulator = await startEmulator({ port: 0, seed: 5, projects: 40 });
  const proxy = new Proxy(emulator.url);
  const reference = await Deno.makeTempDir({ prefix: "tmframes-mirror-ref-" });
  const dir = await Deno.makeTempDir({ prefix: "tmframes-mirror-killed-" });
  try {
    // A sync never killed: the requests a whole sync takes, per project.
    const whole = sync(reference, proxy.url);
    const [wholeStatus, wholeErrors] = await Promise.all([whole.status, errorsOf(whole)]);
    assert.equal(wholeStatus.code, 0, wholeErrors);
    const full = proxy.log.length;
    const fullPerProject = perProject(proxy.log);

    let seed = 20261129;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const started = Date.now();
    let kills = 0;
    let saved = 0;
    let spent = 0;
    let leftBehind = 0;
    // A stale temporary file of the state, which the next sync removes, and another shard's,
    // which it must leave alone.
    await Deno.mkdir(`${dir}/_mirror`, { recursive: true });
    const ours = `${dir}/_mirror/.state.json.${crypto.randomUUID()}.tmp`;
    const theirs = `${dir}/_mirror/.state.shard-1-of-2.json.${crypto.randomUUID()}.tmp`;
    await Deno.writeTextFile(ours, "{");
    await Deno.writeTextFile(theirs, "{");
    for (let run = 0;; run++) {
      const held = await heldProjects(dir);
      proxy.log = [];
      const killing = kills < KILLS && Date.now() - started < DEADLINE_MS;
      const left = full - [...held].reduce((sum, id) => sum + (fullPerProject.get(id) ?? 0), 0);
      const at = 1 + Math.floor(random() * left * 0.9);
      const child = sync(dir, proxy.url);
      proxy.onRequest = (count) => {
        if (killing && count === at) {
          setTimeout(() => {
            try {
              child.kill("SIGKILL");
            } catch { /* it had already ended */ }
          }, Math.floor(random() * 30));
        }
      };
      const [status, errors] = await Promise.all([child.status, errorsOf(child)]);
      spent += proxy.log.length;
      // Nothing already held is asked again, but for a probe of its newest activity page.
      const asked = perProject(proxy.log);
      for (const id of held) {
        const again = proxy.log.filter((path) =>
          path.startsWith(`/api/v2/projects/${id}/`) && !path.endsWith("/activities/")
        );
        assert.deepEqual(again, [], `project ${id} was held, yet asked again`);
        saved += (fullPerProject.get(id) ?? 0) - (asked.get(id) ?? 0);
      }
      // Readers see whole files, and every project the state holds has all its partitions.
      for await (const file of parquetFiles(dir)) pl.readParquet(file);
      for (const id of await heldProjects(dir)) {
        for (const table of MIRROR_TABLES) {
          await Deno.stat(`${dir}/${table}/projectId=${id}/data.parquet`);
        }
      }
      if (status.signal === "SIGKILL") {
        kills++;
        leftBehind += (await tempFiles(dir)).filter((path) => path !== theirs).length;
        continue;
      }
      assert.equal(status.code, 0, errors);
      break;
    }
    console.log(
      `${kills} kills; a whole sync takes ${full} requests; the killed syncs and the one that ` +
        `completed took ${spent}; ${saved} requests saved by not asking again for finished projects`,
    );
    // Temporary files the kills left were removed by the next sync; another shard's stayed.
    console.log(`${leftBehind} temporary files found after kills; none after the last sync`);
    assert.deepEqual(await tempFiles(dir), [theirs]);
    assert.ok(kills >= KILLS / 2, `only ${kills} kills landed`);

    // The sync that completed leaves what the sync never killed left.
    const [a, b] = [await openMirror(reference), await openMirror(dir)];
    for (const table of MIRROR_TABLES) {
      const sorted = (frame: DataFrame) =>
        frame.sort(frame.columns.slice(-1).concat(frame.columns[0]!));
      const left = sorted(await a[table]!.collect());
      const right = sorted(await b[table]!.collect());
      assert.ok(left.frameEqual(right, true), table);
    }
  } finally {
    await proxy.close();
    await emulator.close();
    await Deno.remove(reference, { recursive: true });
    await Deno.remove(dir, { recursive: true });
  }
});
