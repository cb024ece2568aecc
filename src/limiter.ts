/**
 * One limiter per client: at most `concurrency` tasks at a time, starts spaced to respect an
 * optional requests-per-second cap, and a shared pause (a server's `Retry-After` holds every
 * query of the client, not just the one that was told).
 *
 * @module
 */

/** Options of {@link Limiter}. */
export interface LimiterOptions {
  /** Tasks running at once. Must be a positive integer. */
  concurrency: number;
  /** Task starts per second, at most. `undefined` means no cap. */
  requestsPerSecond?: number | undefined;
}

interface Waiter {
  start: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A first-in first-out gate for async tasks.
 *
 * @example Two tasks at a time
 * ```ts
 * import { Limiter } from "./limiter.ts";
 * import assert from "node:assert/strict";
 *
 * const limiter = new Limiter({ concurrency: 2 });
 * let running = 0;
 * let peak = 0;
 * async function task() {
 *   running++;
 *   peak = Math.max(peak, running);
 *   await Promise.resolve();
 *   running--;
 * }
 * await Promise.all([1, 2, 3, 4, 5].map(() => limiter.run(task)));
 * assert.equal(peak, 2);
 * ```
 */
export class Limiter {
  readonly #concurrency: number;
  readonly #interval: number;
  readonly #queue: Waiter[] = [];
  #active = 0;
  #nextStart = 0;
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Creates a limiter; the options are checked by `createClient`. */
  constructor(options: LimiterOptions) {
    this.#concurrency = options.concurrency;
    this.#interval = options.requestsPerSecond ? 1000 / options.requestsPerSecond : 0;
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.#queue.length;
  }

  /**
   * Runs `task` when a slot is free. If `signal` aborts while the task still waits, it never
   * starts and the promise rejects with the signal's reason.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /**
   * Resolves once a slot is taken for the caller, who must {@link release} it exactly once.
   * If `signal` aborts while it still waits, it rejects with the signal's reason and takes
   * nothing.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        start: () => {
          signal?.removeEventListener("abort", waiter.onAbort);
          this.#active++;
          resolve();
        },
        onAbort: () => {
          const index = this.#queue.indexOf(waiter);
          if (index >= 0) this.#queue.splice(index, 1);
          if (this.#queue.length === 0) this.#clearTimer();
          reject(signal?.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** Gives back a slot taken with {@link acquire}. */
  release(): void {
    this.#active--;
    this.#pump();
  }

  /** Holds every start for `ms` milliseconds from now (a longer pause already set wins). */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
  }

  #pump(): void {
    while (this.#active < this.#concurrency && this.#queue.length > 0) {
      const now = Date.now();
      const wait = Math.max(this.#pausedUntil, this.#nextStart) - now;
      if (wait > 0) {
        this.#schedule(wait);
        return;
      }
      const waiter = this.#queue.shift() as Waiter;
      this.#nextStart = now + this.#interval;
      waiter.start();
    }
    if (this.#queue.length === 0) this.#clearTimer();
  }

  #schedule(wait: number): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pump();
    }, wait);
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
