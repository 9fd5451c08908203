import type { AudioHandlers, AudioParams, AudioSource } from '../../hal/audio.js';
import type { Battery } from '../../hal/battery.js';
import type { Button } from '../../hal/button.js';
import type { Clock } from '../../hal/clock.js';
import type { HapticCue, Indicators, LedPattern } from '../../hal/indicators.js';
import type { Log, LogLevel } from '../../hal/log.js';
import type { Wifi, WifiNetworkCredentials } from '../../hal/wifi.js';

/** A simulated button: `press(ms)` holds it for `ms` of the platform clock. */
export class SimButton implements Button {
  private readonly clock: Clock;
  private onEdge: ((pressed: boolean, timeMs: number) => void) | null = null;
  pressed = false;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  watch(onEdge: (pressed: boolean, timeMs: number) => void): void {
    this.onEdge = onEdge;
  }

  unwatch(): void {
    this.onEdge = null;
  }

  /** Level change now. */
  set(pressed: boolean): void {
    if (pressed === this.pressed) return;
    this.pressed = pressed;
    if (this.onEdge) this.onEdge(pressed, this.clock.monotonicMs());
  }

  /** Presses now and releases after `holdMs`. */
  press(holdMs: number): void {
    this.set(true);
    this.clock.setTimeout(() => this.set(false), holdMs);
  }
}

/** Observable LEDs and haptic motor. */
export class SimIndicators implements Indicators {
  recording = false;
  status: LedPattern = 0;
  brightness = 100;
  /** Every cue given, oldest first. */
  cues: HapticCue[] = [];
  /** Every change of the recording LED with the clock time. */
  recordingLog: { on: boolean; atMs: number }[] = [];
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  setRecording(on: boolean): void {
    if (on !== this.recording) this.recordingLog.push({ on, atMs: this.clock.monotonicMs() });
    this.recording = on;
  }

  setStatus(pattern: LedPattern, brightnessPercent: number): void {
    this.status = pattern;
    this.brightness = brightnessPercent;
  }

  buzz(cue: HapticCue, _strengthPercent: number): void {
    this.cues.push(cue);
  }
}

/** A battery whose level and charger the test or simulator sets. */
export class SimBattery implements Battery {
  level = 90;
  mv = 3950;
  onCharger = false;
  percent(): number {
    return this.level;
  }
  millivolts(): number {
    return this.mv;
  }
  charging(): boolean {
    return this.onCharger;
  }
}

/** Wi-Fi that associates after `associateMs` when `available`, else fails. */
export class SimWifi implements Wifi {
  available = true;
  associateMs = 50;
  signal = -55;
  private up = false;
  private readonly clock: Clock;
  /** How often the radio was turned on (power accounting). */
  connects = 0;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  connect(networks: WifiNetworkCredentials[], done: (err: string | null) => void): void {
    this.connects++;
    this.clock.setTimeout(() => {
      if (this.available) {
        this.up = true;
        done(null);
      } else {
        this.up = false;
        done(networks.length === 0 ? 'no network configured' : 'no access point');
      }
    }, this.associateMs);
  }

  disconnect(): void {
    this.up = false;
  }

  isConnected(): boolean {
    return this.up && this.available;
  }

  rssi(): number {
    return this.up ? this.signal : 0;
  }
}

/**
 * The simulator's audio co-processor: the simulator pushes Opus frames (and
 * voice activity); frames reach the firmware only while capture is on.
 */
export class SimAudioSource implements AudioSource {
  private handlers: AudioHandlers | null = null;
  private capturing = false;
  private listening = false;
  params: AudioParams | null = null;
  /** Frames pushed while capture was off (the microphones were unpowered). */
  discarded = 0;

  setHandlers(handlers: AudioHandlers): void {
    this.handlers = handlers;
  }

  start(params: AudioParams): void {
    this.capturing = true;
    this.params = params;
  }

  stop(): void {
    this.capturing = false;
  }

  isCapturing(): boolean {
    return this.capturing;
  }

  listen(on: boolean): void {
    this.listening = on;
  }

  isListening(): boolean {
    return this.listening;
  }

  /** One encoded frame from the co-processor. */
  push(frame: Uint8Array, voice: boolean): void {
    if (!this.capturing) {
      this.discarded++;
      if (this.listening && this.handlers) this.handlers.voice(voice);
      return;
    }
    if (this.handlers) this.handlers.frame(frame, voice);
  }

  /** The co-processor lost `count` frames (queue overflow, reboot) before the next one it delivers. */
  lose(count: number): void {
    if (this.capturing && this.handlers) this.handlers.lost(count);
  }
}

/** Log lines to a callback (default: kept in `lines`). */
export class NodeLog implements Log {
  lines: string[] = [];
  private readonly sink: ((level: LogLevel, message: string) => void) | undefined;
  constructor(sink?: (level: LogLevel, message: string) => void) {
    this.sink = sink;
  }
  write(level: LogLevel, message: string): void {
    if (this.sink) this.sink(level, message);
    else {
      this.lines.push(level + ' ' + message);
      if (this.lines.length > 1000) this.lines.shift();
    }
  }
}
