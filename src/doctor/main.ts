// deno-lint-ignore-file no-console -- a command-line program: printing is its job
/**
 * `deno task doctor [--api URL] [--save DIR]`: checks the library against a Tasking Manager
 * (see `doctor.ts`). The token comes from the `TM_TOKEN` environment variable only, never a
 * flag (flags end up in shell histories). Without `--api` it starts the built-in emulator and
 * uses one of its tokens; `--tm-version 4` makes that emulator serve TM4-era bodies.
 * `--save DIR` writes every body seen (URL, status, body; never a header) into DIR.
 * Exits 1 when an endpoint failed.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { startEmulator } from "../emulator/server.ts";
import { formatReport, runDoctor } from "./doctor.ts";
import { saveBodies } from "./recorder.ts";

const USAGE = "usage: deno task doctor [--api URL] [--save DIR] [--tm-version 4|5] " +
  "(token from TM_TOKEN)";

/** Runs the doctor CLI; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      strict: true,
      options: {
        api: { type: "string" },
        save: { type: "string" },
        "tm-version": { type: "string" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    console.error(`Cannot run the doctor: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const version = values["tm-version"] ?? "5";
  if (version !== "4" && version !== "5") {
    console.error(`Cannot run the doctor: --tm-version takes 4 or 5, not "${version}"\n${USAGE}`);
    return 2;
  }
  const emulator = values.api === undefined
    ? await startEmulator({ tmVersion: version === "4" ? 4 : 5 })
    : undefined;
  try {
    const baseUrl = values.api ?? emulator!.url;
    const token = emulator ? emulator.tokens[0]?.token : Deno.env.get("TM_TOKEN");
    console.log(`tmframes doctor: ${baseUrl}${emulator ? " (built-in emulator)" : ""}`);
    const report = await runDoctor({ baseUrl, token });
    for (const line of formatReport(report)) console.log(line);
    if (values.save !== undefined) {
      await saveBodies(values.save, report.bodies);
      console.log(`bodies saved in ${values.save}`);
    }
    return report.results.some((r) => r.outcome === "failed") ? 1 : 0;
  } finally {
    await emulator?.close();
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
