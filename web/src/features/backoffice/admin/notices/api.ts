import { api, apiPath } from '../../../../api/client';
import type { OutboxMessage, ReplayAnswer, TemplateDetail, TemplatePreview, TemplateProblem, TemplateSummary, TemplateText, TemplateTexts, TemplateVersion } from '../../../../api/types';

/** A failed message as the dead-letter list shows it (GET /admin/messages?status=failed). */
export type FailedMessage = OutboxMessage;
export type Problem = TemplateProblem;
export type Preview = TemplatePreview;
export type { TemplateDetail, TemplateSummary, TemplateText, TemplateTexts, TemplateVersion };

export const noticeAdminApi = {
  list: () => apiPath('/admin/notification-templates'),
  one: (event: string) => apiPath(`/admin/notification-templates/${encodeURIComponent(event)}`),
  failed: () => apiPath('/admin/messages', { status: 'failed', limit: 50 }),
};

/** @throws {ApiError} FORBIDDEN, VALIDATION_FAILED */
export const previewTemplate = (event: string, texts: TemplateTexts) => api.post<Preview>(`/admin/notification-templates/${encodeURIComponent(event)}/preview`, { texts });

/** @throws {ApiError} NOTIFICATION_TEMPLATE_INVALID (400, details.problems), NOTIFICATION_TEMPLATE_DATE_PAST */
export const saveTemplate = (event: string, texts: TemplateTexts, effectiveFrom: string) =>
  api.put<TemplateVersion>(`/admin/notification-templates/${encodeURIComponent(event)}`, { texts, effectiveFrom });

/** @throws {ApiError} MESSAGE_NOT_REPLAYABLE (409), NOT_FOUND */
export const replayMessage = (id: string) => api.post<ReplayAnswer>(`/admin/messages/${encodeURIComponent(id)}/replay`, {});
