import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../src/broker/failure-limiter.js';

const options = { maxFailures: 3, baseMs: 1_000, maxMs: 8_000, windowMs: 60_000, maxKeys: 100 };

describe('FailureLimiter', () => {
  it('locks a key out after maxFailures, doubling the lockout per further failure up to maxMs', () => {
    const limiter = new FailureLimiter(options);
    expect(limiter.fail('k', 0)).toBe(0);
    expect(limiter.fail('k', 0)).toBe(0);
    expect(limiter.lockedFor('k', 0)).toBe(0);
    expect(limiter.fail('k', 0)).toBe(1_000);
    expect(limiter.lockedFor('k', 400)).toBe(600);
    expect(limiter.lockedFor('k', 1_000)).toBe(0);
    expect([limiter.fail('k', 1_000), limiter.fail('k', 1_000), limiter.fail('k', 1_000), limiter.fail('k', 1_000)]).toEqual([2_000, 4_000, 8_000, 8_000]);
  });

  it('keeps keys apart, forgets on success and after a quiet window', () => {
    const limiter = new FailureLimiter(options);
    for (let i = 0; i < 3; i++) limiter.fail('a', 0);
    expect(limiter.lockedFor('a', 0)).toBeGreaterThan(0);
    expect(limiter.lockedFor('b', 0)).toBe(0);
    limiter.succeed('a');
    expect(limiter.lockedFor('a', 0)).toBe(0);
    limiter.fail('c', 0);
    limiter.fail('c', 0);
    expect(limiter.fail('c', 60_001)).toBe(0);
  });

  it('tracks at most maxKeys keys, dropping the least recently failed', () => {
    const limiter = new FailureLimiter({ ...options, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.fail(`addr-${i}`, 0);
    expect(limiter.size).toBe(100);
  });
});
