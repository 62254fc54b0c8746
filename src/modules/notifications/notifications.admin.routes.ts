import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatVn, vnDateOf } from '../../domain/calendar/index.ts';
import {
  fill,
  NOTIFICATION_EVENT_KEYS,
  NOTIFICATION_EVENTS,
  SAMPLE_VARS,
  templateProblems,
  type Locale,
  type NotificationEvent,
  type TemplateTexts,
} from '../../domain/notifications.ts';
import { authorize } from '../../domain/policy.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import { smsText } from '../messages/messages.templates.ts';
import { forgetTemplates, saveTemplate, templateInForce, templateVersions, type TemplateVersion } from './notifications.templates.ts';
import { EventParams, PreviewBody, SaveTemplateBody, TemplateDetail, TemplateList, TemplatePreview, TemplateVersion as TemplateVersionView } from '../../contract/notifications.ts';

const presentVersion = (v: TemplateVersion) => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  texts: v.texts,
  createdAt: v.createdAt ? formatVn(v.createdAt) : null,
  createdBy: v.createdBy,
});

const spec = (event: NotificationEvent) => ({
  event,
  audience: NOTIFICATION_EVENTS[event].audience,
  vars: [...NOTIFICATION_EVENTS[event].vars],
  required: [...NOTIFICATION_EVENTS[event].required],
});

/** Each channel's text of a template filled with the sample facts, as the person would receive it. */
function preview(texts: TemplateTexts) {
  const one = (l: Locale) => {
    const t = texts[l];
    const v = SAMPLE_VARS[l];
    return { title: fill(t.title, v), body: fill(t.body, v), sms: smsText(`Nong Trang So: ${fill(t.sms, v)}`), zalo: fill(t.sms, v) };
  };
  return { vi: one('vi'), en: one('en') } satisfies Record<Locale, unknown>;
}

/**
 * Notification texts for a unit admin of the deployment's unit: every notice with its facts,
 * versions with effective dates (the catalogue's way), a preview with sample facts, and checks
 * that keep internal codes and unknown facts away from citizens.
 */
export function notificationsAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;

  api.get(
    '/admin/notification-templates',
    { schema: { tags: ['admin'], summary: 'Mẫu thông báo / notification templates', response: { 200: TemplateList } } },
    async (req) => {
      authorize(req.user, 'notification_templates.edit', await deploymentData(deps));
      const today = vnDateOf(now());
      const items = [];
      for (const event of NOTIFICATION_EVENT_KEYS) {
        const versions = await templateVersions(db.db, event);
        const inForce = await templateInForce(db.db, event, today);
        const scheduled = versions.filter((v) => v.version > inForce.version);
        items.push({ ...spec(event), inForce: presentVersion(inForce), scheduled: scheduled.map(presentVersion) });
      }
      return { items };
    },
  );

  api.get(
    '/admin/notification-templates/:event',
    { schema: { tags: ['admin'], summary: 'Một mẫu thông báo và các phiên bản / one template and its versions', params: EventParams, response: { 200: TemplateDetail } } },
    async (req) => {
      authorize(req.user, 'notification_templates.edit', await deploymentData(deps));
      const event = req.params.event;
      const inForce = await templateInForce(db.db, event, vnDateOf(now()));
      return { ...spec(event), inForce: presentVersion(inForce), versions: (await templateVersions(db.db, event)).map(presentVersion), sample: SAMPLE_VARS };
    },
  );

  api.put(
    '/admin/notification-templates/:event',
    {
      schema: {
        tags: ['admin'],
        summary: 'Lưu phiên bản mới của mẫu thông báo / save a new version of a template',
        params: EventParams,
        body: SaveTemplateBody,
        response: { 200: TemplateVersionView },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'notification_templates.edit', await deploymentData(deps));
      const t = now();
      const today = vnDateOf(t);
      const saved = await db.transaction(async (tx) => {
        const v = await saveTemplate(tx, { event: req.params.event, texts: req.body.texts, effectiveFrom: req.body.effectiveFrom ?? today, today, by: user.id, now: t });
        await audit(tx, { actorId: user.id, action: 'notification_template_save', entityType: 'notification_template', entityId: req.params.event, details: { version: v.version, effectiveFrom: v.effectiveFrom }, ...auditContext(req) }, t);
        return v;
      });
      forgetTemplates(); // again after commit: a notice during the transaction may have cached the old one
      return presentVersion(saved);
    },
  );

  api.post(
    '/admin/notification-templates/:event/preview',
    {
      schema: {
        tags: ['admin'],
        summary: 'Xem trước với dữ liệu mẫu / preview with sample data',
        description: 'Without `texts`, previews the version in force today. Answers each channel\'s text and the problems saving would report.',
        params: EventParams,
        body: PreviewBody,
        response: { 200: TemplatePreview },
      },
    },
    async (req) => {
      authorize(req.user, 'notification_templates.edit', await deploymentData(deps));
      const texts = req.body.texts ?? (await templateInForce(db.db, req.params.event, vnDateOf(now()))).texts;
      return { preview: preview(texts), problems: templateProblems(req.params.event, texts) };
    },
  );
}
