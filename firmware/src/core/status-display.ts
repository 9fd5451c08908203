import { HapticCue, LedPattern } from '../hal/indicators.js';
import { DeviceState } from './messages.js';

/**
 * The state table (docs/firmware.md): the status LED pattern while in a
 * state and the haptic cue on entering it. The recording LED is not here: it
 * follows the capture power exactly.
 */
export const STATE_DISPLAY: { [state: number]: { led: LedPattern; cue: HapticCue; name: string } } = {
  [DeviceState.IDLE]: { led: LedPattern.HEARTBEAT, cue: HapticCue.SHORT, name: 'idle' },
  [DeviceState.RECORDING]: { led: LedPattern.ON, cue: HapticCue.DOUBLE, name: 'recording' },
  [DeviceState.MUTED]: { led: LedPattern.DOUBLE_BLINK, cue: HapticCue.LONG, name: 'muted' },
  [DeviceState.STORAGE_FULL]: { led: LedPattern.FAST_BLINK, cue: HapticCue.TRIPLE, name: 'storage-full' },
  [DeviceState.LOW_BATTERY]: { led: LedPattern.SLOW_BLINK, cue: HapticCue.TRIPLE, name: 'low-battery' },
  [DeviceState.LOCKED]: { led: LedPattern.OFF, cue: HapticCue.LONG, name: 'locked' },
};

/** Cue for a refused button press (e.g. short press while muted). */
export const REFUSED_CUE = HapticCue.TRIPLE;
/** Cue confirming a bookmark. */
export const BOOKMARK_CUE = HapticCue.SHORT;
/** The locate command blinks and buzzes for this long. */
export const LOCATE_MS = 10000;
