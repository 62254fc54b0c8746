import {
  DEFAULT_HOLIDAY_RULES,
  KNOWN_GOVERNMENT_DECISIONS,
  SWITCHABLE_HOLIDAYS,
  formatVn,
  switchStatusOn,
  timelineOn,
  type IsoDate,
  type WorkingTimeRules,
} from '../../domain/calendar/index.ts';
import type { RulesView } from '../../contract/calendar.ts';
import type { SwitchRow } from './calendar.service.ts';

const hours = (w: WorkingTimeRules) => w.periods.map((p) => `${p.start}–${p.end}`).join(', ');

/**
 * The calendar's law as data, on `today`: each office-hours version, holiday rule set and
 * switchable holiday with where it stands, the decisions entered, and what changes when.
 */
export function presentRules(today: IsoDate, workingTime: readonly WorkingTimeRules[], switches: readonly SwitchRow[]): RulesView {
  const hoursTimeline = timelineOn(workingTime, today);
  const holidayRules = timelineOn(DEFAULT_HOLIDAY_RULES, today).map((r) => ({
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    legalBasis: r.legalBasis,
    holidays: [...new Set([...r.solar, ...r.lunar].map((h) => h.name))],
    status: r.status,
  }));
  const switchable = SWITCHABLE_HOLIDAYS.map((h) => {
    const s = switches.find((x) => x.id === h.id) ?? { id: h.id, effectiveFrom: null, version: 0, legalBasis: null, updatedAt: null };
    return {
      id: h.id,
      name: h.name,
      nameEn: h.nameEn,
      month: h.month,
      day: h.day,
      legalBasis: h.legalBasis,
      legalBasisEn: h.legalBasisEn,
      effectiveFrom: s.effectiveFrom,
      status: switchStatusOn(s, today),
      version: s.version,
      switchBasis: s.legalBasis,
      updatedAt: s.updatedAt && formatVn(s.updatedAt),
    };
  });
  const upcoming: RulesView['upcoming'] = [
    ...hoursTimeline
      .filter((w) => w.status === 'upcoming')
      .map((w) => ({ date: w.effectiveFrom, kind: 'working_time' as const, what: `Giờ làm việc mới: ${hours(w)}`, whatEn: `New office hours: ${hours(w)}` })),
    ...holidayRules
      .filter((r) => r.status === 'upcoming')
      .map((r) => ({ date: r.effectiveFrom, kind: 'holiday_rules' as const, what: `Quy định ngày lễ mới: ${r.legalBasis}`, whatEn: `New holiday rules: ${r.legalBasis}` })),
    ...switchable
      .filter((s) => s.status === 'upcoming')
      .map((s) => ({
        date: s.effectiveFrom!,
        kind: 'switchable' as const,
        what: `${s.name} (${s.day}/${s.month}) thành ngày nghỉ`,
        whatEn: `${s.nameEn} (${s.day} ${monthEn(s.month)}) becomes a day off`,
      })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    today,
    workingTime: hoursTimeline,
    holidayRules,
    switchable,
    decisions: KNOWN_GOVERNMENT_DECISIONS.map((d) => ({ year: d.year, occasions: [...d.occasions], title: d.title, titleEn: d.titleEn, source: d.source })),
    upcoming,
  };
}

const monthEn = (m: number) => new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
