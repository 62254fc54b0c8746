import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { HEADERS, signRequest, statusEvent, type Handover } from '../../domain/interop.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import type { DossierRow } from '../dossiers/dossiers.repo.ts';
import { enqueueMessage } from '../messages/messages.repo.ts';
import { PermanentDeliveryError, type MessageSender, type OutgoingMessage } from '../messages/messages.senders.ts';
import { dossierFacts, eventFacts } from './interop.status.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** A connected system that follows a dossier (`remote`: the unit on another deployment it was handed to). */
export interface FollowingSystem {
  id: string;
  code: string;
  remote: boolean;
}

/**
 * The connected systems that follow a dossier (publishDossierEvents), as a scalar sub-query (a JSON
 * array), for a statement that reads or writes the dossier anyway: a submission's write brings them
 * back with the new dossier instead of asking in a statement of its own (docs/PERFORMANCE.md).
 */
export const followingSystemsJson = (d: Pick<DossierRow, 'origin_system_id' | 'receiving_unit_id' | 'handling_unit_id'>) =>
  sql`(select coalesce(json_agg(json_build_object('id', id, 'code', code, 'remote', remote_unit_id is not null and remote_unit_id = ${d.handling_unit_id})), '[]'::json)
       from interop_systems
       where active and callback_url is not null
         and (id = ${d.origin_system_id ?? null} or (sync_all and unit_id in (${d.receiving_unit_id}, ${d.handling_unit_id}))
              or remote_unit_id = ${d.handling_unit_id}))`;

/**
 * Puts the last `count` events of a dossier (just appended, in the transaction that appended them)
 * in the outbox, once for each connected system that follows the dossier: the system it came from,
 * and every active system of its receiving or handling unit with `sync_all` (the national portal,
 * which syncs every dossier of the unit). One message per event and system, keyed by the event
 * (a retry or a second call writes nothing new), ordered per dossier and system.
 * Call it once per dossier write, after the events: submit, every action, an intake. `following`:
 * the systems as this transaction already read them (followingSystemsJson), else they are read here.
 */
export async function publishDossierEvents(tx: Executor, d: DossierRow, count: number, now: Date, following?: FollowingSystem[]): Promise<number> {
  // A unit on another deployment the dossier was handed to follows it from the hand-over on.
  const systems = following ?? (await maybeOne<Computed<{ systems: FollowingSystem[] }>>(tx, sql`select ${followingSystemsJson(d)} as systems`))!.systems;
  if (systems.length === 0 || count < 1) return 0;
  const facts = await dossierFacts(tx, d);
  const events = await eventFacts(tx, d.id, count);
  let written = 0;
  for (const e of events) {
    const status = statusEvent(facts, e, formatVn);
    const handover = e.action === 'transfer' && systems.some((s) => s.remote) ? await handoverOf(tx, d, e.comment) : null;
    for (const s of systems) {
      const payload = s.remote && handover ? { ...status, handover } : status;
      const r = await enqueueMessage(
        tx,
        {
          channel: 'webhook',
          recipient: s.code,
          template: 'interop.status_event',
          text: { subject: `${payload.action} ${payload.dossier.code}`, body: JSON.stringify(payload) },
          data: { eventId: payload.eventId, action: payload.action, dossierCode: payload.dossier.code, sequence: payload.sequence },
          dedupeKey: `interop:${s.id}:${payload.eventId}`,
          orderingKey: `interop:${s.id}:${d.id}`,
        },
        now,
      );
      if (r.inserted) written++;
    }
  }
  return written;
}

/**
 * What the competent unit on another deployment needs to take the dossier on: the applicant, the
 * form and the documents (their current versions), each to fetch with that system's own key from
 * the machine API (GET /interop/handovers/:code/documents/:id; docs/INTEROP.md).
 */
