/**
 * `isTmTimestamp` (the character-code reader the compiled decoder runs for `TmDateTime`)
 * against `TmDateTime`'s own zod checks (pattern and calendar refinement), on timestamps in
 * every TM shape and on each of them mutated one character at a time.
 */

import assert from "node:assert/strict";
import { isTmTimestamp, writeTimestamp } from "../src/decode/timestamps.ts";
import { TmDateTime } from "../src/schemas/common.ts";
import { compileDecoder, INVALID } from "../src/decode/decoder.ts";

const ALPHABET = "0123456789-T:.Z+ZzT 9\u0660x";

Deno.test("isTmTimestamp accepts exactly what TmDateTime's zod checks accept", () => {
  let seed = 16;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  let checked = 0;
  let accepted = 0;
  for (let i = 0; i < 4000; i++) {
    const date = `${pad(random(3000), 4)}-${pad(random(14), 2)}-${pad(random(33), 2)}`;
    const time = `${pad(random(26), 2)}:${pad(random(62), 2)}:${pad(random(62), 2)}`;
    const fraction = random(3) === 0 ? "" : `.${"1234567890".slice(0, random(11))}`;
    const suffix = ["", "Z", "+00:00", "+00:00Z", "+01:00", "z", "Z\n"][random(7)]!;
    const base = `${date}T${time}${fraction}${suffix}`;
    const texts = [base, base.slice(0, random(base.length + 1))];
    const at = random(base.length);
    texts.push(base.slice(0, at) + ALPHABET[random(ALPHABET.length)] + base.slice(at + 1));
    texts.push(base.slice(0, at) + ALPHABET[random(ALPHABET.length)] + base.slice(at));
    for (const text of texts) {
      // Read before the check has seen it (so not from the check's memo).
      const fresh = [new Float64Array(1), new Int32Array(1)] as const;
      const written = writeTimestamp(text, fresh[0], fresh[1], 0);
      const zod = TmDateTime.safeParse(text).success;
      assert.equal(written, zod, JSON.stringify(text));
      assert.equal(isTmTimestamp(text), zod, JSON.stringify(text));
      assert.equal(compileDecoder(TmDateTime)(text) !== INVALID, zod, JSON.stringify(text));
      checked++;
      const seconds = new Float64Array(1);
      const micros = new Int32Array(1);
      if (!zod) continue;
      accepted++;
      // After the check, the same instant (taken from its memo).
      assert.equal(writeTimestamp(text, seconds, micros, 0), true);
      assert.deepEqual([seconds[0], micros[0]], [fresh[0][0], fresh[1][0]], JSON.stringify(text));
      // The instant it reads, to the millisecond, is the one Date.parse reads.
      const millis = /^(.{19})(\.\d{1,3})?/.exec(text)!;
      assert.equal(
        seconds[0]! * 1000 + Math.floor(micros[0]! / 1000),
        Date.parse(`${millis[1]}${millis[2] ?? ""}Z`),
        JSON.stringify(text),
      );
    }
  }
  assert.ok(accepted > 1000 && checked - accepted > 1000, `${accepted} of ${checked}`);
});
