/**
 * {@link AnalysisQuery}: an answer computed from the frames of ordinary queries (its
 * sources), with the same verbs and display as every query. Its frame is a pure polars
 * transform of the sources' frames, with declared output dtypes; progress, cache and
 * provenance pass through the `FetchOptions` to the sources.
 *
 * @module
 */

import { requirePositiveInteger } from "../args.ts";
import type { FrameWithFailures, RecordsWithFailures } from "../builder.ts";
import { type DataFrame, type DataType, pl } from "../deps.ts";
import { type DisplayBundle, displayBundle, type DisplayRow } from "../display.ts";
import type { PartFailure } from "../errors.ts";
import type { RequestEstimate } from "../estimate.ts";
import type { FetchOptions } from "../execute.ts";
import type { Page } from "../paginate.ts";

/** What an analysis needs of a source query: any tmframes query has these verbs. */
export interface SourceQuery {
  /** The first request's URL. */
  url(): URL;
  /** Every URL known before asking. */
  urls(): URL[];
  /** The requests it will make. */
  estimate(): RequestEstimate;
  /** Every row as a frame; rejects if a part failed. */
  frame(options?: FetchOptions): Promise<DataFrame>;
  /** The frame of the parts that succeeded, and the failures. */
  frameWithFailures(options?: FetchOptions): Promise<FrameWithFailures>;
}

/** An analysis: what it computes, from which queries, and how. */
export interface Analysis {
  /** What it computes, in words, for the display. */
  readonly computes: string;
  /** Where the rows come from, in words (`"the activity of project 7"`). */
  readonly from: string;
  /** The sources, fetched in this order. */
  readonly sources: readonly SourceQuery[];
  /** Further facts for the display: the window, what is read and why. */
  readonly facts: readonly DisplayRow[];
  /** The output columns and their dtypes, in frame order. */
  readonly columns: Readonly<Record<string, DataType>>;
  /** The answer from the sources' frames (in the order of `sources`). Pure. */
  transform(frames: readonly DataFrame[]): DataFrame;
}

/**
 * An answer computed from ordinary queries: `frame()` is the transform of the sources'
 * frames, with the declared columns and dtypes (zero rows give a typed empty frame);
 * `frameWithFailures()` the same over the sources' partial frames; `records()`, `rows()`,
 * `pages()` and `count()` read that frame; `url()`, `urls()` and `estimate()` are the
 * sources'; `limit(n)` keeps the first `n` rows of the answer (the sources are read whole).
 *
 * @example An analysis of a fixed frame
 * ```ts
 * import { AnalysisQuery } from "./analysis_query.ts";
 * import { pl } from "../deps.ts";
 * import assert from "node:assert/strict";
 *
 * const frame = pl.DataFrame({ n: [3, 1, 2] });
 * const source = {
 *   url: () => new URL("https://tm.example/api/v2/x/"),
 *   urls: () => [new URL("https://tm.example/api/v2/x/")],
 *   estimate: () => ({ atLeast: 1, atMost: 1, text: "1 request" }),
 *   frame: () => Promise.resolve(frame),
 *   frameWithFailures: () => Promise.resolve({ frame, failures: [] }),
 * };
 * const sorted = new AnalysisQuery<{ n: number }>({
 *   computes: "n, largest first", from: "a fixed frame", sources: [source], facts: [],
 *   columns: { n: pl.Int64 }, transform: ([f]) => f!.sort("n", true),
 * });
 * assert.deepEqual(await sorted.limit(2).records(), [{ n: 3 }, { n: 2 }]);
 * assert.equal(await sorted.count(), 3);
 * assert.match(Deno.inspect(sorted), /computes\s+n, largest first/);
 * ```
 */
export class AnalysisQuery<Row> {
  readonly #analysis: Analysis;
  readonly #limit: number | undefined;

  /** Use the analyst verbs of the queries (`activities().perUser()` ...). */
  constructor(analysis: Analysis, limit?: number) {
    this.#analysis = analysis;
    this.#limit = limit;
  }

