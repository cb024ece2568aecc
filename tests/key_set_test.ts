import assert from "node:assert/strict";
import { KeySet } from "../src/key_set.ts";

Deno.test("KeySet agrees with Set on integers (through growth), strings, fractions, -0 and NaN", () => {
  const keys: unknown[] = [];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 20_000; i++) {
    const r = random();
    keys.push(
      r < 0.6
        ? Math.floor(random() * 30_000)
        : r < 0.7
        ? Math.floor(random() * 2 ** 53) - 2 ** 52
        : r < 0.8
        ? String(Math.floor(random() * 100))
        : r < 0.9
        ? Math.floor(random() * 100) + 0.5
        : [-0, 0, NaN, Number.MAX_SAFE_INTEGER, -(2 ** 31), 2 ** 31, 2 ** 31 - 1, 2 ** 53][i % 8],
    );
  }
  const expected = new Set<unknown>();
  const actual = new KeySet();
  for (const key of keys) {
    const fresh = !expected.has(key);
    expected.add(key);
    assert.equal(actual.add(key), fresh, `key ${String(key)}`);
  }
  assert.equal(actual.size, expected.size);
});
