/**
 * The TM emulator's HTTP server: `startEmulator()` serves a seeded world on loopback with
 * TM's routes, edges and errors (reference 2 and 3), and optional fault injection.
 *
 * @example
 * ```ts
 * import { startEmulator } from "./server.ts";
 * import assert from "node:assert/strict";
 * const emulator = await startEmulator({ projects: 5 });
 * try {
 *   const res = await fetch(emulator.url + "system/heartbeat/");
 *   assert.equal(res.status, 200);
 *   assert.match(res.headers.get("X-Emulator-Now") ?? "", /^2026-0[56]-\d\dT/);
 *   await res.body?.cancel();
 * } finally {
 *   await emulator.close();
 * }
 * ```
 *
 * @module
 */

import type { User, World } from "./model.ts";
import { createWorld } from "./world.ts";
import { insertActivity } from "./world.ts";
import { internalError } from "./errors.ts";
import { authMiddleware } from "./auth.ts";
import {
  claimedTotal,
  DEFAULT_BOMB_BYTES,
  type FaultKind,
  faultResponse,
  type Faults,
  FaultState,
  gzipBomb,
  misstateTotal,
  unitHash,
} from "./faults.ts";
import { Router } from "./router.ts";
import { WorldIndex } from "./world_index.ts";
import { ROUTES } from "./routes/mod.ts";
import { toTm4Response } from "./tm4.ts";

export type { FaultKind, Faults } from "./faults.ts";

/** A token the emulator accepts, with the user it authenticates. */
export interface IssuedToken {
  /** The value to send as `Authorization: Token <token>`. */
  token: string;
  /** The username it authenticates. */
  username: string;
}

/** Options of {@linkcode startEmulator}; every field is optional. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free port. */
  port?: number;
  /** Host to listen on. Default `127.0.0.1`. */
  hostname?: string;
  /** World seed (default 42); also seeds tokens and faults. Ignored with `world`. */
  seed?: number;
  /** Number of ordinary projects (default 600; 17,000 with `size: "tm"`). Ignored with `world`. */
  projects?: number;
  /**
   * `"tm"` serves a world of TM's size (17,000 projects, 40 large ones with 40,000 to 160,000
   * history rows each; with `projects`, large ones in proportion), whose histories are simulated
   * lazily on first request (`WorldOptions.size`).
   * Default `"default"`. Ignored with `world`.
   */
  size?: "default" | "tm";
  /** Adds one huge project with at least this many history rows. Ignored with `world`. */
  hugeProjectHistoryRows?: number;
  /** Gives campaign 1 exactly this many published projects. Ignored with `world`. */
  campaignProjects?: number;
  /**
   * The world's clock: its activity runs up to this instant, and every response carries it
   * in an `X-Emulator-Now` header (ISO 8601, UTC; real TM sends no such header). Default: a
   * fixed instant near 2026-06-01 (by seed), so tests see the same world every day; pass
   * `new Date()` for a world that ends today. Ignored with `world`.
   */
  now?: Date;
  /** A prebuilt world to serve instead of building one. */
  world?: World;
  /**
   * Valid tokens and the usernames they authenticate. Default: one for an ADMIN user and one
   * for an ordinary MAPPER, chosen and minted deterministically from the seed.
   */
  tokens?: IssuedToken[];
  /** Fault injection; default none. Change at runtime with `setFaults`. */
  faults?: Faults;
  /** The TM generation whose bodies to serve: 5 (default) or 4 (TM4-era forms, see `tm4.ts`). */
  tmVersion?: 4 | 5;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL ending in `/api/v2/`, e.g. `http://127.0.0.1:8787/api/v2/`. */
  readonly url: string;
  /** How many requests it has answered so far. */
  readonly requests: number;
  /** The world it serves (mutated by `insertActivity` faults). */
  readonly world: World;
  /** The tokens it accepts. */
  readonly tokens: readonly IssuedToken[];
  /** Replaces the faults in force. */
  setFaults(faults: Faults): void;
  /** Stops the server and waits until it has finished. */
  close(): Promise<void>;
}

function mintToken(seed: number, user: User): string {
  const stamp = Math.floor(unitHash(seed, user.username, user.id, 7) * 1e9).toString(36);
  const sig = Math.floor(unitHash(seed, user.username, user.id, 8) * 1e15).toString(36);
  return btoa(`${user.id}.${stamp}.${sig}`);
}

function pickUser(world: World, role: User["role"], salt: number): User | undefined {
  const candidates = world.users.filter((u) => u.role === role);
  if (candidates.length === 0) return undefined;
  const i = Math.floor(unitHash(world.seed, role, 0, salt) * candidates.length);
  return candidates[Math.min(i, candidates.length - 1)];
}

function issueTokens(world: World, given: IssuedToken[] | undefined): IssuedToken[] {
  if (given !== undefined) {
    for (const t of given) {
      const user = world.users.find((u) => u.username === t.username);
      if (user === undefined) {
        throw new RangeError(`Cannot issue token: no user named "${t.username}" in the world`);
      }
      world.tokens.set(t.token, user.id);
    }
    return given.map((t) => ({ ...t }));
  }
  if (world.tokens.size === 0) {
    for (const [role, salt] of [["ADMIN", 1], ["MAPPER", 2]] as const) {
      const user = pickUser(world, role, salt);
      if (user !== undefined) world.tokens.set(mintToken(world.seed, user), user.id);
    }
  }
  return [...world.tokens].flatMap(([token, id]) => {
    const user = world.users.find((u) => u.id === id);
    return user === undefined ? [] : [{ token, username: user.username }];
  });
}

