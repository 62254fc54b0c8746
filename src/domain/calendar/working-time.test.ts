import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_TIME, timelineOn, withBaseline, type WorkingTimeRules } from './rules.ts';
import { formatVn, parseLocalVn } from './vn-time.ts';
import { createWorkingCalendar, type DueUnit } from './working-time.ts';
import { prefillYear } from './year.ts';

const cal = createWorkingCalendar({ yearProvider: (y) => prefillYear(y) });
const at = (date: string, time: string) => parseLocalVn(date, time);
const due = (date: string, time: string, amount: number, unit: DueUnit) =>
  formatVn(cal.computeDue(at(date, time), amount, unit));
const HOUR = 3_600_000;

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-02', true], // Monday
    ['2026-03-07', false], // Saturday
    ['2026-03-08', false], // Sunday
    ['2026-02-17', false], // Tết
    ['2026-04-27', false], // compensatory day for Giỗ Tổ on Sunday
    ['2025-04-26', true], // make-up Saturday
    ['2025-05-02', false], // swapped day off
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(() => cal.isWorkingDay('2026-3-2')).toThrow(RangeError);
  });
});

describe('nextOpening', () => {
  it.each([
    ['2026-03-02', '09:00', '2026-03-02T09:00:00+07:00'], // open: itself
    ['2026-03-02', '06:30', '2026-03-02T07:00:00+07:00'],
    ['2026-03-02', '11:30', '2026-03-02T13:30:00+07:00'], // a period end is closed
    ['2026-03-02', '12:00', '2026-03-02T13:30:00+07:00'],
    ['2026-03-02', '17:00', '2026-03-03T07:00:00+07:00'],
    ['2026-03-06', '18:00', '2026-03-09T07:00:00+07:00'], // Friday evening → Monday
    ['2026-02-13', '17:30', '2026-02-23T07:00:00+07:00'], // the Friday before Tết
    ['2025-12-31', '17:30', '2026-01-05T07:00:00+07:00'], // across the year; Friday 2/1/2026 is off (swapped with Saturday 10/1)
  ])('%s %s → %s', (date, time, expected) => {
    expect(formatVn(cal.nextOpening(at(date, time)))).toBe(expected);
  });
});

describe('addWorkingHours', () => {
  it('stops on a period end instead of rolling to the next opening', () => {
    expect(formatVn(cal.addWorkingHours(at('2026-03-02', '07:00'), 8))).toBe('2026-03-02T17:00:00+07:00');
    expect(formatVn(cal.addWorkingHours(at('2026-03-02', '07:00'), 4.5))).toBe('2026-03-02T11:30:00+07:00');
  });

  it('skips the lunch break', () => {
    expect(formatVn(cal.addWorkingHours(at('2026-03-02', '11:00'), 1))).toBe('2026-03-02T14:00:00+07:00');
  });

  it('with zero hours gives the next opening', () => {
    expect(formatVn(cal.addWorkingHours(at('2026-03-02', '12:00'), 0))).toBe('2026-03-02T13:30:00+07:00');
  });

  it.each([-1, Number.NaN, Infinity])('rejects %s', (hours) => {
    expect(() => cal.addWorkingHours(at('2026-03-02', '07:00'), hours)).toThrow(RangeError);
  });
});

