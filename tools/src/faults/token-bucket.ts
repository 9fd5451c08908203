/**
 * A token bucket counting bytes: `rate` bytes per second refill, up to
 * `capacity` bytes of burst. Time comes from the caller, so the arithmetic is
 * testable without timers.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: number,
    readonly capacity: number,
    now: number,
  ) {
    if (!(rate > 0) || !(capacity >= 1)) throw new RangeError(`token bucket needs rate > 0 and capacity >= 1 (got ${rate}, ${capacity})`);
    // Start empty: a throttled link does not begin with a free burst.
    this.tokens = 0;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.rate) / 1000);
      this.last = now;
    }
  }

  /** Whole bytes that may be sent now. */
  available(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }

  take(bytes: number, now: number): void {
    this.refill(now);
    this.tokens -= bytes;
  }

  /** Milliseconds until at least `bytes` (capped at capacity) are available. */
  waitMs(bytes: number, now: number): number {
    this.refill(now);
    const need = Math.min(bytes, this.capacity) - this.tokens;
    return need <= 0 ? 0 : Math.ceil((need * 1000) / this.rate);
  }
}

/**
 * Default burst: a quarter second of traffic, at least 512 bytes. Tokens that
 * would overflow the bucket are lost, so the burst must cover the proxy's
 * timer and event-loop latency, or a busy process delivers less than the rate.
 */
export function defaultBurst(rate: number): number {
  return Math.max(512, Math.round(rate / 4));
}
