/**
 * Import by URL, as a user of a raw file host does: the repository is served over HTTP as
 * `text/plain` (what raw.githubusercontent.com sends), and a script in an empty folder with no
 * deno.json imports `mod.ts` by that URL, starts the emulator and builds a frame.
 *
 * Deno 2.9.6 takes a `text/plain` answer for a `.ts` URL by its extension, so no flag is needed
 * for that; a host outside Deno's default import list (here 127.0.0.1) needs `--allow-import`.
 * `--reload` for the server's origin makes Deno fetch every served file again, so a stale
 * remote-module cache cannot hide a broken import.
 */
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);

/** The script a user would write; `MOD` and `EMULATOR` are replaced by the served URLs. */
const SCRIPT = `import { createClient } from "MOD";
import { startEmulator } from "EMULATOR";

const emulator = await startEmulator({ port: 0, projects: 40 });
try {
  const tm = createClient({ baseUrl: emulator.url, progress: false });
  const query = tm.projects().status("PUBLISHED", "ARCHIVED");
  const frame = await query.frame();
  console.log(JSON.stringify({
    height: frame.height,
    count: await query.count(),
    lastUpdated: frame.getColumn("lastUpdated").dtype.toString(),
  }));
} finally {
  await emulator.close();
}
`;

/** Serves the repository read-only as `text/plain`, recording the paths asked for. */
function serveRepository(asked: string[]): Deno.HttpServer<Deno.NetAddr> {
  return Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    asked.push(path);
    if (path.split("/").includes("..")) return new Response("forbidden", { status: 403 });
    try {
      const bytes = await Deno.readFile(new URL(`.${path}`, ROOT));
      return new Response(bytes, { headers: { "content-type": "text/plain; charset=utf-8" } });
    } catch {
      return new Response("not found", { status: 404 });
    }
  });
}

Deno.test("mod.ts imported by URL from a text/plain file host builds a frame", async () => {
  const asked: string[] = [];
  const server = serveRepository(asked);
  const dir = await Deno.makeTempDir({ prefix: "tmframes-url-" });
  try {
    const origin = `http://127.0.0.1:${server.addr.port}`;
    const script = SCRIPT.replace("MOD", `${origin}/mod.ts`)
      .replace("EMULATOR", `${origin}/emulator.ts`);
    await Deno.writeTextFile(`${dir}/main.ts`, script);
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-config",
        `--reload=${origin}`,
        `--allow-import=127.0.0.1:${server.addr.port}`,
        "--allow-net=127.0.0.1",
        "--allow-env",
        "--allow-read",
        "--allow-sys",
        "--allow-ffi",
        "main.ts",
      ],
      cwd: dir,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(output.stdout);
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, `the script failed:\n${stderr}`);
    const result = JSON.parse(stdout.trim());
    assert.ok(result.height > 14, `more than one page of rows (${result.height})`);
    assert.equal(result.height, result.count);
    assert.equal(result.lastUpdated, "DataType(Datetime(us,UTC))");
    // Every module came from the server in this run, not from an earlier cache.
    for (const path of ["/mod.ts", "/src/deps.ts", "/src/http.ts", "/src/emulator/server.ts"]) {
      assert.ok(asked.includes(path), `${path} was fetched`);
    }
    assert.match(stderr, new RegExp(`Download ${origin}/mod\\.ts`));
    // Nothing was written beside the script: no deno.json, lockfile or node_modules appeared.
    const entries = [];
    for await (const entry of Deno.readDir(dir)) entries.push(entry.name);
    assert.deepEqual(entries, ["main.ts"]);
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("mod.ts alone loads no emulator, report or mirror code", async () => {
  const asked: string[] = [];
  const server = serveRepository(asked);
  const dir = await Deno.makeTempDir({ prefix: "tmframes-url-" });
  try {
    const origin = `http://127.0.0.1:${server.addr.port}`;
    await Deno.writeTextFile(
      `${dir}/main.ts`,
      `import { createClient } from "${origin}/mod.ts";\n`,
    );
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "check",
        "--no-config",
        `--reload=${origin}`,
        `--allow-import=127.0.0.1:${server.addr.port}`,
        "main.ts",
      ],
      cwd: dir,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, `deno check failed:\n${stderr}`);
    const modules = asked.filter((path) => path.endsWith(".ts"));
    assert.ok(modules.includes("/mod.ts"));
    const foreign = modules.filter((path) =>
      path.startsWith("/src/emulator/") || path.startsWith("/src/report/") ||
      path.startsWith("/src/mirror/") || ["/emulator.ts", "/report.ts", "/mirror.ts"].includes(path)
    );
    assert.deepEqual(foreign, [], "no emulator, report or mirror module is downloaded");
    // deno-lint-ignore no-console
    console.log(`a URL import of mod.ts downloads ${new Set(modules).size} modules`);
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