function defaultActivityProject(world: World): number | undefined {
  let best: { id: number; rows: number } | undefined;
  for (const p of world.projects) {
    if (p.status !== "PUBLISHED" || p.private) continue;
    if (best === undefined || p.history.length > best.rows) {
      best = { id: p.id, rows: p.history.length };
    }
  }
  return best?.id;
}

/** The response header that tells the emulator's clock; real TM sends none. */
export const NOW_HEADER = "X-Emulator-Now";

/**
 * The world's clock as ISO 8601 text in UTC, to the microsecond: the value of the
 * {@linkcode NOW_HEADER} header.
 *
 * @example
 * ```ts
 * import { emulatorNow } from "./server.ts";
 * import { createWorld } from "./world.ts";
 * import assert from "node:assert/strict";
 * const world = createWorld({ projects: 1, now: Date.UTC(2026, 10, 29, 12) * 1000 + 7 });
 * assert.equal(emulatorNow(world), "2026-11-29T12:00:00.000007Z");
 * ```
 */
export function emulatorNow(world: World): string {
  const ms = Math.floor(world.now / 1000);
  const micros = String(world.now - ms * 1000).padStart(3, "0");
  return new Date(ms).toISOString().replace("Z", `${micros}Z`);
}

/** The response with its `pagination.total` replaced by `claim(trueTotal)`. */
async function withClaimedTotal(
  response: Response,
  claim: (total: number) => number,
): Promise<Response> {
  const changed = misstateTotal(await response.text(), claim);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(changed, { status: response.status, headers });
}

/**
 * Starts an emulator on loopback. See {@linkcode EmulatorOptions} for the defaults.
 *
 * @example
 * ```ts
 * import { startEmulator } from "./server.ts";
 * import assert from "node:assert/strict";
 * const emulator = await startEmulator({ projects: 3, seed: 1 });
 * assert.ok(emulator.url.endsWith("/api/v2/"));
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now;
  if (now !== undefined && !(now instanceof Date && Number.isFinite(now.getTime()))) {
    throw new TypeError(`Cannot start the emulator: now must be a valid Date, got ${String(now)}`);
  }
  const world = options.world ?? createWorld({
    ...(now !== undefined ? { now: now.getTime() * 1000 } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.projects !== undefined ? { projects: options.projects } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
    ...(options.hugeProjectHistoryRows !== undefined
      ? { hugeProjectHistoryRows: options.hugeProjectHistoryRows }
      : {}),
    ...(options.campaignProjects !== undefined
      ? { campaignProjects: options.campaignProjects }
      : {}),
  });
  const tokens = issueTokens(world, options.tokens);
  const index = new WorldIndex(world);
  const router = new Router(ROUTES);
  const faults = new FaultState(world.seed, options.faults ?? {});
  let answered = 0;
  let inserts = 0;

  async function serve(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const guarded = url.pathname.startsWith("/api/v2/") || url.pathname === "/api/v2";
    const decision = guarded ? faults.decide(url.pathname + url.search) : null;
    if (decision !== null && decision.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    }
    let response: Response;
    try {
      response = authMiddleware(request.headers.get("authorization")) ??
        await router.handle(request, index, world.tokens);
    } catch {
      response = internalError();
    }
    if (options.tmVersion === 4) response = await toTm4Response(url.pathname, response, world);
    answered++;
    const every = faults.faults.insertActivity;
    if (every !== undefined && every.everyRequests > 0 && answered % every.everyRequests === 0) {
      const projectId = every.projectId ?? defaultActivityProject(world);
      if (projectId !== undefined) insertActivity(world, projectId, ++inserts);
    }
    if (decision?.fail === "gzipBomb") {
      await response.body?.cancel();
      return gzipBomb(faults.faults.bombBytes ?? DEFAULT_BOMB_BYTES);
    }
    const claim = faults.faults.claimedTotal;
    if (claim !== undefined && response.status === 200) {
      response = await withClaimedTotal(response, (total) => claimedTotal(claim, total, answered));
    }
    if (decision?.fail) {
      const kind: FaultKind = decision.fail;
      const body = kind === "truncate" ? await response.text() : "";
      if (kind !== "truncate") await response.body?.cancel();
      return faultResponse(kind, faults.faults.retryAfterSeconds ?? 1, body);
    }
    return response;
  }

  const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const controller = new AbortController();
  const server = Deno.serve({
    port: options.port ?? 0,
    hostname: options.hostname ?? "127.0.0.1",
    signal: controller.signal,
    onListen: (addr) => resolve(addr as Deno.NetAddr),
    onError: () => internalError(),
  }, async (request) => {
    const response = await serve(request);
    response.headers.set(NOW_HEADER, emulatorNow(world));
    return response;
  });
  const addr = await listening;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  const url = `http://${host}:${addr.port}/api/v2/`;
  let closed: Promise<void> | null = null;

  return {
    url,
    get requests() {
      return answered;
    },
    world,
    tokens,
    setFaults(next: Faults) {
      faults.set(next);
    },
    close() {
      if (closed === null) {
        controller.abort();
        closed = server.finished;
      }
      return closed;
    },
  };
}
