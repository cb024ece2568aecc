/**
 * The mirror benchmark's world of TM's size, started in a process of its own so that its
 * figures are its own: starts the emulator with `size: "tm"` and prints, as one JSON line, the
 * seconds to start, the resident set before and after (Linux `VmRSS`), the world's projects,
 * and its exact tasks and history rows (counted by simulating every project once, uncached),
 * with the seconds that count took and the peak resident set (`VmHWM`) it reached.
 *
 * Usage: deno run -A bench/mirror_world_child.ts [SEED]
 *
 * @module
 */

import { startEmulator } from "../emulator.ts";

function statusMiB(field: string): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
}

async function main(): Promise<void> {
  const seed = Number(Deno.args[0] ?? 42);
  const rssBefore = statusMiB("VmRSS");
  const started = performance.now();
  const emulator = await startEmulator({ port: 0, seed, size: "tm" });
  const startSeconds = (performance.now() - started) / 1000;
  const rssAfter = statusMiB("VmRSS");
  const world = emulator.world;
  const counting = performance.now();
  const totals = world.lazy!.count();
  const countSeconds = (performance.now() - counting) / 1000;
  await emulator.close();
  const large = world.projects.filter((p) => (world.lazy!.seed(p)?.quota ?? 0) > 0).length;
  // deno-lint-ignore no-console
  console.log(JSON.stringify({
    startSeconds,
    rssBeforeMiB: rssBefore,
    rssAfterMiB: rssAfter,
    projects: world.projects.length,
    large,
    tasks: totals.tasks,
    historyRows: totals.historyRows,
    largeHistoryRows: totals.largeHistoryRows,
    countSeconds,
    countPeakMiB: statusMiB("VmHWM"),
  }));
}

if (import.meta.main) await main();
