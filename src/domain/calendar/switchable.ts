/**
 * Holidays that are announced but not (yet) law: present in the rules, not in force until an admin
 * switches them on with the date they take effect (and off again, if the law is not passed). Each
 * switch is data with a date, so a holiday switched on for next year changes nothing before it.
 */
import { parseIsoDate, type IsoDate } from './dates.ts';
import type { RuleStatus, SolarHolidayRule } from './rules.ts';

export interface SwitchableHoliday extends SolarHolidayRule {
  id: string;
  /** What announced it and how far it has gone. */
  legalBasis: string;
  legalBasisEn: string;
}

/** Whether a switchable holiday applies, and from when: `effectiveFrom: null` = present, not in force. */
export interface HolidaySwitch {
  id: string;
  effectiveFrom: IsoDate | null;
}

export const SWITCHABLE_HOLIDAYS: readonly SwitchableHoliday[] = [
  {
    id: 'culture-day',
    occasion: 'culture-day',
    month: 11,
    day: 24,
    days: 1,
    name: 'Ngày Văn hóa Việt Nam',
    nameEn: 'Vietnam Culture Day',
    legalBasis:
      'Nghị quyết 80-NQ/TW (01/2026) chọn 24/11 là ngày nghỉ có hưởng lương; Nghị quyết 30/NQ-CP (02/2026) giao sửa Bộ luật Lao động — chưa biết đã thông qua',
    legalBasisEn:
      'Resolution 80-NQ/TW (Jan 2026) chose 24 November as a paid day off; Resolution 30/NQ-CP (Feb 2026) tasks the Labour Code amendment — not known to be passed',
  },
];

/** The switches in force when none is saved: every switchable holiday present but off. */
export const NO_SWITCHES: readonly HolidaySwitch[] = SWITCHABLE_HOLIDAYS.map((h) => ({ id: h.id, effectiveFrom: null }));

export type SwitchStatus = Exclude<RuleStatus, 'past'> | 'not_in_force';

/**
 * Where a switch stands on a date: not in force (no date), upcoming, or in force.
 * @throws {RangeError} when a date is not a valid date.
 */
export function switchStatusOn(s: HolidaySwitch, date: IsoDate): SwitchStatus {
  if (s.effectiveFrom === null) return 'not_in_force';
  return parseIsoDate(s.effectiveFrom) > parseIsoDate(date) ? 'upcoming' : 'in_force';
}

/** The switchable holidays switched on, each with the date from which its occurrences count. */
export function switchedOn(switches: readonly HolidaySwitch[]): { rule: SwitchableHoliday; from: IsoDate }[] {
  const on: { rule: SwitchableHoliday; from: IsoDate }[] = [];
  for (const s of switches) {
    const rule = SWITCHABLE_HOLIDAYS.find((h) => h.id === s.id);
    if (rule && s.effectiveFrom !== null) on.push({ rule, from: s.effectiveFrom });
  }
  return on;
}
