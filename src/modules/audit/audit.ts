import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: 'dossier' | 'user' | 'procedure' | 'calendar' | 'file' | 'session' | 'project' | 'document' | 'certification' | 'sign_up' | 'notification_template' | 'message' | 'indicator' | 'interop_system' | 'feedback' | 'open311_key';
  entityId: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
  ip?: string | null;
}

/** Records who did or read what. Call it with the transaction of the action it records. */
export async function audit(tx: Executor, e: AuditEntry, at: Date): Promise<void> {
  await tx.execute(auditInsert(e, at));
}

/**
 * The audit entry's insert, to run alone or as a part (a CTE) of the statement that makes the change
 * it records, where `entityId` may be an expression over a `from` that statement holds (e.g. the
 * code a dossier was just given): one statement fewer on a hot path.
 */
export function auditInsert(e: Omit<AuditEntry, 'entityId'> & { entityId: string | SQL }, at: Date, from?: SQL): SQL {
  return sql`insert into audit_log (at, actor_id, action, entity_type, entity_id, details, request_id, ip)
    select ${at.toISOString()}::timestamptz, ${e.actorId}::uuid, ${e.action}, ${e.entityType}, ${e.entityId},
           ${JSON.stringify(e.details ?? {})}::jsonb, ${e.requestId ?? null}, ${e.ip ?? null}${from ? sql` from ${from}` : sql``}`;
}

/** Request facts worth keeping with an audit entry. */
export const auditContext = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
