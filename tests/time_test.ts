import assert from "node:assert/strict";
import { pl } from "../src/deps.ts";
import { utc, utcDay, valueAt } from "../src/time.ts";

/** Four actions around midnight of 2026-05-01, in tmframes' timestamp dtype. */
const actions = pl.DataFrame({
  historyId: [1, 2, 3, 4],
  actionDate: [
    new Date("2026-04-30T23:59:59.999Z"),
    new Date("2026-05-01T00:00:00.000Z"),
    new Date("2026-05-01T12:30:00.000Z"),
    new Date("2026-05-02T08:00:00.000Z"),
  ],
}).withColumns(pl.col("actionDate").cast(pl.Datetime("us", "UTC")));

function ids(frame: pl.DataFrame): number[] {
  return frame.getColumn("historyId").toArray() as number[];
}

Deno.test("utc: compares with Datetime(us, UTC) columns at the exact instant", () => {
  assert.deepEqual(ids(actions.filter(pl.col("actionDate").gtEq(utc("2026-05-01")))), [2, 3, 4]);
  assert.deepEqual(
    ids(actions.filter(pl.col("actionDate").lt(utc(new Date("2026-05-01T12:30:00Z"))))),
    [1, 2],
  );
  // A date-time without an offset is UTC, one with an offset is converted.
  assert.deepEqual(ids(actions.filter(pl.col("actionDate").eq(utc("2026-05-01T12:30")))), [3]);
  assert.deepEqual(
    ids(actions.filter(pl.col("actionDate").eq(utc("2026-05-01T14:30:00+02:00")))),
    [3],
  );
});

Deno.test("utc: other units match their columns; a JS Date alone does not", () => {
  const ms = actions.withColumns(pl.col("actionDate").cast(pl.Datetime("ms", "UTC")));
  assert.deepEqual(ids(ms.filter(pl.col("actionDate").gtEq(utc("2026-05-02", "ms")))), [4]);
  assert.throws(() => actions.filter(pl.col("actionDate").gtEq(pl.lit(new Date()))));
});

Deno.test("utc: bad moments and units are refused with the value", () => {
  assert.throws(() => utc("2026-02-30"), /Cannot use when "2026-02-30": there is no such day/);
  assert.throws(() => utc("yesterday"), /Cannot use when "yesterday": it must be a Date/);
  assert.throws(() => utc(new Date(NaN)), /not a valid date/);
  assert.throws(() => utc(42 as unknown as Date), TypeError);
  assert.throws(() => utc("2026-05-01", "s" as "ms"), /Cannot use unit "s": it must be "ms"/);
});

Deno.test("utcDay: compares with Date columns, by the UTC day", () => {
  const days = pl.DataFrame({ date: ["2026-04-30", "2026-05-01", "2026-05-02"] })
    .withColumns(pl.col("date").str.strptime(pl.Date, "%Y-%m-%d"));
  const from = days.filter(pl.col("date").gtEq(utcDay(new Date("2026-05-01T23:00:00Z"))));
  assert.equal(from.height, 2);
});

Deno.test("valueAt: datetime, date and plain cells, negative indices, nulls", () => {
  assert.throws(() => actions.getColumn("actionDate").get(0)); // why valueAt exists
  assert.equal(
    (valueAt(actions, "actionDate", 0) as Date).toISOString(),
    "2026-04-30T23:59:59.999Z",
  );
  assert.equal(
    (valueAt(actions.getColumn("actionDate"), -1) as Date).toISOString(),
    "2026-05-02T08:00:00.000Z",
  );
  assert.equal(valueAt(actions, "historyId", 2), 3);
  const gaps = pl.DataFrame({ t: [null, 0] }).withColumns(
    pl.col("t").cast(pl.Datetime("us", "UTC")),
  );
  assert.equal(valueAt(gaps, "t", 0), null);
  assert.throws(() => valueAt(actions, "actionDate", 4), /from -4 to 3/);
  assert.throws(() => valueAt(actions, "actionDate", 1.5), RangeError);
  assert.throws(
    () => valueAt(actions, "when", 0),
    /Cannot read column "when": the frame has historyId, actionDate/,
  );
});
