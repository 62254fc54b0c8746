import { api, apiPath } from '../../../../api/client';

export interface TemplateText {
  title: string;
  body: string;
  sms: string;
}
export type TemplateTexts = { vi: TemplateText; en: TemplateText };

export interface TemplateVersion {
  version: number;
  effectiveFrom: string | null;
  texts: TemplateTexts;
  createdAt: string | null;
  createdBy: string | null;
}

export interface TemplateSummary {
  event: string;
  audience: 'applicant' | 'official';
  vars: string[];
  required: string[];
  inForce: TemplateVersion;
  scheduled: TemplateVersion[];
}

export interface TemplateDetail extends Omit<TemplateSummary, 'scheduled'> {
  versions: TemplateVersion[];
}

export interface Problem {
  locale: 'vi' | 'en';
  part: keyof TemplateText;
  message: string;
  messageEn: string;
}

export interface Preview {
  preview: Record<'vi' | 'en', { title: string; body: string; sms: string; zalo: string }>;
  problems: Problem[];
}

export interface FailedMessage {
  id: string;
  channel: 'sms' | 'email' | 'zalo';
  recipient: string;
  template: string;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

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
export const replayMessage = (id: string) => api.post<{ id: string; status: string }>(`/admin/messages/${encodeURIComponent(id)}/replay`, {});
