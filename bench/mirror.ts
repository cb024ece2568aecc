/**
 * The mirror, measured: a first sync of a scope at 0 and 100 ms emulated latency (rows/s,
 * × the latency bound, peak RSS, dataset bytes per row); an incremental sync after one
 * simulated day (requests against the bound, seconds); and one organisation-wide question
 * (validated tasks per month per organisation) answered from the mirror by a polars LazyFrame,
 * against the same answer built from every partition read into memory first. Twice: over the
 * default world (1200 projects, scope "all"), and over the world of TM's size (17,000 projects,
 * histories simulated lazily; scope: one organisation of about 1,000 projects, 3 of them
 * large), whose start-up, resident set and exact totals are measured in a process of its own.
 *
 * The emulator runs in-process (the incremental sync needs its world to move), so peak RSS
 * counts the emulator's world too.
 *
 * @module
 */

import { createClient, type DataFrame, pl } from "../mod.ts";
import { startEmulator } from "../emulator.ts";
import { createWorld } from "../src/emulator/world.ts";
import { advanceWorld } from "../src/emulator/advance.ts";
import { mirror, openMirror } from "../mirror.ts";
import type { SyncReport } from "../src/mirror/sync.ts";

/** One first sync. */
export interface FirstSync {
  latencyMs: number;
  seconds: number;
  requests: number;
  rows: number;
  /** `ceil(requests / concurrency) × latency`, in seconds. */
  bound: number;
  peakRssMiB: number;
  bytesPerRow: number;
}

/** The mirror measured over one world. */
export interface WorldRun {
  /** `"default"`, or `"tm"` for the world of TM's size. */
  world: "default" | "tm";
  worldProjects: number;
  /** The scope, in words. */
  scope: string;
  scoped: number;
  first: FirstSync[];
  incremental: {
    requests: number;
    bound: number;
    boundText: string;
    seconds: number;
    fetched: number;
    /** Seconds `advanceWorld` took. */
    advanceSeconds: number;
    /** Seconds the emulator's first active-projects list took (see `worldRun`). */
    warmSeconds: number;
    /** Hours of TM's active-projects list the sync asked. */
    activeHours: number | null;
    /** Projects probed. */
    probed: number;
  };
  query: {
    lazySeconds: number;
    lazyRssMiB: number;
    eagerSeconds: number;
    eagerRssMiB: number;
    rows: number;
  };
}

/** The world of TM's size on its own (see `mirror_world_child.ts`). */
export interface TmWorldFigures {
  startSeconds: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  projects: number;
  large: number;
  tasks: number;
  historyRows: number;
  largeHistoryRows: number;
  countSeconds: number;
  countPeakMiB: number;
}

/** What {@link mirrorBenchmark} measured. */
export interface MirrorResult {
  concurrency: number;
  runs: WorldRun[];
  tmWorld?: TmWorldFigures;
}

function rssMiB(): number {
  return Deno.memoryUsage().rss / 2 ** 20;
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) total += await bytesUnder(path);
    else if (entry.name.endsWith(".parquet")) total += (await Deno.stat(path)).size;
  }
  return total;
}

/** Runs `work`, sampling RSS every 20 ms; gives its result, seconds and peak RSS. */
async function measured<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  let peak = rssMiB();
  const timer = setInterval(() => peak = Math.max(peak, rssMiB()), 20);
  const started = performance.now();
  try {
    const result = await work();
    return [result, (performance.now() - started) / 1000, Math.max(peak, rssMiB())];
  } finally {
    clearInterval(timer);
  }
}

function rowsOf(report: SyncReport): number {
  return Object.values(report.rows).reduce((a, b) => a + b, 0);
}

/** Validated tasks per month per organisation, from the activity and the projects tables. */
function validatedPerMonth(
  activities: ReturnType<DataFrame["lazy"]>,
  projects: ReturnType<DataFrame["lazy"]>,
) {
  return activities
    .filter(
      pl.col("action").eq(pl.lit("STATE_CHANGE")).and(pl.col("actionText").eq(pl.lit("VALIDATED"))),
    )
    .select("projectId", pl.col("actionDate").dt.strftime("%Y-%m").alias("month"))
    .join(projects.select("projectId", "organisationName"), { on: "projectId" })
    .groupBy(["organisationName", "month"]).agg(pl.len().alias("validated"))
    .sort(["organisationName", "month"]);
}

/** The organisation whose projects the world of TM's size mirrors (seed 42): 3 large ones. */
export const TM_SCOPE = "OSM Kenya";

