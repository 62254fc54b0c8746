import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import { maybeOne } from '../../src/db/client.ts';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { createMessageWorker, sendersFromConfig } from '../../src/modules/messages/index.ts';
import { zaloSender } from '../../src/modules/messages/messages.zalo.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildSubmission } from '../support/builders.ts';
import { demoClients, type Client } from '../support/client.ts';
import { EsmsStandIn, ZaloStandIn } from '../support/gateways.ts';
import { TestSmtp } from '../support/smtp.ts';

// Each notice reaches each channel the citizen chose, through the real adapters: email to a real
// SMTP server, SMS to a brand-name gateway stand-in, Zalo ZNS to a stand-in that checks the
// documented request shape and spends each refresh token once.

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let smtp: TestSmtp;
let esms: EsmsStandIn;
let zalo: ZaloStandIn;
let env: Record<string, string>;

const TEMPLATES = { 'dossier.submitted': '100001', 'dossier.received': '100002', 'dossier.supplement_requested': '100003' } as const;

beforeAll(async () => {
  smtp = await new TestSmtp().start(0);
  esms = await new EsmsStandIn().start();
  zalo = await new ZaloStandIn().start();
  env = {
    MESSAGE_WORKER: 'false',
    EMAIL_PROVIDER: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'Phường Nông Trang <no-reply@nongtrang.example.vn>',
    SMS_PROVIDER: 'esms',
    ESMS_API_URL: `${esms.url}/MainService.svc/json/SendMultipleMessage_V4_post_json/`,
    ESMS_API_KEY: esms.apiKey,
    ESMS_SECRET_KEY: esms.secretKey,
    ESMS_BRANDNAME: 'PHUONGNT',
    ZALO_APP_ID: zalo.appId,
    ZALO_APP_SECRET: zalo.appSecret,
    ZALO_REFRESH_TOKEN: 'refresh-0',
    ZALO_ZNS_TEMPLATES: Object.entries(TEMPLATES)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    ZALO_API_URL: zalo.url,
    ZALO_OAUTH_URL: zalo.url,
  };
  t = await startTestApp(env);
  c = await demoClients(t.app);
});
afterAll(async () => {
  await t.close();
  await Promise.all([smtp.stop(), esms.stop(), zalo.stop()]);
});
beforeEach(() => {
  esms.answers = [];
  zalo.answers = [];
});

const config = () => loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40), ...env }, tmpdir());
const worker = () =>
  createMessageWorker({
    database: t.database,
    senders: sendersFromConfig(config().messages, quiet, t.database),
    now: t.clock.now,
    log: quiet,
    retry: { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 4 },
    pollMs: 60_000,
  });
const ok = async (p: Promise<LightMyRequestResponse>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
};
const act = (client: Client, code: string, body: Record<string, unknown>) => ok(client.post(`/api/v1/dossiers/${code}/actions`, body));
const status = (id: string) => maybeOne<{ status: string; last_error: string | null; attempts: number }>(t.database.db, sql`select status, last_error, attempts from messages where id = ${id}`);

