import { api, apiPath } from '../../api/client';
import type { Dossier, DossierList, EventList } from '../../api/types';

export const PAGE_SIZE = 20;

// Paths double as useApi cache keys, in one hierarchy under /api/v1/dossiers.
export const dossierApi = {
  list: (offset: number) => apiPath('/dossiers', { limit: PAGE_SIZE, offset }),
  one: (code: string) => apiPath(`/dossiers/${encodeURIComponent(code)}`),
  events: (code: string) => apiPath(`/dossiers/${encodeURIComponent(code)}/events`),
};

export type { DossierList, EventList };

/**
 * Runs an applicant action (`withdraw`, `answer_supplement`) on the version the person saw.
 * @throws {ApiError} DOSSIER_ACTION_NOT_ALLOWED / DOSSIER_VERSION_CONFLICT (409), FORBIDDEN…
 */
export function runAction(d: Dossier, action: string, payload: Record<string, unknown>): Promise<Dossier> {
  return api.post<Dossier>(`/dossiers/${encodeURIComponent(d.code)}/actions`, { action, expectedVersion: d.version, ...payload });
}

/** @throws {ApiError} ALREADY_RATED (409), DOSSIER_ACTION_NOT_ALLOWED… */
export async function rate(code: string, score: number, comment: string): Promise<true> {
  await api.post(`/dossiers/${encodeURIComponent(code)}/rating`, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  return true;
}
