/**
 * TM's authentication (reference 2.2): `Authorization: Token <base64>`, checked first by a
 * global middleware, then by each route's dependency (public, optional or required).
 *
 * Issued tokens are base64 of an itsdangerous-looking string; the emulator keeps a map from
 * token to user id and treats any other well-formed token as expired or badly signed.
 *
 * @example
 * ```ts
 * import { authMiddleware } from "./auth.ts";
 * import assert from "node:assert/strict";
 * assert.equal(authMiddleware("Bearer x"), null);
 * ```
 *
 * @module
 */

import type { User, World } from "./model.ts";
import { detailError, routeError, textResponse, tmError } from "./errors.ts";

/** How a route treats the `Authorization` header. */
export type AuthMode = "public" | "optional" | "required";

/** The outcome of authenticating a request: the user (or `null`), or an error response. */
export type AuthResult = { user: User | null } | { response: Response };

function decodesAsBase64(text: string): boolean {
  // Python's b64decode (non-validating) drops characters outside the alphabet, then
  // fails only on bad padding.
  const kept = text.replace(/[^A-Za-z0-9+/=]/g, "");
  const body = kept.replace(/=/g, "");
  const padding = kept.length - body.length;
  const rest = body.length % 4;
  return rest === 0 || (rest === 2 && padding >= 2) || (rest === 3 && padding >= 1);
}

function splitHeader(value: string): [string, string] | null {
  const words = value.trim().split(/\s+/).filter((w) => w !== "");
  if (words.length !== 2) return null;
  return [words[0] ?? "", words[1] ?? ""];
}

/**
 * The global middleware: a header that does not split into two words, or a `Token` whose
 * base64 does not decode, gives 400 `text/plain` "Invalid auth credentials". Returns `null`
 * when the request may go on.
 *
 * @example
 * ```ts
 * import { authMiddleware } from "./auth.ts";
 * import assert from "node:assert/strict";
 * assert.equal(authMiddleware("Token a b")?.status, 400);
 * assert.equal(authMiddleware(null), null);
 * ```
 */
export function authMiddleware(header: string | null): Response | null {
  if (header === null) return null;
  const words = splitHeader(header);
  if (words === null) return textResponse("Invalid auth credentials", 400);
  const [scheme, credentials] = words;
  if (scheme.toLowerCase() !== "token") return null;
  if (!decodesAsBase64(credentials)) return textResponse("Invalid auth credentials", 400);
  return null;
}

function decodedIsAscii(credentials: string): boolean {
  try {
    const kept = credentials.replace(/[^A-Za-z0-9+/=]/g, "");
    const body = kept.replace(/=/g, "");
    const binary = atob(body.padEnd(Math.ceil(body.length / 4) * 4, "="));
    return [...binary].every((c) => c.charCodeAt(0) < 128);
  } catch {
    return false;
  }
}

/**
 * Resolves the caller for a route of the given mode, after the middleware has passed.
 *
 * @example
 * ```ts
 * import { authenticate } from "./auth.ts";
 * import type { World } from "./model.ts";
 * import assert from "node:assert/strict";
 * const world = { users: [], tokens: new Map() } as unknown as World;
 * const result = authenticate(world, new Map(), null, "optional");
 * assert.ok("user" in result);
 * assert.equal(result.user, null);
 * ```
 */
export function authenticate(
  world: World,
  tokens: ReadonlyMap<string, number>,
  header: string | null,
  mode: AuthMode,
): AuthResult {
  if (mode === "public") return { user: null };
  if (header === null || header === "") {
    if (mode === "required") return { response: detailError(403, "Not authenticated") };
    return { user: null };
  }
  const words = splitHeader(header);
  if (words === null) return { response: textResponse("Invalid auth credentials", 400) };
  const [scheme, credentials] = words;
  if (scheme.toLowerCase() !== "token") {
    return { response: tmError(401, "UNKNOWN_ERROR", {}, "Invalid authentication scheme") };
  }
  const invalid = {
    response: routeError(401, "Token is expired or invalid", "InvalidToken", {
      "www-authenticate": "Bearer",
    }),
  };
  if (!decodedIsAscii(credentials)) {
    return mode === "required"
      ? { response: tmError(401, "UNKNOWN_ERROR", {}, "Invalid token") }
      : invalid;
  }
  const userId = tokens.get(credentials);
  const user = userId === undefined ? undefined : world.users.find((u) => u.id === userId);
  if (user === undefined) return mode === "required" ? invalid : { user: null };
  return { user };
}