async function tmWorldFigures(): Promise<TmWorldFigures> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("./mirror_world_child.ts", import.meta.url).pathname, "42"],
    stdout: "piped",
    stderr: "inherit",
  });
  const { code, stdout } = await child.output();
  if (code !== 0) throw new Error(`Cannot measure the world of TM's size: exit ${code}`);
  return JSON.parse(new TextDecoder().decode(stdout)) as TmWorldFigures;
}

/** Syncs, advances and queries a mirror of one world; see the module doc. */
async function worldRun(
  kind: "default" | "tm",
  options: { worldProjects: number; concurrency: number; latencies: number[] },
): Promise<WorldRun> {
  const { concurrency } = options;
  const first: FirstSync[] = [];
  let scoped = 0;
  let worldProjects = 0;
  let incremental: WorldRun["incremental"] | undefined;
  let query: WorldRun["query"] | undefined;
  const scope = kind === "tm" ? { organisation: TM_SCOPE } : "all" as const;
  for (const latencyMs of options.latencies) {
    const world = kind === "tm"
      ? createWorld({ seed: 42, size: "tm" })
      : createWorld({ seed: 42, projects: options.worldProjects });
    worldProjects = world.projects.length;
    const emulator = await startEmulator({ port: 0, world, faults: { latencyMs } });
    const dir = await Deno.makeTempDir({ prefix: "tmframes-bench-mirror-" });
    try {
      const tm = createClient({ baseUrl: emulator.url, concurrency, progress: false });
      const target = mirror(tm, dir, scope);
      const [report, seconds, peak] = await measured(() => target.sync());
      scoped = report.listed;
      const rows = rowsOf(report);
      first.push({
        latencyMs,
        seconds,
        requests: report.requests,
        rows,
        bound: Math.ceil(report.requests / concurrency) * latencyMs / 1000,
        peakRssMiB: peak,
        bytesPerRow: (await bytesUnder(dir)) / rows,
      });
      if (latencyMs !== 0) continue;
      // The emulator's first answer to the active-projects list simulates every project that
      // was active when the world was built (a lazy world keeps only a digest of each): warm it,
      // so the incremental sync is not charged for the emulator's work.
      const warming = performance.now();
      await (await fetch(`${emulator.url}projects/queries/active/?interval=1`)).body?.cancel();
      const warmSeconds = (performance.now() - warming) / 1000;
      const advancing = performance.now();
      advanceWorld(world, 1);
      const advanceSeconds = (performance.now() - advancing) / 1000;
      const [next, nextSeconds] = await measured(() => target.sync());
      incremental = {
        requests: next.requests,
        bound: next.bound.total,
        boundText: next.bound.text,
        seconds: nextSeconds,
        fetched: next.fetched.length,
        advanceSeconds,
        warmSeconds,
        activeHours: next.activeHours,
        probed: next.probed,
      };
      const lazyBefore = rssMiB();
      const [lazy, lazySeconds, lazyPeak] = await measured(async () => {
        const { activities, projects } = await openMirror(dir);
        return validatedPerMonth(activities!, projects!).collect();
      });
      const eagerBefore = rssMiB();
      const [eager, eagerSeconds, eagerPeak] = await measured(async () => {
        const { activities, projects } = await openMirror(dir);
        // Every partition in memory first, as frames built by queries would be.
        const [a, p] = [await activities!.collect(), await projects!.collect()];
        return validatedPerMonth(a.lazy(), p.lazy()).collect();
      });
      if (!lazy.frameEqual(eager)) throw new Error("Cannot compare: the two answers differ");
      query = {
        lazySeconds,
        lazyRssMiB: lazyPeak - lazyBefore,
        eagerSeconds,
        eagerRssMiB: eagerPeak - eagerBefore,
        rows: lazy.height,
      };
    } finally {
      await emulator.close();
      await Deno.remove(dir, { recursive: true });
    }
  }
  return {
    world: kind,
    worldProjects,
    scope: kind === "tm" ? `organisation "${TM_SCOPE}"` : "all",
    scoped,
    first,
    incremental: incremental!,
    query: query!,
  };
}

/**
 * Runs the benchmark (see the module doc) over the default world of 1200 projects (scope
 * `"all"`) and over the world of TM's size (scope: one organisation of about 1,100 projects,
 * 3 of them large), each at the latencies given (default 0 and 100 ms; the 0 ms run also
 * advances the world a day, syncs again and asks the question).
 */
