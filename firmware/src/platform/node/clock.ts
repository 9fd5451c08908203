import { performance } from 'node:perf_hooks';
import type { Clock, TimerId } from '../../hal/clock.js';

/** The host's timers; monotonic time from `performance.now()` since construction. */
export class RealClock implements Clock {
  private readonly origin = performance.now();
  monotonicMs(): number {
    return Math.floor(performance.now() - this.origin);
  }
  setTimeout(fn: () => void, ms: number): TimerId {
    return setTimeout(fn, ms);
  }
  clearTimeout(id: TimerId): void {
    clearTimeout(id as ReturnType<typeof setTimeout>);
  }
  setInterval(fn: () => void, ms: number): TimerId {
    return setInterval(fn, ms);
  }
  clearInterval(id: TimerId): void {
    clearInterval(id as ReturnType<typeof setInterval>);
  }
}

interface VirtualTimer {
  id: number;
  at: number;
  every: number;
  fn: () => void;
}

/**
 * Virtual time: nothing happens until `advance(ms)` runs the timers due, in
 * order. Tests get determinism and the simulator runs a shift in seconds.
 */
export class VirtualClock implements Clock {
  private now = 0;
  private nextId = 1;
  private timers: VirtualTimer[] = [];

  constructor(startMs = 0) {
    this.now = startMs;
  }

  monotonicMs(): number {
    return this.now;
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    return this.add(fn, ms, 0);
  }

  clearTimeout(id: TimerId): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  setInterval(fn: () => void, ms: number): TimerId {
    return this.add(fn, ms, Math.max(1, ms));
  }

  clearInterval(id: TimerId): void {
    this.clearTimeout(id);
  }

  /** Timers still pending. */
  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let next: VirtualTimer | undefined;
      for (const t of this.timers) if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      if (!next) break;
      this.now = Math.max(this.now, next.at);
      if (next.every > 0) next.at += next.every;
      else this.timers = this.timers.filter((t) => t !== next);
      next.fn();
    }
    this.now = end;
  }

  private add(fn: () => void, ms: number, every: number): number {
    const id = this.nextId++;
    this.timers.push({ id, at: this.now + Math.max(0, ms), every, fn });
    return id;
  }
}
