import assert from "node:assert/strict";
import { createClient } from "../src/client.ts";
import { startEmulator } from "../src/emulator/server.ts";
import type { Progress } from "../src/paginate.ts";
import {
  jupyterSink,
  ProgressReporter,
  progressReporter,
  type ProgressSink,
  terminalSink,
} from "../src/progress.ts";

function recorder(): { sink: ProgressSink; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    sink: {
      show: (text) => void lines.push(`show ${text}`),
      end: (text) => void lines.push(`end ${text}`),
    },
  };
}

function step(pagesDone: number, pagesTotal: number, rows: number, total?: number): Progress {
  return { pagesDone, pagesTotal, rows, total };
}

Deno.test("ProgressReporter: a single page draws nothing, not even a summary", async () => {
  const { sink, lines } = recorder();
  const reporter = new ProgressReporter("projects/1/", sink, { interval: 0 });
  reporter.update(step(1, 1, 1));
  await reporter.finish();
  assert.deepEqual(lines, []);
});

Deno.test("ProgressReporter: throttles running lines but always draws the last page", async () => {
  let now = 0;
  const { sink, lines } = recorder();
  const reporter = new ProgressReporter("projects/", sink, {
    interval: 100,
    timing: true,
    now: () => now,
  });
  for (let page = 1; page <= 5; page++) {
    now += 30;
    reporter.update(step(page, 5, page * 14, 70));
  }
  now = 1530;
  await reporter.finish();
  assert.deepEqual(lines, [
    "show tmframes projects/: page 1 of 5, 14 of 70 rows",
    "show tmframes projects/: page 5 of 5, 70 of 70 rows",
    "end tmframes projects/: 70 rows from 5 pages in 1.5 s",
  ]);
});

Deno.test("ProgressReporter: a failure ends the display with what stopped it", async () => {
  const { sink, lines } = recorder();
  const reporter = new ProgressReporter("projects/", sink, { interval: 0, timing: false });
  reporter.update(step(1, 3, 14, 40));
  await reporter.finish(new RangeError("boom"));
  await reporter.finish(); // a second finish changes nothing
  assert.deepEqual(lines.at(-1), "end tmframes projects/: stopped after 1 of 3 pages (RangeError)");
  assert.equal(lines.length, 2);
});

Deno.test("terminalSink: rewrites one line, pads over longer text, ends with a newline", () => {
  let out = "";
  const writer = {
    writeSync(bytes: Uint8Array) {
      const half = Math.max(1, Math.floor(bytes.length / 2)); // partial writes are completed
      out += new TextDecoder().decode(bytes.subarray(0, half));
      return half;
    },
  };
  const sink = terminalSink(writer, { live: true });
  sink.show("page 10 of 12", step(10, 12, 1));
  sink.show("page 11 of 12", step(11, 12, 1));
  sink.end("done");
  assert.equal(out, "\rpage 10 of 12\rpage 11 of 12\rdone         \n");
  let plain = "";
  const quiet = terminalSink({
    writeSync: (bytes) => (plain += new TextDecoder().decode(bytes), bytes.length),
  }, { live: false });
  quiet.show("page 1 of 2", step(1, 2, 1));
  quiet.end("summary");
  assert.equal(plain, "summary\n");
});

Deno.test("jupyterSink: one display id, created then updated, HTML escaped", async () => {
  const calls: { bundle: Record<string, string>; options: Record<string, unknown> }[] = [];
  const sink = jupyterSink((bundle, options) => {
    calls.push({ bundle, options });
    return Promise.resolve();
  }, "id-1");
  await sink.show("page 1 of 2 <b>", step(1, 2, 14, 20));
  await sink.end("done & dusted");
  assert.deepEqual(calls.map((call) => call.options), [
    { raw: true, display_id: "id-1", update: false },
    { raw: true, display_id: "id-1", update: true },
  ]);
  assert.match(
    calls[0]!.bundle["text/html"]!,
    /<progress value="1" max="2"><\/progress> page 1 of 2 &lt;b&gt;/,
  );
  assert.equal(calls[1]!.bundle["text/plain"], "done & dusted");
  assert.match(calls[1]!.bundle["text/html"]!, /done &amp; dusted/);
  assert.doesNotMatch(calls[1]!.bundle["text/html"]!, /<progress/);
});

Deno.test("progressReporter: off with false; outside Jupyter and a terminal, auto draws nothing", () => {
  assert.equal(progressReporter("projects/", false), undefined);
  if (!Deno.stderr.isTerminal()) {
    assert.equal(progressReporter("projects/", "auto"), undefined);
    assert.ok(progressReporter("projects/", true) instanceof ProgressReporter);
  }
});

Deno.test("client progress option: checked, and onProgress still fires with progress on", async () => {
  assert.throws(
    () =>
      createClient({
        baseUrl: "https://tm.example/api/v2/",
        progress: "yes" as unknown as boolean,
      }),
    /Cannot use progress "yes": it must be true, false or "auto"/,
  );
  const emulator = await startEmulator({ port: 0 });
  try {
    const tm = createClient({ baseUrl: emulator.url, progress: "auto" });
    const seen: Progress[] = [];
    const rows = await tm.projects().limit(30).records({ onProgress: (p) => seen.push(p) });
    assert.equal(rows.length, 30);
    assert.deepEqual(seen.map((p) => p.pagesDone), [1, 2, 3]);
    assert.equal(seen.at(-1)?.pagesTotal, 3);
    const frame = await tm.projects().limit(30).frame({ progress: false });
    assert.equal(frame.height, 30);
  } finally {
    await emulator.close();
  }
});
