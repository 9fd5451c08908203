/** Storage alarm thresholds in percent of the spool. */
export const ALARM_THRESHOLDS = [80, 90, 95];
/** A threshold re-arms when usage falls this many points below it. */
const HYSTERESIS = 5;

/** Reports each upward crossing of 80/90/95 % once until usage falls back. */
export class StorageAlarms {
  private armed: boolean[] = [true, true, true];

  /** The thresholds newly crossed at `percent`. */
  update(percent: number): number[] {
    const crossed: number[] = [];
    for (let i = 0; i < ALARM_THRESHOLDS.length; i++) {
      const t = ALARM_THRESHOLDS[i] as number;
      if (this.armed[i] && percent >= t) {
        this.armed[i] = false;
        crossed.push(t);
      } else if (!this.armed[i] && percent < t - HYSTERESIS) {
        this.armed[i] = true;
      }
    }
    return crossed;
  }
}
