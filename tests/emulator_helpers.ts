/**
 * Helpers shared by the emulator tests: start an emulator, always close it, fetch JSON.
 *
 * @module
 */

import { type Emulator, type EmulatorOptions, startEmulator } from "../src/emulator/server.ts";

/** Runs `fn` with a fresh emulator, closing it afterwards whatever happens. */
export async function withEmulator(
  options: EmulatorOptions,
  fn: (emulator: Emulator) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator(options);
  try {
    await fn(emulator);
  } finally {
    await emulator.close();
  }
}

/** A fetched response with its body read as text and, when possible, parsed. */
export interface Got {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * GETs `path` (relative to the emulator's base URL), never following redirects. Deno's fetch
 * sends `Accept-Language: *` by default, which TM's search treats as a locale filter; this
 * helper sends an empty value (no filter) unless `init` sets headers.
 */
export async function get(
  emulator: Emulator,
  path: string,
  init: RequestInit = {},
): Promise<Got> {
  const res = await fetch(emulator.url + path, {
    redirect: "manual",
    headers: { "accept-language": "" },
    ...init,
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The value as a plain object (throws when it is not one). */
export function obj(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`expected an object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  }
  return value as Record<string, unknown>;
}

/** The value as an array (throws when it is not one). */
export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`expected an array, got ${JSON.stringify(value)?.slice(0, 200)}`);
  }
  return value;
}

/** `Authorization` header for a token. */
export function auth(token: string): RequestInit {
  return { headers: { Authorization: `Token ${token}`, "accept-language": "" } };
}

/** The admin's and the mapper's tokens of an emulator with default tokens. */
export function tokensOf(emulator: Emulator): { admin: string; mapper: string } {
  const role = (name: string) =>
    emulator.world.users.find((u) => u.username === name)?.role ?? "none";
  const admin = emulator.tokens.find((t) => role(t.username) === "ADMIN");
  const mapper = emulator.tokens.find((t) => role(t.username) === "MAPPER");
  if (admin === undefined || mapper === undefined) throw new Error("default tokens missing");
  return { admin: admin.token, mapper: mapper.token };
}
