import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import { FeedbackSettingsSchema, RoutingSaveBody, TemplatesSaveBody } from '../../domain/feedback-contract.ts';
import { WARD_AREAS } from '../../domain/feedback-areas.ts';
import { authorize } from '../../domain/policy.ts';
import { requireUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { deploymentData } from '../units/units.service.ts';
import { saveSettings, settingsHistory, settingsInForce } from './feedback.settings.ts';
import type { RowOf } from '../../db/rows.ts';

const tags = ['feedback'];

/** The unit admin's routing table and response templates, under /api/v1/admin/feedback-settings (docs/FEEDBACK.md). */
export function feedbackSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database.db;
  const present = async (unitId: string) => {
    const [inForce, history, departments] = await Promise.all([
      settingsInForce(db, unitId),
      settingsHistory(db, unitId),
      rows<RowOf<'departments', { code: string; name: string }>>(db, sql`select code, name from departments where unit_id = ${unitId} order by name`),
    ]);
    return { ...inForce, departments, areas: WARD_AREAS.features.map((f) => ({ code: f.properties.code, name: f.properties.name })), history };
  };

  api.get(
    '/admin/feedback-settings',
    { schema: { tags, summary: 'Bảng phân công và mẫu trả lời phản ánh / the feedback routing table and response templates', response: { 200: FeedbackSettingsSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(requireUser(req), 'feedback.settings', unit);
      return present(unit.unitId);
    },
  );

  api.put(
    '/admin/feedback-settings/routing',
    { schema: { tags, summary: 'Lưu phiên bản mới của bảng phân công / save a new version of the routing table', body: RoutingSaveBody, response: { 200: FeedbackSettingsSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      const user = authorize(requireUser(req), 'feedback.settings', unit);
      await saveSettings(deps.database, user, unit.unitId, { kind: 'routing', body: req.body }, now(), { requestId: req.id, ip: req.ip });
      return present(unit.unitId);
    },
  );

  api.put(
    '/admin/feedback-settings/templates',
    { schema: { tags, summary: 'Lưu phiên bản mới của mẫu trả lời / save a new version of the response templates', body: TemplatesSaveBody, response: { 200: FeedbackSettingsSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      const user = authorize(requireUser(req), 'feedback.settings', unit);
      await saveSettings(deps.database, user, unit.unitId, { kind: 'templates', body: req.body }, now(), { requestId: req.id, ip: req.ip });
      return present(unit.unitId);
    },
  );
}
