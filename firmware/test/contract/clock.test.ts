import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/hal/clock.js';
import { RealClock, VirtualClock } from '../../src/platform/node/clock.js';
import { EspruinoClock } from '../../src/platform/espruino/peripherals.js';
import { VirtualTimers } from '../../src/build/espruino-doubles.js';
import type { EspruinoGlobals } from '../../src/platform/espruino/globals.js';

interface ClockDriver {
  clock: Clock;
  advance(ms: number): Promise<void>;
}

function espruinoClock(): ClockDriver {
  const t = new VirtualTimers();
  const g = { getTime: t.getTime, setTimeout: t.setTimeout, clearTimeout: t.clear, setInterval: t.setInterval, clearInterval: t.clear } as unknown as EspruinoGlobals;
  return { clock: new EspruinoClock(g), advance: async (ms) => t.advance(ms) };
}

const impls: [string, () => ClockDriver][] = [
  // Real timers under a loaded CI machine: wait well past the virtual amount so late timers still land.
  ['node (real timers)', () => ({ clock: new RealClock(), advance: (ms) => new Promise((r) => setTimeout(r, ms * 2 + 50)) })],
  ['node (virtual)', () => {
    const c = new VirtualClock();
    return { clock: c, advance: async (ms) => c.advance(ms) };
  }],
  ['espruino (getTime, setTimeout)', espruinoClock],
];

describe.each(impls)('Clock contract: %s', (_name, make) => {
  it('runs timeouts once, intervals repeatedly, and cancels both; time never goes back', async () => {
    const d = make();
    const t0 = d.clock.monotonicMs();
    const fired: string[] = [];
    d.clock.setTimeout(() => fired.push('once'), 20);
    const cancelled = d.clock.setTimeout(() => fired.push('cancelled'), 20);
    d.clock.clearTimeout(cancelled);
    const every = d.clock.setInterval(() => fired.push('tick'), 25);
    await d.advance(90);
    d.clock.clearInterval(every);
    const ticks = fired.filter((f) => f === 'tick').length;
    await d.advance(60);
    expect(fired.filter((f) => f === 'once')).toHaveLength(1);
    expect(fired).not.toContain('cancelled');
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(fired.filter((f) => f === 'tick').length).toBe(ticks);
    expect(d.clock.monotonicMs()).toBeGreaterThanOrEqual(t0 + 90);
  });
});
