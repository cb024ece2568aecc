/**
 * Fails when an example or a test uses `console.assert`: in Deno it only logs, never throws,
 * so an example written with it cannot fail. Examples and tests use `node:assert/strict`.
 * Run by `deno task test` before the tests.
 *
 * @module
 */

const ROOTS = ["mod.ts", "emulator.ts", "report.ts", "README.md", "src", "tests", "bench"];
const PATTERN = /console\.assert\s*\(/;

async function* files(path: string): AsyncGenerator<string> {
  const info = await Deno.stat(path);
  if (info.isFile) {
    if (/\.(ts|md)$/.test(path)) yield path;
    return;
  }
  for await (const entry of Deno.readDir(path)) yield* files(`${path}/${entry.name}`);
}

const found: string[] = [];
for (const root of ROOTS) {
  for await (const path of files(root)) {
    if (path === "scripts/check_examples.ts") continue;
    const lines = (await Deno.readTextFile(path)).split("\n");
    lines.forEach((line, index) => {
      if (PATTERN.test(line)) found.push(`${path}:${index + 1}: ${line.trim()}`);
    });
  }
}
if (found.length > 0) {
  const message = `console.assert never throws in Deno, so these examples cannot fail; ` +
    `use node:assert/strict:\n${found.join("\n")}\n`;
  await Deno.stderr.write(new TextEncoder().encode(message));
  Deno.exit(1);
}