describe('computeDue', () => {
  it.each([
    // Monday 2 March 2026, 3 working days = 24 office hours.
    ['2026-03-02', '09:00', 3, 'working_days', '2026-03-05T09:00:00+07:00'],
    // Lunch: counting starts 13:30 → 3.5 h Mon, 8 Tue, 8 Wed, 4.5 Thu = 11:30, kept there.
    ['2026-03-02', '12:00', 3, 'working_days', '2026-03-05T11:30:00+07:00'],
    // After hours: counting starts Tuesday 07:00 → three full days.
    ['2026-03-02', '18:00', 3, 'working_days', '2026-03-05T17:00:00+07:00'],
    // Before opening on a working day counts from 07:00 that day.
    ['2026-03-02', '06:00', 1, 'working_days', '2026-03-02T17:00:00+07:00'],
    // Friday 16:00: 1 h Friday + 7 h Monday (4.5 h morning + 2.5 h afternoon) = Monday 16:00.
    ['2026-03-06', '16:00', 1, 'working_days', '2026-03-09T16:00:00+07:00'],
    // Received Saturday: starts Monday 07:00.
    ['2026-03-07', '10:00', 1, 'working_days', '2026-03-09T17:00:00+07:00'],
    // Over Tết 2026: Thu 12/2 10:00 → 5 h Thu, 8 h Fri 13/2, 14–22/2 off, 8 h Mon 23/2, 3 h Tue.
    ['2026-02-12', '10:00', 3, 'working_days', '2026-02-24T10:00:00+07:00'],
    // Over 30/4–4/5/2025: Mon 28/4 5 h, Tue 29/4 8 h, Mon 5/5 8 h, Tue 6/5 3 h.
    ['2025-04-28', '10:00', 3, 'working_days', '2025-05-06T10:00:00+07:00'],
    // The make-up Saturday 26/4/2025 counts: Thu 24/4 5 h, Fri 8 h, Sat 26/4 3 h.
    ['2025-04-24', '10:00', 2, 'working_days', '2025-04-26T10:00:00+07:00'],
    // Across New Year: Wed 31/12/2025 15:00 → 2 h, 1/1–4/1/2026 off (Fri 2/1 swapped), Mon 5/1 6 h.
    ['2025-12-31', '15:00', 1, 'working_days', '2026-01-05T15:00:00+07:00'],
    // 2.5 h to 11:30, then 1.5 h from 13:30.
    ['2026-03-02', '09:00', 4, 'working_hours', '2026-03-02T15:00:00+07:00'],
    ['2026-03-02', '17:30', 2, 'working_hours', '2026-03-03T09:00:00+07:00'],
    // Calendar days: the day after receipt is day 1; close of business on the last day.
    ['2026-03-02', '09:00', 3, 'calendar_days', '2026-03-05T17:00:00+07:00'],
    // 5 days from Tuesday 3/3 is Sunday 8/3 → Monday 9/3 (Civil Code Art. 148).
    ['2026-03-03', '09:00', 5, 'calendar_days', '2026-03-09T17:00:00+07:00'],
    // 7 days from Tuesday 10/2/2026 is Tết 17/2 → first working day after Tết, Monday 23/2.
    ['2026-02-10', '09:00', 7, 'calendar_days', '2026-02-23T17:00:00+07:00'],
    // Received on a Sunday evening (Vietnam date, not UTC): 1 day → Monday.
    ['2026-03-08', '23:30', 1, 'calendar_days', '2026-03-09T17:00:00+07:00'],
    // Same day: before the 15:00 cutoff (or before opening) → today 17:00.
    ['2026-03-02', '14:59', 1, 'same_day', '2026-03-02T17:00:00+07:00'],
    ['2026-03-02', '06:00', 1, 'same_day', '2026-03-02T17:00:00+07:00'],
    ['2026-03-02', '12:00', 0, 'same_day', '2026-03-02T17:00:00+07:00'],
    // From 15:00, or on a day off → the next working day 17:00.
    ['2026-03-02', '15:00', 1, 'same_day', '2026-03-03T17:00:00+07:00'],
    ['2026-03-06', '16:00', 1, 'same_day', '2026-03-09T17:00:00+07:00'],
    ['2026-03-07', '09:00', 1, 'same_day', '2026-03-09T17:00:00+07:00'],
    ['2026-02-16', '09:00', 1, 'same_day', '2026-02-23T17:00:00+07:00'],
  ] as const)('%s %s + %s %s → %s', (date, time, amount, unit, expected) => {
    expect(due(date, time, amount, unit)).toBe(expected);
  });

  it.each([
    [-1, 'working_days'],
    [Number.NaN, 'working_hours'],
    [1.5, 'calendar_days'],
    [-2, 'calendar_days'],
  ] as const)('rejects %s %s', (amount, unit) => {
    expect(() => cal.computeDue(at('2026-03-02', '09:00'), amount, unit)).toThrow(RangeError);
  });

  it('accepts half a working day', () => {
    expect(due('2026-03-02', '07:00', 0.5, 'working_days')).toBe('2026-03-02T11:00:00+07:00');
  });
});

describe('workingMsBetween', () => {
  it.each([
    ['2026-03-02', '09:00', '2026-03-02', '10:30', 1.5],
    ['2026-03-02', '11:00', '2026-03-02', '14:00', 1], // 0.5 h before lunch + 0.5 h after
    ['2026-03-02', '12:00', '2026-03-02', '13:00', 0], // all lunch
    ['2026-03-06', '16:00', '2026-03-09', '08:00', 2], // over a weekend
    ['2026-03-02', '07:00', '2026-03-09', '07:00', 40], // a working week
    ['2026-02-13', '07:00', '2026-02-24', '07:00', 16], // Fri 13/2 and Mon 23/2 only
    ['2026-03-02', '10:00', '2026-03-02', '09:00', 0], // reversed
  ])('%s %s → %s %s = %s h', (d1, t1, d2, t2, hours) => {
    expect(cal.workingMsBetween(at(d1, t1), at(d2, t2))).toBe(hours * HOUR);
  });

  it('agrees with addWorkingHours', () => {
    const from = at('2025-12-29', '10:17');
    const to = cal.addWorkingHours(from, 37.25);
    expect(cal.workingMsBetween(from, to)).toBe(37.25 * HOUR);
  });
});

