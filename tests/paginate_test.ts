import assert from "node:assert/strict";
import { type PageSource, paginate, type Progress, type SourcePage } from "../src/paginate.ts";
import { DriftError } from "../src/errors.ts";

interface Row {
  id: number;
}

/** Live data, newest first, paged by offset like TM; `beforeFetch` may change it. */
class LiveSource implements PageSource<Row> {
  readonly url = new URL("https://tm.example/api/v2/items/");
  readonly requested: number[] = [];
  readonly aborted: number[] = [];
  data: Row[];
  constructor(
    count: number,
    readonly perPage: number,
    readonly beforeFetch: (source: LiveSource, page: number) => void = () => {},
    readonly delay: (page: number) => number = () => 0,
    readonly reportedTotal: (source: LiveSource) => number = (source) => source.data.length,
  ) {
    this.data = Array.from({ length: count }, (_, i) => ({ id: count - i }));
  }
  key(row: Row): number {
    return row.id;
  }
  async fetchPage(page: number, signal: AbortSignal): Promise<SourcePage<Row>> {
    this.requested.push(page);
    await new Promise((resolve) => setTimeout(resolve, this.delay(page)));
    if (signal.aborted) {
      this.aborted.push(page);
      throw signal.reason;
    }
    this.beforeFetch(this, page);
    const total = this.reportedTotal(this);
    const pages = Math.ceil(total / this.perPage);
    const rows = this.data.slice((page - 1) * this.perPage, page * this.perPage);
    const pagination = {
      hasNext: page < pages,
      hasPrev: page > 1,
      nextNum: page < pages ? page + 1 : null,
      page,
      pages,
      prevNum: page > 1 ? page - 1 : null,
      perPage: this.perPage,
      total,
    };
    return { rows, pagination };
  }
  insertAtHead(n: number): void {
    const top = Math.max(...this.data.map((row) => row.id));
    const fresh = Array.from({ length: n }, (_, i) => ({ id: top + n - i }));
    this.data = [...fresh, ...this.data];
  }
}

async function collect(
  source: PageSource<Row>,
  options = {},
): Promise<{ ids: number[]; pages: number[] }> {
  const ids: number[] = [];
  const pages: number[] = [];
  for await (const page of paginate(source, options)) {
    pages.push(page.number);
    ids.push(...page.rows.map((row) => row.id));
  }
  return { ids, pages };
}

Deno.test("paginate() yields pages in page order even when later pages answer first", async () => {
  const source = new LiveSource(45, 10, undefined, (page) => (6 - page) * 5);
  const { ids, pages } = await collect(source);
  assert.deepEqual(pages, [1, 2, 3, 4, 5]);
  assert.deepEqual(ids, source.data.map((row) => row.id));
});

Deno.test("paginate() with a limit fetches only the pages it needs and stops at the limit", async () => {
  const source = new LiveSource(100, 10);
  const { ids } = await collect(source, { limit: 25 });
  assert.equal(ids.length, 25);
  assert.deepEqual([...source.requested].sort((a, b) => a - b), [1, 2, 3]);
  const exact = new LiveSource(100, 10);
  await collect(exact, { limit: 10 });
  assert.deepEqual(exact.requested, [1]);
});

Deno.test("paginate() reads a body without pagination as one page", async () => {
  const source: PageSource<Row> = {
    url: new URL("https://tm.example/"),
    key: (row) => row.id,
    fetchPage: () => Promise.resolve({ rows: [], pagination: undefined }),
  };
  const pages = [];
  for await (const page of paginate(source)) pages.push(page);
  assert.deepEqual(pages, [{ number: 1, pages: 1, total: 0, pass: 1, rows: [] }]);
});

