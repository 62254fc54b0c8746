import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maybeOne } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { LOCALES, NOTIFY_CHANNELS } from '../../domain/notifications.ts';
import { requireUser } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { inboxOf, markRead, savePreferences, waitingFor } from './notifications.inbox.ts';
import { maskEmail } from '../messages/messages.routes.ts';
import { maskPhone } from '../../domain/identifiers.ts';
import { notifySettings, recipientOf } from './notifications.service.ts';
import { sql } from 'drizzle-orm';
import { authorize } from '../../domain/policy.ts';
import { auditContext } from '../audit/audit.ts';
import { identityRouteKit } from '../accounts/signup.routes.ts';
import { CodeInput } from '../../contract/auth.ts';
import { confirmContact, startContactCheck } from './notifications.contacts.ts';
import type { Computed } from '../../db/rows.ts';

const Delivery = z.object({ channel: z.enum(['sms', 'email', 'zalo']), status: z.enum(['pending', 'sending', 'sent', 'failed', 'expired']) });
const Notification = z.object({
  id: z.string(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  titleEn: z.string(),
  bodyEn: z.string(),
  link: z.string().nullable(),
  dossierCode: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  deliveries: z.array(Delivery),
});
const Waiting = z.object({
  code: z.string(),
  procedure: z.string(),
  kind: z.enum(['supplement', 'payment']),
  deadline: z.string().nullable(),
});
const Preferences = z.object({
  channels: z.array(z.enum(NOTIFY_CHANNELS)),
  chosen: z.boolean(),
  locale: z.enum(LOCALES),
  offered: z.array(z.enum(NOTIFY_CHANNELS)),
  contacts: z.object({ phone: z.string().nullable(), phoneVerified: z.boolean(), email: z.string().nullable(), emailVerified: z.boolean() }),
});

/**
 * The signed-in person's inbox: every notice they received, the dossiers waiting for them (the
 * home page's banner), the unread count (the badge), and how they want to be told.
 */
export function notificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const db = deps.database;

  api.get(
    '/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Hộp thư thông báo / my notifications',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(30),
          before: z.coerce.number().int().min(1).max(2 ** 53).optional(),
        }),
        response: { 200: z.object({ items: z.array(Notification), unread: z.number().int(), nextBefore: z.number().int().nullable() }) },
      },
    },
    async (req) => inboxOf(db.db, requireUser(req).id, req.query),
  );

  api.get(
    '/me/notifications/summary',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Số thông báo chưa đọc, hồ sơ đang chờ bạn / unread count and dossiers waiting for you',
        response: { 200: z.object({ unread: z.number().int(), waiting: z.array(Waiting) }) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const [unread, waiting] = await Promise.all([
        maybeOne<Computed<{ n: number }>>(db.db, sql`select count(*)::int as n from notifications where user_id = ${user.id} and read_at is null`),
        waitingFor(db.db, user.id),
      ]);
      return { unread: unread?.n ?? 0, waiting };
    },
  );

  api.post(
    '/me/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc / mark as read',
        body: z.union([z.strictObject({ ids: z.array(z.uuid()).min(1).max(100) }), z.strictObject({ all: z.literal(true) })]),
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      return db.transaction((tx) => markRead(tx, user.id, 'all' in req.body ? 'all' : req.body.ids, now()));
    },
  );

  const preferencesOf = async (userId: string) => {
    const offered = [...notifySettings(deps.config).channels];
    const r = await recipientOf(db.db, userId, offered);
    if (!r) throw new AppError('USER_NOT_FOUND');
    const c = r.contacts;
    return {
      channels: r.channels,
      chosen: r.chosen,
      locale: r.locale,
      offered,
      contacts: {
        phone: c.phone ? maskPhone(c.phone) : null,
        phoneVerified: c.phoneVerified,
        email: c.email ? maskEmail(c.email) : null,
        emailVerified: c.emailVerified,
      },
    };
  };

  api.get(
    '/me/notification-preferences',
    { schema: { tags: ['notifications'], summary: 'Cách nhận thông báo / how I am notified', response: { 200: Preferences } } },
    async (req) => preferencesOf(requireUser(req).id),
  );

  api.put(
    '/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Chọn kênh nhận thông báo / choose notification channels',
        description: 'The inbox always receives every notice; the channels chosen here receive them too once their address is verified.',
        body: z.strictObject({ channels: z.array(z.enum(NOTIFY_CHANNELS)).max(3), locale: z.enum(LOCALES).default('vi') }),
        response: { 200: Preferences },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const offered = notifySettings(deps.config).channels;
      const missing = req.body.channels.filter((c) => !offered.includes(c));
      if (missing.length) throw new AppError('NOTIFICATION_CHANNEL_UNAVAILABLE', { channels: missing, offered });
      await db.transaction((tx) => savePreferences(tx, user.id, { channels: [...new Set(req.body.channels)], locale: req.body.locale }, now()));
      return preferencesOf(user.id);
    },
  );

  // Proving a phone or email (the one on the account, or a new one that replaces it): a code to
  // it, then the code back. Until then the address receives nothing but its code.
  const { limited, keys } = identityRouteKit(app, deps);
  const ContactBody = { kind: z.enum(['phone', 'email']), value: z.string().trim().min(3).max(200).optional() };
  api.post(
    '/me/contacts/code',
    {
      config: limited,
      schema: {
        tags: ['notifications'],
        summary: 'Gửi mã xác minh số điện thoại/email / send a code to verify a phone or email',
        description: 'Without `value`, the address on the account; with it, a new address that replaces it once the code comes back.',
        body: z.strictObject(ContactBody),
        response: { 202: z.object({ value: z.enum(['current', 'new']), code: z.object({ channel: z.enum(['sms', 'email']), sentTo: z.string(), expiresAt: z.string(), resendAt: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const user = authorize(req.user, 'account.change_contact', null);
      const r = await startContactCheck(db, keys, user.id, req.body, { ip: req.ip }, now());
      deps.outbox?.kick();
      const c = r.code;
      return reply.code(202).send({ value: r.value, code: { channel: c.channel === 'sms' ? 'sms' : 'email', sentTo: c.sentTo, expiresAt: c.expiresAt.toISOString(), resendAt: c.resendAt.toISOString() } });
    },
  );

  api.post(
    '/me/contacts/confirm',
    {
      config: limited,
      schema: {
        tags: ['notifications'],
        summary: 'Xác minh số điện thoại/email bằng mã / verify a phone or email with its code',
        body: z.strictObject({ ...ContactBody, code: CodeInput }),
        response: { 200: Preferences },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'account.change_contact', null);
      await confirmContact(db, keys, user.id, req.body, auditContext(req), now());
      deps.outbox?.kick();
      return preferencesOf(user.id);
    },
  );
}
