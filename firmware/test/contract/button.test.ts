import { describe, expect, it } from 'vitest';
import { badgeBoard } from '@parley/hardware/boards';
import type { Button } from '../../src/hal/button.js';
import { VirtualClock } from '../../src/platform/node/clock.js';
import { SimButton } from '../../src/platform/node/peripherals.js';
import { EspruinoButton } from '../../src/platform/espruino/peripherals.js';
import type { EspruinoGlobals, EspruinoWatchEvent } from '../../src/platform/espruino/globals.js';

interface ButtonDriver {
  button: Button;
  /** The user presses (true) or releases (false) at `atMs`. */
  level(pressed: boolean, atMs: number): void;
}

function espruinoButton(): ButtonDriver {
  let watch: ((e: EspruinoWatchEvent) => void) | null = null;
  const g = {
    setWatch: (fn: (e: EspruinoWatchEvent) => void, pin: string) => {
      expect(pin).toBe(badgeBoard.pins.button);
      watch = fn;
      return 7;
    },
    clearWatch: (id: unknown) => {
      expect(id).toBe(7);
      watch = null;
    },
  } as unknown as EspruinoGlobals;
  const low = badgeBoard.pinSpecs.button.activeLow;
  return { button: new EspruinoButton(g, badgeBoard), level: (pressed, atMs) => watch?.({ state: pressed !== low, time: atMs / 1000 }) };
}

function simButton(): ButtonDriver {
  const clock = new VirtualClock();
  const b = new SimButton(clock);
  return {
    button: b,
    level: (pressed, atMs) => {
      clock.advance(atMs - clock.monotonicMs());
      b.set(pressed);
    },
  };
}

describe.each([['node (simulated)', simButton], ['espruino (setWatch)', espruinoButton]] as const)('Button contract: %s', (_name, make) => {
  it('reports press and release with their times until unwatched', () => {
    const d = make();
    const edges: [boolean, number][] = [];
    d.button.watch((pressed, t) => edges.push([pressed, t]));
    d.level(true, 1000);
    d.level(false, 1250);
    d.button.unwatch();
    d.level(true, 2000);
    expect(edges).toEqual([[true, 1000], [false, 1250]]);
  });
});
