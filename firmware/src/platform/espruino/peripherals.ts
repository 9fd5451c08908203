import type { DeviceBoard } from './device-board.js';
import type { Battery } from '../../hal/battery.js';
import type { Button } from '../../hal/button.js';
import type { Clock, TimerId } from '../../hal/clock.js';
import type { HapticCue, Indicators, LedPattern } from '../../hal/indicators.js';
import type { Log, LogLevel } from '../../hal/log.js';
import type { FirmwareSlot, System } from '../../hal/system.js';
import type { EspruinoGlobals } from './globals.js';

/** Monotonic time from `getTime()` (seconds since boot: the firmware never calls setTime). */
export class EspruinoClock implements Clock {
  private readonly g: EspruinoGlobals;
  constructor(g: EspruinoGlobals) {
    this.g = g;
  }
  monotonicMs(): number {
    return Math.floor(this.g.getTime() * 1000);
  }
  setTimeout(fn: () => void, ms: number): TimerId {
    return this.g.setTimeout(fn, ms);
  }
  clearTimeout(id: TimerId): void {
    this.g.clearTimeout(id);
  }
  setInterval(fn: () => void, ms: number): TimerId {
    return this.g.setInterval(fn, ms);
  }
  clearInterval(id: TimerId): void {
    this.g.clearInterval(id);
  }
}

/** The button on `setWatch(…, {repeat: true, edge: "both", debounce: 30})`, level corrected for an active-low pin. */
export class EspruinoButton implements Button {
  private readonly g: EspruinoGlobals;
  private readonly pin: string;
  private readonly activeLow: boolean;
  private id: unknown = null;

  constructor(g: EspruinoGlobals, board: DeviceBoard) {
    this.g = g;
    this.pin = board.pins.button;
    this.activeLow = board.pinSpecs.button.activeLow;
  }

  watch(onEdge: (pressed: boolean, timeMs: number) => void): void {
    this.unwatch();
    this.id = this.g.setWatch((e) => onEdge(e.state !== this.activeLow, Math.floor(e.time * 1000)), this.pin, { repeat: true, edge: 'both', debounce: 30 });
  }

  unwatch(): void {
    if (this.id !== null) this.g.clearWatch(this.id);
    this.id = null;
  }
}

/** Blink patterns as 10 ticks of 200 ms (one bit per tick). */
const PATTERN_BITS = [0, 0x3ff, 0x01f, 0x155, 0x005, 0x001];
const HAPTIC_MS = [0, 80, 80, 400, 80];
const HAPTIC_REPEAT = [0, 1, 2, 1, 3];

/**
 * Status LEDs (green/red GPIOs) and the haptic motor (PWM). The recording LED
 * sits on the capture power rail, so it is lit by the hardware exactly while
 * the microphones are powered; `setRecording` has nothing to drive.
 */
export class EspruinoIndicators implements Indicators {
  private readonly g: EspruinoGlobals;
  private readonly board: DeviceBoard;
  private bits = 0;
  private tick = 0;
  private timer: unknown = null;
  private duty = 1;

  constructor(g: EspruinoGlobals, board: DeviceBoard) {
    this.g = g;
    this.board = board;
  }

  setRecording(_on: boolean): void {
    // Wired to the capture rail (board.leds.recording.drive === 'rail').
  }

  setStatus(pattern: LedPattern, brightnessPercent: number): void {
    this.bits = PATTERN_BITS[pattern] ?? 0;
    this.duty = Math.max(0.05, Math.min(1, brightnessPercent / 100));
    if (this.timer === null && this.bits !== 0) {
      this.timer = this.g.setInterval(() => this.step(), 200);
    }
    if (this.bits === 0) {
      if (this.timer !== null) this.g.clearInterval(this.timer);
      this.timer = null;
      this.write(false);
    }
  }

  buzz(cue: HapticCue, strengthPercent: number): void {
    const ms = HAPTIC_MS[cue] ?? 0;
    const times = HAPTIC_REPEAT[cue] ?? 0;
    const pin = this.board.pins.haptic;
    const duty = Math.max(0.1, Math.min(1, strengthPercent / 100));
    for (let i = 0; i < times; i++) this.pulse(pin, duty, i * (ms + 120), ms);
  }

  /** One buzz; its closures live here, not in the loop (Espruino's loop closures see only the final values). */
  private pulse(pin: string, duty: number, at: number, ms: number): void {
    this.g.setTimeout(() => this.g.analogWrite(pin, duty, { freq: this.board.haptic.pwmHz }), at);
    this.g.setTimeout(() => this.g.digitalWrite(pin, 0), at + ms);
  }

  private step(): void {
    this.write(((this.bits >> this.tick) & 1) === 1);
    this.tick = (this.tick + 1) % 10;
  }

  private write(on: boolean): void {
    const pin = this.board.pins.statusLedGreen;
    const low = this.board.pinSpecs.statusLedGreen.activeLow;
    if (on && this.duty < 1) this.g.analogWrite(pin, low ? 1 - this.duty : this.duty, { freq: 1000 });
    else this.g.digitalWrite(pin, on !== low ? 1 : 0);
  }
}

/** Battery from the divider on the sense pin (`analogRead` 0..1 of the ADC full scale) and the charger's status pin. */
export class EspruinoBattery implements Battery {
  private readonly g: EspruinoGlobals;
  private readonly board: DeviceBoard;

  constructor(g: EspruinoGlobals, board: DeviceBoard) {
    this.g = g;
    this.board = board;
  }

  millivolts(): number {
    const b = this.board.battery;
    return Math.round(this.g.analogRead(this.board.pins.batterySense) * b.adcFullScaleMv * b.dividerRatio);
  }

  percent(): number {
    const b = this.board.battery;
    const p = Math.round(((this.millivolts() - b.cutoffMv) * 100) / (b.fullMv - b.cutoffMv));
    return Math.max(0, Math.min(100, p));
  }

  charging(): boolean {
    const level = this.g.digitalRead(this.board.pins.chargerCharging);
    return this.board.pinSpecs.chargerCharging.activeLow ? level === 0 : level === 1;
  }
}

/** Reboot, randomness and SHA-256 from Espruino (`E.reboot`, `E.hwRand`, `require("crypto").SHA256`). */
export class EspruinoSystem implements System {
  private readonly g: EspruinoGlobals;
  private readonly slot: FirmwareSlot;

  constructor(g: EspruinoGlobals, slot: FirmwareSlot) {
    this.g = g;
    this.slot = slot;
  }

  reboot(): void {
    this.g.E.reboot();
  }

  random(): number {
    return Math.random();
  }

  randomBytes(out: Uint8Array): void {
    for (let i = 0; i < out.length; i += 4) {
      const r = this.g.E.hwRand();
      for (let k = 0; k < 4 && i + k < out.length; k++) out[i + k] = (r >>> (k * 8)) & 0xff;
    }
  }

  sha256(data: Uint8Array): Uint8Array {
    return new Uint8Array(this.g.crypto.SHA256(this.g.E.toString(data)));
  }

  runningSlot(): FirmwareSlot {
    return this.slot;
  }
}

export class EspruinoLog implements Log {
  private readonly g: EspruinoGlobals;
  constructor(g: EspruinoGlobals) {
    this.g = g;
  }
  write(level: LogLevel, message: string): void {
    this.g.log(level + ' ' + message);
  }
}
