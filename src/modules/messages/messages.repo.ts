import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import type { NotificationEvent } from '../../domain/notifications.ts';
import { isTemplateKey, renderTemplate, type Channel, type Rendered, type TemplateKey } from './messages.templates.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface NewMessage {
  channel: Channel;
  /** One of the outbox's own templates, or the notification whose text is given in `text`. */
  template: TemplateKey | NotificationEvent | 'interop.status_event';
  /** The text, already written (a notification's); otherwise the template writes it from data and secrets. */
  text?: Rendered;
  recipient: string;
  /** Stored with the message (never a secret); a Zalo sender reads its template's facts here. */
  data?: Record<string, unknown>;
  /** Used to write the body only; the stored body is replaced by a masked one at `scrubAt`. */
  secrets?: Record<string, string>;
  userId?: string | null;
  /** A second message with the same key is not written (the first one stands). */
  dedupeKey?: string | null;
  /** Not sent after this instant (a one-time code nobody can use any more). */
  expiresAt?: Date | null;
  /** When the body's secrets are removed; defaults to `expiresAt` for a message with secrets. */
  scrubAt?: Date | null;
  /** The inbox notification this message carries to a channel. */
  notificationId?: string | null;
  /** Messages with the same key are delivered one at a time, in the order they were written. */
  orderingKey?: string | null;
}

/**
 * Writes a message to the outbox. Call it with the transaction of the change that causes it:
 * the message exists if and only if the change committed. Delivery happens after commit.
 * Returns the id, and whether it was written (false: a message with the same dedupe key exists).
 * @throws Error when a notification's message comes without its text (a programming error).
 */
export async function enqueueMessage(tx: Executor, m: NewMessage, now: Date): Promise<{ id: string; inserted: boolean }> {
  const row = await maybeOne<Computed<{ id: string }>>(tx, sql`${INSERT_MESSAGES} values ${messageRow(m, now)} on conflict (dedupe_key) do nothing returning id`);
  if (row) return { id: row.id, inserted: true };
  const existing = await maybeOne<RowOf<'messages', { id: string }>>(tx, sql`select id from messages where dedupe_key = ${m.dedupeKey ?? null}`);
  return { id: existing!.id, inserted: false };
}

/**
 * Writes several messages to the outbox in one statement (a notice to each of a person's
 * channels); one whose dedupe key exists is not written. Same rules as enqueueMessage.
 */
export async function enqueueMessages(tx: Executor, ms: readonly NewMessage[], now: Date): Promise<void> {
  if (ms.length) await tx.execute(messagesInsert(ms, now));
}

/** enqueueMessages' statement, to run as the last part of one that writes what the messages point to. */
export function messagesInsert(ms: readonly NewMessage[], now: Date): SQL {
  const values = ms.map((m) => messageRow(m, now));
  return sql`${INSERT_MESSAGES} values ${sql.join(values, sql`, `)} on conflict (dedupe_key) do nothing`;
}

/**
 * messagesInsert for a statement that writes what the messages are about in the relation `from`
 * (a CTE of one row with a `code`, e.g. the dossier just written): the messages are written with
 * that row, or not at all, and `placeholder` in their subject, body and data becomes its code.
 */
export function messagesInsertFrom(ms: readonly NewMessage[], now: Date, from: SQL, placeholder: string): SQL {
  const coded = (v: SQL) => sql`replace(${v}, ${placeholder}::text, f.code)`;
  return sql`${INSERT_MESSAGES}
    select v.id::uuid, v.channel, v.recipient, ${coded(sql`v.subject`)}, ${coded(sql`v.body`)}, v.template, ${coded(sql`v.data::text`)}::jsonb,
           v.dedupe_key, v.user_id::uuid, v.status, v.attempts, v.next_attempt_at::timestamptz, v.expires_at::timestamptz, v.scrub_at::timestamptz,
           v.scrubbed_body, v.created_at::timestamptz, v.notification_id::uuid, v.ordering_key
    from ${from} f cross join (values ${sql.join(
      ms.map((m) => messageRow(m, now)),
      sql`, `,
    )}) as v(id, channel, recipient, subject, body, template, data, dedupe_key, user_id, status, attempts, next_attempt_at, expires_at, scrub_at,
             scrubbed_body, created_at, notification_id, ordering_key)
    on conflict (dedupe_key) do nothing`;
}

