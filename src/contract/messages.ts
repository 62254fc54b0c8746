/**
 * The HTTP contract of the outbox as a unit admin reads it (docs/notifications.md): what was
 * sent, what waits, what failed and why, and a failed message sent again. Outside production the
 * full recipient and text are shown (the demo's way to read a one-time code); in production
 * recipients are masked and `subject` and `body` are null. Pure: no I/O.
 */
import { z } from 'zod';

/** `webhook`: a status event to a connected system (src/modules/interop). */
export const MessageChannel = z.enum(['sms', 'email', 'zalo', 'webhook']);
export const MessageStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'expired']);

export const MessagesQuery = z.strictObject({
  recipient: z.string().trim().min(3).max(200).optional(),
  status: MessageStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const MessageIdParams = z.strictObject({ id: z.uuid() });

export const OutboxMessage = z.object({
  id: z.string(),
  channel: MessageChannel,
  recipient: z.string(),
  template: z.string(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  status: MessageStatus,
  attempts: z.number().int(),
  /** While pending: when the next attempt is due. */
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const MessageList = z.object({ items: z.array(OutboxMessage) });
/** POST /admin/messages/:id/replay: the message waits to be sent again. */
export const ReplayAnswer = z.object({ id: z.string(), status: MessageStatus });

export type MessageChannel = z.infer<typeof MessageChannel>;
export type MessageStatus = z.infer<typeof MessageStatus>;
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export type MessageList = z.infer<typeof MessageList>;
export type ReplayAnswer = z.infer<typeof ReplayAnswer>;