Deno.test("paginate() drops rows already seen on an earlier page", async () => {
  // One row inserted after page 1 pushes page 1's last row onto page 2.
  const source = new LiveSource(30, 10, (self, page) => {
    if (page === 2 && self.requested.length === 2) self.insertAtHead(1);
  }, (page) => page * 20);
  const { ids } = await collect(source, { maxPasses: 4 });
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(
    [...ids].sort((a, b) => a - b),
    source.data.map((row) => row.id).sort((a, b) => a - b),
  );
});

Deno.test("paginate() recovers rows that moved while paging: every row exactly once", async () => {
  // Pages are answered out of order; before each answer two rows are inserted at the head.
  let inserts = 0;
  const source = new LiveSource(95, 10, (self) => {
    if (inserts++ < 12) self.insertAtHead(2);
  }, (page) => (page % 3) * 15);
  const progress: Progress[] = [];
  const { ids } = await collect(source, { onProgress: (p: Progress) => progress.push(p) });
  assert.equal(new Set(ids).size, ids.length, "no duplicates");
  assert.deepEqual(
    [...ids].sort((a, b) => a - b),
    source.data.map((row) => row.id).sort((a, b) => a - b),
  );
  assert.ok(source.requested.length > 10, "drift repair needed more than the planned pages");
  const last = progress.at(-1)!;
  assert.equal(last.rows, source.data.length);
  assert.equal(last.pagesDone, source.requested.length);
});

Deno.test("paginate() throws DriftError rather than return fewer rows than the total", async () => {
  const source = new LiveSource(20, 10, undefined, undefined, () => 25);
  await assert.rejects(collect(source, { maxPasses: 2 }), (error: unknown) => {
    assert.ok(error instanceof DriftError);
    assert.equal(error.rows, 20);
    assert.equal(error.total, 25);
    return true;
  });
});

Deno.test("paginate() aborts the pages still waiting when the reader stops early", async () => {
  const source = new LiveSource(200, 10, undefined, (page) => (page === 1 ? 0 : 30));
  for await (const page of paginate(source)) {
    if (page.number === 2) break;
  }
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.ok(source.aborted.length > 0, "outstanding pages saw the abort");
});

Deno.test("paginate() passes a page's error on to the reader", async () => {
  const source: PageSource<Row> = {
    url: new URL("https://tm.example/"),
    key: (row) => row.id,
    fetchPage(page) {
      if (page === 3) return Promise.reject(new Error("page 3 failed"));
      const pagination = {
        hasNext: true,
        hasPrev: false,
        nextNum: 2,
        page,
        pages: 4,
        prevNum: null,
        perPage: 1,
        total: 4,
      };
      return Promise.resolve({ rows: [{ id: page }], pagination });
    },
  };
  await assert.rejects(collect(source), /page 3 failed/);
});

Deno.test("paginate() honours an outside abort signal", async () => {
  const source = new LiveSource(100, 10, undefined, () => 20);
  const controller = new AbortController();
  const pages = paginate(source, { signal: controller.signal });
  const first = await pages.next();
  assert.equal(first.done, false);
  controller.abort(new Error("user cancelled"));
  await assert.rejects(pages.next(), /user cancelled/);
});

Deno.test("paginate() ends against a server that ignores the page and always says hasNext", async () => {
  let requests = 0;
  const rows = Array.from({ length: 10 }, (_, i) => ({ id: i }));
  const source: PageSource<Row> = {
    url: new URL("https://tm.example/api/v2/items/"),
    key: (row) => row.id,
    fetchPage(page) {
      requests++;
      const pagination = {
        hasNext: true,
        hasPrev: page > 1,
        nextNum: page + 1,
        page,
        pages: 3,
        prevNum: null,
        perPage: 10,
        total: 30,
      };
      return Promise.resolve({ rows, pagination });
    },
  };
  await assert.rejects(collect(source), (error: unknown) => {
    assert.ok(error instanceof DriftError);
    assert.equal(error.rows, 10);
    assert.equal(error.total, 30);
    return true;
  });
  assert.ok(requests <= 3 + 1 + 4, `${requests} requests`);
});
