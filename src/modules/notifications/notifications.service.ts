import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, type Executor } from '../../db/client.ts';
import { vnDateOf } from '../../domain/calendar/index.ts';
import {
  channelsFor,
  deliveryTargets,
  fill,
  LOCALES,
  type Locale,
  type NotificationEvent,
  type NotifyChannel,
  type Vars,
} from '../../domain/notifications.ts';
import { enqueueMessage, enqueueMessages, messagesInsert, messagesInsertFrom, type NewMessage } from '../messages/messages.repo.ts';
import { smsText, type Rendered } from '../messages/messages.templates.ts';
import { cachedTemplateRow, rememberTemplateRow, templateCacheGeneration, templateInForce, templateInForceJson, templateOf, type TemplateRow } from './notifications.templates.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** What the notifier needs of the deployment's settings. */
export interface NotifySettings {
  /** The address citizens use (PUBLIC_URL): links in messages start with it. */
  publicUrl: string;
  /** Channels with a provider here; a person's choice of another is ignored. */
  channels: readonly NotifyChannel[];
}

export interface NotificationInput {
  userId: string;
  event: NotificationEvent;
  /** The facts, per language (dates and amounts are written differently). */
  vars: Record<Locale, Vars>;
  /** Where the inbox entry leads (a path of the web app, e.g. `/ho-so-cua-toi/<code>`). */
  path: string | null;
  dossierId?: string | null;
  /** A second notification with the same key is not written (reminders, digests: once, however many instances). */
  dedupeKey?: string | null;
  data?: Record<string, unknown>;
}

export interface RecipientRow {
  kind: 'staff' | 'citizen' | 'business';
  phone: string | null;
  email: string | null;
  phone_verified_at: string | null;
  email_verified_at: string | null;
  channels: NotifyChannel[] | null;
  locale: Locale | null;
}

/** A person's contacts (verified or not), the channels they receive notices on, and their language. */
export async function recipientOf(ex: Executor, userId: string, offered: readonly NotifyChannel[]) {
  const r = await recipientRow(ex, userId);
  return r ? presentRecipient(r, offered) : null;
}

const RECIPIENT = sql`select u.kind, u.phone, u.email, u.phone_verified_at, u.email_verified_at, p.channels, p.locale
  from users u left join notification_preferences p on p.user_id = u.id`;

const recipientRow = (ex: Executor, userId: string) => maybeOne<RecipientRow>(ex, sql`${RECIPIENT} where u.id = ${userId}`);

const presentRecipient = (r: RecipientRow, offered: readonly NotifyChannel[]) => ({
  contacts: { phone: r.phone, phoneVerified: r.phone_verified_at !== null, email: r.email, emailVerified: r.email_verified_at !== null },
  chosen: r.channels !== null,
  channels: channelsFor(r.kind, r.channels, offered),
  locale: r.locale ?? ('vi' as Locale),
});

/** What a notice reads before it is written: the template in force and its recipient. */
export interface NoticeFacts {
  template: ReturnType<typeof templateOf>;
  who: ReturnType<typeof presentRecipient> | null;
}

/**
 * A notice's first read — the template of `event` in force on `date` and the recipient — in one
 * statement, or none: the template read lately is kept (notifications.templates.ts), and
 * `known` is the recipient's row when the caller has it already (the session reads its user's).
 */
export async function noticeFacts(
  ex: Executor,
  event: NotificationEvent,
  date: string,
  userId: string,
  offered: readonly NotifyChannel[],
  known?: RecipientRow | null,
): Promise<NoticeFacts> {
  const facts = (template: TemplateRow | null, recipient: RecipientRow | null): NoticeFacts => ({
    template: templateOf(event, template),
    who: recipient ? presentRecipient(recipient, offered) : null,
  });
  const cached = cachedTemplateRow(ex, event, date);
  if (cached !== undefined) return facts(cached, known ?? (await recipientRow(ex, userId)));
  const generation = templateCacheGeneration();
  const r = await maybeOne<Computed<{ template: TemplateRow | null; recipient: RecipientRow | null }>>(
    ex,
    sql`select ${templateInForceJson(event, date)} as template, (select row_to_json(r) from (${RECIPIENT} where u.id = ${userId}) r) as recipient`,
  );
  rememberTemplateRow(ex, event, date, r!.template, generation);
  return facts(r!.template, known ?? r!.recipient);
}

const FOOTER: Record<Locale, (url: string) => string> = {
  vi: (url) => `\n\n--\nNông Trang Số — Ủy ban nhân dân phường Nông Trang\nXem mọi thông báo, chọn cách nhận: ${url}`,
  en: (url) => `\n\n--\nNông Trang Số — Nông Trang ward People's Committee\nAll your notices, and how you receive them: ${url}`,
};

/** The text for one channel: email has a subject and a footer; SMS is short and unaccented; Zalo sends the short text's facts. */
function textFor(channel: NotifyChannel, t: { title: string; body: string; sms: string }, locale: Locale, inboxUrl: string): Rendered {
  if (channel === 'email') return { subject: `Nông Trang Số: ${t.title}`, body: t.body + FOOTER[locale](inboxUrl) };
  if (channel === 'sms') return { subject: null, body: smsText(`Nong Trang So: ${t.sms}`) };
  return { subject: null, body: t.sms };
}

