import { HapticCue, LedPattern } from '../hal/indicators.js';

/**
 * The state table (docs/firmware.md): the status LED pattern while in a
 * state and the haptic cue on entering it. The recording LED is not here: it
 * follows the capture power exactly.
 */
export interface StateDisplay {
  led: LedPattern;
  cue: HapticCue;
  name: string;
}

/** Indexed by DeviceState (IDLE 0 … LOCKED 5). */
export const STATE_DISPLAY: StateDisplay[] = [
  { led: LedPattern.HEARTBEAT, cue: HapticCue.SHORT, name: 'idle' },
  { led: LedPattern.ON, cue: HapticCue.DOUBLE, name: 'recording' },
  { led: LedPattern.DOUBLE_BLINK, cue: HapticCue.LONG, name: 'muted' },
  { led: LedPattern.FAST_BLINK, cue: HapticCue.TRIPLE, name: 'storage-full' },
  { led: LedPattern.SLOW_BLINK, cue: HapticCue.TRIPLE, name: 'low-battery' },
  { led: LedPattern.OFF, cue: HapticCue.LONG, name: 'locked' },
];

/** Cue for a refused button press (e.g. short press while muted). */
export const REFUSED_CUE = HapticCue.TRIPLE;
/** Cue confirming a bookmark. */
export const BOOKMARK_CUE = HapticCue.SHORT;
/** The locate command blinks and buzzes for this long. */
export const LOCATE_MS = 10000;
