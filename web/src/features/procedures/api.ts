import { apiPath } from '../../api/client';

// Catalogue API paths; they double as cache keys for useApi.
export const PAGE_SIZE = 20;

export const procedureApi = {
  list: (q: { q?: string; field?: string; onlineLevel?: string; offset?: number }) =>
    apiPath('/procedures', { q: q.q, field: q.field, onlineLevel: q.onlineLevel, limit: PAGE_SIZE, offset: q.offset }),
  fields: () => apiPath('/procedures/fields'),
  one: (code: string) => apiPath(`/procedures/${encodeURIComponent(code)}`),
};

/** URL words for the online-level filter ↔ API values. */
export const ONLINE_LEVELS = { 'toan-trinh': 'full', 'mot-phan': 'partial', 'can-xac-nhan': 'unknown' } as const;
export type OnlineLevelParam = keyof typeof ONLINE_LEVELS;
