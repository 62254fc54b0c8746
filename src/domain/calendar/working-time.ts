/**
 * Working-time arithmetic for time limits (Decree 61/2018 as amended): which days are working
 * days, when the office next opens, and due dates in working days, working hours, calendar days
 * or "the same day". Pure: the year calendars and office hours are inputs, instants parameters.
 */
import { formatDayNumber, parseIsoDate, weekdayOfDayNumber, ymdOfDayNumber, type IsoDate } from './dates.ts';
import { DEFAULT_WORKING_TIME, inForceOn, minutesOfClock, validateWorkingTime, type WorkingTimeRules } from './rules.ts';
import { instantMs, vnDayNumberOfMs, vnDayStartMs } from './vn-time.ts';
import { prefillYear, type YearCalendar } from './year.ts';

export type DueUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'same_day';
export type Timeliness = 'early' | 'on_time' | 'late';

export interface WorkingCalendarOptions {
  /** The (official, edited) calendar of a year; defaults to the pre-filled draft. */
  yearProvider?: (year: number) => YearCalendar;
  /** One rule set, or versions picked by effectiveFrom for each date. */
  workingTime?: WorkingTimeRules | readonly WorkingTimeRules[];
}

export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  nextOpening(instant: Date): Date;
  addWorkingHours(from: Date, hours: number): Date;
  computeDue(from: Date, amount: number, unit: DueUnit): Date;
  workingMsBetween(a: Date, b: Date): number;
  timeliness(dueAt: Date, finishedAt: Date | null, now: Date): Timeliness | null;
}

/** How far to look for a working day before deciding the calendar has none (bad data). */
const MAX_DAYS_WITHOUT_WORK = 366;
const MS_PER_HOUR = 3_600_000;

interface DayPlan {
  /** Office periods as absolute [start, end) UTC milliseconds; empty on a day off. */
  periods: { start: number; end: number }[];
  cutoff: number;
}

