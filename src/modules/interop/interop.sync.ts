import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import type { SystemKind } from '../../domain/interop.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** How the status events to one connected system are doing (the admin's sync view). */
export interface SystemSync {
  code: string;
  name: string;
  kind: SystemKind;
  active: boolean;
  callbackUrl: string | null;
  /** The unit on another deployment this system processes dossiers for (hand-overs go there). */
  remoteUnitCode: string | null;
  /** Events written for it (one per event of a dossier it follows). */
  events: number;
  /** Tried at least once. */
  sent: number;
  /** Acknowledged by a 2xx answer. */
  acknowledged: number;
  /** Not acknowledged yet: waiting their turn or being retried. */
  waiting: number;
  /** Dead letters: refused by the receiver or out of attempts, waiting for the admin's replay. */
  failing: number;
  lastAcknowledgedAt: Date | null;
  /** With the dossier's code at the system it came from (the national portal's), beside ours. */
  deadLetters: { id: string; dossierCode: string; externalCode: string | null; originChannel: SystemKind | null; action: string; sequence: number | null; attempts: number; lastError: string | null; createdAt: Date }[];
  /** For a unit on another deployment: the dossiers handed over to it (with the portal's code beside ours), when, and when its system acknowledged (newest 50). */
  handovers: { dossierCode: string; externalCode: string | null; originChannel: SystemKind | null; transferredAt: Date; acknowledgedAt: Date | null; status: string }[];
}

/**
 * Whether a national portal follows dossier `d` (an SQL alias of `dossiers`) and has it, as SQL
 * booleans — the Decision 766 ingredient "synced to the national portal", one rule for the
 * indicators (their pre-aggregate and their full recount) and the admin's sync view:
 * - `known`: it came from a national portal, or status events about it were written for one (a
 *   portal registered with syncAll follows every dossier of its unit);
 * - `synced`: known, and every status event written for a national portal about it is
 *   acknowledged (a dead letter or an event still waiting: not synced).
 * Kept fresh in the aggregate by the outbox's trigger (migration 0031).
 */
export function portalSync(d: SQL): { known: SQL; synced: SQL } {
  const portals = sql`select s.code from interop_systems s where s.kind = 'national_portal'`;
  const toPortal = sql`m.channel = 'webhook' and m.data->>'dossierCode' = ${d}.code and m.recipient in (${portals})`;
  const fromPortal = sql`coalesce(${d}.origin_system_id in (select s.id from interop_systems s where s.kind = 'national_portal'), false)`;
  const known = sql`(${fromPortal} or exists (select 1 from messages m where ${toPortal}))`;
  const synced = sql`(${known} and not exists (select 1 from messages m where ${toPortal} and m.status <> 'sent'))`;
  return { known, synced };
}

/**
 * The admin's sync view: of the dossiers of the unit (received or handled there) submitted in the
 * period, how many are fully synced (`portalSync`). `share` is null when there is no dossier.
 */
export async function syncedShare(ex: Executor, unitId: string, period: { from?: Date | undefined; to?: Date | undefined } = {}): Promise<{ dossiers: number; fullySynced: number; share: number | null }> {
  const r = await maybeOne<Computed<{ dossiers: number; synced: number }>>(
    ex,
    sql`select count(*)::int as dossiers, (count(*) filter (where ${portalSync(sql`d`).synced}))::int as synced
          from dossiers d
         where (d.receiving_unit_id = ${unitId} or d.handling_unit_id = ${unitId})
           ${period.from ? sql`and d.submitted_at >= ${period.from.toISOString()}` : sql``}
           ${period.to ? sql`and d.submitted_at < ${period.to.toISOString()}` : sql``}`,
  );
  const dossiers = r?.dossiers ?? 0;
  const fullySynced = r?.synced ?? 0;
  return { dossiers, fullySynced, share: dossiers ? fullySynced / dossiers : null };
}

