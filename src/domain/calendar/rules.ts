/**
 * Holiday and office-hour rules as versioned data. The law changes (Labour Code 2012 → 2019,
 * possibly a new holiday from 2026), so each rule set carries the date it takes effect and
 * admins can add a new one without touching the algorithms in year.ts / working-time.ts.
 */
import { parseIsoDate, type IsoDate } from './dates.ts';

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** 'HH:mm', 24-hour clock, Vietnam time. */
export type ClockTime = string;
export type AdjacentSide = 'before' | 'after';
/**
 * What a day off is for. A government decision fixes the days of one or more occasions in a
 * year, replacing the pre-filled guess for them.
 */
export type HolidayOccasion = 'new-year' | 'tet' | 'hung-kings' | 'reunification' | 'labour-day' | 'national-day' | 'culture-day';
/** Seven entries, Sunday first. */
export type PerWeekday<T> = readonly [T, T, T, T, T, T, T];

export interface SolarHolidayRule {
  occasion: HolidayOccasion;
  month: number;
  day: number;
  /** Consecutive days starting on month/day. */
  days: number;
  name: string;
  nameEn: string;
}

export interface LunarHolidayRule {
  occasion: HolidayOccasion;
  /** Lunar month and day of the anchor (never the leap month). */
  month: number;
  day: number;
  /** Extra days off before / after the anchor, counted in solar days. */
  daysBefore: number;
  daysAfter: number;
  name: string;
  nameEn: string;
}

/** "2/9 and one adjacent day": which neighbour depends on the weekday the anchor falls on. */
export interface AdjacentDayRule {
  occasion: HolidayOccasion;
  month: number;
  day: number;
  /** Indexed by the anchor's weekday, Sunday first. */
  sideByWeekday: PerWeekday<AdjacentSide>;
  name: string;
  nameEn: string;
}

export interface HolidayRuleSet {
  id: string;
  effectiveFrom: IsoDate;
  legalBasis: string;
  solar: readonly SolarHolidayRule[];
  lunar: readonly LunarHolidayRule[];
  adjacentToNationalDay: AdjacentDayRule | null;
  /** A holiday on a weekly day off gives the next working day off (nghỉ bù). */
  compensateWeekend: boolean;
}

export interface OfficePeriod {
  start: ClockTime;
  end: ClockTime;
}

export interface WorkingTimeRules {
  effectiveFrom: IsoDate;
  legalBasis: string;
  /** Office periods of a working day, in order, not overlapping. */
  periods: readonly OfficePeriod[];
  /** Length of one "working day" when a time limit is given in days. */
  workingDayHours: number;
  /** Paper dossiers received after this are forwarded the next working day (Decree 61 Art. 18). */
  sameDayCutoff: ClockTime;
  weekend: readonly Weekday[];
}

const NEW_YEAR: SolarHolidayRule = { occasion: 'new-year', month: 1, day: 1, days: 1, name: 'Tết Dương lịch', nameEn: "New Year's Day" };
const REUNIFICATION: SolarHolidayRule = {
  occasion: 'reunification',
  month: 4,
  day: 30,
  days: 1,
  name: 'Ngày Chiến thắng',
  nameEn: 'Reunification Day',
};
const LABOUR_DAY: SolarHolidayRule = { occasion: 'labour-day', month: 5, day: 1, days: 1, name: 'Ngày Quốc tế lao động', nameEn: 'International Labour Day' };
const NATIONAL_DAY: SolarHolidayRule = { occasion: 'national-day', month: 9, day: 2, days: 1, name: 'Quốc khánh', nameEn: 'National Day' };

/**
 * Five days: the 2 days before lunar 1/1 and lunar 1/1 to 3/1. The law leaves the choice to the
 * Prime Minister each year (Art. 112(3)); this is the choice made every year 2020–2026 (Tết 2021:
 * 10–16/2, 2022: 29/1–6/2, 2023: 20–26/1, 2024: 8–14/2, 2025: 25/1–2/2, 2026: 14–22/2, weekends
 * and compensation included), so it is the pre-fill until that year's decision is entered.
 */
const TET: LunarHolidayRule = {
  occasion: 'tet',
  month: 1,
  day: 1,
  daysBefore: 2,
  daysAfter: 2,
  name: 'Tết Nguyên đán',
  nameEn: 'Lunar New Year (Tết)',
};
const HUNG_KINGS: LunarHolidayRule = {
  occasion: 'hung-kings',
  month: 3,
  day: 10,
  daysBefore: 0,
  daysAfter: 0,
  name: 'Giỗ Tổ Hùng Vương',
  nameEn: 'Hùng Kings Commemoration Day',
};

