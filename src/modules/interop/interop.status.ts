import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { statusEvent, type DossierFacts, type EventFacts, type StatusEvent, type SystemKind } from '../../domain/interop.ts';
import { PACKAGE_ROOT } from '../../package-root.ts';
import { audit } from '../audit/audit.ts';
import type { DossierRow } from '../dossiers/dossiers.repo.ts';
import type { ConnectedSystem } from './interop.systems.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** The status event's JSON Schema, as published in the repository and served at /api/v1/interop/schema/status-event.json. */
export const STATUS_EVENT_JSON_SCHEMA: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'docs', 'interop', 'status-event.schema.json'), 'utf8'));

/** A dossier's facts for its status events (one query: the two units' codes and its origin). */
export async function dossierFacts(ex: Executor, d: DossierRow): Promise<DossierFacts> {
  const u = await maybeOne<Computed<{ receiving: string; handling: string; origin_kind: SystemKind | null }>>(
    ex,
    sql`select r.code as receiving, h.code as handling, (select kind from interop_systems where id = ${d.origin_system_id ?? null}) as origin_kind
        from units r, units h where r.id = ${d.receiving_unit_id} and h.id = ${d.handling_unit_id}`,
  );
  return {
    id: d.id,
    code: d.code,
    externalCode: d.external_code ?? null,
    procedureCode: d.procedure_code,
    procedureVersion: d.procedure_version,
    receivingUnitCode: u?.receiving ?? '',
    handlingUnitCode: u?.handling ?? '',
    channel: d.channel,
    originKind: u?.origin_kind ?? null,
    status: d.status,
    receivedAt: toDate(d.received_at),
    dueAt: toDate(d.due_at),
    finishedAt: toDate(d.finished_at),
    returnedAt: toDate(d.returned_at),
    outcome: d.outcome,
  };
}

export interface EventRow {
  seq: number;
  action: string;
  at: string;
  comment: string | null;
  data: Record<string, unknown>;
  attachments: string[];
}

/** Events of a dossier (all, or the last `last`), oldest first, with the result's files named. */
export async function eventFacts(ex: Executor, dossierId: string, last?: number): Promise<EventFacts[]> {
  const list = await rows<EventRow>(
    ex,
    sql`select seq, action, at, comment, data, attachments from dossier_events where dossier_id = ${dossierId}
        order by seq desc ${last !== undefined ? sql`limit ${last}` : sql``}`,
  );
  const resultIds = list.filter((e) => e.action === 'issue_result').flatMap((e) => e.attachments);
  const files = resultIds.length
    ? await rows<RowOf<'uploads', { id: string; name: string; sha256: string }>>(
        ex,
        sql`select id, name, sha256 from uploads where id in (${sql.join(
          resultIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
    : [];
  return list.reverse().map((e) => ({
    seq: e.seq,
    action: e.action,
    at: toDate(e.at),
    comment: e.comment,
    data: e.data,
    ...(e.action === 'issue_result' ? { resultFiles: e.attachments.map((id) => files.find((f) => f.id === id)).filter((f) => f !== undefined).map((f) => ({ name: f.name, sha256: f.sha256 })) } : {}),
  }));
}

/**
 * A dossier's status as a connected system reads it (GET /interop/dossiers/:externalCode): its
 * last status event and every event, for a dossier this system sent. Audited (no personal data
 * goes out: codes, times and statuses only).
 * @throws AppError DOSSIER_NOT_FOUND
 */
export async function dossierStatusFor(
  database: Database,
  system: ConnectedSystem,
  externalCode: string,
  o: { now: Date; requestId: string; ip: string },
): Promise<{ current: StatusEvent; history: { sequence: number; action: string; occurredAt: string }[] }> {
  return database.transaction(async (tx) => {
    const d = await maybeOne<DossierRow>(
      tx,
      sql`select d.* from interop_intake i join dossiers d on d.id = i.dossier_id where i.system_id = ${system.id} and i.external_code = ${externalCode}`,
    );
    if (!d) throw new AppError('DOSSIER_NOT_FOUND', { externalCode });
    const facts = await dossierFacts(tx, d);
    const events = await eventFacts(tx, d.id);
    await audit(tx, { actorId: null, action: 'interop_dossier_status', entityType: 'dossier', entityId: d.code, details: { system: system.code, externalCode, personalDataOut: [] }, requestId: o.requestId, ip: o.ip }, o.now);
    return {
      current: statusEvent(facts, events[events.length - 1]!, formatVn),
      history: events.map((e) => ({ sequence: e.seq, action: e.action, occurredAt: formatVn(e.at) })),
    };
  });
}
