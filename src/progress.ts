/**
 * Progress of long fetches: pages done of pages planned. The only place tmframes writes to the
 * console.
 *
 * - In the Deno Jupyter kernel: one output, updated in place by `display_id`, that ends as a
 *   one-line summary (so a saved notebook holds just that line).
 * - In a terminal, when stderr is a TTY: one line on stderr rewritten with `\r`, ended by a
 *   summary line with the time taken.
 * - Elsewhere (pipes, CI logs, tests): nothing, unless progress is forced with `true`, which
 *   writes only the summary line to stderr.
 *
 * It shows only when more than one page is fetched. Mode `false` turns it off (client option
 * `progress`, or `FetchOptions.progress` per call). `Deno.jupyter` is looked up at call time
 * only: outside the kernel it throws, which means "not in Jupyter".
 *
 * @module
 */

import { escapeHtml } from "./display.ts";
import type { Progress } from "./paginate.ts";

/** `"auto"`: in Jupyter, or on a terminal's stderr; `true`: always; `false`: never. */
export type ProgressMode = boolean | "auto";

/** Where a reporter draws: a terminal line or a notebook output. */
export interface ProgressSink {
  /** Draws a running state; `text` is one line of plain text. */
  show(text: string, progress: Progress): void | Promise<void>;
  /** Replaces the running state with the final one-line summary. */
  end(summary: string): void | Promise<void>;
}

/** Options of {@link ProgressReporter}. */
export interface ProgressReporterOptions {
  /** The least time between two drawings of a running state, in ms. @default 100 */
  interval?: number;
  /** Add the elapsed time to the summary. @default true */
  timing?: boolean;
  /** The clock, in ms. @default performance.now */
  now?: () => number;
}

function ignore(): void {}

function systemNow(): number {
  return performance.now();
}

/**
 * Turns page events into drawings on a {@link ProgressSink}: nothing until a second page is
 * planned, then a throttled running line, then one summary.
 *
 * @example Drawing to a sink that records what it is given
 * ```ts
 * import { ProgressReporter } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const sink = { show: (text: string) => void lines.push(text), end: (text: string) => void lines.push(text) };
 * const reporter = new ProgressReporter("projects/", sink, { interval: 0, timing: false });
 * reporter.update({ pagesDone: 1, pagesTotal: 2, rows: 14, total: 20 });
 * reporter.update({ pagesDone: 2, pagesTotal: 2, rows: 20, total: 20 });
 * await reporter.finish();
 * assert.deepEqual(lines, [
 *   "tmframes projects/: page 1 of 2, 14 of 20 rows",
 *   "tmframes projects/: page 2 of 2, 20 of 20 rows",
 *   "tmframes projects/: 20 rows from 2 pages",
 * ]);
 * ```
 */
export class ProgressReporter {
  readonly #label: string;
  readonly #sink: ProgressSink;
  readonly #interval: number;
  readonly #timing: boolean;
  readonly #now: () => number;
  readonly #started: number;
  #queue: Promise<void> = Promise.resolve();
  #last: Progress | undefined;
  #drawn = -Infinity;
  #shown = false;
  #done = false;

  /** A reporter labelled `label` (e.g. the endpoint path) drawing on `sink`. */
  constructor(label: string, sink: ProgressSink, options: ProgressReporterOptions = {}) {
    this.#label = label;
    this.#sink = sink;
    this.#interval = options.interval ?? 100;
    this.#timing = options.timing ?? true;
    this.#now = options.now ?? systemNow;
    this.#started = this.#now();
  }

  /** Takes one page event; draws when more than one page is planned and the interval passed. */
  update(progress: Progress): void {
    this.#last = progress;
    if (this.#done || progress.pagesTotal < 2) return;
    const now = this.#now();
    const last = progress.pagesDone >= progress.pagesTotal;
    if (this.#shown && !last && now - this.#drawn < this.#interval) return;
    this.#drawn = now;
    this.#shown = true;
    const target = "wanted" in progress ? progress.wanted : progress.total;
    const rows = target === undefined
      ? `${progress.rows} rows`
      : `${progress.rows} of ${target} rows`;
    const text = `tmframes ${this.#label}: page ${progress.pagesDone} of ${progress.pagesTotal}, ` +
      `${rows}${describeParts(progress)}`;
    this.#enqueue(() => this.#sink.show(text, progress));
  }

  /** Ends the display with a summary (or with what stopped it); a no-op if nothing was shown. */
  finish(error?: unknown): Promise<void> {
    if (!this.#done && this.#shown) {
      this.#done = true;
      const last = this.#last;
      const pages = last?.pagesDone ?? 0;
      const took = this.#timing ? ` in ${((this.#now() - this.#started) / 1000).toFixed(1)} s` : "";
      const parts = last === undefined ? "" : describeParts(last);
      const summary = error === undefined
        ? `tmframes ${this.#label}: ${last?.rows ?? 0} rows from ${pages} pages${parts}${took}`
        : `tmframes ${this.#label}: stopped after ${pages} of ${
          last?.pagesTotal ?? 0
        } pages${took} (${error instanceof Error ? error.name : "error"})`;
      this.#enqueue(() => this.#sink.end(summary));
    }
    this.#done = true;
    return this.#queue;
  }

  #enqueue(draw: () => void | Promise<void>): void {
    this.#queue = this.#queue.then(draw).catch(ignore);
  }
}

/** `", 3 of 30 projects done, 1 failed"` for a query of many parts; `""` otherwise. */
function describeParts(progress: Progress): string {
  const parts = progress.parts;
  if (parts === undefined) return "";
  const failed = parts.failed === 0 ? "" : `, ${parts.failed} failed`;
  return `, ${parts.done} of ${parts.total} ${parts.unit}s done${failed}`;
}

/** What a terminal sink writes to (`Deno.stderr`). */
export interface ProgressWriter {
  /** Writes bytes synchronously. */
  writeSync(bytes: Uint8Array): number;
}

function writeAll(writer: ProgressWriter, text: string): void {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length;) {
    offset += writer.writeSync(bytes.subarray(offset));
  }
}