/**
 * Builds a calendar over the given years and office hours. Year calendars are fetched once per
 * year and cached, so build a new calendar after officials edit one.
 * @throws {RangeError} when the working-time rules are invalid.
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const yearProvider = options.yearProvider ?? ((y: number) => prefillYear(y));
  const given = options.workingTime ?? DEFAULT_WORKING_TIME;
  const versions: readonly WorkingTimeRules[] = 'periods' in given ? [given] : given;
  if (versions.length === 0) throw new RangeError('At least one working-time rule set is needed');
  versions.forEach(validateWorkingTime);

  const years = new Map<number, { off: Set<IsoDate>; makeUp: Set<IsoDate> }>();
  const yearSets = (year: number) => {
    let sets = years.get(year);
    if (!sets) {
      const cal = yearProvider(year);
      sets = { off: new Set(cal.daysOff.map((d) => d.date)), makeUp: new Set(cal.makeUpWorkingDays.map((d) => d.date)) };
      years.set(year, sets);
    }
    return sets;
  };

  const rulesOn = (day: number): WorkingTimeRules => {
    const rules = inForceOn(versions, formatDayNumber(day));
    if (!rules) throw new RangeError(`No working-time rules in force on ${formatDayNumber(day)}`);
    return rules;
  };

  const isWorkingDayNumber = (day: number): boolean => {
    const date = formatDayNumber(day);
    const sets = yearSets(ymdOfDayNumber(day).y);
    // A date both off and make-up is contradictory data; the day off wins.
    if (sets.off.has(date)) return false;
    if (sets.makeUp.has(date)) return true;
    const weekend: readonly number[] = rulesOn(day).weekend;
    return !weekend.includes(weekdayOfDayNumber(day));
  };

  const planOf = (day: number): DayPlan => {
    const rules = rulesOn(day);
    const base = vnDayStartMs(day);
    const at = (clock: string) => base + minutesOfClock(clock) * 60_000;
    const periods = isWorkingDayNumber(day) ? rules.periods.map((p) => ({ start: at(p.start), end: at(p.end) })) : [];
    return { periods, cutoff: at(rules.sameDayCutoff) };
  };

  const nextWorkingDay = (day: number): number => {
    for (let d = day, i = 0; i <= MAX_DAYS_WITHOUT_WORK; d++, i++) if (isWorkingDayNumber(d)) return d;
    throw new RangeError(`No working day within ${MAX_DAYS_WITHOUT_WORK} days of ${formatDayNumber(day)}`);
  };

  /** End of office hours on a working day. */
  const closingOf = (day: number): number => planOf(day).periods.at(-1)?.end ?? vnDayStartMs(day);

  /** Office-time intervals from `from` onwards, clipped to start no earlier than it. */
  function* intervalsFrom(from: number, until = Infinity): Generator<[number, number]> {
    let idle = 0;
    for (let day = vnDayNumberOfMs(from); vnDayStartMs(day) < until; day++) {
      const { periods } = planOf(day);
      idle = periods.length === 0 ? idle + 1 : 0;
      if (idle > MAX_DAYS_WITHOUT_WORK) {
        throw new RangeError(`No working day within ${MAX_DAYS_WITHOUT_WORK} days of ${formatDayNumber(day)}`);
      }
      for (const p of periods) if (p.end > from) yield [Math.max(p.start, from), p.end];
    }
  }

  const nextOpeningMs = (from: number): number => {
    for (const [start] of intervalsFrom(from)) return start;
    throw new RangeError('Unreachable: intervalsFrom either yields or throws');
  };

  const addWorkingMs = (from: number, ms: number): number => {
    let remaining = ms;
    for (const [start, end] of intervalsFrom(from)) {
      // `<=` keeps a result that lands exactly on a period end there (Monday 17:00, not
      // Tuesday 07:00).
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
    }
    throw new RangeError('Unreachable: intervalsFrom either yields or throws');
  };

  const assertAmount = (amount: number, integer: boolean, what: string): void => {
    const ok = Number.isFinite(amount) && amount >= 0 && (!integer || Number.isInteger(amount));
    if (!ok) throw new RangeError(`${what} must be a non-negative ${integer ? 'integer' : 'number'}, got ${amount}`);
  };

  return {
    isWorkingDay: (date) => isWorkingDayNumber(parseIsoDate(date)),

    nextOpening: (instant) => new Date(nextOpeningMs(instantMs(instant))),

    addWorkingHours(from, hours) {
      assertAmount(hours, false, 'hours');
      return new Date(addWorkingMs(instantMs(from), Math.round(hours * MS_PER_HOUR)));
    },

    computeDue(from, amount, unit) {
      const t = instantMs(from);
      const day = vnDayNumberOfMs(t);
      switch (unit) {
        case 'working_days': {
          assertAmount(amount, false, 'working_days');
          const hours = amount * rulesOn(day).workingDayHours;
          return new Date(addWorkingMs(t, Math.round(hours * MS_PER_HOUR)));
        }
        case 'working_hours':
          assertAmount(amount, false, 'working_hours');
          return new Date(addWorkingMs(t, Math.round(amount * MS_PER_HOUR)));
        case 'calendar_days':
          // Civil Code 2015 Art. 147–148: counting starts the day after receipt; a last day that
          // is a day off moves to the next working day.
          assertAmount(amount, true, 'calendar_days');
          return new Date(closingOf(nextWorkingDay(day + amount)));
        case 'same_day': {
          // Received on a working day before the cutoff (even before opening): today's close.
          const today = isWorkingDayNumber(day) && t < planOf(day).cutoff;
          return new Date(closingOf(today ? day : nextWorkingDay(day + 1)));
        }
        default: {
          const never: never = unit;
          throw new RangeError(`Unknown time-limit unit: ${String(never)}`);
        }
      }
    },

    workingMsBetween(a, b) {
      const from = instantMs(a);
      const to = instantMs(b);
      let total = 0;
      for (const [start, end] of intervalsFrom(from, to)) {
        if (start >= to) break;
        total += Math.min(end, to) - start;
      }
      return total;
    },

    timeliness(dueAt, finishedAt, now) {
      const due = instantMs(dueAt);
      if (finishedAt === null) return instantMs(now) > due ? 'late' : null;
      const finished = instantMs(finishedAt);
      if (finished > due) return 'late';
      // Early means a whole calendar day ahead, compared as Vietnam dates.
      return vnDayNumberOfMs(finished) < vnDayNumberOfMs(due) ? 'early' : 'on_time';
    },
  };
}
