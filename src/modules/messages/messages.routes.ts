import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { maskPhone } from '../../domain/identifiers.ts';
import { authorize } from '../../domain/policy.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import { toDate } from '../../db/time.ts';
import type { AppDeps } from '../../server/deps.ts';
import { clock } from '../../server/clock.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { deploymentData } from '../units/units.service.ts';
import { AppError } from '../../domain/errors.ts';
import { recentMessages, replayMessage, type MessageRow } from './messages.repo.ts';
import { MessageIdParams, MessageList, MessagesQuery, ReplayAnswer } from '../../contract/messages.ts';

/** `an.nguyen@example.vn` → `a******@example.vn`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '*'.repeat(email.length);
  return `${email[0]}${'*'.repeat(Math.max(at - 1, 1))}${email.slice(at)}`;
}

/**
 * The outbox as a unit admin sees it: what was sent, what waits, what failed and why. Outside
 * production the full recipient and text are shown (the demo's way to read a one-time code);
 * in production recipients are masked and texts are not shown.
 */
export function messagesRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const showText = !deps.config.production;

  api.get(
    '/admin/messages',
    {
      schema: {
        tags: ['admin'],
        summary: 'Tin nhắn, thư đi (hộp thư đi) / outgoing messages (outbox)',
        querystring: MessagesQuery,
        response: { 200: MessageList },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'messages.read', await deploymentData(deps));
      return deps.database.transaction(async (tx) => {
        const list = await recentMessages(tx, req.query);
        await audit(tx, { actorId: user.id, action: 'read_messages', entityType: 'user', entityId: user.id, details: { ...req.query, count: list.length }, ...auditContext(req) }, now());
        return { items: list.map((m) => present(m, showText)) };
      });
    },
  );

  api.post(
    '/admin/messages/:id/replay',
    {
      schema: {
        tags: ['admin'],
        summary: 'Gửi lại tin đã thất bại / send a failed message again (dead-letter list)',
        description: 'Only a failed message: a sent one is never sent twice (409 MESSAGE_NOT_REPLAYABLE).',
        params: MessageIdParams,
        response: { 200: ReplayAnswer },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'messages.replay', await deploymentData(deps));
      const t = now();
      await deps.database.transaction(async (tx) => {
        const r = await replayMessage(tx, req.params.id, t);
        if (r === 'not_found') throw new AppError('NOT_FOUND', { id: req.params.id });
        if (r !== 'replayed') throw new AppError('MESSAGE_NOT_REPLAYABLE', { status: r });
        await audit(tx, { actorId: user.id, action: 'replay_message', entityType: 'message', entityId: req.params.id, ...auditContext(req) }, t);
      });
      deps.outbox?.kick();
      // Replayed: it waits for the worker again.
      return { id: req.params.id, status: 'pending' as const };
    },
  );
}

function present(m: MessageRow, showText: boolean) {
  return {
    id: m.id,
    channel: m.channel,
    // A connected system's code (webhook) is no one's personal data.
    recipient: showText || m.channel === 'webhook' ? m.recipient : m.channel === 'sms' ? maskPhone(m.recipient) : maskEmail(m.recipient),
    template: m.template,
    subject: showText ? m.subject : null,
    body: showText ? m.body : null,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.status === 'pending' ? formatVn(toDate(m.next_attempt_at)) : null,
    lastError: m.last_error,
    createdAt: formatVn(toDate(m.created_at)),
    sentAt: m.sent_at ? formatVn(toDate(m.sent_at)) : null,
  };
}