export async function mirrorBenchmark(
  options: {
    worldProjects?: number;
    concurrency?: number;
    latencies?: number[];
    tmLatencies?: number[];
    worlds?: ("default" | "tm")[];
  } = {},
): Promise<MirrorResult> {
  const concurrency = options.concurrency ?? 8;
  const runs: WorldRun[] = [];
  const worlds = options.worlds ?? ["default", "tm"];
  const tmWorld = worlds.includes("tm") ? await tmWorldFigures() : undefined;
  for (const kind of worlds) {
    const latencies = (kind === "tm" ? options.tmLatencies : undefined) ?? options.latencies ??
      [0, 100];
    runs.push(
      await worldRun(kind, {
        worldProjects: options.worldProjects ?? 1200,
        concurrency,
        latencies,
      }),
    );
  }
  return { concurrency, runs, ...(tmWorld ? { tmWorld } : {}) };
}

function runLines(r: WorldRun, concurrency: number): string[] {
  const lines = [
    r.world === "tm"
      ? `### The world of TM's size: ${r.scope} (${r.scoped} PUBLISHED and ARCHIVED projects)`
      : `### The default world: all of it (${r.scoped} PUBLISHED and ARCHIVED projects)`,
    "",
    `\`mirror(tm, dir, ${
      r.world === "tm" ? `{ organisation: "${TM_SCOPE}" }` : '"all"'
    }).sync()\` of an emulator world of ${r.worldProjects} projects, concurrency ${concurrency}.`,
    "",
    "| latency (ms) | requests | rows | seconds | rows/s | bound (s) | × bound | peak RSS (MiB) | bytes/row |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const f of r.first) {
    lines.push(
      `| ${f.latencyMs} | ${f.requests} | ${f.rows} | ${f.seconds.toFixed(1)} | ` +
        `${(f.rows / f.seconds).toFixed(0)} | ${f.bound.toFixed(1)} | ` +
        `${f.bound > 0 ? (f.seconds / f.bound).toFixed(2) : ""} | ${f.peakRssMiB.toFixed(0)} | ` +
        `${f.bytesPerRow.toFixed(1)} |`,
    );
  }
  const i = r.incremental;
  const q = r.query;
  lines.push(
    "",
    `After one simulated day (\`advanceWorld(world, 1)\`, ${i.advanceSeconds.toFixed(1)} s), ` +
      `the next sync at 0 ms fetched ${i.fetched} projects again and probed ${i.probed} in ` +
      `${i.seconds.toFixed(1)} s: **${i.requests} requests, bound ${i.bound}** (${i.boundText}; ` +
      `the listing includes TM's active projects of the last ${i.activeHours ?? "–"} h).` +
      (r.world === "tm"
        ? ` The emulator's first active-projects list was asked before, outside the timing ` +
          `(${i.warmSeconds.toFixed(1)} s: it simulates every project active when the world ` +
          `was built, once).`
        : ""),
    "",
    `Validated tasks per month per organisation over the whole mirror (${q.rows} rows):`,
    "",
    "| how | seconds | peak RSS growth (MiB) |",
    "| --- | ---: | ---: |",
    `| LazyFrame over the mirror (\`openMirror\`, scan, filter, join, group) | ${
      q.lazySeconds.toFixed(2)
    } | ${q.lazyRssMiB.toFixed(0)} |`,
    `| every partition read into memory first, then the same query | ${
      q.eagerSeconds.toFixed(2)
    } | ${q.eagerRssMiB.toFixed(0)} |`,
  );
  return lines;
}

/** The section of bench/RESULTS.md. */
export function mirrorSection(r: MirrorResult): string {
  const lines = [
    "## A mirror: first sync, incremental sync, and a question asked of it",
    "",
    "Emulator in-process (the incremental sync needs its world to move), so peak RSS includes " +
    "its world. Bound = `ceil(requests / concurrency) × latency`. One run each.",
  ];
  const w = r.tmWorld;
  if (w !== undefined) {
    const mib = (n: number) => n.toFixed(0);
    lines.push(
      "",
      `The world of TM's size (\`startEmulator({ size: "tm" })\`, \`deno task emulator --world ` +
        `tm\`), in a process of its own: **${w.projects} projects** (${w.large} large) started in ` +
        `**${w.startSeconds.toFixed(1)} s**, resident set ${mib(w.rssBeforeMiB)} → ` +
        `**${mib(w.rssAfterMiB)} MiB**; no history is simulated at start. Its totals, counted ` +
        `exactly by simulating every project once (uncached; ${w.countSeconds.toFixed(1)} s, ` +
        `peak RSS ${mib(w.countPeakMiB)} MiB): **${w.tasks} tasks, ${w.historyRows} history ` +
        `rows, ${w.largeHistoryRows} of them in the ${w.large} large projects**.`,
    );
  }
  for (const run of r.runs) lines.push("", ...runLines(run, r.concurrency));
  return lines.join("\n");
}
