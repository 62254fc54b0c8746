import { api, apiPath } from '../../api/client';

export type Channel = 'email' | 'sms' | 'zalo';

export interface Notice {
  id: string;
  event: string;
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
  link: string | null;
  dossierCode: string | null;
  createdAt: string;
  readAt: string | null;
  deliveries: { channel: Channel; status: 'pending' | 'sending' | 'sent' | 'failed' | 'expired' }[];
}

export interface Inbox {
  items: Notice[];
  unread: number;
  nextBefore: number | null;
}

export interface Waiting {
  code: string;
  procedure: string;
  kind: 'supplement' | 'payment';
  deadline: string | null;
}

export interface Summary {
  unread: number;
  waiting: Waiting[];
}

export interface Preferences {
  channels: Channel[];
  chosen: boolean;
  locale: 'vi' | 'en';
  offered: Channel[];
  contacts: { phone: string | null; phoneVerified: boolean; email: string | null; emailVerified: boolean };
}

// Paths double as useApi cache keys, under /api/v1/me.
export const noticeApi = {
  inbox: (before?: number) => apiPath('/me/notifications', { limit: 30, before }),
  summary: () => apiPath('/me/notifications/summary'),
  preferences: () => apiPath('/me/notification-preferences'),
};

/** @throws {ApiError} on a network failure. */
export const markRead = (body: { ids: string[] } | { all: true }) => api.post<{ unread: number }>('/me/notifications/read', body);

/** @throws {ApiError} NOTIFICATION_CHANNEL_UNAVAILABLE (400), network. */
export const savePreferences = (body: { channels: Channel[]; locale: 'vi' | 'en' }) => api.put<Preferences>('/me/notification-preferences', body);

export type ContactKind = 'phone' | 'email';

/** @throws {ApiError} PHONE_INVALID, VALIDATION_FAILED, OTP_RATE_LIMITED (400/429), network. */
export const sendContactCode = (body: { kind: ContactKind; value?: string }) =>
  api.post<{ value: 'current' | 'new'; code: { channel: 'sms' | 'email'; sentTo: string; expiresAt: string; resendAt: string } }>('/me/contacts/code', body);

/** @throws {ApiError} OTP_INVALID, OTP_EXPIRED (400), network. */
export const confirmContact = (body: { kind: ContactKind; value?: string; code: string }) => api.post<Preferences>('/me/contacts/confirm', body);
