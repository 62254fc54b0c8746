import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { handleCache } from '../../db/handle-cache.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import {
  DEFAULT_HOLIDAY_RULES,
  DEFAULT_WORKING_TIME,
  NO_SWITCHES,
  applyEdits,
  createWorkingCalendar,
  editsAgainst,
  formatVn,
  inForceOn,
  prefillYear,
  validateWorkingTime,
  withBaseline,
  type DayOff,
  type EditedYear,
  type HolidaySwitch,
  type IsoDate,
  type NamedDate,
  type WorkingCalendar,
  type WorkingTimeRules,
  type YearCalendar,
  type YearEdits,
} from '../../domain/calendar/index.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface YearRow {
  year: number;
  version: number;
  days_off: DayOff[];
  make_up_days: NamedDate[];
  edits: YearEdits | null;
  confirmed: boolean;
  updated_at: string;
}

/** The pre-fill of a year under the law's rules, the known decisions and the switches in force. */
const baseYear = (year: number, switches: readonly HolidaySwitch[]): YearCalendar => prefillYear(year, DEFAULT_HOLIDAY_RULES, { switches });

/**
 * A saved year applied to today's pre-fill. Rows saved before migration 0009 have no edits: their
 * snapshot is the year, read as edits of the current pre-fill so that each day shows its source.
 */
function yearInForce(row: Pick<YearRow, 'days_off' | 'make_up_days' | 'edits'> | null, base: YearCalendar): EditedYear {
  if (!row) return applyEdits(base, { removedDaysOff: [], removedMakeUp: [], daysOff: [], makeUpWorkingDays: [] });
  return applyEdits(base, row.edits ?? editsAgainst(base, { daysOff: row.days_off, makeUpWorkingDays: row.make_up_days }));
}

/**
 * The calendar in force for a year: the pre-filled draft (rules, known decisions, switched-on
 * holidays) with the latest saved edits applied; with the office hours in force on `today`.
 */
export async function getYear(ex: Executor, year: number, today: IsoDate) {
  const row = await maybeOne<YearRow>(
    ex,
    sql`select year, version, days_off, make_up_days, edits, confirmed, updated_at from calendar_years
        where year = ${year} order by version desc limit 1`,
  );
  const officeHours = (inForceOn(await workingTimeRules(ex), today) ?? DEFAULT_WORKING_TIME).periods;
  const inForce = yearInForce(row, baseYear(year, await holidaySwitches(ex)));
  return {
    ...inForce,
    version: row?.version ?? 0,
    confirmed: row?.confirmed ?? false,
    updatedAt: row ? formatVn(toDate(row.updated_at)) : null,
    officeHours,
  };
}

/** Every office-hours version, the built-in one included unless a saved one replaces it, by date. */
export async function workingTimeRules(ex: Executor): Promise<WorkingTimeRules[]> {
  const saved = await rows<RowOf<'settings', { value: WorkingTimeRules }>>(ex, sql`select value from settings where key = 'working_time' order by effective_from`);
  return withBaseline(saved.map((r) => r.value));
}

export interface SwitchRow extends HolidaySwitch {
  version: number;
  legalBasis: string | null;
  updatedAt: Date | null;
}

/** The latest version of each switchable holiday's switch; never saved = present, not in force. */
export async function holidaySwitchRows(ex: Executor): Promise<SwitchRow[]> {
  const saved = await rows<RowOf<'holiday_switches', { rule_id: string; version: number; effective_from: string | null; legal_basis: string; updated_at: string }>>(
    ex,
    sql`select distinct on (rule_id) rule_id, version, to_char(effective_from, 'YYYY-MM-DD') as effective_from, legal_basis, updated_at
        from holiday_switches order by rule_id, version desc`,
  );
  return NO_SWITCHES.map((s) => {
    const row = saved.find((r) => r.rule_id === s.id);
    if (!row) return { ...s, version: 0, legalBasis: null, updatedAt: null };
    return { id: s.id, effectiveFrom: row.effective_from, version: row.version, legalBasis: row.legal_basis, updatedAt: toDate(row.updated_at) };
  });
}

