/** Status LED patterns (the recording LED is a separate, plain on/off output). */
export const LedPattern = {
  OFF: 0,
  ON: 1,
  SLOW_BLINK: 2,
  FAST_BLINK: 3,
  DOUBLE_BLINK: 4,
  /** A short flash every few seconds: alive and idle. */
  HEARTBEAT: 5,
} as const;
export type LedPattern = (typeof LedPattern)[keyof typeof LedPattern];

/** Haptic cues, each a fixed vibration pattern. */
export const HapticCue = {
  NONE: 0,
  SHORT: 1,
  DOUBLE: 2,
  LONG: 3,
  TRIPLE: 4,
} as const;
export type HapticCue = (typeof HapticCue)[keyof typeof HapticCue];

/**
 * LEDs and the haptic motor, shaped after Espruino's `digitalWrite(pin, v)`
 * and `analogWrite(pin, duty)` on the pins the board data names.
 */
export interface Indicators {
  /** Recording LED: on exactly while audio is captured. */
  setRecording(on: boolean): void;
  setStatus(pattern: LedPattern, brightnessPercent: number): void;
  buzz(cue: HapticCue, strengthPercent: number): void;
}