export const DEFAULT_HOLIDAY_RULES: readonly HolidayRuleSet[] = [
  {
    id: 'labour-code-2012',
    effectiveFrom: '2013-05-01',
    legalBasis: 'Bộ luật Lao động 2012, Điều 115',
    solar: [NEW_YEAR, REUNIFICATION, LABOUR_DAY, NATIONAL_DAY],
    lunar: [TET, HUNG_KINGS],
    adjacentToNationalDay: null,
    compensateWeekend: true,
  },
  {
    id: 'labour-code-2019',
    effectiveFrom: '2021-01-01',
    legalBasis: 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112',
    solar: [NEW_YEAR, REUNIFICATION, LABOUR_DAY, NATIONAL_DAY],
    lunar: [TET, HUNG_KINGS],
    // The law says "01 ngày liền kề trước hoặc sau" and the government picks each year. The
    // pre-fill takes the side that joins a weekend, which is what was decided in 2021 (Thu →
    // 3/9), 2022 (Fri → 1/9), 2023 (Sat → 1/9), 2024 (Mon → 3/9), 2025 (Tue → 1/9) and 2026
    // (Wed → 1/9). Sunday has no precedent yet. Officials confirm.
    adjacentToNationalDay: {
      occasion: 'national-day',
      month: 9,
      day: 2,
      sideByWeekday: ['after', 'after', 'before', 'before', 'after', 'before', 'before'],
      name: 'Quốc khánh (ngày liền kề)',
      nameEn: 'National Day (adjacent day)',
    },
    compensateWeekend: true,
  },
  // Reported but unconfirmed: 24/11 (Ngày Văn hóa Việt Nam) as a paid holiday from 2026. When
  // it is confirmed, add a rule set with its effectiveFrom instead of editing this one.
];

/**
 * The years the working calendar answers for: the first whole year with holiday rules in force
 * (Labour Code 2012 from 1 May 2013) to a last year far enough for any time limit. Inputs outside
 * it are refused at the edge, instead of failing deep in the rules.
 */
export const CALENDAR_YEARS = { first: 2014, last: 2100 } as const;

export const DEFAULT_WORKING_TIME: WorkingTimeRules = {
  effectiveFrom: '2000-01-01',
  // The 40-hour week with Saturday and Sunday off dates from 1999; the hours themselves are set
  // by the province, and the ward's current decision is to be confirmed.
  legalBasis: 'Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ); giờ làm việc do UBND tỉnh quy định',
  // 4.5 h + 3.5 h = exactly the 8-hour working day.
  periods: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  workingDayHours: 8,
  sameDayCutoff: '15:00',
  weekend: [0, 6],
};

const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes after midnight of an 'HH:mm' time; '24:00' is accepted as the end of the day.
 * @throws {RangeError} when the text is not a valid 'HH:mm' time.
 */
export function minutesOfClock(time: ClockTime): number {
  if (time === '24:00') return 24 * 60;
  const match = CLOCK_RE.exec(time);
  if (!match) throw new RangeError(`Not a valid time (HH:mm): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The item in force on a date: the latest effectiveFrom on or before it, or undefined.
 * @throws {RangeError} when an effectiveFrom or the date is not a valid date.
 */
export function inForceOn<T extends { effectiveFrom: IsoDate }>(items: readonly T[], date: IsoDate): T | undefined {
  const day = parseIsoDate(date);
  let best: T | undefined;
  let bestDay = -Infinity;
  for (const item of items) {
    const from = parseIsoDate(item.effectiveFrom);
    if (from <= day && from >= bestDay) {
      best = item;
      bestDay = from;
    }
  }
  return best;
}

export type RuleStatus = 'past' | 'in_force' | 'upcoming';

/**
 * Each dated version with where it stands on a date — replaced, in force, or still to come —
 * sorted by the date it takes effect: the timeline "what changes when".
 * @throws {RangeError} when an effectiveFrom or the date is not a valid date.
 */
export function timelineOn<T extends { effectiveFrom: IsoDate }>(items: readonly T[], date: IsoDate): (T & { status: RuleStatus })[] {
  const current = inForceOn(items, date);
  const day = parseIsoDate(date);
  return [...items]
    .sort((a, b) => parseIsoDate(a.effectiveFrom) - parseIsoDate(b.effectiveFrom))
    .map((item) => ({
      ...item,
      status: item === current ? 'in_force' : parseIsoDate(item.effectiveFrom) > day ? 'upcoming' : 'past',
    }));
}

/**
 * Saved office-hour versions on top of the built-in baseline, so that a version saved with a
 * future date adds a change instead of leaving no hours in force until then. The baseline drops
 * out only when a saved version takes effect on or before it.
 */
export function withBaseline(saved: readonly WorkingTimeRules[], baseline: WorkingTimeRules = DEFAULT_WORKING_TIME): WorkingTimeRules[] {
  const from = parseIsoDate(baseline.effectiveFrom);
  const covered = saved.some((s) => parseIsoDate(s.effectiveFrom) <= from);
  return covered ? [...saved] : [baseline, ...saved];
}

/**
 * Checks office-hour rules once, so the arithmetic can trust them.
 * @throws {RangeError} naming the first problem found.
 */
export function validateWorkingTime(rules: WorkingTimeRules): void {
  parseIsoDate(rules.effectiveFrom);
  if (rules.periods.length === 0) throw new RangeError('Working time needs at least one office period');
  let previousEnd = -1;
  for (const p of rules.periods) {
    const start = minutesOfClock(p.start);
    const end = minutesOfClock(p.end);
    if (start >= end) throw new RangeError(`Office period ${p.start}–${p.end} ends before it starts`);
    if (start < previousEnd) throw new RangeError(`Office period ${p.start}–${p.end} overlaps or is out of order`);
    previousEnd = end;
  }
  if (!(rules.workingDayHours > 0) || !Number.isFinite(rules.workingDayHours)) {
    throw new RangeError(`workingDayHours must be a positive number, got ${rules.workingDayHours}`);
  }
  minutesOfClock(rules.sameDayCutoff);
  for (const w of rules.weekend) {
    if (!Number.isInteger(w) || w < 0 || w > 6) throw new RangeError(`Not a weekday (0–6): ${w}`);
  }
  if (rules.weekend.length >= 7) throw new RangeError('A week needs at least one working day');
}
