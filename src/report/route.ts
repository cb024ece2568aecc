/**
 * A stable address for the built-in emulator. The emulator listens on a free port that
 * changes every run, and the response cache is keyed by URL; so the report's client asks a
 * fixed API root that names the seed (`http://localhost/tmframes-emulator/seed-42/api/v2/`),
 * and a `fetch` routes those requests to wherever the emulator listens. A later run, or an
 * offline one, then finds the same cache entries, and two seeds never share one.
 *
 * @module
 */

/**
 * The fixed API root under which a report addresses the emulator of `seed`.
 *
 * @example
 * ```ts
 * import { emulatorRoot } from "./route.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(emulatorRoot(42).href, "http://localhost/tmframes-emulator/seed-42/api/v2/");
 * ```
 */
export function emulatorRoot(seed: number): URL {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Cannot use seed ${seed}: it must be an integer`);
  }
  return new URL(`http://localhost/tmframes-emulator/seed-${seed}/api/v2/`);
}

/**
 * A `fetch` that sends requests under the root `from` to the same path under `to`, and every
 * other request unchanged, through `base`.
 *
 * @example Ask the emulator under its stable address
 * ```ts
 * import { emulatorRoot, routedFetch } from "./route.ts";
 * import { startEmulator } from "../emulator/server.ts";
 * import assert from "node:assert/strict";
 *
 * const emulator = await startEmulator({ port: 0 });
 * try {
 *   const routed = routedFetch(emulatorRoot(42), new URL(emulator.url));
 *   const response = await routed(new URL("system/heartbeat/", emulatorRoot(42)));
 *   assert.equal(response.status, 200);
 *   await response.body?.cancel();
 * } finally {
 *   await emulator.close();
 * }
 * ```
 */
export function routedFetch(from: URL, to: URL, base: typeof fetch = fetch): typeof fetch {
  const prefix = from.href;
  return function routed(input: URL | Request | string, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (!request.url.startsWith(prefix)) return base(request);
    return base(new Request(new URL(request.url.slice(prefix.length), to), request));
  };
}
