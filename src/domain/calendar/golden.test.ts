/**
 * Golden tests: every date ../shared/DOMAIN.md lists (lunar anchors and the official schedules for
 * public servants 2025–2026), day by day, against the calendar the ward uses by default (the
 * pre-fill with the known government decisions). A failure here is a wrong day off or a wrong
 * working day for the whole ward.
 */
import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from './dates.ts';
import { lunarToSolar } from './lunar.ts';
import { DEFAULT_HOLIDAY_RULES } from './rules.ts';
import { createWorkingCalendar } from './working-time.ts';
import { prefillYear } from './year.ts';

const cal = createWorkingCalendar();
/** Every date from `from` to `to`, inclusive. */
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const solar = (d: { y: number; m: number; d: number } | null) =>
  d && `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;

describe('lunar anchors (DOMAIN.md "Lunar dates")', () => {
  it.each([
    ['Tết 2025', '2025-01-29', 1, 1, 2025],
    ['Tết 2026', '2026-02-17', 1, 1, 2026],
    ['Tết 2027', '2027-02-06', 1, 1, 2027],
    ['10/3 lunar 2025', '2025-04-07', 10, 3, 2025],
    ['10/3 lunar 2026', '2026-04-26', 10, 3, 2026],
  ])('%s is %s', (_name, expected, day, month, year) => {
    expect(solar(lunarToSolar(day, month, year))).toBe(expected);
  });
});

/** An official break: every day of it off, the working days named around it open. */
interface Schedule {
  name: string;
  off: [string, string];
  /** Working days the decision names, or that border the break. */
  working: string[];
}

const SCHEDULES: Schedule[] = [
  // 8726/VPCP-KGVX: off Sat 25/1 to Sun 2/2, Tết days Mon 27/1–Fri 31/1, Mon 3/2 works, no make-up.
  { name: 'Tết 2025', off: ['2025-01-25', '2025-02-02'], working: ['2025-01-24', '2025-02-03'] },
  // Fri 2/5 swapped with make-up Sat 26/4.
  { name: '30/4–1/5 2025', off: ['2025-04-30', '2025-05-04'], working: ['2025-04-26', '2025-04-29', '2025-05-05'] },
  { name: 'Giỗ Tổ 2025 (Mon 7/4)', off: ['2025-04-05', '2025-04-07'], working: ['2025-04-04', '2025-04-08'] },
  // 1/9 is the adjacent day.
  { name: '2/9/2025', off: ['2025-08-30', '2025-09-02'], working: ['2025-08-29', '2025-09-03'] },
  // 12729/VPCP-KGVX: off 1/1–4/1, Fri 2/1 swapped with make-up Sat 10/1/2026.
  { name: 'New Year 2026', off: ['2026-01-01', '2026-01-04'], working: ['2025-12-31', '2026-01-05', '2026-01-10'] },
  // Off Sat 14/2 to Sun 22/2, Tết days Mon 16/2–Fri 20/2, no make-up day.
  { name: 'Tết 2026', off: ['2026-02-14', '2026-02-22'], working: ['2026-02-13', '2026-02-23'] },
  // Giỗ Tổ is Sun 26/4, so Mon 27/4 is off.
  { name: 'Giỗ Tổ 2026', off: ['2026-04-25', '2026-04-27'], working: ['2026-04-24', '2026-04-28'] },
  { name: '30/4–1/5 2026', off: ['2026-04-30', '2026-05-03'], working: ['2026-04-29', '2026-05-04'] },
  // Off Sat 29/8 to Wed 2/9 (1/9 adjacent), Mon 31/8 swapped with make-up Sat 22/8/2026.
  { name: '2/9/2026', off: ['2026-08-29', '2026-09-02'], working: ['2026-08-22', '2026-08-28', '2026-09-03'] },
];

describe('the official schedules for public servants (DOMAIN.md), day by day', () => {
  for (const s of SCHEDULES) {
    it(`${s.name}: off ${s.off[0]} to ${s.off[1]}; ${s.working.join(', ')} worked`, () => {
      const wrong = [
        ...days(...s.off).filter((d) => cal.isWorkingDay(d)).map((d) => `${d} should be off`),
        ...s.working.filter((d) => !cal.isWorkingDay(d)).map((d) => `${d} should be worked`),
      ];
      expect(wrong).toEqual([]);
    });
  }

  it('the six days the calendar had wrong: 27/1/2025 and 2/1, 31/8/2026 off; 3/2/2025 and Saturdays 10/1, 22/8/2026 worked', () => {
    expect(['2025-01-27', '2026-01-02', '2026-08-31'].map((d) => cal.isWorkingDay(d))).toEqual([false, false, false]);
    expect(['2025-02-03', '2026-01-10', '2026-08-22'].map((d) => cal.isWorkingDay(d))).toEqual([true, true, true]);
    expect([weekdayOf('2026-01-10'), weekdayOf('2026-08-22')]).toEqual([6, 6]);
  });

  it('Tết 2027 has no decision yet: the pre-fill (2 days before mùng 1, mùng 1–3) is the draft', () => {
    // Mùng 1 is Saturday 6/2/2027: 4/2, 5/2, 6/2, 7/2, 8/2 plus Tuesday 9/2 and Wednesday 10/2 for the weekend.
    const off = prefillYear(2027).daysOff.filter((d) => d.date >= '2027-02-01' && d.date <= '2027-02-15');
    expect(off.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2027-02-04 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 compensatory',
      '2027-02-10 compensatory',
    ]);
  });
});

describe('the Tết pre-fill alone (no decision entered) matches the last six decisions', () => {
  // The official breaks (weekends and compensation included) for public servants.
  it.each([
    [2021, '2021-02-10', '2021-02-16'],
    [2022, '2022-01-29', '2022-02-06'],
    [2023, '2023-01-20', '2023-01-26'],
    [2024, '2024-02-08', '2024-02-14'],
    [2025, '2025-01-25', '2025-02-02'],
    [2026, '2026-02-14', '2026-02-22'],
  ])('Tết %i: off %s to %s', (year, from, to) => {
    const bare = createWorkingCalendar({ yearProvider: (y) => prefillYear(y, DEFAULT_HOLIDAY_RULES, { decisions: [] }) });
    const window = days(addDays(from, -7), addDays(to, 7));
    const off = window.filter((d) => !bare.isWorkingDay(d));
    const weekendsOutside = off.filter((d) => d < from || d > to);
    expect(off.filter((d) => d >= from && d <= to)).toEqual(days(from, to));
    // Outside the break only ordinary weekends are off.
    expect(weekendsOutside.every((d) => [0, 6].includes(weekdayOf(d)))).toBe(true);
  });
});
