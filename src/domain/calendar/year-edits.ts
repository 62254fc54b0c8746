/**
 * An admin's edits of a year, kept apart from the pre-fill they were made on: the pre-filled days
 * they removed, and their own days (added, or renamed / re-kinded). The year in force is the
 * current pre-fill with the edits applied, so a rule that comes into force later (24/11 switched
 * on, a decision entered) reaches a year that was already saved, while every removal and
 * addition the admin made still holds.
 */
import type { IsoDate } from './dates.ts';
import type { DayOff, NamedDate, YearCalendar } from './year.ts';

export interface YearEdits {
  removedDaysOff: IsoDate[];
  removedMakeUp: IsoDate[];
  /** The admin's own days off: added, or differing from the pre-filled one of that date. */
  daysOff: DayOff[];
  makeUpWorkingDays: NamedDate[];
}

export interface EditedYear extends YearCalendar {
  /** Pre-filled days the admin removed (shown so they can be put back). */
  removed: { daysOff: DayOff[]; makeUpWorkingDays: NamedDate[] };
}

const plain = <T extends NamedDate>({ source: _s, basis: _b, ...day }: T) => day;
const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The edits that turn `base` into the lists an admin saved. */
export function editsAgainst(base: YearCalendar, edited: { daysOff: readonly DayOff[]; makeUpWorkingDays: readonly NamedDate[] }): YearEdits {
  const baseOff = new Map(base.daysOff.map((d) => [d.date, d]));
  const baseMakeUp = new Map(base.makeUpWorkingDays.map((d) => [d.date, d]));
  const offDates = new Set(edited.daysOff.map((d) => d.date));
  const makeUpDates = new Set(edited.makeUpWorkingDays.map((d) => d.date));
  return {
    removedDaysOff: base.daysOff.filter((d) => !offDates.has(d.date)).map((d) => d.date),
    removedMakeUp: base.makeUpWorkingDays.filter((d) => !makeUpDates.has(d.date)).map((d) => d.date),
    daysOff: edited.daysOff
      .filter((d) => {
        const b = baseOff.get(d.date);
        return !b || b.kind !== d.kind || b.name !== d.name;
      })
      .map((d) => ({ ...plain(d), nameEn: d.nameEn ?? '' })),
    makeUpWorkingDays: edited.makeUpWorkingDays
      .filter((d) => baseMakeUp.get(d.date)?.name !== d.name)
      .map((d) => ({ ...plain(d), nameEn: d.nameEn ?? '' })),
  };
}

/** The year in force: the pre-fill without the removed days, with the admin's own days (which win). */
export function applyEdits(base: YearCalendar, edits: YearEdits): EditedYear {
  const own = new Set([...edits.daysOff, ...edits.makeUpWorkingDays].map((d) => d.date));
  const removedOff = new Set(edits.removedDaysOff);
  const removedMakeUp = new Set(edits.removedMakeUp);
  const admin = <T extends NamedDate>(d: T): T => ({ ...d, source: 'admin' });
  return {
    year: base.year,
    daysOff: [...base.daysOff.filter((d) => !removedOff.has(d.date) && !own.has(d.date)), ...edits.daysOff.map(admin)].sort(byDate),
    makeUpWorkingDays: [
      ...base.makeUpWorkingDays.filter((d) => !removedMakeUp.has(d.date) && !own.has(d.date)),
      ...edits.makeUpWorkingDays.map(admin),
    ].sort(byDate),
    removed: {
      daysOff: base.daysOff.filter((d) => removedOff.has(d.date) && !own.has(d.date)),
      makeUpWorkingDays: base.makeUpWorkingDays.filter((d) => removedMakeUp.has(d.date) && !own.has(d.date)),
    },
  };
}
