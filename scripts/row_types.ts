/**
 * Writes `src/rows.ts`: the row and enum types of every zod schema in `src/schemas/`, spelled
 * out as explicit types. The public API names these, since a registry such as JSR needs
 * explicit types and `z.infer<typeof X>` is not one. zod stays the definition: run
 * `deno task row-types` after changing a schema, and `tests/rows_test.ts` fails until the
 * explicit types agree with the schemas again.
 *
 * It asks the TypeScript compiler for the expanded output type of each
 * `export type X = z.infer<typeof X>` and writes it as `export type X = { ... }`, naming the
 * types it already wrote where they appear inside later ones.
 *
 * @module
 */

import ts from "npm:typescript@5.9.3";

const ZOD = "npm:zod@4.6.7";
const OUT = "src/rows.ts";

function zodTypes(): string {
  const cache = Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`;
  return `${cache}/npm/registry.npmjs.org/zod/4.6.7/index.d.ts`;
}

const files: string[] = [];
for await (const entry of Deno.readDir("src/schemas")) {
  if (entry.isFile && entry.name.endsWith(".ts")) files.push(`src/schemas/${entry.name}`);
}
// Shared parts first, so that later types can name them.
const FIRST = ["common.ts", "day.ts", "enums.ts"];
const rank = (file: string) => {
  const index = FIRST.indexOf(file.split("/").at(-1) ?? "");
  return index === -1 ? FIRST.length : index;
};
files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

const program = ts.createProgram(files, {
  strict: true,
  exactOptionalPropertyTypes: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  paths: { [ZOD]: [zodTypes()] },
});
const checker = program.getTypeChecker();
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;

const written: { name: string; text: string; file: string; doc: string }[] = [];
for (const file of files) {
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`Cannot read ${file}`);
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (!/z\.(infer|output)</.test(statement.type.getText(source))) continue;
    const type = checker.getTypeAtLocation(statement.name);
    const doc = ts.getJSDocCommentsAndTags(statement).map((node) => node.getText(source)).join(
      "\n",
    );
    written.push({
      name: statement.name.text,
      text: checker.typeToString(type, undefined, flags),
      file,
      doc,
    });
  }
}

/** Names the types written so far where their expansion appears, longest first. */
function named(text: string, before: typeof written): string {
  let out = text;
  for (const known of [...before].sort((a, b) => b.text.length - a.text.length)) {
    if (known.text.startsWith("{") || known.text.includes("|")) {
      out = out.split(known.text).join(known.name);
    }
  }
  return out;
}

const lines = [
  "// Written by `deno task row-types` from the zod schemas in src/schemas/; do not edit.",
  "// TM's own keys, snake_case ones included.",
  "// deno-lint-ignore-file camelcase",
  "/**",
  " * The row and enum types of TM's bodies as tmframes reads them, spelled out from the zod",
  " * schemas in `src/schemas/` (which stay the definition; `tests/rows_test.ts` checks that",
  " * both agree).",
  " *",
  " * @module",
  " */",
  "",
];
written.forEach((row, index) => {
  const text = named(row.text, written.slice(0, index).filter((w) => w.name !== row.name));
  lines.push(row.doc || `/** The \`${row.name}\` of \`${row.file}\`. */`);
  lines.push(`export type ${row.name} = ${text};`, "");
});
await Deno.writeTextFile(OUT, lines.join("\n"));
const TEST = "tests/rows_test.ts";
/** `src/schemas/task_statistics.ts` -> `taskStatistics`. */
function moduleName(file: string): string {
  return file.replace("src/schemas/", "").replace(".ts", "")
    .replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
}
const checks = written.map((row) => {
  const module = moduleName(row.file);
  return `  ${
    JSON.stringify(row.name)
  }: same<z.output<typeof ${module}.${row.name}>, Rows.${row.name}>(true),`;
});
const modules = [...new Set(written.map((row) => row.file))].map((file) => {
  const module = moduleName(file);
  return `import * as ${module} from "../${file}";`;
});
await Deno.writeTextFile(
  TEST,
  [
    "// Written by `deno task row-types`; do not edit.",
    "/**",
    " * The explicit row types of `src/rows.ts` agree with the zod schemas they were written from:",
    " * this file does not type-check when a schema changed and `deno task row-types` was not run.",
    " */",
    'import assert from "node:assert/strict";',
    'import type { z } from "../src/deps.ts";',
    'import type * as Rows from "../src/rows.ts";',
    ...modules,
    "",
    "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
    "function same<A, B>(value: Same<A, B>): Same<A, B> {",
    "  return value;",
    "}",
    "",
    "const CHECKS = {",
    ...checks,
    "};",
    "",
    'Deno.test("src/rows.ts spells out every schema\'s output type", () => {',
    `  assert.equal(Object.keys(CHECKS).length, ${written.length});`,
    "  assert.ok(Object.values(CHECKS).every((agrees) => agrees === true));",
    "});",
    "",
  ].join("\n"),
);
const fmt = await new Deno.Command(Deno.execPath(), { args: ["fmt", OUT, TEST] }).output();
if (!fmt.success) throw new Error(new TextDecoder().decode(fmt.stderr));
