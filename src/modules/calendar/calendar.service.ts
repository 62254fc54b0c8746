import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import {
  DEFAULT_WORKING_TIME,
  createWorkingCalendar,
  inForceOn,
  prefillYear,
  validateWorkingTime,
  withBaseline,
  type IsoDate,
  type DayOff,
  type NamedDate,
  type WorkingCalendar,
  type WorkingTimeRules,
  type YearCalendar,
} from '../../domain/calendar/index.ts';

interface YearRow {
  year: number;
  version: number;
  days_off: DayOff[];
  make_up_days: NamedDate[];
  confirmed: boolean;
  updated_at: string;
}

/**
 * The calendar in force for a year: the latest saved version, or the draft pre-filled from the
 * rules and the known decisions; with the office hours in force on `today`.
 */
export async function getYear(ex: Executor, year: number, today: IsoDate) {
  const row = await maybeOne<YearRow>(
    ex,
    sql`select year, version, days_off, make_up_days, confirmed, updated_at from calendar_years
        where year = ${year} order by version desc limit 1`,
  );
  const officeHours = (inForceOn(await workingTimeRules(ex), today) ?? DEFAULT_WORKING_TIME).periods;
  if (!row) {
    const draft = prefillYear(year);
    return { ...draft, version: 0, confirmed: false, updatedAt: null, officeHours };
  }
  return {
    year: row.year,
    daysOff: row.days_off,
    makeUpWorkingDays: row.make_up_days,
    version: row.version,
    confirmed: row.confirmed,
    updatedAt: toDate(row.updated_at),
    officeHours,
  };
}

/** Every office-hours version, the built-in one included unless a saved one replaces it, by date. */
export async function workingTimeRules(ex: Executor): Promise<WorkingTimeRules[]> {
  const saved = await rows<{ value: WorkingTimeRules }>(ex, sql`select value from settings where key = 'working_time' order by effective_from`);
  return withBaseline(saved.map((r) => r.value));
}

// Calendars change a few times a year but are read by almost every request, so each instance
// keeps the one it built for a short while. An edit made on this instance clears it at once;
// other instances (several app servers on one PostgreSQL) see it within CACHE_MS.
// Cached per database handle (a transaction is a new handle each time, so reads inside one always
// see the database itself); `generation` invalidates every entry after an edit.
const CACHE_MS = 30_000;
const cache = new WeakMap<object, { cal: WorkingCalendar; until: number; generation: number }>();
let generation = 0;
export const forgetWorkingCalendar = () => {
  generation++;
};

/** A working calendar over every saved year (unsaved years fall back to the pre-filled draft). */
export async function loadWorkingCalendar(ex: Executor): Promise<WorkingCalendar> {
  const t = performance.now();
  const hit = cache.get(ex);
  if (hit && hit.until > t && hit.generation === generation) return hit.cal;
  const gen = generation;
  const cal = await buildWorkingCalendar(ex);
  cache.set(ex, { cal, until: t + CACHE_MS, generation: gen });
  return cal;
}

async function buildWorkingCalendar(ex: Executor): Promise<WorkingCalendar> {
  const years = await rows<YearRow>(
    ex,
    sql`select distinct on (year) year, days_off, make_up_days from calendar_years order by year, version desc`,
  );
  const byYear = new Map<number, YearCalendar>(
    years.map((y) => [y.year, { year: y.year, daysOff: y.days_off, makeUpWorkingDays: y.make_up_days }]),
  );
  return createWorkingCalendar({
    yearProvider: (y) => byYear.get(y) ?? prefillYear(y),
    workingTime: await workingTimeRules(ex),
  });
}

export interface YearInput {
  daysOff: DayOff[];
  makeUpWorkingDays: NamedDate[];
  confirmed: boolean;
}

/**
 * Checks an edited year: every date in that year, no date twice, no day both off and worked.
 * A make-up working day may fall on any day: the government swaps weekdays too, and a province
 * may make a pre-filled day off a working day.
 * @throws AppError CALENDAR_INVALID listing every problem.
 */
export function checkYear(year: number, input: YearInput): void {
  const problems: string[] = [];
  const seen = new Map<string, 'off' | 'makeUp'>();
  const check = (d: { date: string }, list: 'off' | 'makeUp') => {
    if (!d.date.startsWith(`${year}-`)) problems.push(`${d.date}: not in ${year}`);
    const before = seen.get(d.date);
    if (before === list) problems.push(`${d.date}: listed twice`);
    else if (before) problems.push(`${d.date}: both a day off and a make-up working day`);
    seen.set(d.date, list);
  };
  input.daysOff.forEach((d) => check(d, 'off'));
  input.makeUpWorkingDays.forEach((d) => check(d, 'makeUp'));
  if (problems.length) throw new AppError('CALENDAR_INVALID', { problems });
}

export async function saveYear(tx: Executor, year: number, input: YearInput, userId: string, now: Date) {
  checkYear(year, input);
  forgetWorkingCalendar();
  const last = await maybeOne<{ version: number }>(
    tx,
    sql`select max(version)::int as version from calendar_years where year = ${year}`,
  );
  const version = (last?.version ?? 0) + 1;
  const sorted = <T extends { date: string }>(xs: T[]) => [...xs].sort((a, b) => a.date.localeCompare(b.date));
  await tx.execute(sql`insert into calendar_years (year, version, days_off, make_up_days, confirmed, updated_by, updated_at)
    values (${year}, ${version}, ${JSON.stringify(sorted(input.daysOff))}::jsonb, ${JSON.stringify(sorted(input.makeUpWorkingDays))}::jsonb,
            ${input.confirmed}, ${userId}, ${now.toISOString()})`);
  return version;
}

/**
 * Saves office hours taking effect on a date (law as data).
 * @throws AppError CALENDAR_INVALID when the periods are not valid.
 */
export async function saveWorkingTime(tx: Executor, rules: WorkingTimeRules, userId: string, now: Date) {
  forgetWorkingCalendar();
  try {
    validateWorkingTime(rules);
  } catch (err) {
    throw new AppError('CALENDAR_INVALID', { problems: [(err as Error).message] });
  }
  await tx.execute(sql`insert into settings (key, effective_from, value, updated_by, updated_at)
    values ('working_time', ${rules.effectiveFrom}, ${JSON.stringify(rules)}::jsonb, ${userId}, ${now.toISOString()})
    on conflict (key, effective_from) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
}