/**
 * A sink for a terminal: one line rewritten in place with `\r` (padded over the previous
 * text), ended with a newline. With `live: false` it writes only the summary line.
 *
 * @example
 * ```ts
 * import { terminalSink } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * let out = "";
 * const writer = { writeSync(bytes: Uint8Array) { out += new TextDecoder().decode(bytes); return bytes.length; } };
 * const sink = terminalSink(writer, { live: true });
 * sink.show("page 1 of 2", { pagesDone: 1, pagesTotal: 2, rows: 14, total: 20 });
 * sink.end("done");
 * assert.equal(out, "\rpage 1 of 2\rdone       \n");
 * ```
 */
export function terminalSink(writer: ProgressWriter, options: { live: boolean }): ProgressSink {
  let width = 0;
  function line(text: string): string {
    const padded = text.padEnd(width);
    width = text.length;
    return `\r${padded}`;
  }
  return {
    show(text) {
      if (options.live) writeAll(writer, line(text));
    },
    end(summary) {
      writeAll(writer, options.live ? `${line(summary)}\n` : `${summary}\n`);
    },
  };
}

/** `Deno.jupyter.display`, or a stand-in for tests. */
export type JupyterDisplay = (
  bundle: Record<string, string>,
  options: { raw: boolean; display_id: string; update: boolean },
) => Promise<void>;

/**
 * A sink for a notebook: one output with a `<progress>` bar, updated in place by `display_id`,
 * that ends as the one-line summary.
 *
 * @example With a stand-in for `Deno.jupyter.display`
 * ```ts
 * import { jupyterSink } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * const calls: { text: string | undefined; update: boolean }[] = [];
 * const display = (bundle: Record<string, string>, options: { update: boolean }) => {
 *   calls.push({ text: bundle["text/plain"], update: options.update });
 *   return Promise.resolve();
 * };
 * const sink = jupyterSink(display, "tmframes-progress-1");
 * await sink.show("page 1 of 2", { pagesDone: 1, pagesTotal: 2, rows: 14, total: 20 });
 * await sink.end("20 rows from 2 pages");
 * assert.deepEqual(calls, [
 *   { text: "page 1 of 2", update: false },
 *   { text: "20 rows from 2 pages", update: true },
 * ]);
 * ```
 */
export function jupyterSink(display: JupyterDisplay, displayId: string): ProgressSink {
  let update = false;
  function send(bundle: Record<string, string>): Promise<void> {
    const sent = display(bundle, { raw: true, display_id: displayId, update });
    update = true;
    return sent;
  }
  return {
    show(text, progress) {
      const bar =
        `<progress value="${progress.pagesDone}" max="${progress.pagesTotal}"></progress>`;
      return send({
        "text/html": `<div class="tmframes-progress">${bar} ${escapeHtml(text)}</div>`,
        "text/plain": text,
      });
    },
    end(summary) {
      return send({
        "text/html": `<div class="tmframes-progress">${escapeHtml(summary)}</div>`,
        "text/plain": summary,
      });
    },
  };
}

/** `Deno.jupyter.display` when running in the Deno Jupyter kernel; otherwise `undefined`. */
function findJupyterDisplay(): JupyterDisplay | undefined {
  try {
    const jupyter = Deno.jupyter; // throws outside `deno jupyter`
    return (bundle, options) => jupyter.display(bundle, options);
  } catch {
    return undefined;
  }
}

function stderrIsTerminal(): boolean {
  try {
    return Deno.stderr.isTerminal();
  } catch {
    return false;
  }
}

/**
 * The reporter for one fetch, or `undefined` when nothing should be drawn: mode `false`; or
 * mode `"auto"` outside Jupyter with a stderr that is not a terminal.
 *
 * @example Off in tests and pipes
 * ```ts
 * import { progressReporter } from "./progress.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(progressReporter("projects/", false), undefined);
 * if (!Deno.stderr.isTerminal()) assert.equal(progressReporter("projects/", "auto"), undefined);
 * ```
 */
export function progressReporter(
  label: string,
  mode: ProgressMode,
): ProgressReporter | undefined {
  if (mode === false) return undefined;
  const display = findJupyterDisplay();
  if (display) {
    const id = `tmframes-progress-${crypto.randomUUID()}`;
    return new ProgressReporter(label, jupyterSink(display, id), { interval: 250, timing: false });
  }
  const live = stderrIsTerminal();
  if (!live && mode !== true) return undefined;
  return new ProgressReporter(label, terminalSink(Deno.stderr, { live }));
}
