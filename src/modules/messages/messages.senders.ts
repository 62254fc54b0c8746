import type { Transporter } from 'nodemailer';
import type { Channel } from './messages.templates.ts';

/** A message as a sender sees it. */
export interface OutgoingMessage {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  /** The message's stored facts (a Zalo template's parameters). */
  data: Record<string, unknown>;
}

/**
 * Delivers one message through one provider. Resolves once the provider has accepted it (its
 * reference, if it gives one); throws to ask for a retry, or throws a PermanentDeliveryError when
 * retrying cannot help (the address does not exist).
 */
export interface MessageSender {
  readonly channel: Channel;
  readonly name: string;
  send(m: OutgoingMessage): Promise<{ providerRef: string | null }>;
}

/** One sender per channel; Zalo only where the ward configured its official account. */
export interface MessageSenders {
  sms: MessageSender;
  email: MessageSender;
  zalo?: MessageSender;
  /** Status events to connected systems (src/modules/interop). */
  webhook?: MessageSender;
}

export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** The logger shape the messaging code needs (pino's, Fastify's). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Development: writes the message (one-time codes included) to the server log instead of sending
 * it, so whoever runs the demo can read the code they were sent.
 */
export function logSender(channel: Channel, log: Logger): MessageSender {
  return {
    channel,
    name: `log-${channel}`,
    send: async (m) => {
      log.info(
        { messageId: m.id, channel, to: m.recipient, template: m.template, subject: m.subject ?? undefined, text: m.body },
        `${channel.toUpperCase()} (development: written to the log, not sent) to ${m.recipient}: ${m.body.split('\n')[0]}`,
      );
      return { providerRef: null };
    },
  };
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

/**
 * Email through an SMTP server (nodemailer). The Message-ID is derived from the outbox id, so a
 * receiving server that sees the same message twice (a reply lost after it was accepted) can
 * recognise it. 5xx answers are permanent; connection failures and 4xx answers are retried.
 */
export function smtpSender(s: SmtpSettings): MessageSender {
  // nodemailer (≈ 15 MB, up to a second to load) is loaded with the first email, not at start-up.
  let transport: Promise<Transporter> | null = null;
  const open = async () => {
    const { default: nodemailer } = await import('nodemailer');
    return nodemailer.createTransport({
      host: s.host,
      port: s.port,
      secure: s.secure,
      ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
      // Well inside the outbox lease, so a slow server never lets another instance take the message.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
  };
  const domain = /@([^>\s]+)/.exec(s.from)?.[1] ?? 'nong-trang-so.local';
  return {
    channel: 'email',
    name: 'smtp',
    send: async (m) => {
      try {
        transport ??= open().catch((err: unknown) => {
          transport = null; // tried again with the next message
          throw err;
        });
        const info = await (await transport).sendMail({
          from: s.from,
          to: m.recipient,
          subject: m.subject ?? '',
          text: m.body,
          messageId: `<${m.id}@${domain}>`,
          headers: { 'X-NTS-Message-Id': m.id },
        });
        return { providerRef: info.messageId ?? null };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentDeliveryError((err as Error).message);
        throw err;
      }
    },
  };
}
