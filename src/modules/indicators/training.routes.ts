import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../domain/policy.ts';
import { CourseCreateBody, CourseParams, CourseSchema, CoursesSchema, CourseUpdateBody, PublicTargetsSchema, ShareQuery, ShareSchema } from '../../domain/training-contract.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { deploymentData } from '../units/units.service.ts';
import { resolvePeriod } from './indicators.service.ts';
import { publicTargets } from './targets.service.ts';
import { createCourse, listCourses, unitShare, updateCourse } from './training.service.ts';

const tags = ['indicators'];

/**
 * Officials' digital-skills training (the unit admin's courses and completions, the share of
 * officials trained beside the indicators) and the term targets on the public page
 * (docs/INDICATORS.md).
 */
export function trainingRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;
  const ctx = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
  const manager = (user: Parameters<typeof authorize>[0]) => authorize(user, 'training.manage', { unitId: user?.unitId ?? '' });
  const course = async (unitId: string, id: string) => (await listCourses(db.db, unitId)).find((c) => c.id === id)!;

  api.get(
    '/public/targets',
    { schema: { tags: ['public'], summary: 'Chỉ tiêu nhiệm kỳ 2025–2030 (công khai) / the term targets, public', response: { 200: PublicTargetsSchema } } },
    async () => {
      const unit = await deploymentData(deps);
      return publicTargets(db, unit.unitId, deps.config.unit.name, now());
    },
  );

  api.get(
    '/indicators/training',
    { schema: { tags, summary: 'Tỷ lệ cán bộ được bồi dưỡng kỹ năng số / share of officials trained', querystring: ShareQuery, response: { 200: ShareSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(req.user, 'indicators.read', unit);
      return unitShare(db.db, unit.unitId, resolvePeriod(req.query, now()));
    },
  );

  api.get(
    '/training/courses',
    { schema: { tags, summary: 'Các khóa đào tạo cán bộ của đơn vị / the unit’s training courses', querystring: ShareQuery, response: { 200: CoursesSchema } } },
    async (req) => {
      const user = manager(req.user);
      const [items, share] = await Promise.all([listCourses(db.db, user.unitId), unitShare(db.db, user.unitId, resolvePeriod(req.query, now()))]);
      return { items, share };
    },
  );

  api.post(
    '/training/courses',
    { schema: { tags, summary: 'Thêm khóa đào tạo và người hoàn thành / add a training course', body: CourseCreateBody, response: { 201: CourseSchema } } },
    async (req, reply) => {
      const user = manager(req.user);
      const id = await createCourse(db, req.user, req.body, now(), ctx(req));
      return reply.code(201).send(await course(user.unitId, id));
    },
  );

  api.put(
    '/training/courses/:id',
    { schema: { tags, summary: 'Sửa khóa đào tạo (phiên bản đang sửa) / update a training course', params: CourseParams, body: CourseUpdateBody, response: { 200: CourseSchema } } },
    async (req) => {
      const user = manager(req.user);
      await updateCourse(db, req.user, req.params.id, req.body, now(), ctx(req));
      return course(user.unitId, req.params.id);
    },
  );
}
