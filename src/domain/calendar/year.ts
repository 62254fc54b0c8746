/**
 * Pre-fills a year's days off from the holiday rules in force, the weekend compensation rule
 * and the government decisions known so far. The result is a draft: officials confirm and edit
 * it, and the edited YearCalendar (stored elsewhere) is what deadlines are computed from.
 */
import { addDays, dayNumberOf, formatDayNumber, parseIsoDate, weekdayOfDayNumber, type IsoDate } from './dates.ts';
import { lunarToSolar } from './lunar.ts';
import { KNOWN_GOVERNMENT_DECISIONS, type DayOff, type GovernmentDecision, type NamedDate } from './decisions.ts';
import { DEFAULT_HOLIDAY_RULES, DEFAULT_WORKING_TIME, inForceOn, type HolidayOccasion, type HolidayRuleSet, type SolarHolidayRule, type Weekday } from './rules.ts';
import { NO_SWITCHES, switchedOn, type HolidaySwitch } from './switchable.ts';

export type { DayOff, DayOffKind, DaySource, GovernmentDecision, NamedDate } from './decisions.ts';
export { KNOWN_GOVERNMENT_DECISIONS } from './decisions.ts';

export interface YearCalendar {
  year: number;
  daysOff: DayOff[];
  /** Days worked instead (làm bù) in exchange for extra days off. */
  makeUpWorkingDays: NamedDate[];
}

export interface PrefillOptions {
  /** Weekly days off, for the compensation rule; defaults to Saturday and Sunday. */
  weekend?: readonly Weekday[];
  decisions?: readonly GovernmentDecision[];
  /** Switchable holidays (24/11) and the date each takes effect; by default all off. */
  switches?: readonly HolidaySwitch[];
}

/**
 * Computes the draft calendar of one year, sorted by date.
 * @throws {RangeError} when no rule set is in force on 1 January of that year, or the year is
 *   outside what the lunar calendar supports (1801–2198).
 */
export function prefillYear(
  year: number,
  rules: readonly HolidayRuleSet[] = DEFAULT_HOLIDAY_RULES,
  options: PrefillOptions = {},
): YearCalendar {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  const weekend = new Set<number>(options.weekend ?? DEFAULT_WORKING_TIME.weekend);
  const decisions = (options.decisions ?? KNOWN_GOVERNMENT_DECISIONS).filter((d) => d.year === year);
  // One rule set per year (the one in force on 1 January) so a year never mixes two laws; a
  // change in the middle of a year is for officials to edit into that year's calendar.
  const ruleSet = inForceOn(rules, `${String(year).padStart(4, '0')}-01-01`);
  if (!ruleSet) throw new RangeError(`No holiday rules in force on 1 January ${year}`);

  // A decision fixes the days of the occasions it covers: their pre-filled days give way.
  const decided = new Set<HolidayOccasion>(decisions.flatMap((d) => d.occasions));
  const off = new Map<IsoDate, DayOff>();
  for (const h of holidaysOf(year, ruleSet, options.switches ?? NO_SWITCHES)) {
    // Two holidays on one date (e.g. 10/3 lunar on 30/4) give one day off; the law gives no extra.
    if (!decided.has(h.occasion) && !off.has(h.date)) {
      off.set(h.date, { date: h.date, name: h.name, nameEn: h.nameEn, kind: 'holiday', source: 'law', basis: h.basis });
    }
  }
  const lawHolidays = [...off.values()];
  const makeUp = new Map<IsoDate, NamedDate>();
  for (const d of decisions) {
    const basis = d.source ?? d.title;
    for (const e of d.daysOff) off.set(e.date, { ...e, source: 'decision', basis });
    for (const m of d.makeUpWorkingDays) makeUp.set(m.date, { ...m, source: 'decision', basis });
  }

  if (ruleSet.compensateWeekend) {
    const isWorking = (day: number): boolean =>
      !off.has(formatDayNumber(day)) && (makeUp.has(formatDayNumber(day)) || !weekend.has(weekdayOfDayNumber(day)));
    // Only the law's own holidays are compensated here (a decision names its days itself).
    const holidays = lawHolidays.filter((h) => off.get(h.date) === h).sort(byDate);
    for (const h of holidays) {
      const day = parseIsoDate(h.date);
      if (!weekend.has(weekdayOfDayNumber(day))) continue;
      let next = day + 1;
      while (!isWorking(next)) next++;
      const date = formatDayNumber(next);
      // A compensation spilling into January belongs to next year's calendar; none of the
      // current holidays is late enough in December for this to happen.
      if (!date.startsWith(`${year}-`)) continue;
      off.set(date, { date, name: `Nghỉ bù ${h.name}`, nameEn: `Compensatory day off (${h.nameEn})`, kind: 'compensatory', source: 'law', basis: h.basis });
    }
  }
  return {
    year,
    daysOff: [...off.values()].sort(byDate),
    makeUpWorkingDays: [...makeUp.values()].sort(byDate),
  };
}

const byDate = (a: NamedDate, b: NamedDate): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

type Holiday = NamedDate & { occasion: HolidayOccasion; basis: string };

/**
 * Every statutory holiday date of the solar year under one rule set, and of the switchable
 * holidays switched on by then, unsorted.
 */
function holidaysOf(year: number, ruleSet: HolidayRuleSet, switches: readonly HolidaySwitch[]): Holiday[] {
  const result: Holiday[] = [];
  const basis = ruleSet.legalBasis;
  const inYear = (date: IsoDate): boolean => date.startsWith(`${year}-`);
  const solarDays = (r: SolarHolidayRule) =>
    Array.from({ length: r.days }, (_, i) => formatDayNumber(dayNumberOf(year, r.month, r.day) + i));
  for (const r of ruleSet.solar) {
    for (const date of solarDays(r)) result.push({ date, name: r.name, nameEn: r.nameEn, occasion: r.occasion, basis });
  }
  for (const { rule, from } of switchedOn(switches)) {
    for (const date of solarDays(rule)) {
      if (date >= from) result.push({ date, name: rule.name, nameEn: rule.nameEn, occasion: rule.occasion, basis: rule.legalBasis });
    }
  }
  for (const r of ruleSet.lunar) {
    // A lunar date late in the lunar year falls in the next solar year, so look at both
    // lunar years that overlap this solar year and keep the days that land in it.
    for (const lunarYear of [year - 1, year]) {
      const anchor = lunarToSolar(r.day, r.month, lunarYear);
      // Day 30 of a month that has only 29 days: the rule cannot apply that year.
      if (!anchor) continue;
      const anchorDay = dayNumberOf(anchor.y, anchor.m, anchor.d);
      for (let i = -r.daysBefore; i <= r.daysAfter; i++) {
        const date = formatDayNumber(anchorDay + i);
        if (inYear(date)) result.push({ date, name: r.name, nameEn: r.nameEn, occasion: r.occasion, basis });
      }
    }
  }
  const adj = ruleSet.adjacentToNationalDay;
  if (adj) {
    const anchor = formatDayNumber(dayNumberOf(year, adj.month, adj.day));
    const side = adj.sideByWeekday[weekdayOfDayNumber(parseIsoDate(anchor))];
    result.push({ date: addDays(anchor, side === 'before' ? -1 : 1), name: adj.name, nameEn: adj.nameEn, occasion: adj.occasion, basis });
  }
  return result;
}
