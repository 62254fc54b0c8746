import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/policy.ts';
import {
  DrillQuery,
  DrillSchema,
  IndicatorsQuery,
  InputBody,
  PublicIndicatorsQuery,
  PublicSchema,
  ReportSchema,
  RiskSchema,
  RuleBody,
  RuleStateSchema,
  ActualBody,
  TargetBody,
  TargetKeyParams,
  TargetsSchema,
} from '../../domain/indicators-contract.ts';
import { LATE_PAGE } from '../../domain/indicators.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { deploymentData } from '../units/units.service.ts';
import { enterActual, saveTarget, termTargets } from './targets.service.ts';
import { atRisk, drill, enterInput, publicReport, report, resolvePeriod, rulesState, saveRule } from './indicators.service.ts';

const tags = ['indicators'];

/**
 * Decision 766 indicators (docs/INDICATORS.md): the public transparency figures, the leaders'
 * report, points at risk, drill-down, exports, and the figures and rule officials enter.
 */
export function indicatorsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const ctx = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
  const readable = async (user: Parameters<typeof authorize>[0]) => {
    const unit = await deploymentData(deps);
    authorize(user, 'indicators.read', unit);
    return unit.unitId;
  };

  api.get(
    '/public/indicators',
    {
      schema: {
        tags: ['public'],
        summary: 'Chỉ số phục vụ người dân, doanh nghiệp (công khai) / service indicators, public',
        querystring: PublicIndicatorsQuery,
        response: { 200: PublicSchema },
      },
    },
    async (req) => {
      const t = now();
      const unit = await deploymentData(deps);
      const latePage = { offset: req.query.lateOffset ?? 0, limit: req.query.lateLimit ?? LATE_PAGE.default };
      return publicReport(db, unit.unitId, deps.config.unit.name, resolvePeriod(req.query, t), t, latePage);
    },
  );

  api.get(
    '/indicators',
    { schema: { tags, summary: 'Báo cáo chỉ số Quyết định 766 / the Decision 766 report', querystring: IndicatorsQuery, response: { 200: ReportSchema } } },
    async (req) => {
      const unitId = await readable(req.user);
      const t = now();
      return report(db, unitId, resolvePeriod(req.query, t), req.query, t);
    },
  );

  api.get(
    '/indicators/dossiers',
    { schema: { tags, summary: 'Các hồ sơ sau một con số / the dossiers behind a figure', querystring: DrillQuery, response: { 200: DrillSchema } } },
    async (req) => {
      const unitId = await readable(req.user);
      const t = now();
      return drill(db.db, unitId, req.query, await loadWorkingCalendar(db.db), t);
    },
  );

  api.get(
    '/indicators/at-risk',
    { schema: { tags, summary: 'Điểm đang bị trừ: việc cần làm hôm nay / points at risk now', response: { 200: RiskSchema } } },
    async (req) => {
      const unitId = await readable(req.user);
      const t = now();
      return atRisk(db.db, unitId, await loadWorkingCalendar(db.db), t);
    },
  );

  api.get(
    '/indicators/rule',
    { schema: { tags, summary: 'Cách chấm điểm (các phiên bản) / the index rule and its versions', response: { 200: RuleStateSchema } } },
    async (req) => {
      await readable(req.user);
      return rulesState(db.db, now());
    },
  );

  api.post(
    '/indicators/rule',
    { schema: { tags, summary: 'Lưu phiên bản cách chấm mới từ một ngày / save a new rule version from a date', body: RuleBody, response: { 201: RuleStateSchema } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const t = now();
      await saveRule(db, req.user, unit.unitId, req.body, t, ctx(req));
      return reply.code(201).send(await rulesState(db.db, t));
    },
  );

  api.post(
    '/indicators/inputs',
    { schema: { tags, summary: 'Nhập số liệu nền tảng chưa tính được, kèm nguồn / enter an ingredient with its source', body: InputBody, response: { 201: z.object({ id: z.string() }) } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const id = await enterInput(db, req.user, unit.unitId, req.body, now(), ctx(req));
      return reply.code(201).send({ id });
    },
  );

  api.get(
    '/indicators/targets',
    { schema: { tags, summary: 'Chỉ tiêu nhiệm kỳ 2025–2030: mục tiêu, số liệu thực hiện, tiến độ / the term targets', response: { 200: TargetsSchema } } },
    async (req) => {
      const unitId = await readable(req.user);
      const t = now();
      return { items: await termTargets(db, unitId, t) };
    },
  );

  api.post(
    '/indicators/targets',
    { schema: { tags, summary: 'Thêm chỉ tiêu, hoặc đặt số liệu của phường cho một chỉ tiêu có sẵn / add or set a target', body: TargetBody, response: { 201: TargetsSchema } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const t = now();
      await saveTarget(db, req.user, unit.unitId, req.body, t, ctx(req));
      return reply.code(201).send({ items: await termTargets(db, unit.unitId, t) });
    },
  );

  api.post(
    '/indicators/targets/:key/actuals',
    { schema: { tags, summary: 'Nhập số liệu thực hiện của một chỉ tiêu, kèm nguồn / enter an actual with its source', params: TargetKeyParams, body: ActualBody, response: { 201: TargetsSchema } } },
    async (req, reply) => {
      const unit = await deploymentData(deps);
      const t = now();
      await enterActual(db, req.user, unit.unitId, req.params.key, req.body, t, ctx(req));
      return reply.code(201).send({ items: await termTargets(db, unit.unitId, t) });
    },
  );
}
