import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { PortalClient, sampleDossier } from '../../scripts/national-portal/portal.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';

// The machine API of connected systems (issue 10, docs/INTEROP.md): the national portal forwards
// dossiers, idempotently by its own code; every call is authenticated by key and HMAC signature.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let portal: PortalClient;
let base: string;
let proc: Parameters<typeof sampleDossier>[0];

type Body = Record<string, unknown> & { error?: { code: string; details?: Record<string, unknown> } };
const body = (a: { body: unknown }) => a.body as Body;

beforeAll(async () => {
  t = await startTestApp({ MESSAGE_WORKER: 'false' });
  c = await demoClients(t.app);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  portal = new PortalClient(base, demoPortalApiKey(), DEMO_PORTAL.signingSecret, t.clock.now);
  proc = (await c.anonymous.get('/api/v1/procedures/1.001193')).json();
});
afterAll(() => t.close());

describe('intake from the national portal', () => {
  it('files a forwarded dossier once, however often it is delivered, and shows it to the desk as online', async () => {
    const dossier = sampleDossier(proc, 1, { filedAt: t.clock.now() });
    const first = await portal.forward(dossier);
    expect(first.status).toBe(201);
    const code = body(first).code as string;
    expect(code).toMatch(/-260302-\d{4}$/);
    expect(body(first)).toMatchObject({ externalCode: dossier.externalCode, status: 'submitted', created: true });

    // The portal did not see the answer and delivers again (signed anew): the same dossier.
    t.clock.advanceHours(0.01);
    const again = await portal.forward(dossier);
    expect(again.status).toBe(200);
    expect(body(again)).toMatchObject({ code, created: false });
    const same = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from dossiers where external_code = ${dossier.externalCode}`);
    expect(same[0]!.n).toBe(1);

    // Its documents were stored as the applicant's, and the desk receives it like any online dossier.
    const shown = await c.reception.get(`/api/v1/dossiers/${code}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ channel: 'online', status: 'submitted', externalCode: dossier.externalCode, originChannel: 'national_portal' });
    // The portal's code is beside ours in the desk's queue, and anyone tracking it sees it too.
    const queue = await c.reception.get(`/api/v1/dossiers?queue=to_receive&limit=200`);
    expect(queue.json().items.find((d: { code: string }) => d.code === code)).toMatchObject({ externalCode: dossier.externalCode, originChannel: 'national_portal' });
    expect((await c.anonymous.get(`/api/v1/public/dossiers/${code}`)).json()).toMatchObject({ code, externalCode: dossier.externalCode });
    const docs = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from dossier_documents dd join dossiers d on d.id = dd.dossier_id where d.code = ${code}`);
    expect(docs[0]!.n).toBe(dossier.documents.length);
    const received = await c.reception.post(`/api/v1/dossiers/${code}/actions`, { action: 'receive' });
    expect(received.statusCode, received.body).toBe(200);

    // The portal reads its status by its own code.
    const status = await portal.status(dossier.externalCode);
    expect(status.status).toBe(200);
    expect(body(status).current).toMatchObject({ action: 'receive', dossier: { code, externalCode: dossier.externalCode, status: 'received', portalStatus: 2, channel: 'national_portal' } });
    expect((body(status).history as { action: string }[]).map((e) => e.action)).toEqual(['submit', 'receive']);
  });

  it("prints the portal's code beside ours on the forms, and the applicant sees it among their dossiers", async () => {
    const dossier = sampleDossier(proc, 40, { filedAt: t.clock.now() }); // the demo citizen Nguyễn Văn An
    const code = body(await portal.forward(dossier)).code as string;
    expect((await c.reception.post(`/api/v1/dossiers/${code}/actions`, { action: 'receive' })).statusCode).toBe(200);
    expect((await c.reception.post(`/api/v1/dossiers/${code}/actions`, { action: 'request_supplement', items: [{ target: { type: 'field', key: proc.formFields.find((f) => f.required)!.key }, reason: 'Ghi rõ theo giấy chứng sinh' }] })).statusCode).toBe(200);
    const tmp = mkdtempSync(join(tmpdir(), 'nts-interop-forms-'));
    try {
      for (const form of ['receipt', 'supplement', 'control-slip']) {
        const pdf = await c.reception.get(`/api/v1/dossiers/${code}/forms/${form}.pdf`);
        expect(pdf.statusCode, `${form}: ${pdf.body}`).toBe(200);
        const file = join(tmp, `${form}.pdf`);
        writeFileSync(file, pdf.rawPayload);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
        expect(text, form).toContain(`Mã hồ sơ: ${code}`);
        expect(text, form).toContain(`Mã hồ sơ trên Cổng Dịch vụ công quốc gia: ${dossier.externalCode}`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const mine = (await c.citizen.get('/api/v1/dossiers?limit=200')).json() as { items: { code: string; externalCode: string | null; originChannel?: string | null }[] };
    expect(mine.items.find((d) => d.code === code)).toMatchObject({ externalCode: dossier.externalCode, originChannel: 'national_portal' });
  });

  it('audits each call with the personal data that went in', async () => {
    const dossier = sampleDossier(proc, 2, { filedAt: t.clock.now() });
    const res = await portal.forward(dossier);
    expect(res.status).toBe(201);
    const [entry] = await rows<{ actor_id: string | null; details: Record<string, unknown> }>(
      t.database.db,
      sql`select actor_id, details from audit_log where action = 'interop_dossier_intake' and entity_id = ${body(res).code as string}`,
    );
    expect(entry).toMatchObject({ actor_id: null, details: { system: DEMO_PORTAL.code, externalCode: dossier.externalCode, verifiedBy: 'vneid' } });
    expect(entry!.details.personalDataIn).toEqual(['fullName', 'cccd', 'birthDate', 'gender', 'phone']);
  });

  it('refuses the same code with another content, naming our dossier', async () => {
    const dossier = sampleDossier(proc, 3, { filedAt: t.clock.now() });
    const first = await portal.forward(dossier);
    expect(first.status).toBe(201);
    const changed = await portal.forward({ ...dossier, formData: { ...dossier.formData, child_full_name: 'Trần Thị Mai' } });
    expect(changed.status).toBe(409);
    expect(body(changed).error).toMatchObject({ code: 'INTEROP_DOSSIER_CONFLICT', details: { code: body(first).code } });
  });

  it('answers an incomplete dossier with what is missing, and files nothing', async () => {
    const dossier = sampleDossier(proc, 4, { filedAt: t.clock.now() });
    const res = await portal.forward({ ...dossier, documents: dossier.documents.slice(1) });
    expect(res.status).toBe(400);
    expect(body(res).error?.code).toBe('SUBMISSION_INCOMPLETE');
    const none = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from dossiers where external_code = ${dossier.externalCode}`);
    expect(none[0]!.n).toBe(0);
  });

  it('refuses an attachment that is not a PDF or image, or whose SHA-256 differs', async () => {
    const dossier = sampleDossier(proc, 5, { filedAt: t.clock.now() });
    const exe = { ...dossier.documents[0]!, contentBase64: Buffer.from('MZ\x90\x00 not a document').toString('base64') };
    const bad = await portal.forward({ ...dossier, documents: [exe, ...dossier.documents.slice(1)] });
    expect(bad.status).toBe(422);
    expect(body(bad).error).toMatchObject({ code: 'INTEROP_ATTACHMENT_INVALID', details: { requirementId: exe.requirementId, problem: 'FILE_TYPE_NOT_ALLOWED' } });
    const wrongHash = { ...dossier.documents[0]!, sha256: '0'.repeat(64) };
    const res = await portal.forward({ ...dossier, documents: [wrongHash, ...dossier.documents.slice(1)] });
    expect(body(res).error).toMatchObject({ code: 'INTEROP_ATTACHMENT_INVALID', details: { problem: 'sha256_mismatch' } });
    // Fetched by URL only from the sender's own server (its callback's origin), never elsewhere.
    const elsewhere = { requirementId: exe.requirementId, name: 'x.pdf', url: 'http://169.254.169.254/latest/meta-data' };
    const ssrf = await portal.forward({ ...dossier, documents: [elsewhere, ...dossier.documents.slice(1)] });
    expect(body(ssrf).error).toMatchObject({ code: 'INTEROP_ATTACHMENT_INVALID', details: { problem: 'url_not_allowed' } });
  });
});

