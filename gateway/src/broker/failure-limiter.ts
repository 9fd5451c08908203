/**
 * Counts failed logins per key (a device id, a source address) and locks a
 * key out once it passes its allowance: the first lockout lasts `baseMs`,
 * each further failure doubles it up to `maxMs`. A key with no failure for
 * `windowMs` (and no lockout running) is forgotten. At most `maxKeys` keys are
 * tracked; the least recently failed go first, so memory stays bounded
 * under a spray of addresses or ids.
 */
export interface FailureLimiterOptions {
  maxFailures: number;
  baseMs: number;
  maxMs: number;
  windowMs: number;
  maxKeys: number;
}

interface Entry {
  failures: number;
  lastFailureMs: number;
  lockedUntilMs: number;
}

export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: FailureLimiterOptions) {}

  private live(key: string, nowMs: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (nowMs >= entry.lockedUntilMs && nowMs - entry.lastFailureMs > this.options.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Milliseconds until `key` may try again; 0 when not locked out. */
  lockedFor(key: string, nowMs: number): number {
    const entry = this.live(key, nowMs);
    return entry ? Math.max(0, entry.lockedUntilMs - nowMs) : 0;
  }

  /** Records a failure; returns the lockout it started (0 if none). */
  fail(key: string, nowMs: number): number {
    const entry = this.live(key, nowMs) ?? { failures: 0, lastFailureMs: nowMs, lockedUntilMs: 0 };
    entry.failures += 1;
    entry.lastFailureMs = nowMs;
    let lockMs = 0;
    if (entry.failures >= this.options.maxFailures) {
      const exponent = Math.min(entry.failures - this.options.maxFailures, 30);
      lockMs = Math.min(this.options.baseMs * 2 ** exponent, this.options.maxMs);
      entry.lockedUntilMs = nowMs + lockMs;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return lockMs;
  }

  /** Forgets `key`'s failures (after a successful login). */
  succeed(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