const INSERT_MESSAGES = sql`insert into messages (id, channel, recipient, subject, body, template, data, dedupe_key, user_id, status, attempts,
                              next_attempt_at, expires_at, scrub_at, scrubbed_body, created_at, notification_id, ordering_key)`;

/** A message's row: its text written (by the template, with its secrets masked in the stored copy). */
function messageRow(m: NewMessage, now: Date): SQL {
  const data = m.data ?? {};
  const secrets = m.secrets ?? {};
  const hasSecrets = Object.keys(secrets).length > 0;
  let rendered: Rendered;
  let scrubbed: string | null = null;
  if (m.text) rendered = m.text;
  else if (!isTemplateKey(m.template)) throw new Error(`Message ${m.template} needs its text`);
  else {
    const values = data as Record<string, string | number>;
    rendered = renderTemplate(m.template, m.channel, { ...values, ...secrets });
    const masked = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, '*'.repeat(Math.max(v.length, 6))]));
    if (hasSecrets) scrubbed = renderTemplate(m.template, m.channel, { ...values, ...masked }).body;
  }
  const scrubAt = hasSecrets ? (m.scrubAt ?? m.expiresAt ?? now) : null;
  return sql`(${randomUUID()}, ${m.channel}, ${m.recipient}, ${rendered.subject}, ${rendered.body}, ${m.template}, ${JSON.stringify(data)}::jsonb,
                ${m.dedupeKey ?? null}, ${m.userId ?? null}, 'pending', 0, ${now.toISOString()}, ${m.expiresAt?.toISOString() ?? null},
                ${scrubAt?.toISOString() ?? null}, ${scrubbed}, ${now.toISOString()}, ${m.notificationId ?? null}, ${m.orderingKey ?? null})`;
}

export interface ClaimedMessage {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  data: Record<string, unknown>;
  attempts: number;
  expiresAt: Date | null;
  /** Delivered in order after the earlier messages with the same key (a connected system's events). */
  orderingKey: string | null;
}

export interface ClaimedRow {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  data: Record<string, unknown>;
  attempts: number;
  expires_at: string | null;
  ordering_key: string | null;
}

/**
 * Takes up to `limit` messages that are due, for this worker, for `leaseMs`. Rows another
 * instance is claiming at the same moment are skipped (FOR UPDATE SKIP LOCKED), and a claimed
 * row is not due again until its lease ends, so two workers never hold the same message. A
 * message whose worker died mid-send becomes due again when the lease ends.
 */
export async function claimDueMessages(ex: Executor, o: { now: Date; workerId: string; leaseMs: number; limit: number }): Promise<ClaimedMessage[]> {
  const leaseEnd = new Date(o.now.getTime() + o.leaseMs).toISOString();
  const list = await rows<ClaimedRow>(
    ex,
    sql`update messages m
        set status = 'sending', attempts = m.attempts + 1, leased_by = ${o.workerId}, next_attempt_at = ${leaseEnd}
        from (select id from messages q
              where status in ('pending', 'sending') and next_attempt_at <= ${o.now.toISOString()}
                and (q.ordering_key is null or not exists (
                  select 1 from messages p where p.ordering_key = q.ordering_key and p.seq < q.seq and p.status in ('pending', 'sending')))
              order by next_attempt_at
              limit ${o.limit}
              for update skip locked) due
        where m.id = due.id
        returning m.id, m.channel, m.recipient, m.subject, m.body, m.template, m.data, m.attempts, m.expires_at, m.ordering_key`,
  );
  return list.map(({ ordering_key, expires_at, ...r }) => ({ ...r, expiresAt: toDate(expires_at), orderingKey: ordering_key }));
}

/** How an attempt to deliver a message ended. */
export type AttemptOutcome =
  | { status: 'sent'; at: Date; providerRef: string | null }
  | { status: 'pending'; nextAttemptAt: Date; error: string }
  | { status: 'failed' | 'expired'; error: string };