async function handoverOf(tx: Executor, d: DossierRow, reason: string | null): Promise<Handover> {
  const docs = await rows<RowOf<'dossier_documents', { id: string; requirement_id: string | null }> & RowOf<'uploads', { name: string; sha256: string }> & RowOf<'files', { mime: string; size: number }>>(
    tx,
    sql`select dd.id, dd.requirement_id, up.name, f.mime, f.size, up.sha256
        from dossier_documents dd join uploads up on up.id = dd.upload_id join files f on f.sha256 = up.sha256
        where dd.dossier_id = ${d.id} and dd.purpose = 'application' and not dd.superseded order by dd.created_at, dd.requirement_id`,
  );
  const base = `${HANDOVER_PATH}/${encodeURIComponent(d.code)}/documents`;
  return {
    reason,
    applicant: { kind: d.applicant.kind, fullName: d.applicant.fullName, idNumber: d.applicant.idNumber, phone: d.applicant.phone, email: d.applicant.email, address: d.applicant.address },
    formData: d.form_data,
    documents: docs.map((x) => ({ requirementId: x.requirement_id, name: x.name, mime: x.mime, size: Number(x.size), sha256: x.sha256, path: `${base}/${x.id}` })),
  };
}

/** Where a handed-over dossier's documents are fetched, on the ward's server (the other side registered its base URL). */
export const HANDOVER_PATH = '/api/v1/interop/handovers';

/** Whether an HTTP status means "try again later" (the receiver is busy or down) rather than "this will never be accepted". */
const retryable = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * Delivers status events: POSTs the stored JSON to the system's callback URL, signed like the
 * machine API's requests (docs/INTEROP.md) with the system's newest key, the event's id as the
 * Idempotency-Key (the same on every redelivery). A 2xx answer is an acknowledgement; 408, 429,
 * 5xx and network errors are retried with the outbox's back-off; any other answer (the receiver
 * refuses the event: a signature it cannot check, a body it rejects) goes to the dead-letter list
 * at once, for the admin to read and replay once the cause is fixed.
 */
export function webhookSender(o: { database: Database; keys: ServerKeys; timeoutMs: number; now: () => Date }): MessageSender {
  return {
    channel: 'webhook',
    name: 'interop-webhook',
    async send(m: OutgoingMessage) {
      const target = await maybeOne<RowOf<'interop_systems', { id: string; callback_url: string | null; active: boolean }> & RowOf<'interop_keys', { key_id: string | null; signing_secret_sealed: string | null }>>(
        o.database.db,
        sql`select s.id, s.callback_url, s.active, k.key_id, k.signing_secret_sealed
            from interop_systems s left join lateral (select key_id, signing_secret_sealed from interop_keys where system_id = s.id order by created_at desc limit 1) k on true
            where s.code = ${m.recipient}`,
      );
      if (!target?.active || !target.callback_url || !target.key_id) throw new PermanentDeliveryError(`connected system ${m.recipient} is suspended, unknown or has no callback URL`);
      const secret = o.keys.unseal(target.signing_secret_sealed ?? '');
      if (!secret) throw new PermanentDeliveryError(`the signing secret of ${m.recipient} cannot be opened (SESSION_SECRET changed?)`);
      const url = new URL(target.callback_url);
      const timestamp = String(Math.floor(o.now().getTime() / 1000));
      const eventId = String(m.data.eventId ?? m.id);
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'error',
        signal: AbortSignal.timeout(o.timeoutMs),
        headers: {
          'content-type': 'application/json',
          [HEADERS.timestamp]: timestamp,
          [HEADERS.signature]: signRequest(secret, { timestamp, method: 'POST', path: `${url.pathname}${url.search}`, body: m.body }),
          [HEADERS.keyId]: target.key_id,
          [HEADERS.idempotencyKey]: eventId,
          [HEADERS.event]: String(m.data.action ?? ''),
        },
        body: m.body,
      });
      const answer = (await res.text().catch(() => '')).slice(0, 300);
      if (res.ok) return { providerRef: `HTTP ${res.status}` };
      const error = `HTTP ${res.status} from ${url.origin}: ${answer}`;
      if (retryable(res.status)) throw new Error(error);
      throw new PermanentDeliveryError(error);
    },
  };
}
