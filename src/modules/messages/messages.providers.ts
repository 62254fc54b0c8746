import type { Database } from '../../db/client.ts';
import { logSender, smtpSender, type Logger, type MessageSenders, type SmtpSettings } from './messages.senders.ts';
import { esmsSender, type EsmsSettings } from './messages.sms-esms.ts';
import { zaloSender, type ZaloSettings } from './messages.zalo.ts';

/** The senders chosen by the settings (README: SMS_PROVIDER, ESMS_*, EMAIL_PROVIDER, SMTP_*, ZALO_*). */
export function sendersFromConfig(
  c: { sms: ({ kind: 'esms' } & EsmsSettings) | { kind: 'log' }; email: ({ kind: 'smtp' } & SmtpSettings) | { kind: 'log' }; zalo: ZaloSettings | null },
  log: Logger,
  database: Database,
): MessageSenders {
  return {
    sms: c.sms.kind === 'esms' ? esmsSender(c.sms) : logSender('sms', log),
    email: c.email.kind === 'smtp' ? smtpSender(c.email) : logSender('email', log),
    ...(c.zalo ? { zalo: zaloSender(c.zalo, database) } : {}),
  };
}
