/**
 * The machine API's rules (docs/INTEROP.md), pure: what a connected system may do, how a request
 * or an event is signed, when a signed request is too old, and the status event a connected
 * system receives for each event of a dossier. No I/O; `now` is a parameter.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Status } from './dossier-state.ts';
import type { SystemKind } from './interop-grants.ts';

export { INTEROP_SCOPES, SYSTEM_KINDS, type InteropScope, type SystemKind } from './interop-grants.ts';

/** A signed request is accepted within this many seconds of its timestamp, either side of now. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** The header names of a signed request or event. */
export const HEADERS = {
  timestamp: 'x-nts-timestamp',
  signature: 'x-nts-signature',
  keyId: 'x-nts-key-id',
  idempotencyKey: 'idempotency-key',
  event: 'x-nts-event',
} as const;

export const sha256Hex = (body: string | Buffer) => createHash('sha256').update(body).digest('hex');

/**
 * The text that is signed: the timestamp (Unix seconds), the method, the path with its query as
 * sent, and the SHA-256 of the body, one a line. Binding method and path means a signature made
 * for one endpoint cannot be replayed on another.
 */
export function canonicalRequest(r: { timestamp: string; method: string; path: string; body: string | Buffer }): string {
  return [r.timestamp, r.method.toUpperCase(), r.path, sha256Hex(r.body)].join('\n');
}

/** `sha256=<hex>`: HMAC-SHA256 of the canonical request with the system's signing secret. */
export function signRequest(secret: string, r: { timestamp: string; method: string; path: string; body: string | Buffer }): string {
  return `sha256=${createHmac('sha256', secret).update(canonicalRequest(r)).digest('hex')}`;
}

