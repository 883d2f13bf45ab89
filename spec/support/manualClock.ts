import type { Clock } from "../../src/protocol/index.ts";

/**
 * A clock that moves only when a test says so: timeouts are asserted to the millisecond, and nothing times out
 * because the machine is slow. `advance(ms)` fires every timer that falls due, in order, synchronously.
 */
export class ManualClock implements Clock {
  #now = 0;
  #nextId = 0;
  #timers = new Map<number, { readonly at: number; readonly fn: () => void }>();

  now(): number {
    return this.#now;
  }

  after(ms: number, fn: () => void): () => void {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + ms, fn });
    return () => void this.#timers.delete(id);
  }

  /** Moves the time forward by `ms`, firing the timers that fall due on the way. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, t]) => t.at <= end).sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
      if (due === undefined) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].fn();
    }
    this.#now = end;
  }

  /** When the timers still waiting fall due, soonest first. */
  get deadlines(): number[] {
    return [...this.#timers.values()].map((t) => t.at).sort((a, b) => a - b);
  }
}

/** Lets the event loop turn `turns` times (each turn polls I/O once), without waiting on any clock. */
export async function turns(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Polls `condition` on real time until it holds; fails after `limitMs` (a generous bound, never the assertion). */
export async function until(condition: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`waited ${limitMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
