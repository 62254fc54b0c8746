import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import { sha256Hex } from '../../domain/interop.ts';
import type { ProcedureDefinition } from '../../domain/procedure.ts';
import { audit } from '../audit/audit.ts';
import { saveProcedureVersion } from '../procedures/procedures.service.ts';
import { canonicalJson } from './interop.intake.ts';
import type { ConnectedSystem } from './interop.systems.ts';
import type { RowOf } from '../../db/rows.ts';

export type PushStatus = 'pending' | 'published' | 'rejected';

export interface PushRow {
  id: string;
  system_code: string;
  procedure_code: string;
  definition: ProcedureDefinition;
  effective_from: string;
  note: string | null;
  status: PushStatus;
  received_at: string;
  decided_at: string | null;
  decision_note: string | null;
  published_version: number | null;
  is_new: boolean;
}

export interface CataloguePush {
  id: string;
  system: string;
  procedureCode: string;
  name: string;
  effectiveFrom: string;
  note: string | null;
  status: PushStatus;
  receivedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  publishedVersion: number | null;
  /** A code the catalogue does not have yet: publishing it adds the procedure. */
  isNew: boolean;
}

const COLUMNS = sql`p.id, s.code as system_code, p.procedure_code, p.definition, p.effective_from::text as effective_from, p.note, p.status,
  p.received_at, p.decided_at, p.decision_note, p.published_version,
  not exists (select 1 from procedures pr where pr.code = p.procedure_code) as is_new`;

const present = (r: PushRow): CataloguePush => ({
  id: r.id,
  system: r.system_code,
  procedureCode: r.procedure_code,
  name: r.definition.name,
  effectiveFrom: r.effective_from,
  note: r.note,
  status: r.status,
  receivedAt: toDate(r.received_at),
  decidedAt: r.decided_at ? toDate(r.decided_at) : null,
  decisionNote: r.decision_note,
  publishedVersion: r.published_version,
  isNew: r.is_new,
});

export interface PushItem {
  definition: ProcedureDefinition;
  effectiveFrom: string;
  note?: string | undefined;
}

/**
 * Lands the procedure versions a connected system (the province) pushed as drafts, for the unit
 * admin to review and publish. Already validated as the catalogue editor validates a definition
 * (the route's schema is the catalogue's). A retried push (the same item) lands nothing new.
 * Audited per item (`catalogue_push_received`).
 */
export async function receivePush(
  tx: Executor,
  system: ConnectedSystem,
  items: PushItem[],
  o: { now: Date; requestId: string; ip: string },
): Promise<{ id: string; procedureCode: string; effectiveFrom: string; status: PushStatus; created: boolean }[]> {
  const out = [];
  for (const item of items) {
    const hash = sha256Hex(canonicalJson(item));
    const inserted = await maybeOne<RowOf<'interop_catalogue_pushes', { id: string }>>(
      tx,
      sql`insert into interop_catalogue_pushes (id, system_id, procedure_code, definition, effective_from, note, body_sha256, received_at)
          values (${randomUUID()}, ${system.id}, ${item.definition.code}, ${JSON.stringify(item.definition)}::jsonb, ${item.effectiveFrom}, ${item.note ?? null}, ${hash}, ${o.now.toISOString()})
          on conflict (system_id, body_sha256) do nothing returning id`,
    );
    if (inserted) {
      await audit(
        tx,
        { actorId: null, action: 'catalogue_push_received', entityType: 'procedure', entityId: item.definition.code, details: { system: system.code, pushId: inserted.id, effectiveFrom: item.effectiveFrom }, requestId: o.requestId, ip: o.ip },
        o.now,
      );
      out.push({ id: inserted.id, procedureCode: item.definition.code, effectiveFrom: item.effectiveFrom, status: 'pending' as const, created: true });
      continue;
    }
    const existing = await maybeOne<RowOf<'interop_catalogue_pushes', { id: string; status: PushStatus }>>(tx, sql`select id, status from interop_catalogue_pushes where system_id = ${system.id} and body_sha256 = ${hash}`);
    out.push({ id: existing!.id, procedureCode: item.definition.code, effectiveFrom: item.effectiveFrom, status: existing!.status, created: false });
  }
  return out;
}

/** Pushed catalogue updates of the systems of `unitId`, newest first. */
export async function listPushes(ex: Executor, unitId: string, status?: PushStatus): Promise<CataloguePush[]> {
  const list = await rows<PushRow>(
    ex,
    sql`select ${COLUMNS} from interop_catalogue_pushes p join interop_systems s on s.id = p.system_id
        where s.unit_id = ${unitId} ${status ? sql`and p.status = ${status}` : sql``} order by p.received_at desc, p.id limit 500`,
  );
  return list.map(present);
}

/** @throws AppError CATALOGUE_PUSH_NOT_FOUND */
export async function getPush(ex: Executor, unitId: string, id: string, forUpdate = false): Promise<CataloguePush & { definition: ProcedureDefinition }> {
  const r = await maybeOne<PushRow>(
    ex,
    sql`select ${COLUMNS} from interop_catalogue_pushes p join interop_systems s on s.id = p.system_id
        where s.unit_id = ${unitId} and p.id = ${id} ${forUpdate ? sql`for update of p` : sql``}`,
  );
  if (!r) throw new AppError('CATALOGUE_PUSH_NOT_FOUND', { id });
  return { ...present(r), definition: r.definition };
}

/**
 * The unit admin's decision on a pushed update: publish it as the procedure's next version
 * (through the catalogue's own `saveProcedureVersion`: dossiers already filed keep theirs), on
 * the pushed date or another, or reject it with a reason. Audited.
 * @throws AppError CATALOGUE_PUSH_NOT_FOUND, CATALOGUE_PUSH_DECIDED
 */
export async function decidePush(
  tx: Executor,
  unitId: string,
  id: string,
  d: { publish: true; effectiveFrom?: string | undefined } | { publish: false; reason: string },
  o: { userId: string; now: Date; requestId: string; ip: string },
): Promise<{ id: string; procedureCode: string; status: PushStatus; version: number | null; effectiveFrom: string }> {
  const p = await getPush(tx, unitId, id, true);
  if (p.status !== 'pending') throw new AppError('CATALOGUE_PUSH_DECIDED', { id, status: p.status });
  const effectiveFrom = d.publish ? (d.effectiveFrom ?? p.effectiveFrom) : p.effectiveFrom;
  const version = d.publish ? await saveProcedureVersion(tx, p.definition, { effectiveFrom, userId: o.userId, now: o.now }) : null;
  const status: PushStatus = d.publish ? 'published' : 'rejected';
  await tx.execute(sql`update interop_catalogue_pushes set status = ${status}, decided_by = ${o.userId}, decided_at = ${o.now.toISOString()},
                       decision_note = ${d.publish ? null : d.reason}, published_version = ${version}, effective_from = ${effectiveFrom} where id = ${id}`);
  await audit(
    tx,
    {
      actorId: o.userId,
      action: d.publish ? 'catalogue_push_publish' : 'catalogue_push_reject',
      entityType: 'procedure',
      entityId: p.procedureCode,
      details: { pushId: id, system: p.system, version, effectiveFrom, ...(d.publish ? {} : { reason: d.reason }) },
      requestId: o.requestId,
      ip: o.ip,
    },
    o.now,
  );
  return { id, procedureCode: p.procedureCode, status, version, effectiveFrom };
}
