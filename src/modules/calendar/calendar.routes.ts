import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatVn, timelineOn, vnDateOf } from '../../domain/calendar/index.ts';
import { authorize } from '../../domain/policy.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import { presentRules } from './calendar.present.ts';
import { DueAnswer, DueQuery, RulesResponse, SwitchBody, SwitchParams, WorkingTimeBody, WorkingTimeResponse, YearBody, YearParams, YearResponse } from '../../contract/calendar.ts';
import {
  forgetWorkingCalendar,
  getYear,
  holidaySwitchRows,
  loadWorkingCalendar,
  saveHolidaySwitch,
  saveWorkingTime,
  saveYear,
  workingTimeRules,
} from './calendar.service.ts';

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const rulesView = async () => presentRules(vnDateOf(now()), await workingTimeRules(db.db), await holidaySwitchRows(db.db));

  api.get(
    '/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tính hạn giải quyết / compute a due date',
        description: 'N working days are N × 8 working hours from the moment of receipt; receipt outside office hours counts from the next opening.',
        querystring: DueQuery,
        response: { 200: DueAnswer },
      },
    },
    async (req) => {
      const cal = await loadWorkingCalendar(db.db);
      return { due: formatVn(cal.computeDue(new Date(req.query.from), req.query.amount, req.query.unit)) };
    },
  );

  api.get(
    '/calendar/rules',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Quy định lịch làm việc và những gì thay đổi theo ngày hiệu lực / the calendar rules and what changes when',
        response: { 200: RulesResponse },
      },
    },
    rulesView,
  );

  api.put(
    '/calendar/rules/:id',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Bật/tắt một ngày nghỉ chưa có hiệu lực (24/11) từ một ngày / switch a holiday on from a date, or off',
        params: SwitchParams,
        body: SwitchBody,
        response: { 200: RulesResponse },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'calendar.edit', await deploymentData(deps));
      const t = now();
      await db.transaction(async (tx) => {
        const version = await saveHolidaySwitch(tx, req.params.id, req.body, user.id, t);
        const details = { version, effectiveFrom: req.body.effectiveFrom, legalBasis: req.body.legalBasis };
        await audit(tx, { actorId: user.id, action: 'holiday_switch', entityType: 'calendar', entityId: req.params.id, details, ...auditContext(req) }, t);
      });
      forgetWorkingCalendar(); // again after commit: a read during the transaction may have cached the old one
      return rulesView();
    },
  );

  const workingTime = async () => ({ items: timelineOn(await workingTimeRules(db.db), vnDateOf(now())) });
  api.get(
    '/calendar/working-time',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Giờ làm việc theo hiệu lực: đã thay, đang áp dụng, sắp áp dụng / office hours: past, in force, upcoming',
        response: { 200: WorkingTimeResponse },
      },
    },
    workingTime,
  );

  api.put(
    '/calendar/working-time',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Đặt giờ làm việc từ một ngày / set office hours from a date',
        body: WorkingTimeBody,
        response: { 200: WorkingTimeResponse },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'calendar.edit', await deploymentData(deps));
      await db.transaction(async (tx) => {
        await saveWorkingTime(tx, req.body, user.id, now());
        await audit(tx, { actorId: user.id, action: 'working_time_edit', entityType: 'calendar', entityId: req.body.effectiveFrom, ...auditContext(req) }, now());
      });
      forgetWorkingCalendar(); // again after commit: a read during the transaction may have cached the old one
      return workingTime();
    },
  );

  api.get(
    '/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ và ngày làm bù trong năm, với nguồn của từng ngày / days off and make-up days, each with its source',
        params: YearParams,
        response: { 200: YearResponse },
      },
    },
    async (req) => getYear(db.db, req.params.year, vnDateOf(now())),
  );

  api.put(
    '/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Sửa lịch năm (phiên bản mới) / edit a year',
        params: YearParams,
        body: YearBody,
        response: { 200: YearResponse },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'calendar.edit', await deploymentData(deps));
      const t = now();
      await db.transaction(async (tx) => {
        const version = await saveYear(tx, req.params.year, req.body, user.id, t);
        await audit(tx, { actorId: user.id, action: 'calendar_edit', entityType: 'calendar', entityId: String(req.params.year), details: { version }, ...auditContext(req) }, t);
      });
      forgetWorkingCalendar(); // again after commit: a read during the transaction may have cached the old one
      return getYear(db.db, req.params.year, vnDateOf(t));
    },
  );
}
