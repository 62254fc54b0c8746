// The officials' side of the feedback API (docs/FEEDBACK.md); types from the one contract the server validates with.
import type { z } from 'zod';
import type { ActionInput, QueueItemSchema, QueueSchema, StaffDetail } from '@domain/feedback-contract.ts';
import { api, apiPath } from '../../../api/client';

export type { ActionInput, StaffDetail };
export type Queue = z.infer<typeof QueueSchema>;
export type QueueItem = z.infer<typeof QueueItemSchema>;
export interface Open311Key {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

// Paths double as useApi cache keys.
export const staffFeedbackApi = {
  queue: (q: { status?: string; category?: string; area?: string; q?: string; mine?: string }) => apiPath('/staff/feedback', q),
  detail: (code: string) => `/staff/feedback/${encodeURIComponent(code)}`,
  keys: () => '/admin/open311-keys',
  settings: () => '/admin/feedback-settings',
  areas: () => '/admin/feedback-areas',
};

/** One handling step; answers the report as it now is. @throws {ApiError} */
export const actOn = (code: string, body: ActionInput) => api.post<StaffDetail>(`/staff/feedback/${encodeURIComponent(code)}/actions`, body);
export const issueKey = (name: string) => api.post<Open311Key & { key: string }>('/admin/open311-keys', { name });
export const revokeKey = (id: string) => api.post<void>(`/admin/open311-keys/${encodeURIComponent(id)}/revoke`, {});

const RANK = { overdue: 0, open: 1, late: 2, on_time: 3, not_counted: 4 } as const;

/**
 * The queue's order: overdue first, then forwarding late, then the nearest answer deadline.
 * Pure (the list comes with its timeliness computed by the server at its `now`).
 */
export function queueOrder(items: readonly QueueItem[]): QueueItem[] {
  return [...items].sort(
    (a, b) => RANK[a.timeliness] - RANK[b.timeliness] || Number(b.forwardLate) - Number(a.forwardLate) || a.dueAt.localeCompare(b.dueAt) || a.code.localeCompare(b.code),
  );
}