  /** The first `n` rows of the answer, in its order; the sources are still read whole. */
  limit(n: number): AnalysisQuery<Row> {
    return new AnalysisQuery(this.#analysis, requirePositiveInteger("limit", n));
  }

  /** The first source's first URL. Pure: no request is made. */
  url(): URL {
    const [first] = this.#analysis.sources;
    if (first === undefined) throw new RangeError("Cannot give a URL: the analysis has no source");
    return first.url();
  }

  /** Every URL of every source known before asking. Pure. */
  urls(): URL[] {
    return this.#analysis.sources.flatMap((source) => source.urls());
  }

  /** The sources' requests, added up. Pure. */
  estimate(): RequestEstimate {
    const estimates = this.#analysis.sources.map((source) => source.estimate());
    const atMost = estimates.every((e) => e.atMost !== undefined)
      ? estimates.reduce((sum, e) => sum + e.atMost!, 0)
      : undefined;
    return {
      atLeast: estimates.reduce((sum, e) => sum + e.atLeast, 0),
      atMost,
      text: estimates.map((e) => e.text).join("; then "),
    };
  }

  /** The answer, with the declared columns. Rejects if any part of any source failed. */
  async frame(options?: FetchOptions): Promise<DataFrame> {
    const frames: DataFrame[] = [];
    for (const source of this.#analysis.sources) frames.push(await source.frame(options));
    return this.#answer(frames);
  }

  /** The answer from the parts that succeeded, and the parts that failed. */
  async frameWithFailures(options?: FetchOptions): Promise<FrameWithFailures> {
    const frames: DataFrame[] = [];
    const failures: PartFailure[] = [];
    for (const source of this.#analysis.sources) {
      const partial = await source.frameWithFailures(options);
      frames.push(partial.frame);
      failures.push(...partial.failures);
    }
    return { frame: this.#answer(frames), failures };
  }

  /** The answer's rows as objects (datetimes as `Date`). */
  async records(options?: FetchOptions): Promise<Row[]> {
    return (await this.frame(options)).toRecords() as Row[];
  }

  /** The rows of the parts that succeeded, and the parts that failed. */
  async recordsWithFailures(options?: FetchOptions): Promise<RecordsWithFailures<Row>> {
    const { frame, failures } = await this.frameWithFailures(options);
    return { records: frame.toRecords() as Row[], failures };
  }

  /** The answer as one page (it exists only once every source is read). */
  async *pages(options?: FetchOptions): AsyncGenerator<Page<Row>, void, undefined> {
    const rows = await this.records(options);
    yield { number: 1, pages: 1, total: rows.length, pass: 1, rows };
  }

  /** The answer's rows, one at a time. */
  async *rows(options?: FetchOptions): AsyncGenerator<Row, void, undefined> {
    yield* await this.records(options);
  }

  /** The number of rows of the answer (the sources are read to compute it). */
  async count(options?: FetchOptions): Promise<number> {
    return (await this.frame(options)).height;
  }

  #answer(frames: readonly DataFrame[]): DataFrame {
    const { columns, transform } = this.#analysis;
    const answer = transform(frames).select(
      ...Object.entries(columns).map(([name, dtype]) => pl.col(name).cast(dtype)),
    );
    return this.#limit === undefined ? answer : answer.head(this.#limit);
  }

  #facts(): DisplayRow[] {
    const { computes, from, facts } = this.#analysis;
    let url: URL | undefined;
    try {
      url = this.url();
    } catch {
      url = undefined;
    }
    return [
      ["computes", computes],
      ["from", from],
      ...facts,
      ["columns", Object.keys(this.#analysis.columns)],
      ["limit", this.#limit],
      ["url", url],
      ["requests", this.estimate().text],
    ];
  }

  /** How Deno prints the query: what it computes, from what, the window and the requests. */
  [Symbol.for("Deno.customInspect")](): string {
    return displayBundle("AnalysisQuery", this.#facts())["text/plain"];
  }

  /** How Jupyter shows the query: the same facts as an escaped HTML table. No request. */
  [Symbol.for("Jupyter.display")](): DisplayBundle {
    return displayBundle("AnalysisQuery", this.#facts());
  }
}
