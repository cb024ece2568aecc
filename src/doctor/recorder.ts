/**
 * A `fetch` that keeps the bodies it saw, for the doctor: each answer's URL and JSON text,
 * never a request header (so never the token), and how many requests it sent.
 *
 * @module
 */

/** One answer the doctor saw. */
export interface SeenBody {
  /** The request URL (TM never carries the token in it: tmframes sends it as a header). */
  url: string;
  /** The HTTP status. */
  status: number;
  /** The body as sent. */
  text: string;
}

/**
 * Wraps `fetch`, keeping every body.
 *
 * @example
 * ```ts
 * import { BodyRecorder } from "./recorder.ts";
 * import assert from "node:assert/strict";
 *
 * const recorder = new BodyRecorder(() => Promise.resolve(Response.json({ ok: true })));
 * await (await recorder.fetch("http://127.0.0.1/x/")).json();
 * assert.equal(recorder.requests, 1);
 * assert.equal(recorder.seen[0]?.text, '{"ok":true}');
 * ```
 */
export class BodyRecorder {
  /** Every answer so far, in the order they arrived. */
  readonly seen: SeenBody[] = [];
  #inner: typeof fetch;

  /** Records what `inner` (default: the global `fetch`) answers. */
  constructor(inner: typeof fetch = globalThis.fetch) {
    this.#inner = inner;
  }

  /** How many requests were sent. */
  get requests(): number {
    return this.seen.length;
  }

  /** A `fetch` to give `createClient`. */
  readonly fetch: typeof fetch = async (input, init) => {
    const response = await this.#inner(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const text = await response.clone().text();
    this.seen.push({ url, status: response.status, text });
    return response;
  };
}

/** A file name for a body's URL: its path and query, with every other character as `_`. */
function fileName(url: string, index: number): string {
  const { pathname, search } = new URL(url);
  const name = `${pathname}${search}`.replace(/^\/api\/v2\//, "").replace(/[^A-Za-z0-9.=-]+/g, "_");
  return `${String(index).padStart(3, "0")}_${name.replace(/^_|_$/g, "") || "root"}.json`;
}

/**
 * Writes the bodies into `dir`, one JSON file each (`{url, status, body}`), plus an index.
 *
 * @example
 * ```ts
 * import { saveBodies } from "./recorder.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await saveBodies(dir, [{ url: "http://127.0.0.1/api/v2/projects/7/", status: 200, text: "{}" }]);
 * assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["001_projects_7.json", "index.json"]);
 * ```
 */
export async function saveBodies(dir: string, bodies: readonly SeenBody[]): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  const index: { file: string; url: string; status: number }[] = [];
  for (const [i, seen] of bodies.entries()) {
    const file = fileName(seen.url, i + 1);
    let body: unknown = seen.text;
    try {
      body = JSON.parse(seen.text);
    } catch {
      // kept as text
    }
    await Deno.writeTextFile(
      `${dir}/${file}`,
      JSON.stringify({ url: seen.url, status: seen.status, body }, null, 1) + "\n",
    );
    index.push({ file, url: seen.url, status: seen.status });
  }
  await Deno.writeTextFile(`${dir}/index.json`, JSON.stringify(index, null, 1) + "\n");
}
