import type { Clock, TimerId } from '../hal/clock.js';
import { ButtonAction } from './messages.js';

export const LONG_PRESS_MS = 1500;
export const DOUBLE_GAP_MS = 400;

/**
 * Turns button edges into gestures: a short press, a long press (held
 * LONG_PRESS_MS, reported as soon as the hold reaches it) and a double press
 * (a second press starting within DOUBLE_GAP_MS of the first release).
 */
/** Who is told the gestures (the Badge itself: no closure to hold on Espruino). */
export interface GestureHost {
  buttonAction(action: number): void;
}

export class ButtonGestures {
  private readonly clock: Clock;
  private readonly host: GestureHost;
  private downAt = -1;
  private longFired = false;
  private longTimer: TimerId | null = null;
  private shortTimer: TimerId | null = null;
  private pendingShort = false;

  constructor(clock: Clock, host: GestureHost) {
    this.clock = clock;
    this.host = host;
  }

  edge(pressed: boolean, timeMs: number): void {
    if (pressed) {
      if (this.downAt >= 0) return;
      this.downAt = timeMs;
      this.longFired = false;
      this.longTimer = this.clock.setTimeout(() => {
        this.longTimer = null;
        this.longFired = true;
        this.pendingShort = false;
        if (this.shortTimer !== null) this.clock.clearTimeout(this.shortTimer);
        this.shortTimer = null;
        this.host.buttonAction(ButtonAction.LONG);
      }, LONG_PRESS_MS);
      return;
    }
    if (this.downAt < 0) return;
    this.downAt = -1;
    if (this.longTimer !== null) this.clock.clearTimeout(this.longTimer);
    this.longTimer = null;
    if (this.longFired) return;
    if (this.pendingShort) {
      this.pendingShort = false;
      if (this.shortTimer !== null) this.clock.clearTimeout(this.shortTimer);
      this.shortTimer = null;
      this.host.buttonAction(ButtonAction.DOUBLE);
      return;
    }
    this.pendingShort = true;
    this.shortTimer = this.clock.setTimeout(() => {
      this.shortTimer = null;
      if (!this.pendingShort) return;
      this.pendingShort = false;
      this.host.buttonAction(ButtonAction.SHORT);
    }, DOUBLE_GAP_MS);
  }
}
