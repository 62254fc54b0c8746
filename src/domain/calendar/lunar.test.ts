import { describe, expect, it } from 'vitest';
import { dayNumberOf, ymdOfDayNumber } from './dates.ts';
import { lunarToSolar, solarToLunar } from './lunar.ts';

const iso = (s: { y: number; m: number; d: number } | null): string | null =>
  s && `${s.y}-${String(s.m).padStart(2, '0')}-${String(s.d).padStart(2, '0')}`;

describe('lunarToSolar: golden dates', () => {
  it.each([
    // [lunar day, month, year, leap, solar]
    [1, 1, 2023, false, '2023-01-22'],
    [1, 1, 2024, false, '2024-02-10'],
    [1, 1, 2025, false, '2025-01-29'],
    [1, 1, 2026, false, '2026-02-17'],
    [1, 1, 2027, false, '2027-02-06'],
    // Vietnam (UTC+7) differs from China (UTC+8) here: China's new years were 20/2/1985 and 18/2/2007.
    [1, 1, 1985, false, '1985-01-21'],
    [1, 1, 2007, false, '2007-02-17'],
    // Giỗ Tổ Hùng Vương, 10/3 lunar.
    [10, 3, 2024, false, '2024-04-18'],
    [10, 3, 2025, false, '2025-04-07'],
    [10, 3, 2026, false, '2026-04-26'],
    [10, 3, 2027, false, '2027-04-16'],
    // Leap months: 2023 repeats month 2, 2025 month 6.
    [1, 2, 2023, true, '2023-03-22'],
    [1, 2, 2023, false, '2023-02-20'],
    [1, 3, 2023, false, '2023-04-20'],
    [1, 6, 2025, true, '2025-07-25'],
    [1, 7, 2025, false, '2025-08-23'],
  ] as const)('%i/%i/%i leap=%s is %s', (d, m, y, leap, expected) => {
    expect(iso(lunarToSolar(d, m, y, leap))).toBe(expected);
  });

  it('returns null for a leap month the year does not have', () => {
    expect(lunarToSolar(1, 3, 2023, true)).toBeNull();
    expect(lunarToSolar(1, 1, 2026, true)).toBeNull();
  });

  it('returns null for day 30 of a 29-day month', () => {
    // Month 12 of lunar 2025 has 29 days: Tết 2026 is the day after 29/12.
    expect(solarToLunar(2026, 2, 16)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(lunarToSolar(30, 12, 2025)).toBeNull();
    // Month 12 of lunar 2023 had 30 days.
    expect(iso(lunarToSolar(30, 12, 2023))).toBe('2024-02-09');
  });

  it('rejects numbers that cannot be a lunar date', () => {
    expect(() => lunarToSolar(31, 1, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 2300)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it.each([
    [2025, 1, 29, { day: 1, month: 1, year: 2025, leap: false }],
    [2025, 1, 28, { day: 29, month: 12, year: 2024, leap: false }],
    [2023, 3, 22, { day: 1, month: 2, year: 2023, leap: true }],
    [2025, 8, 22, { day: 29, month: 6, year: 2025, leap: true }],
    [2026, 4, 26, { day: 10, month: 3, year: 2026, leap: false }],
  ] as const)('%i-%i-%i', (y, m, d, expected) => {
    expect(solarToLunar(y, m, d)).toEqual(expected);
  });

  it('rejects an impossible solar date', () => {
    expect(() => solarToLunar(2025, 2, 29)).toThrow(RangeError);
  });

  it('round-trips every day 1990–2050 and steps one lunar day at a time', () => {
    const first = dayNumberOf(1990, 1, 1);
    const last = dayNumberOf(2050, 12, 31);
    let previous = solarToLunar(1989, 12, 31);
    let leapMonths = 0;
    const failures: string[] = [];
    for (let day = first; day <= last; day++) {
      const { y, m, d } = ymdOfDayNumber(day);
      const lunar = solarToLunar(y, m, d);
      const back = lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap);
      if (!back || back.y !== y || back.m !== m || back.d !== d) failures.push(`${y}-${m}-${d}`);
      if (lunar.day === 1) {
        // A new month: the previous one had 29 or 30 days and the month number moves on by
        // one, or repeats as the leap month.
        expect([29, 30]).toContain(previous.day);
        if (lunar.leap) {
          leapMonths++;
          expect(lunar.month).toBe(previous.month);
        } else {
          expect(lunar.month).toBe((previous.month % 12) + 1);
        }
      } else {
        expect(lunar.day).toBe(previous.day + 1);
        expect(lunar.month).toBe(previous.month);
      }
      previous = lunar;
    }
    expect(failures).toEqual([]);
    // 7 leap months per 19 years: 61 years hold 22 or 23.
    expect(leapMonths).toBeGreaterThanOrEqual(22);
    expect(leapMonths).toBeLessThanOrEqual(23);
  });
});
