import { sql } from 'drizzle-orm';
import { maybeOne, type Database } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { PermanentDeliveryError, type MessageSender, type OutgoingMessage } from './messages.senders.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * Zalo Notification Service (ZNS): a notice sent as one of the ward's templates registered with
 * Zalo, to the Zalo account of a phone number. Settings (README, docs/notifications.md):
 * ZALO_APP_ID, ZALO_APP_SECRET, ZALO_REFRESH_TOKEN, ZALO_ZNS_TEMPLATES (notice → template id).
 *
 * - Send: `POST {ZALO_API_URL}/message/template`, header `access_token`, JSON
 *   `{ phone: "84…", template_id, template_data: { fact: "value" }, tracking_id }`
 *   (`mode: "development"` with ZALO_DEVELOPMENT_MODE); answer `{ error: 0, data: { msg_id } }`.
 * - Token: `POST {ZALO_OAUTH_URL}/v4/oa/access_token`, header `secret_key` (the app secret), form
 *   `app_id, grant_type=refresh_token, refresh_token`; answer `{ access_token, refresh_token,
 *   expires_in }`. The refresh token is single-use, so it is kept in `zalo_oa_tokens` and refreshed
 *   under a row lock: several instances never spend the same one.
 */
export interface ZaloSettings {
  appId: string;
  appSecret: string;
  refreshToken: string;
  /** Notice (e.g. `dossier.received`) → ZNS template id. */
  templates: Record<string, string>;
  apiUrl: string;
  oauthUrl: string;
  development: boolean;
}

/** "Access token invalid": refresh it and try once more. Any other error is retried with back-off, then dead-lettered. */
const TOKEN_INVALID = -124;
const REFRESH_MARGIN_MS = 5 * 60_000;

/** `0912345678` → `84912345678` (ZNS wants the country code, no plus sign). */
export const znsPhone = (phone: string) => phone.replace(/\D/g, '').replace(/^0/, '84');

export function zaloSender(s: ZaloSettings, database: Database, now: () => Date = () => new Date(), fetchImpl: typeof fetch = fetch): MessageSender {
  let cached: { token: string; until: number } | null = null;

  async function refreshIfNeeded(force: boolean): Promise<string> {
    if (!force && cached && cached.until > now().getTime()) return cached.token;
    return database.transaction(async (tx) => {
      // A new ZALO_REFRESH_TOKEN (the admin authorised the app again) replaces the stored chain.
      await tx.execute(sql`
        insert into zalo_oa_tokens (app_id, refresh_token, seeded_from, updated_at)
        values (${s.appId}, ${s.refreshToken}, ${s.refreshToken}, ${now().toISOString()})
        on conflict (app_id) do update set refresh_token = excluded.refresh_token, seeded_from = excluded.seeded_from,
          access_token = null, access_expires_at = null, updated_at = excluded.updated_at
        where zalo_oa_tokens.seeded_from <> excluded.seeded_from`);
      const row = await maybeOne<RowOf<'zalo_oa_tokens', { access_token: string | null; access_expires_at: string | null; refresh_token: string }>>(
        tx,
        sql`select access_token, access_expires_at, refresh_token from zalo_oa_tokens where app_id = ${s.appId} for update`,
      );
      const expires = row!.access_expires_at ? toDate(row!.access_expires_at).getTime() : 0;
      if (!force && row!.access_token && expires - REFRESH_MARGIN_MS > now().getTime()) {
        cached = { token: row!.access_token, until: expires - REFRESH_MARGIN_MS };
        return row!.access_token;
      }
      const res = await fetchImpl(`${s.oauthUrl}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: s.appSecret },
        body: new URLSearchParams({ app_id: s.appId, grant_type: 'refresh_token', refresh_token: row!.refresh_token }).toString(),
        signal: AbortSignal.timeout(20_000),
      });
      const j = (await res.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: string | number; error?: number; error_name?: string; error_description?: string };
      if (!j.access_token) throw new Error(`Zalo token refresh failed: ${j.error ?? res.status} ${j.error_name ?? ''} ${j.error_description ?? ''}`.trim());
      const until = now().getTime() + Number(j.expires_in ?? 3600) * 1000;
      await tx.execute(sql`
        update zalo_oa_tokens set access_token = ${j.access_token}, access_expires_at = ${new Date(until).toISOString()},
          refresh_token = ${j.refresh_token ?? row!.refresh_token}, updated_at = ${now().toISOString()}
        where app_id = ${s.appId}`);
      cached = { token: j.access_token, until: until - REFRESH_MARGIN_MS };
      return j.access_token;
    });
  }

  async function post(m: OutgoingMessage, templateId: string, params: Record<string, string>, token: string) {
    const res = await fetchImpl(`${s.apiUrl}/message/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: token },
      body: JSON.stringify({
        phone: znsPhone(m.recipient),
        template_id: templateId,
        template_data: params,
        tracking_id: m.id,
        ...(s.development ? { mode: 'development' } : {}),
      }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`ZNS answered HTTP ${res.status}`);
    return (await res.json()) as { error?: number; message?: string; data?: { msg_id?: string } };
  }

  return {
    channel: 'zalo',
    name: 'zalo-zns',
    send: async (m) => {
      const event = typeof m.data.event === 'string' ? m.data.event : '';
      const templateId = s.templates[event];
      if (!templateId) throw new PermanentDeliveryError(`no ZNS template registered for ${event} (ZALO_ZNS_TEMPLATES)`);
      const raw = (m.data.params ?? {}) as Record<string, unknown>;
      // ZNS parameters are short texts; the longest a template may hold is 400 characters.
      const params = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v !== '').map(([k, v]) => [k, (v as string).slice(0, 400)]));
      let answer = await post(m, templateId, params, await refreshIfNeeded(false));
      if (answer.error === TOKEN_INVALID) answer = await post(m, templateId, params, await refreshIfNeeded(true));
      if (answer.error === 0) return { providerRef: answer.data?.msg_id ?? null };
      throw new Error(`ZNS error ${answer.error}: ${answer.message ?? ''}`.trim());
    },
  };
}
