import type { ScheduleWindow } from './messages.js';

const DAY_MS = 86400000;

/**
 * Whether unix time `unixMs` (shifted by the UTC offset) falls in one of the
 * working-hours windows. Weekday bit 0 is Monday; a window whose end is before
 * its start runs past midnight. No windows means always.
 */
export function inWorkingHours(windows: ScheduleWindow[], unixMs: number, utcOffsetMin: number): boolean {
  if (windows.length === 0) return true;
  const local = unixMs + utcOffsetMin * 60000;
  const dayIndex = Math.floor(local / DAY_MS);
  const minute = Math.floor((local - dayIndex * DAY_MS) / 60000);
  // 1970-01-01 was a Thursday: Monday-based weekday = (days + 3) mod 7.
  const weekday = (((dayIndex + 3) % 7) + 7) % 7;
  const yesterday = (weekday + 6) % 7;
  for (const w of windows) {
    if (w.endMinute > w.startMinute) {
      if ((w.weekdays & (1 << weekday)) !== 0 && minute >= w.startMinute && minute < w.endMinute) return true;
    } else if (w.endMinute < w.startMinute) {
      if ((w.weekdays & (1 << weekday)) !== 0 && minute >= w.startMinute) return true;
      if ((w.weekdays & (1 << yesterday)) !== 0 && minute < w.endMinute) return true;
    }
  }
  return false;
}
