/** A working-hours window as in `Config.working_hours`: minutes since local midnight, weekdays bit 0 = Monday. */
export interface WorkingWindow {
  weekdays: number;
  startMinute: number;
  endMinute: number;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 62;

/**
 * Milliseconds of [fromMs, toMs) that fall inside the working hours (local
 * time = UTC + utcOffsetMin). No windows: every hour counts. Looks back at
 * most 62 days.
 */
export function workingMsBetween(fromMs: number, toMs: number, windows: readonly WorkingWindow[], utcOffsetMin: number): number {
  if (toMs <= fromMs) return 0;
  if (windows.length === 0) return toMs - fromMs;
  const offset = utcOffsetMin * 60_000;
  const from = Math.max(fromMs, toMs - MAX_DAYS * DAY_MS) + offset;
  const to = toMs + offset;
  let total = 0;
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < to; day += DAY_MS) {
    // 1970-01-01 was a Thursday: Monday-based weekday index.
    const weekday = (Math.floor(day / DAY_MS) + 3) % 7;
    for (const w of windows) {
      if ((w.weekdays & (1 << weekday)) === 0 || w.endMinute <= w.startMinute) continue;
      const start = Math.max(from, day + w.startMinute * 60_000);
      const end = Math.min(to, day + w.endMinute * 60_000);
      if (end > start) total += end - start;
    }
  }
  return total;
}
