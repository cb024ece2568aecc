/**
 * The pagination engine's bounded crawls (`keep`/`isPastEnd`), over in-memory sources: how
 * many pages a window costs, which rows come out, and repair when rows are inserted mid-crawl.
 */
import assert from "node:assert/strict";
import { type PageSource, paginate } from "../src/paginate.ts";
import { DriftError } from "../src/errors.ts";

interface Row {
  id: number;
  at: number;
}

/** A newest-first log of `n` rows (row i at time n - i), 10 a page, counting requests. */
function log(n: number) {
  const rows: Row[] = Array.from({ length: n }, (_, i) => ({ id: n - i, at: n - i }));
  const state = { rows, requests: [] as number[], onRequest: (_page: number) => {} };
  function source(since: number, until = Infinity): PageSource<Row> {
    return {
      url: new URL("https://tm.example/log/"),
      key: (row) => row.id,
      keep: (row) => row.at >= since && row.at < until,
      isPastEnd: (page) => page.length === 0 || page[page.length - 1]!.at < since,
      fetchPage(page: number) {
        state.requests.push(page);
        state.onRequest(page);
        const total = state.rows.length;
        const pages = Math.ceil(total / 10);
        const pagination = {
          hasNext: page < pages,
          hasPrev: page > 1,
          nextNum: null,
          page,
          pages,
          prevNum: null,
          perPage: 10,
          total,
        };
        return Promise.resolve({ rows: state.rows.slice((page - 1) * 10, page * 10), pagination });
      },
    };
  }
  return { state, source };
}

async function ids(source: PageSource<Row>, limit?: number): Promise<number[]> {
  const out: number[] = [];
  for await (const page of paginate(source, { limit })) out.push(...page.rows.map((r) => r.id));
  return out;
}

Deno.test("a bounded crawl stops after the first page past the end", async () => {
  const { state, source } = log(1000);
  const got = await ids(source(961));
  assert.deepEqual(got, Array.from({ length: 40 }, (_, i) => 1000 - i));
  assert.ok(state.requests.includes(5), "reads page 5, whose last row is the first before 961");
  assert.ok(state.requests.length <= 10, `few requests: ${state.requests}`);
  assert.equal(Math.max(...state.requests) <= 9, true);
});

Deno.test("a window inside the log keeps only its rows; page 1 past the end costs 1 request", async () => {
  const { state, source } = log(300);
  assert.deepEqual(await ids(source(250, 260)), Array.from({ length: 10 }, (_, i) => 259 - i));
  const before = state.requests.length;
  assert.deepEqual(await ids(source(1000)), []);
  assert.equal(state.requests.length - before, 1);
  const all = await ids(source(0));
  assert.equal(all.length, 300, "a window covering everything reads every page");
  assert.deepEqual(await ids(source(0), 15), all.slice(0, 15), "a limit counts kept rows");
});

Deno.test("rows inserted at the head mid-crawl: the window is scanned again, nothing lost", async () => {
  const { state, source } = log(500);
  let next = 501;
  let inserts = 0;
  state.onRequest = (page) => {
    // The first requests of pages 2 and 3 each insert two new rows at the head.
    if ((page === 2 || page === 3) && inserts++ < 2) {
      state.rows.unshift({ id: next + 1, at: next + 1 }, { id: next, at: next });
      next += 2;
    }
  };
  const got = await ids(source(451));
  const expected = state.rows.filter((r) => r.at >= 451).map((r) => r.id);
  assert.deepEqual([...got].sort((a, b) => b - a), expected);
  assert.equal(new Set(got).size, got.length, "no duplicates");
  assert.equal(inserts > 1, true);
});

Deno.test("a bounded crawl gives up with DriftError when rows never stop arriving", async () => {
  const { state, source } = log(200);
  let next = 201;
  state.onRequest = () => {
    state.rows.unshift({ id: next, at: next });
    next++;
  };
  await assert.rejects(ids(source(150)), DriftError);
});
