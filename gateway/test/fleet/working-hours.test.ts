import { describe, expect, it } from 'vitest';
import { workingMsBetween } from '../../src/fleet/working-hours.js';

const HOUR = 3_600_000;
const MONDAY = Date.UTC(2026, 10, 23); // a Monday, 00:00 UTC
const weekdays9to17 = [{ weekdays: 0b0011111, startMinute: 540, endMinute: 1020 }];

describe('workingMsBetween', () => {
  it('counts every hour without working hours', () => {
    expect(workingMsBetween(MONDAY, MONDAY + 5 * HOUR, [], 0)).toBe(5 * HOUR);
    expect(workingMsBetween(MONDAY + HOUR, MONDAY, [], 0)).toBe(0);
  });

  it('counts only the windows, by local weekday', () => {
    expect(workingMsBetween(MONDAY, MONDAY + 24 * HOUR, weekdays9to17, 0)).toBe(8 * HOUR);
    // Friday 16:00 to Monday 10:00: 1 h Friday + 1 h Monday, nothing at the weekend.
    expect(workingMsBetween(MONDAY + 4 * 24 * HOUR + 16 * HOUR, MONDAY + 7 * 24 * HOUR + 10 * HOUR, weekdays9to17, 0)).toBe(2 * HOUR);
  });

  it('applies the UTC offset', () => {
    // 08:00-09:00 UTC is 09:00-10:00 at UTC+1.
    expect(workingMsBetween(MONDAY + 8 * HOUR, MONDAY + 9 * HOUR, weekdays9to17, 60)).toBe(HOUR);
    expect(workingMsBetween(MONDAY + 8 * HOUR, MONDAY + 9 * HOUR, weekdays9to17, 0)).toBe(0);
  });
});