describe('timeliness', () => {
  const dueAt = at('2026-03-05', '17:00');
  it.each([
    ['2026-03-04', '16:00', 'early'],
    ['2026-03-05', '07:30', 'on_time'], // same date as the due date is not early
    ['2026-03-05', '17:00', 'on_time'],
    ['2026-03-05', '17:01', 'late'],
  ] as const)('finished %s %s → %s', (date, time, expected) => {
    expect(cal.timeliness(dueAt, at(date, time), at('2026-03-20', '09:00'))).toBe(expected);
  });

  it('open dossiers are late only once past due', () => {
    expect(cal.timeliness(dueAt, null, at('2026-03-05', '17:00'))).toBeNull();
    expect(cal.timeliness(dueAt, null, at('2026-03-05', '17:00:01'))).toBe('late');
  });
});

describe('configuration', () => {
  it('uses versioned office hours by date', () => {
    const summer: WorkingTimeRules = {
      ...DEFAULT_WORKING_TIME,
      effectiveFrom: '2026-05-01',
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
    };
    const versioned = createWorkingCalendar({ workingTime: [DEFAULT_WORKING_TIME, summer] });
    expect(formatVn(versioned.nextOpening(at('2026-04-29', '06:00')))).toBe('2026-04-29T07:00:00+07:00');
    expect(formatVn(versioned.nextOpening(at('2026-05-04', '06:00')))).toBe('2026-05-04T07:30:00+07:00');
    expect(formatVn(versioned.nextOpening(at('2026-05-04', '12:30')))).toBe('2026-05-04T13:00:00+07:00');
  });

  it('office hours saved for a future date keep today’s in force (withBaseline), and the timeline says which is which', () => {
    const next: WorkingTimeRules = { ...DEFAULT_WORKING_TIME, effectiveFrom: '2027-01-01', periods: [{ start: '07:30', end: '16:30' }] };
    // Only the future version saved: alone it leaves no hours in force today (the 500 of issue 6).
    expect(() => createWorkingCalendar({ workingTime: [next] }).nextOpening(at('2026-03-02', '06:00'))).toThrow(RangeError);
    const versions = withBaseline([next]);
    const cal2 = createWorkingCalendar({ workingTime: versions });
    expect(formatVn(cal2.nextOpening(at('2026-03-02', '06:00')))).toBe('2026-03-02T07:00:00+07:00');
    expect(formatVn(cal2.nextOpening(at('2027-01-04', '06:00')))).toBe('2027-01-04T07:30:00+07:00');
    expect(timelineOn(versions, '2026-03-02').map((v) => [v.effectiveFrom, v.status])).toEqual([
      ['2000-01-01', 'in_force'],
      ['2027-01-01', 'upcoming'],
    ]);
    expect(timelineOn(versions, '2027-01-01').map((v) => v.status)).toEqual(['past', 'in_force']);
    // A saved version from before the baseline replaces it.
    const old = { ...DEFAULT_WORKING_TIME, effectiveFrom: '1999-01-01' };
    expect(withBaseline([old, next])).toEqual([old, next]);
  });

  it('asks the year provider for each year it needs', () => {
    const asked: number[] = [];
    const tracked = createWorkingCalendar({ yearProvider: (y) => (asked.push(y), prefillYear(y)) });
    tracked.computeDue(at('2026-12-30', '09:00'), 5, 'working_days');
    expect(asked).toEqual([2026, 2027]);
  });

  it('follows an edited year calendar (officials added a day off)', () => {
    const edited = createWorkingCalendar({
      yearProvider: (y) => {
        const base = prefillYear(y);
        if (y !== 2026) return base;
        return { ...base, daysOff: [...base.daysOff, { date: '2026-03-03', name: 'x', nameEn: 'x', kind: 'extra' }] };
      },
    });
    expect(formatVn(edited.computeDue(at('2026-03-02', '09:00'), 1, 'working_days'))).toBe('2026-03-04T09:00:00+07:00');
  });

  it('rejects invalid office hours and a calendar with no working days', () => {
    const bad = { ...DEFAULT_WORKING_TIME, periods: [{ start: '13:30', end: '11:30' }] };
    expect(() => createWorkingCalendar({ workingTime: bad })).toThrow(RangeError);
    const noWork = createWorkingCalendar({ yearProvider: (y) => ({ year: y, daysOff: allDays(y), makeUpWorkingDays: [] }) });
    expect(() => noWork.nextOpening(at('2026-03-02', '09:00'))).toThrow(RangeError);
  });
});

function allDays(year: number) {
  const days = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), name: 'x', nameEn: 'x', kind: 'extra' as const });
  }
  return days;
}
