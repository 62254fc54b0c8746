import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import { AreasAdminSchema, AreasSaveBody, FeedbackSettingsSchema, RoutingSaveBody, TemplatesSaveBody } from '../../domain/feedback-contract.ts';
import { AREA_FILE_LIMITS, AREA_PROPERTY_NAMES } from '../../domain/feedback-areas.ts';
import { authorize } from '../../domain/policy.ts';
import { requireUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { deploymentData } from '../units/units.service.ts';
import { saveSettings, settingsHistory, settingsInForce } from './feedback.settings.ts';
import { areasHistory, areasInForce, saveAreas } from './feedback.areas.ts';
import type { RowOf } from '../../db/rows.ts';

const tags = ['feedback'];

/**
 * The unit admin's routing table and response templates, under /api/v1/admin/feedback-settings,
 * and the ward's areas (official boundary, residential groups) under /api/v1/admin/feedback-areas
 * (docs/FEEDBACK.md).
 */
export function feedbackSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database.db;
  const present = async (unitId: string) => {
    const [inForce, history, departments, areas] = await Promise.all([
      settingsInForce(db, unitId),
      settingsHistory(db, unitId),
      rows<RowOf<'departments', { code: string; name: string }>>(db, sql`select code, name from departments where unit_id = ${unitId} order by name`),
      areasInForce(db, unitId),
    ]);
    return { ...inForce, departments, areas: areas.features.map((f) => ({ code: f.properties.code, name: f.properties.name })), history };
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

  const presentAreas = async (unitId: string) => {
    const [inForce, history] = await Promise.all([areasInForce(db, unitId), areasHistory(db, unitId)]);
    return {
      inForce: {
        version: inForce.version,
        savedBy: inForce.savedBy,
        savedAt: inForce.savedAt,
        note: inForce.note,
        approximate: inForce.approximate,
        source: inForce.source,
        areas: inForce.features.map((f) => ({ code: f.properties.code, name: f.properties.name, kind: f.properties.kind ?? ('area' as const) })),
      },
      history,
      accepted: { code: [...AREA_PROPERTY_NAMES.code], name: [...AREA_PROPERTY_NAMES.name], kind: [...AREA_PROPERTY_NAMES.kind] },
      limits: { features: AREA_FILE_LIMITS.features, vertices: AREA_FILE_LIMITS.vertices, bytes: AREA_FILE_LIMITS.bytes },
    };
  };

  api.get(
    '/admin/feedback-areas',
    { schema: { tags, summary: 'Ranh giới phường và tổ dân phố đang áp dụng / the ward’s boundary and residential groups in force', response: { 200: AreasAdminSchema } } },
    async (req) => {
      const unit = await deploymentData(deps);
      authorize(requireUser(req), 'feedback.settings', unit);
      return presentAreas(unit.unitId);
    },
  );

  api.put(
    '/admin/feedback-areas',
    {
      // A GeoJSON file of every residential group is larger than the API's usual 1 MB.
      bodyLimit: AREA_FILE_LIMITS.bytes,
      schema: { tags, summary: 'Nạp ranh giới phường, tổ dân phố (GeoJSON) / load the ward’s boundary and residential groups (GeoJSON)', body: AreasSaveBody, response: { 200: AreasAdminSchema } },
    },
    async (req) => {
      const unit = await deploymentData(deps);
      const user = authorize(requireUser(req), 'feedback.settings', unit);
      await saveAreas(deps.database, user, unit.unitId, req.body, now(), { requestId: req.id, ip: req.ip });
      return presentAreas(unit.unitId);
    },
  );
}