describe('authentication of connected systems', () => {
  const path = '/api/v1/interop/dossiers';

  it('refuses a replayed request, a tampered body, an old timestamp and an unknown key', async () => {
    const text = JSON.stringify(sampleDossier(proc, 10, { filedAt: t.clock.now() }));
    const headers = portal.sign('POST', path, text);
    expect((await portal.raw('POST', path, text, headers)).status).toBe(201);
    const replay = await portal.raw('POST', path, text, headers);
    expect(replay.status).toBe(409);
    expect(body(replay).error?.code).toBe('INTEROP_REPLAYED');

    const other = JSON.stringify(sampleDossier(proc, 11, { filedAt: t.clock.now() }));
    const altered = other.replace('"Nguyễn Văn Bình"', '"Nguyễn Văn Bính"');
    expect(altered).not.toBe(other);
    const tampered = await portal.raw('POST', path, altered, portal.sign('POST', path, other));
    expect(tampered.status).toBe(401);
    expect(body(tampered).error?.code).toBe('INTEROP_SIGNATURE_INVALID');
    // A signature made for another endpoint does not open this one.
    const elsewhere = await portal.raw('POST', path, other, portal.sign('POST', '/api/v1/interop/catalogue', other));
    expect(body(elsewhere).error?.code).toBe('INTEROP_SIGNATURE_INVALID');

    const late = new PortalClient(base, demoPortalApiKey(), DEMO_PORTAL.signingSecret, () => new Date(t.clock.now().getTime() - 6 * 60_000));
    const old = await late.forward(JSON.parse(other));
    expect(old.status).toBe(401);
    expect(body(old).error).toMatchObject({ code: 'INTEROP_TIMESTAMP_INVALID', details: { problem: 'too_old' } });

    const stranger = new PortalClient(base, `nts_${'x'.repeat(12)}_${'y'.repeat(40)}`, DEMO_PORTAL.signingSecret, t.clock.now);
    expect(body(await stranger.forward(JSON.parse(other))).error?.code).toBe('INTEROP_KEY_INVALID');
    const noKey = await portal.raw('POST', path, other, { 'content-type': 'application/json' });
    expect(noKey.status).toBe(401);
    // Refused before validation: a caller without a key learns nothing of the body's rules.
    const invalidNoKey = await portal.raw('POST', path, '{}', { 'content-type': 'application/json' });
    expect(body(invalidNoKey).error?.code).toBe('INTEROP_KEY_INVALID');
    // A session cookie is no key: the back office's officials cannot call the machine API.
    const asOfficial = await c.admin.post(path, JSON.parse(other));
    expect(asOfficial.statusCode).toBe(401);
  });

  it('a key without the scope is refused; a rotated key works through its grace period, then not', async () => {
    const made = await c.admin.post('/api/v1/admin/interop/systems', {
      code: 'PT-IGATE',
      name: 'Hệ thống thông tin giải quyết TTHC tỉnh Phú Thọ',
      kind: 'provincial_system',
      scopes: ['dossiers.read'],
      callbackUrl: 'https://dichvucong.phutho.gov.vn/nts/callbacks',
    });
    expect(made.statusCode, made.body).toBe(201);
    const key = made.json().key as { apiKey: string; signingSecret: string; keyId: string };
    const province = new PortalClient(base, key.apiKey, key.signingSecret, t.clock.now);
    const refused = await province.forward(sampleDossier(proc, 20, { filedAt: t.clock.now() }));
    expect(refused.status).toBe(403);
    expect(body(refused).error).toMatchObject({ code: 'INTEROP_SCOPE_MISSING', details: { scope: 'dossiers.submit' } });
    // It may read status, but only of dossiers it sent itself.
    expect((await province.status('G22.99.8-260302-000001')).status).toBe(404);

    const granted = await c.admin.patch('/api/v1/admin/interop/systems/PT-IGATE', { scopes: ['dossiers.read', 'dossiers.submit'] });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await province.forward(sampleDossier(proc, 21, { filedAt: t.clock.now(), prefix: 'PT' }))).status).toBe(201);

    const rotated = await c.admin.post('/api/v1/admin/interop/systems/PT-IGATE/keys', { graceHours: 1 });
    expect(rotated.statusCode).toBe(201);
    const fresh = rotated.json().key as { apiKey: string; signingSecret: string };
    const next = new PortalClient(base, fresh.apiKey, fresh.signingSecret, t.clock.now);
    expect((await next.forward(sampleDossier(proc, 22, { filedAt: t.clock.now(), prefix: 'PT' }))).status).toBe(201);
    expect((await province.forward(sampleDossier(proc, 23, { filedAt: t.clock.now(), prefix: 'PT' }))).status).toBe(201);
    t.clock.advanceHours(1.01);
    const expired = await province.forward(sampleDossier(proc, 24, { filedAt: t.clock.now(), prefix: 'PT' }));
    expect(body(expired).error?.code).toBe('INTEROP_KEY_INVALID');
    const listed = await c.admin.get('/api/v1/admin/interop/systems');
    const system = (listed.json().items as { code: string; keys: unknown[] }[]).find((s) => s.code === 'PT-IGATE')!;
    expect(system.keys).toHaveLength(2);
    // Only the key's hash is kept.
    const stored = await rows<{ key_hash: string }>(t.database.db, sql`select key_hash from interop_keys where key_id = ${key.keyId}`);
    // The secret is base64url and may itself hold '_': it is everything after `nts_<keyId>_`.
    const secret = key.apiKey.slice(`nts_${key.keyId}_`.length);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(stored[0]!.key_hash).not.toContain(secret);

    // Suspended: nothing more.
    await c.admin.patch('/api/v1/admin/interop/systems/PT-IGATE', { active: false });
    expect(body(await next.forward(sampleDossier(proc, 25, { filedAt: t.clock.now(), prefix: 'PT' }))).error?.code).toBe('INTEROP_KEY_INVALID');
  });

  it('only the unit admin manages connected systems', async () => {
    expect((await c.reception.get('/api/v1/admin/interop/systems')).statusCode).toBe(403);
    expect((await c.leader.post('/api/v1/admin/interop/systems', { code: 'X-1', name: 'X hệ thống', kind: 'unit_system', scopes: ['dossiers.read'] })).statusCode).toBe(403);
    expect((await c.anonymous.get('/api/v1/admin/interop/systems')).statusCode).toBe(401);
  });
});
