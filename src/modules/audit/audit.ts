import { sql } from 'drizzle-orm';
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
  await tx.execute(sql`
    insert into audit_log (at, actor_id, action, entity_type, entity_id, details, request_id, ip)
    values (${at.toISOString()}, ${e.actorId}, ${e.action}, ${e.entityType}, ${e.entityId},
            ${JSON.stringify(e.details ?? {})}::jsonb, ${e.requestId ?? null}, ${e.ip ?? null})`);
}

/** Request facts worth keeping with an audit entry. */
export const auditContext = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });
