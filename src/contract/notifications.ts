/**
 * The HTTP contract of notification templates (docs/notifications.md): every notice with the
 * facts it may use, its versions with effective dates, a preview with sample facts and the checks
 * that keep internal codes away from citizens. Pure: no I/O.
 */
import { z } from 'zod';
import { LOCALES, NOTIFICATION_EVENT_KEYS, type NotificationEvent } from '../domain/notifications.ts';
import { isoDate } from './bounds.ts';

export const NotificationEventKey = z.enum(NOTIFICATION_EVENT_KEYS as [NotificationEvent, ...NotificationEvent[]]);
export const EventParams = z.strictObject({ event: NotificationEventKey });

const Text = z.strictObject({
  title: z.string().trim().max(200),
  body: z.string().trim().max(4000),
  sms: z.string().trim().max(1000),
});
/** A template's texts as an admin sends them (both languages, every part). */
export const TemplateTextsSchema = z.strictObject({ vi: Text, en: Text });
export const SaveTemplateBody = z.strictObject({ texts: TemplateTextsSchema, effectiveFrom: isoDate().optional() });
/** Without `texts`, the version in force today is previewed. */
export const PreviewBody = z.strictObject({ texts: TemplateTextsSchema.optional() });

const TextView = z.object({ title: z.string(), body: z.string(), sms: z.string() });
export const TemplateTextsView = z.object({ vi: TextView, en: TextView });
/** One version; 0 is the built-in text (no `effectiveFrom`, `createdAt`, `createdBy`). */
export const TemplateVersion = z.object({
  version: z.number().int(),
  effectiveFrom: z.string().nullable(),
  texts: TemplateTextsView,
  createdAt: z.string().nullable(),
  /** The admin's user id. */
  createdBy: z.string().nullable(),
});
const specShape = {
  event: NotificationEventKey,
  audience: z.enum(['applicant', 'official']),
  /** The facts the text may use, as {{placeholders}}. */
  vars: z.array(z.string()),
  /** Those the title and body must use. */
  required: z.array(z.string()),
  inForce: TemplateVersion,
};
/** GET /admin/notification-templates: each notice, its version in force today and those scheduled. */
export const TemplateSummary = z.object({ ...specShape, scheduled: z.array(TemplateVersion) });
export const TemplateList = z.object({ items: z.array(TemplateSummary) });
/** GET /admin/notification-templates/:event: every version, and the sample facts previews are filled with. */
export const TemplateDetail = z.object({
  ...specShape,
  versions: z.array(TemplateVersion),
  sample: z.record(z.enum(LOCALES), z.record(z.string(), z.string())),
});

export const TemplateProblem = z.object({ locale: z.enum(LOCALES), part: z.enum(['title', 'body', 'sms']), message: z.string(), messageEn: z.string() });
/** POST …/preview: each language's text of each channel, filled with the sample facts, and what saving would refuse. */
export const TemplatePreview = z.object({
  preview: z.record(z.enum(LOCALES), z.object({ title: z.string(), body: z.string(), sms: z.string(), zalo: z.string() })),
  problems: z.array(TemplateProblem),
});

export type TemplateTexts = z.infer<typeof TemplateTextsView>;
export type TemplateText = TemplateTexts['vi'];
export type TemplateVersion = z.infer<typeof TemplateVersion>;
export type TemplateSummary = z.infer<typeof TemplateSummary>;
export type TemplateDetail = z.infer<typeof TemplateDetail>;
export type TemplateProblem = z.infer<typeof TemplateProblem>;
export type TemplatePreview = z.infer<typeof TemplatePreview>;
