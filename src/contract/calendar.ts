/**
 * The HTTP contract of the working-day calendar (docs/CALENDAR.md): a due date computed, the years'
 * days off and make-up days, the working-time and holiday rules with their effective dates. The
 * server validates and answers through these schemas; the web app imports the inferred types. Pure: no I/O.
 */
import { z } from 'zod';
import { CALENDAR_YEARS, SWITCHABLE_HOLIDAYS, vnDateOf } from '../domain/calendar/index.ts';
import { isoDate as boundedIsoDate, int32FromQuery } from './bounds.ts';

const isoDate = boundedIsoDate();
const text = (max: number) => z.string().trim().min(1).max(max);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const period = z.strictObject({ start: clockTime, end: clockTime });

/** Whether an instant falls, in Vietnam, within the years the calendar answers for. */
const inCalendarYears = (from: string) => {
  const t = new Date(from);
  if (Number.isNaN(t.getTime())) return false;
  const y = Number(vnDateOf(t).slice(0, 4));
  return y >= CALENDAR_YEARS.first && y <= CALENDAR_YEARS.last;
};
const yearsMessage = `Năm phải trong khoảng ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} / the year must fall within ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}`;

export const DueQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).refine(inCalendarYears, { message: yearsMessage }),
  amount: int32FromQuery().min(0).max(3650),
  unit: z.enum(['working_days', 'working_hours', 'calendar_days', 'same_day']),
});

/** GET /calendar/due: the due date, an instant at +07:00. */
export const DueAnswer = z.object({ due: z.string() });

export const YearParams = z.strictObject({ year: int32FromQuery().min(CALENDAR_YEARS.first).max(CALENDAR_YEARS.last) });

// A day as GET shows it may be sent back as it is: `source` and `basis` are recomputed, not stored.
const source = z.enum(['law', 'decision', 'admin']);
const named = {
  date: isoDate,
  name: text(200),
  nameEn: z.string().trim().max(200).default(''),
  source: source.optional(),
  basis: z.string().max(500).optional(),
};
const dayOff = z.strictObject({ ...named, kind: z.enum(['holiday', 'compensatory', 'extra']) });
const makeUpDay = z.strictObject(named);

export const YearBody = z.strictObject({
  daysOff: z.array(dayOff).max(100),
  makeUpWorkingDays: z.array(makeUpDay).max(30),
  confirmed: z.boolean().default(true),
});

const shownDay = { date: z.string(), name: z.string(), nameEn: z.string().default(''), source: source.optional(), basis: z.string().optional() };
const shownDayOff = z.object({ ...shownDay, kind: z.enum(['holiday', 'compensatory', 'extra']) });
const shownMakeUpDay = z.object(shownDay);
/** An instant at +07:00. */
const instant = z.string();

export const YearResponse = z.object({
  year: z.number().int(),
  daysOff: z.array(shownDayOff),
  makeUpWorkingDays: z.array(shownMakeUpDay),
  /** Pre-filled days the admin removed. */
  removed: z.object({ daysOff: z.array(shownDayOff), makeUpWorkingDays: z.array(shownMakeUpDay) }),
  version: z.number().int(),
  confirmed: z.boolean(),
  updatedAt: instant.nullable(),
  officeHours: z.array(z.object({ start: z.string(), end: z.string() })).readonly(),
});

export const WorkingTimeBody = z.strictObject({
  effectiveFrom: isoDate,
  legalBasis: text(300),
  periods: z.array(period).min(1).max(4),
  workingDayHours: z.number().min(1).max(12),
  sameDayCutoff: clockTime,
  weekend: z.array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])).max(3),
});

const status = z.enum(['past', 'in_force', 'upcoming']);
const workingTimeVersion = z.object({
  effectiveFrom: z.string(),
  legalBasis: z.string(),
  periods: z.array(z.object({ start: z.string(), end: z.string() })).readonly(),
  workingDayHours: z.number(),
  sameDayCutoff: z.string(),
  weekend: z.array(z.number().int()).readonly(),
  status,
});
export const WorkingTimeResponse = z.object({ items: z.array(workingTimeVersion) });

const switchIds = SWITCHABLE_HOLIDAYS.map((h) => h.id) as [string, ...string[]];
export const SwitchParams = z.strictObject({ id: z.enum(switchIds) });
export const SwitchBody = z.strictObject({
  /** null: present but not in force. */
  effectiveFrom: isoDate.nullable(),
  legalBasis: text(300),
});

export const RulesResponse = z.object({
  today: z.string(),
  workingTime: z.array(workingTimeVersion),
  holidayRules: z.array(z.object({ id: z.string(), effectiveFrom: z.string(), legalBasis: z.string(), holidays: z.array(z.string()), status })),
  switchable: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      month: z.number().int(),
      day: z.number().int(),
      legalBasis: z.string(),
      legalBasisEn: z.string(),
      effectiveFrom: z.string().nullable(),
      status: z.enum(['not_in_force', 'upcoming', 'in_force']),
      version: z.number().int(),
      switchBasis: z.string().nullable(),
      updatedAt: instant.nullable(),
    }),
  ),
  decisions: z.array(z.object({ year: z.number().int(), occasions: z.array(z.string()), title: z.string(), titleEn: z.string(), source: z.string().nullable() })),
  /** What changes when, from today on, by date. */
  upcoming: z.array(z.object({ date: z.string(), kind: z.enum(['working_time', 'holiday_rules', 'switchable']), what: z.string(), whatEn: z.string() })),
});
export type RulesView = z.infer<typeof RulesResponse>;
export type CalendarYear = z.infer<typeof YearResponse>;
/** What PUT /calendar/:year takes: the days as GET shows them may be sent back as they are. */
export type YearInput = z.input<typeof YearBody>;
export type DueAnswer = z.infer<typeof DueAnswer>;