const holidaySwitches = async (ex: Executor): Promise<HolidaySwitch[]> =>
  (await holidaySwitchRows(ex)).map(({ id, effectiveFrom }) => ({ id, effectiveFrom }));

/**
 * Switches a switchable holiday on from a date (or off, with null), as a new version.
 * @returns the new version number.
 */
export async function saveHolidaySwitch(tx: Executor, id: string, input: { effectiveFrom: IsoDate | null; legalBasis: string }, userId: string, now: Date) {
  forgetWorkingCalendar();
  await lockVersions(tx, `holiday_switch:${id}`);
  const last = await maybeOne<Computed<{ version: number }>>(tx, sql`select max(version)::int as version from holiday_switches where rule_id = ${id}`);
  const version = (last?.version ?? 0) + 1;
  await tx.execute(sql`insert into holiday_switches (rule_id, version, effective_from, legal_basis, updated_by, updated_at)
    values (${id}, ${version}, ${input.effectiveFrom}, ${input.legalBasis}, ${userId}, ${now.toISOString()})`);
  return version;
}

/** Two admins saving the same thing at once get consecutive versions, not a duplicate key. */
const lockVersions = (tx: Executor, key: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);

// Almost every request reads the working calendar: each instance keeps the one it built for 30 s,
// per database handle (src/db/handle-cache.ts). An edit made on this instance clears it at once;
// other instances (several app servers on one PostgreSQL) see it within 30 s.
const calendars = handleCache<WorkingCalendar>(30_000, 1);
export const forgetWorkingCalendar = () => calendars.forget();

/** A working calendar over every year: the pre-fill with the saved edits of each saved year. */
export async function loadWorkingCalendar(ex: Executor): Promise<WorkingCalendar> {
  const hit = calendars.get(ex, '');
  if (hit) return hit;
  const since = calendars.since();
  const cal = await buildWorkingCalendar(ex);
  calendars.set(ex, '', cal, since);
  return cal;
}

async function buildWorkingCalendar(ex: Executor): Promise<WorkingCalendar> {
  const years = await rows<Pick<YearRow, 'year' | 'days_off' | 'make_up_days' | 'edits'>>(
    ex,
    sql`select distinct on (year) year, days_off, make_up_days, edits from calendar_years order by year, version desc`,
  );
  const byYear = new Map(years.map((y) => [y.year, y]));
  const switches = await holidaySwitches(ex);
  return createWorkingCalendar({
    yearProvider: (y) => yearInForce(byYear.get(y) ?? null, baseYear(y, switches)),
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

/**
 * Saves the year an admin edited, as its edits of today's pre-fill (and a snapshot for history).
 * @throws AppError CALENDAR_INVALID (checkYear).
 */
export async function saveYear(tx: Executor, year: number, input: YearInput, userId: string, now: Date) {
  checkYear(year, input);
  forgetWorkingCalendar();
  const base = baseYear(year, await holidaySwitches(tx));
  const edits = editsAgainst(base, input);
  const saved = applyEdits(base, edits);
  await lockVersions(tx, `calendar_year:${year}`);
  const last = await maybeOne<Computed<{ version: number }>>(
    tx,
    sql`select max(version)::int as version from calendar_years where year = ${year}`,
  );
  const version = (last?.version ?? 0) + 1;
  await tx.execute(sql`insert into calendar_years (year, version, days_off, make_up_days, edits, confirmed, updated_by, updated_at)
    values (${year}, ${version}, ${JSON.stringify(saved.daysOff)}::jsonb, ${JSON.stringify(saved.makeUpWorkingDays)}::jsonb,
            ${JSON.stringify(edits)}::jsonb, ${input.confirmed}, ${userId}, ${now.toISOString()})`);
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
