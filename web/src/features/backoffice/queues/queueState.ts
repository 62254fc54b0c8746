import type { Role } from '../../../api/types';
import { QUEUES, type QueueName, type QueueQuery } from '../api';
import { boHref } from '../paths';

/** The queues an official sees, in a fixed order: their own work first, then the shared ones. */
export function queuesFor(roles: Role[]): QueueName[] {
  const mine = new Set<QueueName>(['due_soon', 'overdue', 'all']);
  if (roles.includes('reception')) ['to_receive', 'to_send_supplement', 'to_assign'].forEach((q) => mine.add(q as QueueName));
  if (roles.includes('specialist')) mine.add('mine');
  if (roles.includes('leader')) ['to_assign', 'to_approve'].forEach((q) => mine.add(q as QueueName));
  return QUEUES.filter((q) => mine.has(q));
}

export function defaultQueue(roles: Role[]): QueueName {
  if (roles.includes('reception')) return 'to_receive';
  if (roles.includes('specialist')) return 'mine';
  if (roles.includes('leader')) return 'to_approve';
  return 'all';
}

const isQueue = (v: string | null): v is QueueName => v !== null && (QUEUES as readonly string[]).includes(v);

/** The queue page's state lives in the URL (bookmarkable, back button works). */
export function readQueueQuery(params: URLSearchParams, roles: Role[]): QueueQuery {
  const queue = params.get('hang-doi');
  return {
    queue: isQueue(queue) ? queue : defaultQueue(roles),
    q: params.get('tu-khoa')?.trim() || undefined,
    status: params.get('trang-thai') || undefined,
    procedure: params.get('thu-tuc') || undefined,
    page: Math.max(1, Number(params.get('trang')) || 1),
  };
}

export function queueHref(q: Partial<QueueQuery>): string {
  return boHref.queues({
    'hang-doi': q.queue,
    'tu-khoa': q.q,
    'trang-thai': q.status,
    'thu-tuc': q.procedure,
    trang: q.page && q.page > 1 ? q.page : undefined,
  });
}