describe('each notice on each channel', () => {
  it('submitted, received, supplement requested: email, SMS and Zalo each carry the right text', async () => {
    const prefs = await c.citizen.put('/api/v1/me/notification-preferences', { channels: ['email', 'sms', 'zalo'], locale: 'vi' });
    expect(prefs.json()).toMatchObject({ offered: ['email', 'sms', 'zalo'], channels: ['email', 'sms', 'zalo'] });
    const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await act(c.reception, code, { action: 'receive' });
    await act(c.reception, code, { action: 'request_supplement', items: [{ target: { type: 'document', key: 'giay-chung-sinh-hoac-van-ban-nguoi-lam' }, reason: 'Bản chụp bị mờ' }] });
    expect(await worker().runOnce()).toMatchObject({ sent: 9, retried: 0, failed: 0 });

    // Email: the subject says what happened; the body has the facts and the link.
    const subjects = smtp.received.map((m) => m.header('Subject'));
    expect(smtp.received.map((m) => m.to)).toEqual([[DEMO_CITIZEN.email], [DEMO_CITIZEN.email], [DEMO_CITIZEN.email]]);
    expect(subjects).toHaveLength(3);
    const supplementMail = smtp.received[2]!.raw;
    expect(supplementMail).toContain(code);

    // SMS: under the brand name, unaccented, with the outbox id as RequestId.
    expect(esms.problems).toEqual([]);
    expect(esms.received.map((r) => r.Phone)).toEqual([DEMO_CITIZEN.phone, DEMO_CITIZEN.phone, DEMO_CITIZEN.phone]);
    expect(esms.received[1]!).toMatchObject({ Brandname: 'PHUONGNT', SmsType: '2', IsUnicode: '0', Sandbox: '0' });
    expect(esms.received[1]!.Content).toMatch(new RegExp(`^Nong Trang So: Ho so ${code.replace(/\./g, '\\.')} da duoc tiep nhan\\. Hen tra ket qua: `));
    expect(esms.received[2]!.Content).toContain(`http://localhost:3000/ho-so-cua-toi/${code}`);

    // Zalo: each notice's registered template, its facts as template_data, the phone as 84…
    expect(zalo.problems).toEqual([]);
    expect(zalo.received.map((r) => [r.phone, r.template_id])).toEqual([
      ['84912345678', TEMPLATES['dossier.submitted']],
      ['84912345678', TEMPLATES['dossier.received']],
      ['84912345678', TEMPLATES['dossier.supplement_requested']],
    ]);
    expect(zalo.received[1]!.template_data).toMatchObject({ code, name: DEMO_CITIZEN.fullName, link: `http://localhost:3000/tra-cuu/${code}` });
    expect(zalo.received[1]!.template_data.appointment).toMatch(/^\d\d:\d\d thứ .+, \d\d\/\d\d\/2026$/);
    expect(zalo.received[2]!.template_data.items).toMatch(/^- Giấy chứng sinh.*: Bản chụp bị mờ$/);
    expect(zalo.received[2]!.template_data.deadline).toMatch(/2026$/);
    // One token refresh served the three sends.
    expect(zalo.refreshes).toBe(1);
  });

  it('an access token Zalo no longer accepts is refreshed and the message sent, once', async () => {
    zalo.expireAccessTokens();
    const before = zalo.received.length;
    const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    expect(await worker().runOnce()).toMatchObject({ failed: 0, retried: 0 });
    expect(zalo.received.slice(before).map((r) => r.template_data.code)).toEqual([code]);
    expect(zalo.refreshes).toBe(2);
  });

  it('several instances needing a token at once spend the single-use refresh token once', async () => {
    // Each sender is a fresh instance: no token in memory, the stored one made stale.
    await t.database.db.execute(sql`update zalo_oa_tokens set access_expires_at = ${new Date(t.clock.now().getTime() - 3_600_000).toISOString()}`);
    const refreshes = zalo.refreshes;
    const instances = [1, 2, 3, 4].map(() => zaloSender(config().messages.zalo!, t.database, t.clock.now));
    const m = { channel: 'zalo' as const, recipient: '0912345678', subject: null, body: 'x', template: 'dossier.received', data: { event: 'dossier.received', params: { code: 'A' } } };
    const sent = await Promise.all(instances.map((s, i) => s.send({ ...m, id: `00000000-0000-4000-8000-00000000000${i}` })));
    expect(sent.every((r) => r.providerRef?.startsWith('zns-'))).toBe(true);
    expect(zalo.refreshes).toBe(refreshes + 1);
    expect(zalo.problems).toEqual([]);
  });

  it('a notice with no registered ZNS template fails at once, naming the setting; the other channels deliver it', async () => {
    const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await act(c.reception, code, { action: 'refuse', reason: 'Không thuộc thẩm quyền' });
    const result = await worker().runOnce();
    expect(result).toMatchObject({ failed: 1 });
    const failed = await maybeOne<{ last_error: string }>(t.database.db, sql`select last_error from messages where template = 'dossier.refused' and channel = 'zalo'`);
    expect(failed!.last_error).toContain('no ZNS template registered for dossier.refused (ZALO_ZNS_TEMPLATES)');
    const others = await maybeOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from messages where template = 'dossier.refused' and status = 'sent'`);
    expect(others!.n).toBe(2);
  });
});

describe('the SMS gateway\'s answers', () => {
  const enqueueSms = async () => {
    const { enqueueMessage } = await import('../../src/modules/messages/index.ts');
    return t.database.transaction((tx) =>
      enqueueMessage(tx, { channel: 'sms', recipient: '0987654321', template: 'account.password_changed', data: { login: 'x' } }, t.clock.now()),
    );
  };

  it('low balance (103) is retried; wrong credentials (101) fail at once; a RequestId already taken (124) counts as sent', async () => {
    const a = await enqueueSms();
    esms.answers = ['103'];
    await worker().runOnce();
    expect(await status(a.id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: eSMS CodeResult 103' });

    t.clock.advanceHours(1);
    const b = await enqueueSms();
    esms.answers = ['101', '100'];
    await worker().runOnce();
    const [sa, sb] = [await status(a.id), await status(b.id)];
    // Claimed oldest first: a got 101 (failed for good), b was accepted.
    expect(sa).toMatchObject({ status: 'failed', last_error: 'PermanentDeliveryError: eSMS CodeResult 101' });
    expect(sb).toMatchObject({ status: 'sent' });

    // The acceptance of b is lost, b is sent again: the gateway says 124, b stays sent, one SMS.
    const count = esms.received.filter((r) => r.RequestId === b.id).length;
    await t.database.db.execute(sql`update messages set status = 'pending', next_attempt_at = ${t.clock.now().toISOString()} where id = ${b.id}`);
    await worker().runOnce();
    expect(await status(b.id)).toMatchObject({ status: 'sent' });
    expect(esms.received.filter((r) => r.RequestId === b.id)).toHaveLength(count);
    expect(esms.problems).toEqual([]);
  });
});
