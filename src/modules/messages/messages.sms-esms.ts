import { PermanentDeliveryError, type MessageSender } from './messages.senders.ts';

/**
 * An SMS brand-name gateway reached over HTTP: eSMS.vn (ViHAT), customer-care messages
 * (SmsType 2) under the ward's registered brand name. Settings: ESMS_API_KEY, ESMS_SECRET_KEY,
 * ESMS_BRANDNAME (and ESMS_API_URL, ESMS_SANDBOX); docs/notifications.md says what the ward must
 * register with the gateway. The outbox id is sent as RequestId, so the gateway refuses a second
 * copy of a message whose first acceptance was lost on the network (answer 124: taken as sent).
 */
export interface EsmsSettings {
  url: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
  sandbox: boolean;
}

/** Answers that retrying cannot mend: credentials, price list, brand name, template, carrier, message type. */
const PERMANENT = new Set(['101', '102', '104', '146', '177', '300']);
/** 100: accepted; 124: this RequestId was already accepted (the first answer was lost). */
const ACCEPTED = new Set(['100', '124']);

export function esmsSender(s: EsmsSettings, fetchImpl: typeof fetch = fetch): MessageSender {
  return {
    channel: 'sms',
    name: 'esms',
    send: async (m) => {
      const res = await fetchImpl(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ApiKey: s.apiKey,
          SecretKey: s.secretKey,
          Phone: m.recipient,
          Content: m.body,
          Brandname: s.brandname,
          SmsType: '2',
          IsUnicode: '0',
          Sandbox: s.sandbox ? '1' : '0',
          RequestId: m.id,
        }),
        // Well inside the outbox lease.
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`eSMS answered HTTP ${res.status}`);
      const answer = (await res.json()) as { CodeResult?: string | number; SMSID?: string; ErrorMessage?: string };
      const code = String(answer.CodeResult ?? '');
      if (ACCEPTED.has(code)) return { providerRef: answer.SMSID ?? null };
      const text = `eSMS CodeResult ${code}${answer.ErrorMessage ? `: ${answer.ErrorMessage}` : ''}`;
      throw PERMANENT.has(code) ? new PermanentDeliveryError(text) : new Error(text);
    },
  };
}
