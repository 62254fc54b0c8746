import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_RULES } from './rules.ts';
import { applyEdits, editsAgainst } from './year-edits.ts';
import { switchStatusOn } from './switchable.ts';
import { prefillYear } from './year.ts';

const base2026 = prefillYear(2026);
const cultureDayFrom = (effectiveFrom: string | null) => prefillYear(2026, DEFAULT_HOLIDAY_RULES, { switches: [{ id: 'culture-day', effectiveFrom }] });
const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe('year edits', () => {
  it('no change gives no edits, and applying none gives the pre-fill back', () => {
    const edits = editsAgainst(base2026, base2026);
    expect(edits).toEqual({ removedDaysOff: [], removedMakeUp: [], daysOff: [], makeUpWorkingDays: [] });
    const year = applyEdits(base2026, edits);
    expect(year.daysOff).toEqual(base2026.daysOff);
    expect(year.removed).toEqual({ daysOff: [], makeUpWorkingDays: [] });
  });

  it('records a removed pre-filled day, an added day off and a make-up weekday, and marks them', () => {
    const edited = {
      daysOff: [...base2026.daysOff.filter((d) => d.date !== '2026-02-20'), { date: '2026-03-09', name: 'Nghỉ theo quyết định của tỉnh', nameEn: '', kind: 'extra' as const }],
      makeUpWorkingDays: [...base2026.makeUpWorkingDays.filter((d) => d.date !== '2026-08-22'), { date: '2026-03-11', name: 'Làm bù', nameEn: '' }],
    };
    const edits = editsAgainst(base2026, edited);
    expect(edits).toMatchObject({ removedDaysOff: ['2026-02-20'], removedMakeUp: ['2026-08-22'] });
    expect(dates(edits.daysOff)).toEqual(['2026-03-09']);
    const year = applyEdits(base2026, edits);
    expect(dates(year.daysOff)).toEqual(dates(edited.daysOff).sort());
    expect(year.daysOff.find((d) => d.date === '2026-03-09')).toMatchObject({ source: 'admin' });
    expect(year.daysOff.find((d) => d.date === '2026-02-16')).toMatchObject({ source: 'decision' });
    expect(year.daysOff.find((d) => d.date === '2026-04-27')).toMatchObject({ source: 'law', kind: 'compensatory' });
    expect(dates(year.removed.daysOff)).toEqual(['2026-02-20']);
    expect(dates(year.removed.makeUpWorkingDays)).toEqual(['2026-08-22']);
  });

  it('a renamed pre-filled day is the admin’s own; sources and bases sent back are not edits', () => {
    const renamed = base2026.daysOff.map((d) => (d.date === '2026-04-27' ? { ...d, name: 'Nghỉ bù Giỗ Tổ (thứ Hai)' } : d));
    const edits = editsAgainst(base2026, { daysOff: renamed, makeUpWorkingDays: base2026.makeUpWorkingDays });
    expect(edits.daysOff).toEqual([{ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ (thứ Hai)', nameEn: expect.any(String), kind: 'compensatory' }]);
  });

  it('a rule switched on later reaches a saved year; the admin’s removals and additions still hold', () => {
    const edits = editsAgainst(base2026, {
      daysOff: base2026.daysOff.filter((d) => d.date !== '2026-02-20'),
      makeUpWorkingDays: base2026.makeUpWorkingDays,
    });
    const later = applyEdits(cultureDayFrom('2026-07-01'), edits);
    expect(later.daysOff.find((d) => d.date === '2026-11-24')).toMatchObject({ name: 'Ngày Văn hóa Việt Nam', source: 'law' });
    expect(dates(later.daysOff)).not.toContain('2026-02-20');
  });

  it('an admin’s make-up day on a date the pre-fill later makes a day off wins', () => {
    const edits = editsAgainst(base2026, { daysOff: base2026.daysOff, makeUpWorkingDays: [...base2026.makeUpWorkingDays, { date: '2026-11-24', name: 'Làm bù', nameEn: '' }] });
    const later = applyEdits(cultureDayFrom('2026-01-01'), edits);
    expect(dates(later.daysOff)).not.toContain('2026-11-24');
    expect(dates(later.makeUpWorkingDays)).toContain('2026-11-24');
  });
});

describe('24/11 (Ngày Văn hóa Việt Nam): present, not in force until switched on with its date', () => {
  it('is off nowhere by default', () => {
    expect(dates(prefillYear(2026).daysOff)).not.toContain('2026-11-24');
    expect(dates(cultureDayFrom(null).daysOff)).not.toContain('2026-11-24');
  });

  it('applies from its date, never before: switched on from 1/1/2027, 24/11/2026 still works', () => {
    expect(dates(cultureDayFrom('2027-01-01').daysOff)).not.toContain('2026-11-24');
    const y2027 = prefillYear(2027, DEFAULT_HOLIDAY_RULES, { switches: [{ id: 'culture-day', effectiveFrom: '2027-01-01' }] });
    expect(y2027.daysOff.find((d) => d.date === '2027-11-24')).toMatchObject({ kind: 'holiday', source: 'law', basis: expect.stringContaining('80-NQ/TW') });
    expect(dates(cultureDayFrom('2026-11-24').daysOff)).toContain('2026-11-24');
    expect(dates(cultureDayFrom('2026-11-25').daysOff)).not.toContain('2026-11-24');
  });

  it('on a weekend gives the next working day off: 24/11/2029 is a Saturday → Monday 26/11', () => {
    const y = prefillYear(2029, DEFAULT_HOLIDAY_RULES, { switches: [{ id: 'culture-day', effectiveFrom: '2027-01-01' }] });
    expect(y.daysOff.filter((d) => d.date.startsWith('2029-11')).map((d) => `${d.date} ${d.kind}`)).toEqual(['2029-11-24 holiday', '2029-11-26 compensatory']);
  });
});

describe('switchStatusOn', () => {
  it.each([
    [null, 'not_in_force'],
    ['2026-11-24', 'upcoming'],
    ['2026-03-02', 'in_force'],
    ['2025-01-01', 'in_force'],
  ] as const)('from %s on 2026-03-02 → %s', (effectiveFrom, status) => {
    expect(switchStatusOn({ id: 'culture-day', effectiveFrom }, '2026-03-02')).toBe(status);
  });
});