/** Constant-time check of a signature made by `signRequest`. */
export function signatureMatches(secret: string, r: { timestamp: string; method: string; path: string; body: string | Buffer }, given: string): boolean {
  const a = Buffer.from(signRequest(secret, r));
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TimestampVerdict = 'ok' | 'malformed' | 'too_old' | 'in_future';

/** Whether a request's timestamp (Unix seconds, digits only) is within the window around `now`. */
export function checkTimestamp(timestamp: string | undefined, now: Date, windowSeconds = SIGNATURE_WINDOW_SECONDS): TimestampVerdict {
  if (!timestamp || !/^\d{9,11}$/.test(timestamp)) return 'malformed';
  const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
  if (skew < -windowSeconds) return 'too_old';
  if (skew > windowSeconds) return 'in_future';
  return 'ok';
}

/** `nts_<keyId>_<secret>` → its parts, or null when it is not a key of this shape. */
export function parseApiKey(value: string | undefined): { keyId: string; secret: string } | null {
  const m = /^Bearer nts_([a-z0-9]{12})_([A-Za-z0-9_-]{32,64})$/.exec(value?.trim() ?? '');
  return m ? { keyId: m[1]!, secret: m[2]! } : null;
}

/**
 * The national portal's dossier status numbering, as seen in a real provincial system's sync
 * (1 newly registered … 10 result returned; docs/INTEROP.md). Unconfirmed against the portal's
 * published specification: a ward maps it there.
 */
export const PORTAL_STATUS: Record<Status, number> = {
  submitted: 1,
  received: 2,
  refused: 3,
  in_review: 4,
  consulting: 4,
  awaiting_approval: 4,
  approved: 4,
  // A proposal the desk has not sent yet: to the applicant the dossier is still being processed.
  supplement_proposed: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

export const STATUS_EVENT_SCHEMA_ID = 'urn:nong-trang-so:interop:status-event:1';

/** What a connected system receives for each event of a dossier (docs/interop/status-event.schema.json). */
export interface StatusEvent {
  schema: typeof STATUS_EVENT_SCHEMA_ID;
  /** The same for every delivery of this event: the receiver drops what it has seen. */
  eventId: string;
  /** The event's number in the dossier's history (1, 2, …): events of a dossier arrive in this order. */
  sequence: number;
  occurredAt: string;
  action: string;
  dossier: {
    code: string;
    externalCode: string | null;
    procedureCode: string;
    procedureVersion: number;
    receivingUnitCode: string;
    handlingUnitCode: string;
    channel: string;
    status: Status;
    portalStatus: number;
    receivedAt: string | null;
    dueAt: string | null;
    finishedAt: string | null;
    returnedAt: string | null;
    outcome: string | null;
  };
  /** The items of a request to supplement (sent to the applicant). */
  supplement?: { items: { target: string; reason: string }[] };
  /** A request to pay a financial obligation. */
  payment?: { amountVnd: number | null; note: string | null };
  /** The result: its files, each by name and SHA-256 (fetched by the receiver with dossiers.read). */
  result?: { files: { name: string; sha256: string }[] };
  /** The unit the dossier was transferred to. */
  transferredTo?: { unitCode: string; unitName: string };
  /**
   * Only to the system of a unit on another deployment the dossier was transferred to, on the
   * transfer: what that unit needs to take the dossier on (the applicant, the form, the documents,
   * each fetched with its own key from `path` on the ward's server).
   */
  handover?: Handover;
}

/** The dossier's content, handed over to the competent unit's own system. */
export interface Handover {
  reason: string | null;
  applicant: { kind: string; fullName: string; idNumber: string; phone: string | null; email: string | null; address: string | null };
  formData: Record<string, unknown>;
  documents: { requirementId: string | null; name: string; mime: string; size: number; sha256: string; path: string }[];
}

/** The facts of a dossier a status event carries (times as instants). */
export interface DossierFacts {
  id: string;
  code: string;
  externalCode: string | null;
  procedureCode: string;
  procedureVersion: number;
  receivingUnitCode: string;
  handlingUnitCode: string;
  channel: string;
  /** The connected system it came from (`national_portal`, …), if any: its channel at the sender. */
  originKind: SystemKind | null;
  status: Status;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  outcome: string | null;
}

/** One event of the dossier's history, as stored. */
export interface EventFacts {
  seq: number;
  action: string;
  at: Date;
  comment: string | null;
  data: Record<string, unknown>;
  /** The result's files, for issue_result (name, SHA-256). */
  resultFiles?: { name: string; sha256: string }[];
}

const iso = (d: Date | null, fmt: (d: Date) => string) => (d ? fmt(d) : null);

/**
 * The status event a connected system receives for one event of a dossier: the dossier as it is
 * after the event (codes ours and the sender's, procedure, units, channel, times, status in our
 * words and the portal's number) and what the event adds (supplement items, payment, result, transfer).
 * `formatTime` writes an instant (+07:00).
 */
export function statusEvent(d: DossierFacts, e: EventFacts, formatTime: (d: Date) => string): StatusEvent {
  const out: StatusEvent = {
    schema: STATUS_EVENT_SCHEMA_ID,
    eventId: `${d.id}:${e.seq}`,
    sequence: e.seq,
    occurredAt: formatTime(e.at),
    action: e.action,
    dossier: {
      code: d.code,
      externalCode: d.externalCode,
      procedureCode: d.procedureCode,
      procedureVersion: d.procedureVersion,
      receivingUnitCode: d.receivingUnitCode,
      handlingUnitCode: d.handlingUnitCode,
      channel: d.originKind ?? d.channel,
      status: d.status,
      portalStatus: PORTAL_STATUS[d.status],
      receivedAt: iso(d.receivedAt, formatTime),
      dueAt: iso(d.dueAt, formatTime),
      finishedAt: iso(d.finishedAt, formatTime),
      returnedAt: iso(d.returnedAt, formatTime),
      outcome: d.outcome,
    },
  };
  const items = e.data.items;
  if (e.action === 'request_supplement' && Array.isArray(items)) {
    out.supplement = {
      items: items.map((i: { target?: { type?: string; key?: string }; reason?: string }) => ({ target: `${i.target?.type ?? ''}:${i.target?.key ?? ''}`, reason: i.reason ?? '' })),
    };
  }
  if (e.action === 'request_payment') {
    out.payment = { amountVnd: typeof e.data.amountVnd === 'number' ? e.data.amountVnd : null, note: e.comment };
  }
  if (e.action === 'issue_result') out.result = { files: e.resultFiles ?? [] };
  const to = e.data.toUnit as { code?: string; name?: string } | undefined;
  if (e.action === 'transfer' && to?.code) out.transferredTo = { unitCode: to.code, unitName: to.name ?? '' };
  return out;
}