/** What a notice writes: its texts, filled with the facts, and a message for each channel its recipient chose and verified. */
function compose(n: NotificationInput, s: NotifySettings, template: NoticeFacts['template'], who: NoticeFacts['who']) {
  const filled = Object.fromEntries(
    LOCALES.map((l) => {
      const t = template.texts[l];
      return [l, { title: fill(t.title, n.vars[l]), body: fill(t.body, n.vars[l]), sms: fill(t.sms, n.vars[l]) }];
    }),
  ) as Record<Locale, { title: string; body: string; sms: string }>;
  const id = randomUUID();
  const inboxUrl = `${s.publicUrl}${INBOX_PATH}`;
  const messages: NewMessage[] = who
    ? deliveryTargets(who.contacts, who.channels).map((target) => ({
        channel: target.channel,
        recipient: target.recipient,
        template: n.event,
        text: textFor(target.channel, filled[who.locale], who.locale, inboxUrl),
        data: target.channel === 'zalo' ? { event: n.event, params: n.vars[who.locale] } : { event: n.event },
        userId: n.userId,
        notificationId: id,
        dedupeKey: `notification:${id}:${target.channel}`,
      }))
    : [];
  return { id, filled, messages };
}

/**
 * notify's writes for a notice about a dossier that a statement of the caller's writes, as two
 * data-modifying CTEs of that statement (`notice`, and `notice_messages` when it has messages):
 * written with the dossier, or not at all. `dossier` is the relation (a CTE) with the dossier's
 * row; its code is known only there, so wherever the facts carry `placeholder` (the texts, the
 * link, a Zalo message's facts) the dossier's code replaces it. A notice with a dedupe key is not
 * written this way (notify: its messages only if it was).
 */
export function noticeWrites(n: NotificationInput, s: NotifySettings, now: Date, facts: NoticeFacts, dossier: SQL, placeholder: string): SQL {
  if (n.dedupeKey != null) throw new Error('noticeWrites: a notice with a dedupe key is written by notify');
  const { id, filled, messages } = compose(n, s, facts.template, facts.who);
  const coded = (v: string | null) => sql`replace(${v}::text, ${placeholder}::text, d.code)`;
  const notice = sql`notice as (
      insert into notifications (id, user_id, event, dossier_id, title_vi, body_vi, title_en, body_en, link, data, dedupe_key, created_at)
      select ${id}::uuid, ${n.userId}::uuid, ${n.event}, d.id, ${coded(filled.vi.title)}, ${coded(filled.vi.body)}, ${coded(filled.en.title)}, ${coded(filled.en.body)},
             ${coded(n.path)}, ${JSON.stringify({ ...n.data, templateVersion: facts.template.version })}::jsonb, null, ${now.toISOString()}::timestamptz
      from ${dossier} d)`;
  return messages.length ? sql`${notice}, notice_messages as (${messagesInsertFrom(messages, now, dossier, placeholder)})` : notice;
}

/**
 * Writes a notification to the person's inbox and, for each channel they chose and verified, a
 * message to the outbox — all with `tx`, so they exist if and only if the change that caused
 * them commits. The texts are the templates in force today, filled with the facts.
 * Returns the notification's id, and whether it was written (false: its dedupe key was taken).
 */
export async function notify(tx: Executor, n: NotificationInput, s: NotifySettings, now: Date): Promise<{ id: string; inserted: boolean }> {
  const { template, who } = await noticeFacts(tx, n.event, vnDateOf(now), n.userId, s.channels);
  const { id, filled, messages } = compose(n, s, template, who);
  const notice = sql`insert into notifications (id, user_id, event, dossier_id, title_vi, body_vi, title_en, body_en, link, data, dedupe_key, created_at)
        values (${id}, ${n.userId}, ${n.event}, ${n.dossierId ?? null}, ${filled.vi.title}, ${filled.vi.body}, ${filled.en.title}, ${filled.en.body},
                ${n.path}, ${JSON.stringify({ ...n.data, templateVersion: template.version })}::jsonb, ${n.dedupeKey ?? null}, ${now.toISOString()})`;
  if (n.dedupeKey == null) {
    // Nothing can stop this notice: it and its messages in one statement.
    await tx.execute(messages.length ? sql`with notice as (${notice}) ${messagesInsert(messages, now)}` : notice);
    return { id, inserted: true };
  }
  // A reminder or a digest: written once, however many instances try; its messages only then.
  const row = await maybeOne<RowOf<'notifications', { id: string }>>(tx, sql`${notice} on conflict (dedupe_key) do nothing returning id`);
  if (!row) return { id: '', inserted: false };
  await enqueueMessages(tx, messages, now);
  return { id, inserted: true };
}

/**
 * A notice to someone without an account (a reporter who gave only a phone or an email, proven
 * by a one-time code): the same templates, in force today, sent through the outbox to that
 * contact alone — there is no inbox to write to.
 */
export async function notifyContact(
  tx: Executor,
  n: { channel: 'sms' | 'email'; recipient: string; event: NotificationEvent; vars: Vars; locale?: Locale; dedupeKey: string },
  s: NotifySettings,
  now: Date,
): Promise<void> {
  const locale = n.locale ?? 'vi';
  const t = (await templateInForce(tx, n.event, vnDateOf(now))).texts[locale];
  const filled = { title: fill(t.title, n.vars), body: fill(t.body, n.vars), sms: fill(t.sms, n.vars) };
  const text = n.channel === 'email' ? { subject: `Nông Trang Số: ${filled.title}`, body: filled.body } : textFor('sms', filled, locale, s.publicUrl);
  await enqueueMessage(tx, { channel: n.channel, recipient: n.recipient, template: n.event, text, data: { event: n.event }, userId: null, dedupeKey: n.dedupeKey }, now);
}

/** The portal's inbox (web/src/routes.ts `inbox`). */
export const INBOX_PATH = '/thong-bao';

/** What the notifier needs of the settings: the public address, and the channels with a provider here. */
export function notifySettings(config: { publicUrl: string; messages: object }): NotifySettings {
  const channels: NotifyChannel[] = ['email', 'sms'];
  if ('zalo' in config.messages && config.messages.zalo) channels.push('zalo');
  return { publicUrl: config.publicUrl, channels };
}