/** Per connected system of the unit: events written, tried, acknowledged, waiting, failing, and its dead letters (newest 50). */
export async function syncBySystem(ex: Executor, unitId: string): Promise<SystemSync[]> {
  const list = await rows<RowOf<'interop_systems', { code: string; name: string; kind: SystemKind; active: boolean; callback_url: string | null }> & Computed<{ remote_unit_code: string | null; events: number; sent: number; acknowledged: number; waiting: number; failing: number; last_ack: string | null }>>(
    ex,
    sql`select s.code, s.name, s.kind, s.active, s.callback_url, ru.code as remote_unit_code,
          count(m.id)::int as events,
          (count(m.id) filter (where m.attempts > 0 or m.status = 'sent'))::int as sent,
          (count(m.id) filter (where m.status = 'sent'))::int as acknowledged,
          (count(m.id) filter (where m.status in ('pending', 'sending')))::int as waiting,
          (count(m.id) filter (where m.status in ('failed', 'expired')))::int as failing,
          max(m.sent_at) as last_ack
        from interop_systems s
        left join units ru on ru.id = s.remote_unit_id
        left join messages m on m.channel = 'webhook' and m.recipient = s.code
        where s.unit_id = ${unitId}
        group by s.code, s.name, s.kind, s.active, s.callback_url, ru.code
        order by s.code`,
  );
  const dead = await rows<
    RowOf<'messages', { id: string; recipient: string; data: Record<string, unknown>; attempts: number; last_error: string | null; created_at: string }> &
      RowOf<'dossiers', { external_code: string | null }> &
      Computed<{ origin_kind: SystemKind | null }>
  >(
    ex,
    sql`select m.id, m.recipient, m.data, m.attempts, m.last_error, m.created_at, d.external_code, o.kind as origin_kind from messages m
        left join dossiers d on d.code = m.data->>'dossierCode'
        left join interop_systems o on o.id = d.origin_system_id
        where m.channel = 'webhook' and m.status in ('failed', 'expired')
          and m.recipient in (select code from interop_systems where unit_id = ${unitId})
        order by m.created_at desc, m.seq desc limit 200`,
  );
  const handovers = await rows<
    RowOf<'messages', { recipient: string; sent_at: string | null; status: string }> &
      RowOf<'dossiers', { code: string; external_code: string | null }> &
      RowOf<'dossier_events', { at: string }> &
      Computed<{ origin_kind: SystemKind | null }>
  >(
    ex,
    sql`select m.recipient, d.code, d.external_code, o.kind as origin_kind, e.at, m.sent_at, m.status from messages m
        join interop_systems s on s.code = m.recipient and s.unit_id = ${unitId} and s.remote_unit_id is not null
        join dossiers d on d.code = m.data->>'dossierCode'
        left join interop_systems o on o.id = d.origin_system_id
        join dossier_events e on e.dossier_id = d.id and e.seq = (m.data->>'sequence')::int
        where m.channel = 'webhook' and m.data->>'action' = 'transfer'
        order by e.at desc limit 500`,
  );
  return list.map((s) => ({
    code: s.code,
    name: s.name,
    kind: s.kind,
    active: s.active,
    callbackUrl: s.callback_url,
    remoteUnitCode: s.remote_unit_code,
    events: s.events,
    sent: s.sent,
    acknowledged: s.acknowledged,
    waiting: s.waiting,
    failing: s.failing,
    lastAcknowledgedAt: s.last_ack ? toDate(s.last_ack) : null,
    deadLetters: dead
      .filter((m) => m.recipient === s.code)
      .slice(0, 50)
      .map((m) => ({
        id: m.id,
        dossierCode: String(m.data.dossierCode ?? ''),
        externalCode: m.external_code ?? null,
        originChannel: m.origin_kind ?? null,
        action: String(m.data.action ?? ''),
        sequence: typeof m.data.sequence === 'number' ? m.data.sequence : null,
        attempts: m.attempts,
        lastError: m.last_error,
        createdAt: toDate(m.created_at),
      })),
    handovers: handovers
      .filter((h) => h.recipient === s.code)
      .slice(0, 50)
      .map((h) => ({ dossierCode: h.code, externalCode: h.external_code, originChannel: h.origin_kind, transferredAt: toDate(h.at), acknowledgedAt: h.sent_at ? toDate(h.sent_at) : null, status: h.status })),
  }));
}
