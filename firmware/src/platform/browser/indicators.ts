import type { HapticCue, Indicators, LedPattern } from '../../hal/indicators.js';

/** What the page shows: the recording LED, the status LED pattern and the last haptic cue. */
export interface IndicatorState {
  recording: boolean;
  status: LedPattern;
  brightnessPercent: number;
  lastCue: HapticCue | null;
}

/** LEDs and haptic motor drawn by the page: every change is passed to `onChange`. */
export class BrowserIndicators implements Indicators {
  readonly state: IndicatorState = { recording: false, status: 0, brightnessPercent: 100, lastCue: null };
  private readonly onChange: (state: IndicatorState) => void;

  constructor(onChange: (state: IndicatorState) => void) {
    this.onChange = onChange;
  }

  setRecording(on: boolean): void {
    this.state.recording = on;
    this.onChange(this.state);
  }

  setStatus(pattern: LedPattern, brightnessPercent: number): void {
    this.state.status = pattern;
    this.state.brightnessPercent = brightnessPercent;
    this.onChange(this.state);
  }

  buzz(cue: HapticCue, _strengthPercent: number): void {
    this.state.lastCue = cue;
    this.onChange(this.state);
  }
}
