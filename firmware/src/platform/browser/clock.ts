import type { Clock, TimerId } from '../../hal/clock.js';

/** The browser's timers; monotonic time from `performance.now()` since construction. */
export class BrowserClock implements Clock {
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
