/**
 * URLs: the only place that encodes wire values. The wire parameter names themselves are
 * spelled in each endpoint spec (`src/queries/*.ts`, `toParams`), and nowhere else.
 *
 * @module
 */

import { show } from "./args.ts";

/** A value as it travels in a query string; a list is sent comma-separated. */
export type WireValue = string | number | boolean | readonly (string | number)[];

/** Query parameters by wire name; `undefined` leaves a parameter out. */
export type WireParams = Readonly<Record<string, WireValue | undefined>>;

/**
 * Builds the URL of `path` (relative, with TM's trailing slash) under `baseUrl`, with the
 * given parameters in the order given. Pure: no request.
 *
 * @example
 * ```ts
 * import { compileUrl } from "./url.ts";
 * import assert from "node:assert/strict";
 *
 * const url = compileUrl(new URL("https://tm.example/api/v2/"), "projects/", {
 *   projectStatuses: ["PUBLISHED", "ARCHIVED"],
 *   textSearch: undefined,
 *   omitMapResults: true,
 * });
 * assert.equal(url.href, "https://tm.example/api/v2/projects/?projectStatuses=PUBLISHED%2CARCHIVED&omitMapResults=true");
 * ```
 */
export function compileUrl(baseUrl: URL, path: string, params: WireParams = {}): URL {
  if (path.startsWith("/")) {
    throw new TypeError(
      `Cannot compile path ${JSON.stringify(path)}: it must be relative to the base URL`,
    );
  }
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    url.searchParams.append(name, encodeWireValue(value));
  }
  return url;
}

/**
 * A user value made into one URL path segment: checked, then percent-encoded, so that it names
 * one resource and cannot climb to another endpoint. Throws `TypeError` for a non-string and
 * `RangeError` for an empty segment, `.` or `..` (which URL resolution would drop or climb),
 * naming the argument.
 *
 * @example
 * ```ts
 * import { pathSegment } from "./url.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(pathSegment("username", "Ana María/2"), "Ana%20Mar%C3%ADa%2F2");
 * assert.equal(pathSegment("username", "..."), "...");
 * assert.throws(() => pathSegment("username", ".."), /Cannot use username "\.\.": /);
 * ```
 */
export function pathSegment(name: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new TypeError(`Cannot use ${name} ${show(value)}: it must be a string`);
  }
  if (value === "" || value === "." || value === "..") {
    throw new RangeError(
      `Cannot use ${name} ${show(value)}: an empty, "." or ".." path segment would ` +
        "name another endpoint",
    );
  }
  return encodeURIComponent(value);
}

/**
 * Returns a copy of `url` asking for page `page`.
 *
 * @example
 * ```ts
 * import { withPage } from "./url.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(withPage(new URL("https://tm.example/p/?a=1"), 3).href, "https://tm.example/p/?a=1&page=3");
 * ```
 */
export function withPage(url: URL, page: number): URL {
  const copy = new URL(url);
  copy.searchParams.set("page", String(page));
  return copy;
}

/**
 * Encodes one wire value: lists comma-joined, booleans `true`/`false`.
 *
 * @example
 * ```ts
 * import { encodeWireValue } from "./url.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(encodeWireValue([1, 2]), "1,2");
 * ```
 */
export function encodeWireValue(value: WireValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value.map(String).join(",");
}

/**
 * Whether `url` points at this machine (127.0.0.0/8, `localhost`, `[::1]`), where plain http
 * cannot be overheard.
 *
 * @example
 * ```ts
 * import { isLoopback } from "./url.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isLoopback(new URL("http://127.0.0.1:8000/")), true);
 * assert.equal(isLoopback(new URL("http://tm.example/")), false);
 * ```
 */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}