/** The end of an attempt. Only the worker holding the lease may record it; returns false otherwise. */
export async function finishAttempt(ex: Executor, id: string, workerId: string, outcome: AttemptOutcome): Promise<boolean> {
  return (await finishAttempts(ex, workerId, [{ id, outcome }])).has(id);
}

/**
 * The ends of attempts that ended together (the worker's sends that finished in the same turn of
 * the event loop), in one statement: for each, what finishAttempt records, for the messages this
 * worker still holds. Returns the ids recorded. The outcomes go as one JSON parameter (one
 * prepared statement for any number).
 */
export async function finishAttempts(ex: Executor, workerId: string, done: readonly { id: string; outcome: AttemptOutcome }[]): Promise<Set<string>> {
  if (done.length === 0) return new Set();
  const values = done.map(({ id, outcome: o }) => ({
    id,
    status: o.status,
    sent_at: o.status === 'sent' ? o.at.toISOString() : null,
    provider_ref: o.status === 'sent' ? o.providerRef : null,
    next_attempt_at: o.status === 'pending' ? o.nextAttemptAt.toISOString() : null,
    last_error: o.status === 'sent' ? null : o.error,
  }));
  const recorded = await rows<RowOf<'messages', { id: string }>>(
    ex,
    sql`update messages m
        set status = v.status, sent_at = coalesce(v.sent_at, m.sent_at),
            provider_ref = case when v.status = 'sent' then v.provider_ref else m.provider_ref end,
            next_attempt_at = coalesce(v.next_attempt_at, m.next_attempt_at), last_error = v.last_error, leased_by = null
        from json_to_recordset(${JSON.stringify(values)}::json)
             as v(id uuid, status text, sent_at timestamptz, provider_ref text, next_attempt_at timestamptz, last_error text)
        where m.id = v.id and m.status = 'sending' and m.leased_by = ${workerId}
        returning m.id`,
  );
  return new Set(recorded.map((r) => r.id));
}

/**
 * Replaces the bodies whose secrets have expired by their masked version. A message still
 * waiting to be sent keeps its text (it expires, unsent, at its own `expires_at`).
 * Returns how many.
 */
export async function scrubExpiredSecrets(ex: Executor, now: Date): Promise<number> {
  const done = await rows<RowOf<'messages', { id: string }>>(
    ex,
    sql`update messages set body = scrubbed_body, scrubbed_body = null, scrub_at = null
        where scrub_at <= ${now.toISOString()} and status in ('sent', 'failed', 'expired') returning id`,
  );
  return done.length;
}

export interface MessageRow {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'expired';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  user_id: string | null;
}

/** The most recent messages, newest first, optionally for one recipient or status. */
export async function recentMessages(ex: Executor, f: { recipient?: string | undefined; status?: string | undefined; limit: number }): Promise<MessageRow[]> {
  return rows<MessageRow>(
    ex,
    sql`select id, channel, recipient, subject, body, template, status, attempts, next_attempt_at, last_error, created_at, sent_at, user_id
        from messages
        where true ${f.recipient ? sql`and recipient = ${f.recipient}` : sql``} ${f.status ? sql`and status = ${f.status}` : sql``}
        order by seq desc
        limit ${f.limit}`,
  );
}

/**
 * Sends a failed message again (the admin's replay of the dead-letter list): back to `pending`,
 * due now, its attempts counted afresh. Only a `failed` message: one that was sent is never sent
 * twice, and an expired one (a one-time code nobody can use) stays expired.
 * @returns 'replayed', or what the message is instead ('not_found' or its status).
 */
export async function replayMessage(tx: Executor, id: string, now: Date): Promise<'replayed' | 'not_found' | MessageRow['status']> {
  const row = await maybeOne<RowOf<'messages', { status: MessageRow['status'] }>>(tx, sql`select status from messages where id = ${id} for update`);
  if (!row) return 'not_found';
  if (row.status !== 'failed') return row.status;
  await tx.execute(sql`update messages set status = 'pending', attempts = 0, next_attempt_at = ${now.toISOString()}, leased_by = null,
                         last_error = ${'replayed by an admin after: '} || coalesce(last_error, '') where id = ${id}`);
  return 'replayed';
}
