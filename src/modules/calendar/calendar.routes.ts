import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate as boundedIsoDate, int32FromQuery } from '../../server/zod-bounds.ts';
import { CALENDAR_YEARS, formatVn, timelineOn, vnDateOf } from '../../domain/calendar/index.ts';
import { authorize } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import { forgetWorkingCalendar, getYear, loadWorkingCalendar, saveWorkingTime, saveYear, workingTimeRules } from './calendar.service.ts';

const isoDate = boundedIsoDate();
/** Whether an instant falls, in Vietnam, within the years the calendar answers for. */
const inCalendarYears = (from: string) => {
  const t = new Date(from);
  if (Number.isNaN(t.getTime())) return false;
  const y = Number(vnDateOf(t).slice(0, 4));
  return y >= CALENDAR_YEARS.first && y <= CALENDAR_YEARS.last;
};
const named = { date: isoDate, name: z.string().trim().min(1).max(200), nameEn: z.string().trim().max(200).default('') };
const YearBody = z.strictObject({
  daysOff: z.array(z.strictObject({ ...named, kind: z.enum(['holiday', 'compensatory', 'extra']) })).max(100),
  makeUpWorkingDays: z.array(z.strictObject(named)).max(30),
  confirmed: z.boolean().default(true),
});
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const WorkingTimeBody = z.strictObject({
  effectiveFrom: isoDate,
  legalBasis: z.string().trim().min(1).max(300),
  periods: z.array(z.strictObject({ start: clockTime, end: clockTime })).min(1).max(4),
  workingDayHours: z.number().min(1).max(12),
  sameDayCutoff: clockTime,
  weekend: z.array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])).max(3),
});

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);

  api.get(
    '/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tính hạn giải quyết / compute a due date',
        description: 'N working days are N × 8 working hours from the moment of receipt; receipt outside office hours counts from the next opening.',
        querystring: z.strictObject({
          from: z.iso.datetime({ offset: true }).refine(inCalendarYears, {
            message: `Năm phải trong khoảng ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} / the year must fall within ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}`,
          }),
          amount: int32FromQuery().min(0).max(3650),
          unit: z.enum(['working_days', 'working_hours', 'calendar_days', 'same_day']),
        }),
      },
    },
    async (req) => {
      const cal = await loadWorkingCalendar(deps.database.db);
      return { due: formatVn(cal.computeDue(new Date(req.query.from), req.query.amount, req.query.unit)) };
    },
  );

  api.get(
    '/calendar/working-time',
    { schema: { tags: ['calendar'], summary: 'Giờ làm việc theo hiệu lực: đã thay, đang áp dụng, sắp áp dụng / office hours: past, in force, upcoming' } },
    async () => ({ items: timelineOn(await workingTimeRules(deps.database.db), vnDateOf(now())) }),
  );

  api.put(
    '/calendar/working-time',
    { schema: { tags: ['calendar'], summary: 'Đặt giờ làm việc từ một ngày / set office hours from a date', body: WorkingTimeBody } },
    async (req) => {
      const user = authorize(req.user, 'calendar.edit', await deploymentData(deps));
      await deps.database.transaction(async (tx) => {
        await saveWorkingTime(tx, req.body, user.id, now());
        await audit(tx, { actorId: user.id, action: 'working_time_edit', entityType: 'calendar', entityId: req.body.effectiveFrom, ...auditContext(req) }, now());
      });
      forgetWorkingCalendar(); // again after commit: a read during the transaction may have cached the old one
      return { items: timelineOn(await workingTimeRules(deps.database.db), vnDateOf(now())) };
    },
  );

  const YearParams = z.strictObject({ year: int32FromQuery().min(CALENDAR_YEARS.first).max(CALENDAR_YEARS.last) });
  api.get(
    '/calendar/:year',
    { schema: { tags: ['calendar'], summary: 'Ngày nghỉ và ngày làm bù trong năm / days off and make-up days', params: YearParams } },
    async (req) => getYear(deps.database.db, req.params.year, vnDateOf(now())),
  );

  api.put(
    '/calendar/:year',
    { schema: { tags: ['calendar'], summary: 'Sửa lịch năm (phiên bản mới) / edit a year', params: YearParams, body: YearBody } },
    async (req) => {
      const user = authorize(req.user, 'calendar.edit', await deploymentData(deps));
      const t = now();
      await deps.database.transaction(async (tx) => {
        const version = await saveYear(tx, req.params.year, req.body, user.id, t);
        await audit(tx, { actorId: user.id, action: 'calendar_edit', entityType: 'calendar', entityId: String(req.params.year), details: { version }, ...auditContext(req) }, t);
      });
      forgetWorkingCalendar(); // again after commit: a read during the transaction may have cached the old one
      return getYear(deps.database.db, req.params.year, vnDateOf(t));
    },
  );
}
