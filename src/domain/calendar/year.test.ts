import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_RULES, type HolidayRuleSet } from './rules.ts';
import { KNOWN_GOVERNMENT_DECISIONS, prefillYear } from './year.ts';

const offDates = (year: number) => prefillYear(year).daysOff.map((d) => `${d.date} ${d.kind}`);

describe('prefillYear', () => {
  it('2025: Tết Monday 27/1 to Friday 31/1 as decided (Monday 3/2 works), and the 30/4 swap', () => {
    expect(offDates(2025)).toEqual([
      '2025-01-01 holiday',
      '2025-01-27 holiday', // 28/12 Giáp Thìn
      '2025-01-28 holiday', // 29/12, the last day of the lunar year
      '2025-01-29 holiday', // Tết
      '2025-01-30 holiday',
      '2025-01-31 holiday',
      '2025-04-07 holiday', // Giỗ Tổ
      '2025-04-30 holiday',
      '2025-05-01 holiday',
      '2025-05-02 extra', // government swap
      '2025-09-01 holiday', // 2/9 is a Tuesday: the adjacent day is Monday 1/9
      '2025-09-02 holiday',
    ]);
    expect(prefillYear(2025).makeUpWorkingDays.map((d) => d.date)).toEqual(['2025-04-26']);
  });

  it('2026: the decided swaps (2/1 for 10/1, 31/8 for 22/8), Tết 16/2–20/2, Giỗ Tổ on a Sunday moves to Monday', () => {
    expect(offDates(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 extra',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-08-31 extra',
      '2026-09-01 holiday', // Wednesday 2/9: 1/9 as decided
      '2026-09-02 holiday',
    ]);
    expect(prefillYear(2026).makeUpWorkingDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('2027 (no decision yet): two Tết days on the weekend give Tuesday and Wednesday; 1/5 Saturday gives 3/5', () => {
    expect(offDates(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-04 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 compensatory',
      '2027-02-10 compensatory',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-01 holiday',
      '2027-05-03 compensatory',
      '2027-09-02 holiday',
      '2027-09-03 holiday', // Thursday 2/9: Friday joins the weekend
    ]);
  });

  it('2028: compensation skips days already off (30/4 Sunday, 1/5 Monday → Tuesday 2/5)', () => {
    const days = offDates(2028);
    expect(days).toContain('2028-01-03 compensatory'); // 1/1 is a Saturday
    expect(days).toContain('2028-05-01 holiday');
    expect(days).toContain('2028-05-02 compensatory');
    expect(days).not.toContain('2028-05-01 compensatory');
  });

  it('names each day in Vietnamese and English', () => {
    const comp = prefillYear(2026).daysOff.find((d) => d.date === '2026-04-27');
    expect(comp).toMatchObject({ name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory' });
    expect(comp?.nameEn).toContain('Hùng Kings');
  });

  it('uses the rule set in force on 1 January: 2020 (Labour Code 2012) has one day for 2/9', () => {
    const days = prefillYear(2020).daysOff.map((d) => d.date);
    expect(days).toContain('2020-09-02');
    expect(days).not.toContain('2020-09-01');
    expect(days).not.toContain('2020-09-03');
    expect(days).toContain('2020-01-23'); // 29/12 Kỷ Hợi: Tết 2020 was 23/1–29/1
    expect(days).toContain('2020-01-24'); // 30/12 Kỷ Hợi, the eve of Tết 25/1/2020
  });

  it('applies a newer rule set from its effective date', () => {
    const withCultureDay: HolidayRuleSet[] = [
      ...DEFAULT_HOLIDAY_RULES,
      {
        ...DEFAULT_HOLIDAY_RULES[1]!,
        id: 'test-2027',
        effectiveFrom: '2027-01-01',
        solar: [...DEFAULT_HOLIDAY_RULES[1]!.solar, { occasion: 'culture-day', month: 11, day: 24, days: 1, name: 'Ngày Văn hóa', nameEn: 'Culture Day' }],
      },
    ];
    expect(prefillYear(2026, withCultureDay).daysOff.map((d) => d.date)).not.toContain('2026-11-24');
    expect(prefillYear(2027, withCultureDay).daysOff.map((d) => d.date)).toContain('2027-11-24');
  });

  it('gives no compensation when the rule set says so', () => {
    const noComp = DEFAULT_HOLIDAY_RULES.map((r) => ({ ...r, compensateWeekend: false }));
    expect(prefillYear(2026, noComp).daysOff.map((d) => d.kind)).not.toContain('compensatory');
  });

  it('takes the weekly days off from the options', () => {
    // With only Sunday off, Saturday 1/1/2028 is a working day and needs no compensation.
    const days = prefillYear(2028, DEFAULT_HOLIDAY_RULES, { weekend: [0] }).daysOff.map((d) => d.date);
    expect(days).not.toContain('2028-01-03');
  });

  it('applies only the decisions of that year, and none when told so', () => {
    expect(KNOWN_GOVERNMENT_DECISIONS.map((d) => d.year)).toContain(2025);
    const bare = prefillYear(2025, DEFAULT_HOLIDAY_RULES, { decisions: [] });
    expect(bare.daysOff.map((d) => d.date)).not.toContain('2025-05-02');
    expect(bare.makeUpWorkingDays).toEqual([]);
  });

  it('a decision replaces the pre-filled days of its occasion, compensation included', () => {
    // Invented for the test: Tết 2027 decided as Thursday 4/2 to Wednesday 10/2 with no compensation,
    // and Saturday 20/2 worked for an extra Thursday 11/2.
    const decision = {
      year: 2027,
      occasions: ['tet'] as const,
      title: 'Tết 2027 (thử)',
      titleEn: 'Tết 2027 (test)',
      source: null,
      daysOff: [
        ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date, name: 'Tết', nameEn: 'Tết', kind: 'holiday' as const })),
        { date: '2027-02-11', name: 'Nghỉ hoán đổi', nameEn: 'Swapped', kind: 'extra' as const },
      ],
      makeUpWorkingDays: [{ date: '2027-02-20', name: 'Làm bù', nameEn: 'Make-up' }],
    };
    const y = prefillYear(2027, DEFAULT_HOLIDAY_RULES, { decisions: [decision] });
    const feb = y.daysOff.filter((d) => d.date.startsWith('2027-02')).map((d) => `${d.date} ${d.kind}`);
    expect(feb).toEqual([
      '2027-02-04 holiday',
      '2027-02-05 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 holiday',
      '2027-02-11 extra',
    ]);
    expect(y.makeUpWorkingDays.map((d) => d.date)).toEqual(['2027-02-20']);
    // Other occasions keep their pre-fill: 1/5/2027 is a Saturday, so Monday 3/5 is still off.
    expect(y.daysOff.map((d) => d.date)).toContain('2027-05-03');
  });

  it('throws when no rule set is in force', () => {
    expect(() => prefillYear(2010)).toThrow(RangeError);
    expect(() => prefillYear(2026.5)).toThrow(RangeError);
  });
});
