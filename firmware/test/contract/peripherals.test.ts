import { describe, expect, it } from 'vitest';
import { badgeBoard } from '@parley/hardware/boards';
import type { Battery } from '../../src/hal/battery.js';
import type { Indicators } from '../../src/hal/indicators.js';
import { HapticCue, LedPattern } from '../../src/hal/indicators.js';
import type { Log, LogLevel } from '../../src/hal/log.js';
import type { System } from '../../src/hal/system.js';
import { VirtualClock } from '../../src/platform/node/clock.js';
import { NodeLog, SimBattery, SimIndicators } from '../../src/platform/node/peripherals.js';
import { NodeSystem } from '../../src/platform/node/system.js';
import { EspruinoBattery, EspruinoIndicators, EspruinoLog, EspruinoSystem } from '../../src/platform/espruino/peripherals.js';
import type { EspruinoGlobals } from '../../src/platform/espruino/globals.js';
import { fakeCrypto, fakeE, VirtualTimers } from '../../src/build/espruino-doubles.js';

/** Device globals with observable pins on virtual time. */
function deviceGlobals(): { g: EspruinoGlobals; pins: { [pin: string]: number }; writes: [string, number][]; timers: VirtualTimers; lines: string[] } {
  const timers = new VirtualTimers();
  const pins: { [pin: string]: number } = {};
  const writes: [string, number][] = [];
  const lines: string[] = [];
  const g = {
    E: fakeE(Uint8Array, () => undefined),
    crypto: fakeCrypto(Uint8Array),
    getTime: timers.getTime,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clear,
    setInterval: timers.setInterval,
    clearInterval: timers.clear,
    digitalWrite: (p: string, v: number) => {
      pins[p] = v;
      writes.push([p, v]);
    },
    analogWrite: (p: string, v: number) => {
      pins[p] = v;
      writes.push([p, v]);
    },
    digitalRead: (p: string) => pins[p] ?? 0,
    analogRead: (p: string) => pins[p] ?? 0,
    log: (t: string) => lines.push(t),
  } as unknown as EspruinoGlobals;
  return { g, pins, writes, timers, lines };
}

// ------------------------------------------------------------- indicators

interface IndicatorDriver {
  ind: Indicators;
  settle(): void;
  statusLitSometimes(): boolean;
  motorRan(): boolean;
}

function simIndicators(): IndicatorDriver {
  const clock = new VirtualClock();
  const ind = new SimIndicators(clock);
  return { ind, settle: () => undefined, statusLitSometimes: () => ind.status !== LedPattern.OFF, motorRan: () => ind.cues.length > 0 };
}

function espruinoIndicators(): IndicatorDriver {
  const d = deviceGlobals();
  const ind = new EspruinoIndicators(d.g, badgeBoard);
  const green = badgeBoard.pins.statusLedGreen;
  const litLevel = badgeBoard.pinSpecs.statusLedGreen.activeLow ? 0 : 1;
  let mark = 0;
  return {
    ind,
    settle: () => {
      mark = d.writes.length;
      d.timers.advance(2000);
    },
    statusLitSometimes: () => d.writes.slice(mark).some(([p, v]) => p === green && (v === litLevel || (v > 0 && v < 1))),
    motorRan: () => d.writes.some(([p, v]) => p === badgeBoard.pins.haptic && v > 0),
  };
}

describe.each([['node (simulated)', simIndicators], ['espruino (pins)', espruinoIndicators]] as const)('Indicators contract: %s', (_name, make) => {
  it('shows a status pattern, turns it off, and buzzes', () => {
    const d = make();
    d.ind.setStatus(LedPattern.ON, 100);
    d.settle();
    expect(d.statusLitSometimes()).toBe(true);
    d.ind.setStatus(LedPattern.OFF, 100);
    d.settle();
    expect(d.statusLitSometimes()).toBe(false);
    d.ind.setRecording(true);
    d.ind.setRecording(false);
    d.ind.buzz(HapticCue.DOUBLE, 80);
    d.settle();
    expect(d.motorRan()).toBe(true);
  });
});

// ---------------------------------------------------------------- battery

interface BatteryDriver {
  battery: Battery;
  set(mv: number, charging: boolean): void;
}

function simBattery(): BatteryDriver {
  const b = new SimBattery();
  return {
    battery: b,
    set: (mv, charging) => {
      b.mv = mv;
      b.level = Math.max(0, Math.min(100, Math.round(((mv - 3400) * 100) / 800)));
      b.onCharger = charging;
    },
  };
}

function espruinoBattery(): BatteryDriver {
  const d = deviceGlobals();
  const spec = badgeBoard.battery;
  return {
    battery: new EspruinoBattery(d.g, badgeBoard),
    set: (mv, charging) => {
      d.pins[badgeBoard.pins.batterySense] = mv / spec.dividerRatio / spec.adcFullScaleMv;
      d.pins[badgeBoard.pins.chargerCharging] = charging === badgeBoard.pinSpecs.chargerCharging.activeLow ? 0 : 1;
    },
  };
}

describe.each([['node (simulated)', simBattery], ['espruino (ADC + charger pin)', espruinoBattery]] as const)('Battery contract: %s', (_name, make) => {
  it('reports millivolts, a percentage that rises with voltage, and the charger', () => {
    const d = make();
    d.set(3500, false);
    const low = d.battery.percent();
    expect(Math.abs(d.battery.millivolts() - 3500)).toBeLessThan(20);
    expect(d.battery.charging()).toBe(false);
    d.set(4100, true);
    expect(d.battery.percent()).toBeGreaterThan(low);
    expect(d.battery.percent()).toBeLessThanOrEqual(100);
    expect(d.battery.charging()).toBe(true);
  });
});

// ----------------------------------------------------------------- system

describe.each([
  ['node', () => new NodeSystem({ slot: 'b', seed: 7 }) as System],
  ['espruino (E, crypto)', () => new EspruinoSystem(deviceGlobals().g, 'b') as System],
] as const)('System contract: %s', (_name, make) => {
  it('hashes with SHA-256, gives random bytes and numbers, knows its slot', () => {
    const s = make();
    const abc = new Uint8Array([0x61, 0x62, 0x63]);
    expect(Buffer.from(s.sha256(abc)).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const a = new Uint8Array(16);
    const b = new Uint8Array(16);
    s.randomBytes(a);
    s.randomBytes(b);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const r = s.random();
    expect(r >= 0 && r < 1).toBe(true);
    expect(s.runningSlot()).toBe('b');
  });
});

// -------------------------------------------------------------------- log

describe.each([
  ['node', () => {
    const lines: string[] = [];
    return { log: new NodeLog((l: LogLevel, m: string) => lines.push(l + ' ' + m)) as Log, lines };
  }],
  ['espruino (console)', () => {
    const d = deviceGlobals();
    return { log: new EspruinoLog(d.g) as Log, lines: d.lines };
  }],
] as const)('Log contract: %s', (_name, make) => {
  it('writes each line with its level', () => {
    const d = make();
    d.log.write('warn', 'flash 91% full');
    expect(d.lines).toEqual(['warn flash 91% full']);
  });
});
