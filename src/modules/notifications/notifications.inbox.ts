import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Executor } from '../../db/client.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { toDate } from '../../db/time.ts';
import type { Locale, NotifyChannel } from '../../domain/notifications.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface Row {
  id: string;
  seq: string;
  event: string;
  title_vi: string;
  body_vi: string;
  title_en: string;
  body_en: string;
  link: string | null;
  dossier_code: string | null;
  created_at: string;
  read_at: string | null;
  deliveries: { channel: 'sms' | 'email' | 'zalo'; status: 'pending' | 'sending' | 'sent' | 'failed' | 'expired' }[] | null;
}

const vn = (v: string | null) => (v ? formatVn(toDate(v)) : null);

/** A person's notices, newest first, a page at a time (`before`: the `nextBefore` of the previous page), with how each went out. */
export async function inboxOf(ex: Executor, userId: string, q: { limit: number; before?: number | undefined }) {
  const list = await rows<Row>(
    ex,
    sql`select n.id, n.seq::text as seq, n.event, n.title_vi, n.body_vi, n.title_en, n.body_en, n.link, d.code as dossier_code, n.created_at, n.read_at,
               (select json_agg(json_build_object('channel', m.channel, 'status', m.status) order by m.channel) from messages m where m.notification_id = n.id) as deliveries
        from notifications n left join dossiers d on d.id = n.dossier_id
        where n.user_id = ${userId} ${q.before ? sql`and n.seq < ${q.before}` : sql``}
        order by n.seq desc limit ${q.limit}`,
  );
  const unread = await maybeOne<Computed<{ n: number }>>(ex, sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`);
  return {
    items: list.map((r) => ({
      id: r.id,
      event: r.event,
      title: r.title_vi,
      body: r.body_vi,
      titleEn: r.title_en,
      bodyEn: r.body_en,
      link: r.link,
      dossierCode: r.dossier_code,
      createdAt: vn(r.created_at)!,
      readAt: vn(r.read_at),
      deliveries: r.deliveries ?? [],
    })),
    unread: unread?.n ?? 0,
    nextBefore: list.length === q.limit ? Number(list.at(-1)!.seq) : null,
  };
}

/** Marks some (or all) of a person's notices read; returns how many remain unread. */
export async function markRead(tx: Executor, userId: string, ids: string[] | 'all', now: Date) {
  const which = ids === 'all' ? sql`true` : sql`id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`;
  await tx.execute(sql`update notifications set read_at = ${now.toISOString()} where user_id = ${userId} and read_at is null and ${which}`);
  const unread = await maybeOne<Computed<{ n: number }>>(tx, sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`);
  return { unread: unread?.n ?? 0 };
}

/** What the person's dossiers wait for from them now (the banner on the portal's home page). */
export async function waitingFor(ex: Executor, userId: string) {
  const list = await rows<RowOf<'dossiers', { code: string; status: string }> & RowOf<'notification_waits', { deadline_at: string | null }> & Computed<{ procedure: string }>>(
    ex,
    sql`select d.code, v.definition->>'name' as procedure, d.status,
               (select w.deadline_at from notification_waits w where w.dossier_id = d.id and w.closed_at is null order by w.requested_at desc limit 1) as deadline_at
        from dossiers d join procedure_versions v on v.procedure_code = d.procedure_code and v.version = d.procedure_version
        where (d.applicant_id = ${userId} or d.submitted_by = ${userId}) and d.status in ('supplement_requested', 'awaiting_payment')
        order by d.updated_at desc limit 20`,
  );
  return list.map((r) => ({
    code: r.code,
    procedure: r.procedure,
    kind: r.status === 'supplement_requested' ? ('supplement' as const) : ('payment' as const),
    deadline: vn(r.deadline_at),
  }));
}

/** Saves the channels and language a person chose. */
export async function savePreferences(tx: Executor, userId: string, p: { channels: NotifyChannel[]; locale: Locale }, now: Date) {
  await tx.execute(sql`
    insert into notification_preferences (user_id, channels, locale, updated_at)
    values (${userId}, ${`{${p.channels.join(',')}}`}, ${p.locale}, ${now.toISOString()})
    on conflict (user_id) do update set channels = excluded.channels, locale = excluded.locale, updated_at = excluded.updated_at`);
}
