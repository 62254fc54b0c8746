import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_PORTAL, demoPortalApiKey } from '../../src/modules/interop/interop.demo.ts';
import { webhookSender } from '../../src/modules/interop/interop.outbound.ts';
import { createMessageWorker, type MessageSender, type MessageWorker } from '../../src/modules/messages/index.ts';
import { serverKeys } from '../../src/server/secrets.ts';
import { CallbackReceiver, PortalClient, sampleDossier } from '../../scripts/national-portal/portal.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_ENV } from '../support/seeded-database.ts';
import { uploadPdf } from '../support/builders.ts';
import { DEMO_ACCOUNTS } from '../../src/db/seed/demo-accounts.ts';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { recount } from '../../src/modules/indicators/indicators.aggregate.ts';
import { report, resolvePeriod } from '../../src/modules/indicators/indicators.service.ts';
import { demoClients, type Client } from '../support/client.ts';

// Status back to the national portal (issue 10): every event of a dossier it follows leaves
// through the outbox, signed, in order per dossier, retried while the receiver is down, with the
// same idempotency key on every redelivery; the receiver is a stand-in that checks the published
// schema and the signature, not a mock that accepts anything.

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const none: MessageSender = { channel: 'sms', name: 'none', send: async () => ({ providerRef: null }) };

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let portal: PortalClient;
let receiver: CallbackReceiver;
let proc: Parameters<typeof sampleDossier>[0];
let n = 100;

const worker = (id: string): MessageWorker =>
  createMessageWorker({
    database: t.database,
    senders: { sms: none, email: { ...none, channel: 'email' }, webhook: webhookSender({ database: t.database, keys: serverKeys(loadConfig({ ...TEST_ENV }, tmpdir()).secret), timeoutMs: 5000, now: t.clock.now }) },
    now: t.clock.now,
    log: quiet,
    retry: { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 8 },
    pollMs: 60_000,
    id,
  });
let w1: MessageWorker;
let w2: MessageWorker;

const act = (who: Client, code: string, body: Record<string, unknown>) => who.post(`/api/v1/dossiers/${code}/actions`, body);
/** The portal's code of each dossier forwarded, by ours. */
const externalOf = new Map<string, string>();
async function forward(): Promise<string> {
  const dossier = sampleDossier(proc, n++, { filedAt: t.clock.now() });
  const res = await portal.forward(dossier);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const code = (res.body as { code: string }).code;
  externalOf.set(code, dossier.externalCode);
  return code;
}
/** Delivers until nothing is due: a connection the receiver dropped while it restarted costs one retry (30 s later). */
async function drain() {
  for (let i = 0; i < 4; i++) {
    await w1.runOnce();
    if ((await pending()) === 0) return;
    t.clock.advanceHours(0.02);
  }
}
const pending = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from messages where channel = 'webhook' and status <> 'sent'`))[0]!.n;

beforeAll(async () => {
  t = await startTestApp({ MESSAGE_WORKER: 'false' });
  c = await demoClients(t.app);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  portal = new PortalClient(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, demoPortalApiKey(), DEMO_PORTAL.signingSecret, t.clock.now);
  receiver = new CallbackReceiver(DEMO_PORTAL.signingSecret, '/nts/callbacks', t.clock.now);
  await receiver.start();
  const moved = await c.admin.patch(`/api/v1/admin/interop/systems/${DEMO_PORTAL.code}`, { callbackUrl: receiver.url });
  expect(moved.statusCode, moved.body).toBe(200);
  proc = (await c.anonymous.get('/api/v1/procedures/1.001193')).json();
});
afterAll(async () => {
  await receiver.stop();
  await t.close();
});

describe('status events to the national portal', () => {
  it('the round trip: every event of a forwarded dossier, signed, in the published shape, in order', async () => {
    const code = await forward();
    expect((await act(c.reception, code, { action: 'receive' })).statusCode).toBe(200);
    expect((await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id })).statusCode).toBe(200);
    expect((await act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' })).statusCode).toBe(200);
    expect((await act(c.leader, code, { action: 'approve' })).statusCode).toBe(200);
    const file = await uploadPdf(c.specialist, 'ket-qua.pdf');
    expect((await act(c.specialist, code, { action: 'issue_result', fileIds: [file] })).statusCode).toBe(200);
    expect((await act(c.reception, code, { action: 'return_result', method: 'electronic' })).statusCode).toBe(200);

    w1 = worker('w1');
    await w1.runOnce();
    expect(receiver.refused).toEqual([]);
    const seen = receiver.eventsOf(code);
    expect(seen.map((e) => e.action)).toEqual(['submit', 'receive', 'assign', 'propose', 'approve', 'issue_result', 'return_result']);
    expect(seen.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seen[0]!.dossier).toMatchObject({ code, channel: 'national_portal', procedureCode: '1.001193', receivingUnitCode: 'DEMO.07894.H25' });
    const result = seen.find((e) => e.action === 'issue_result')!;
    expect(result.result!.files).toHaveLength(1);
    expect(result.result!.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(seen.at(-1)!.dossier).toMatchObject({ status: 'returned', portalStatus: 10 });
    expect(seen.at(-1)!.dossier.returnedAt).toMatch(/\+07:00$/);
    expect(await pending()).toBe(0);
  });

  it('a dossier filed at the desk is not sent to a portal that follows only its own', async () => {
    const before = receiver.events.length;
    const sub = await c.citizen.post('/api/v1/dossiers', { procedureCode: '1.001193', formData: sampleDossier(proc, 0).formData, documents: [] });
    expect(sub.statusCode).toBe(400); // incomplete: nothing filed, nothing sent
    await w1.runOnce();
    expect(receiver.events.length).toBe(before);
  });

  it('a receiver down for ten minutes under load loses nothing; redeliveries carry the same key; order holds per dossier', async () => {
    await receiver.stop();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(await forward());
    for (const code of codes) {
      await act(c.reception, code, { action: 'receive' });
      await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id });
    }
    const r1 = await w1.runOnce();
    expect(r1.retried).toBe(5); // the first event of each dossier; the later ones wait behind it
    expect(await pending()).toBe(15);
    for (let minute = 0; minute < 10; minute++) {
      t.clock.advanceHours(1 / 60);
      await w1.runOnce();
    }
    expect(await pending()).toBe(15);
    const failed = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from messages where channel = 'webhook' and status = 'failed'`);
    expect(failed[0]!.n).toBe(0);

    // Back, but the first answer of each dossier is lost on the way: the event was taken, the sender does not know.
    await receiver.start();
    receiver.loseAcks = 3;
    t.clock.advanceHours(1);
    w2 = worker('w2');
    // Two workers (two app instances) deliver together.
    await Promise.all([w1.runOnce(), w2.runOnce()]);
    for (let i = 0; i < 3; i++) {
      t.clock.advanceHours(1);
      await Promise.all([w1.runOnce(), w2.runOnce()]);
    }
    expect(await pending()).toBe(0);
    expect(receiver.refused).toEqual([]);
    expect(receiver.duplicates).toBe(3);
    for (const code of codes) expect(receiver.eventsOf(code).map((e) => e.action)).toEqual(['submit', 'receive', 'assign']);
    for (const e of receiver.events) expect(e.idempotencyKey).toBe(e.event.eventId);
  });

  it('a receiver that refuses the event (its signature check fails) sends it to the dead-letter list; the admin replays it once fixed', async () => {
    const code = await forward();
    const stranger = new CallbackReceiver('not-the-shared-secret', '/nts/callbacks', t.clock.now);
    await receiver.stop();
    const port = Number(new URL(receiver.url).port);
    await stranger.start(port);
    await drain();
    expect(stranger.refused[0]).toMatchObject({ status: 401, reason: 'signature does not match' });
    const dead = await c.admin.get('/api/v1/admin/messages?status=failed');
    const letter = (dead.json().items as { id: string; channel: string; recipient: string; lastError: string }[]).find((m) => m.channel === 'webhook');
    expect(letter).toMatchObject({ recipient: DEMO_PORTAL.code });
    expect(letter!.lastError).toMatch(/HTTP 401/);
    await stranger.stop();
    await receiver.start(port);
    const replay = await c.admin.post(`/api/v1/admin/messages/${letter!.id}/replay`);
    expect(replay.statusCode, replay.body).toBeLessThan(300);
    await drain();
    expect(receiver.eventsOf(code).map((e) => e.action)).toEqual(['submit']);
  });

  it('forwarding to a second unit on the same deployment: the hand-over is in the history and in the status events', async () => {
    const code = await forward();
    await act(c.reception, code, { action: 'receive' });
    const tr = await act(c.leader, code, { action: 'transfer', unitCode: 'DEMO.00.H25.STNMT', reason: 'Thuộc thẩm quyền Sở' });
    expect(tr.statusCode, tr.body).toBe(200);
    await drain();
    const last = receiver.eventsOf(code).at(-1)!;
    expect(last).toMatchObject({ action: 'transfer', transferredTo: { unitCode: 'DEMO.00.H25.STNMT' }, dossier: { receivingUnitCode: 'DEMO.07894.H25', handlingUnitCode: 'DEMO.00.H25.STNMT' } });
    // The other unit handles it: its queue shows it, and its actions go to the portal too.
    expect((await act(c.otherUnit, code, { action: 'assign', assigneeId: c.otherUnit.id })).statusCode).toBe(200);
    await drain();
    expect(receiver.eventsOf(code).map((e) => e.action)).toEqual(['submit', 'receive', 'transfer', 'assign']);
  });

  it("forwarding to a second unit on the same deployment: each unit's counts record it (received here, handled there) and the history shows the hand-over with its time", async () => {
    const units = await rows<{ id: string; code: string }>(t.database.db, sql`select id, code from units where code in ('DEMO.07894.H25', 'DEMO.00.H25.STNMT')`);
    const here = units.find((u) => u.code === 'DEMO.07894.H25')!.id;
    const there = units.find((u) => u.code === 'DEMO.00.H25.STNMT')!.id;
    const counts = async (unitId: string) => {
      // A minute on: the full recount counts what was received before now, the aggregate by day.
      t.clock.advanceHours(1 / 60);
      const now = t.clock.now();
      const period = resolvePeriod({}, now);
      // The aggregate the report reads agrees with a recount from the dossiers: the transfer queued the right days.
      expect((await recount(t.database, unitId, period, await loadWorkingCalendar(t.database.db), now)).differences).toEqual([]);
      const r = await report(t.database, unitId, period, {}, now);
      return { received: r.headline.received, online: r.tally.received.online, inProgress: r.headline.inProgress, settled: r.headline.settled, synced: r.tally.synced.known };
    };
    const leaders = async () => (await c.leader.get('/api/v1/indicators')).json().headline as { received: number; inProgress: number; settled: number };
    const [here0, there0, api0] = [await counts(here), await counts(there), await leaders()];

    const code = await forward();
    await act(c.reception, code, { action: 'receive' });
    t.clock.advanceHours(1);
    const transferredAt = t.clock.now();
    const tr = await act(c.leader, code, { action: 'transfer', unitCode: 'DEMO.00.H25.STNMT', reason: 'Thuộc thẩm quyền Sở' });
    expect(tr.statusCode, tr.body).toBe(200);
    const [here1, there1] = [await counts(here), await counts(there)];
    // Received here (once, online; the portal-sync ingredient with it), in progress there.
    expect(here1).toEqual({ ...here0, received: here0.received + 1, online: here0.online + 1, synced: here0.synced + 1 });
    expect(there1).toEqual({ ...there0, inProgress: there0.inProgress + 1 });
    // The leaders' indicators API (the deployment's unit) shows the same.
    expect(await leaders()).toMatchObject({ received: api0.received + 1, inProgress: api0.inProgress, settled: api0.settled });

    // The other unit settles it: settled there, never here. Its one demo official leads a
    // department; for the approval they act as the unit's head (a leader without a department).
    expect((await act(c.otherUnit, code, { action: 'assign', assigneeId: c.otherUnit.id })).statusCode).toBe(200);
    expect((await act(c.otherUnit, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' })).statusCode).toBe(200);
    const dept = await rows<{ department_id: string }>(t.database.db, sql`select department_id from users where id = ${c.otherUnit.id}`);
    await t.database.db.execute(sql`update users set department_id = null where id = ${c.otherUnit.id}`);
    try {
      const approved = await act(c.otherUnit, code, { action: 'approve' });
      expect(approved.statusCode, approved.body).toBe(200);
    } finally {
      await t.database.db.execute(sql`update users set department_id = ${dept[0]!.department_id} where id = ${c.otherUnit.id}`);
    }
    const file = await uploadPdf(c.otherUnit, 'ket-qua.pdf');
    const issued = await act(c.otherUnit, code, { action: 'issue_result', fileIds: [file] });
    expect(issued.statusCode, issued.body).toBe(200);
    const [here2, there2] = [await counts(here), await counts(there)];
    expect(here2).toEqual(here1);
    expect(there2).toEqual({ ...there0, settled: there0.settled + 1 });

    // The history: received here at one time, handed over to the other unit an hour later, its staff after.
    const events = (await c.reception.get(`/api/v1/dossiers/${code}/events`)).json().items as { action: string; at: string; actor: { fullName: string }; data: Record<string, unknown>; comment: string | null }[];
    expect(events.map((e) => e.action)).toEqual(['submit', 'receive', 'transfer', 'assign', 'propose', 'approve', 'issue_result']);
    const received = events.find((e) => e.action === 'receive')!;
    const handed = events.find((e) => e.action === 'transfer')!;
    expect(handed).toMatchObject({ comment: 'Thuộc thẩm quyền Sở', data: { toUnit: { code: 'DEMO.00.H25.STNMT' } }, actor: { fullName: DEMO_ACCOUNTS.leader.fullName } });
    expect(handed.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+07:00$/);
    expect(new Date(handed.at).getTime()).toBe(transferredAt.getTime());
    expect(new Date(handed.at).getTime() - new Date(received.at).getTime()).toBeGreaterThanOrEqual(3_600_000);
    expect(events.slice(3).every((e) => e.actor.fullName === DEMO_ACCOUNTS.otherUnitSpecialist.fullName)).toBe(true);
  });

  it("the admin's sync view: per system what was sent, acknowledged, failing (dead letters to replay), and the share of dossiers fully synced", async () => {
    await drain();
    const view = async () => {
      const res = await c.admin.get('/api/v1/admin/interop/sync');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        systems: { code: string; kind: string; events: number; sent: number; acknowledged: number; waiting: number; failing: number; deadLetters: { id: string; dossierCode: string; externalCode: string | null; action: string; lastError: string }[] }[];
        syncedShare: { dossiers: number; fullySynced: number; share: number | null };
      };
    };
    const before = await view();
    const portalBefore = before.systems.find((s) => s.code === DEMO_PORTAL.code)!;
    expect(portalBefore).toMatchObject({ kind: 'national_portal', failing: 0, waiting: 0 });
    expect(portalBefore.acknowledged).toBe(portalBefore.events);
    expect(portalBefore.acknowledged).toBeGreaterThan(10);
    const forwarded = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from dossiers where origin_system_id is not null`);
    // Every forwarded dossier so far is fully synced (one filed at the desk would not be: the stand-in follows only its own).
    expect(before.syncedShare.fullySynced).toBe(forwarded[0]!.n);
    expect(before.syncedShare.dossiers).toBeGreaterThanOrEqual(before.syncedShare.fullySynced);
    expect(before.syncedShare.share).toBeCloseTo(before.syncedShare.fullySynced / before.syncedShare.dossiers, 3);

    // The portal moved its endpoint and did not say: the next event is refused (404) and waits as a dead letter.
    const right = receiver.url;
    await c.admin.patch(`/api/v1/admin/interop/systems/${DEMO_PORTAL.code}`, { callbackUrl: right.replace('/nts/callbacks', '/nts/old') });
    const code = await forward();
    await drain();
    const failing = (await view()).systems.find((s) => s.code === DEMO_PORTAL.code)!;
    expect(failing.failing).toBe(1);
    // The portal's code beside ours, for the admin who hears of it from the portal.
    expect(failing.deadLetters[0]).toMatchObject({ dossierCode: code, externalCode: externalOf.get(code), originChannel: 'national_portal', action: 'submit' });
    expect(failing.deadLetters[0]!.lastError).toMatch(/HTTP 404/);
    expect((await view()).syncedShare.fullySynced).toBe(before.syncedShare.fullySynced);

    // Fixed and replayed from the view: acknowledged, and the dossier counts as fully synced.
    await c.admin.patch(`/api/v1/admin/interop/systems/${DEMO_PORTAL.code}`, { callbackUrl: right });
    expect((await c.admin.post(`/api/v1/admin/messages/${failing.deadLetters[0]!.id}/replay`)).statusCode).toBeLessThan(300);
    await drain();
    const after = await view();
    expect(after.systems.find((s) => s.code === DEMO_PORTAL.code)).toMatchObject({ failing: 0, deadLetters: [] });
    expect(after.syncedShare.fullySynced).toBe(before.syncedShare.fullySynced + 1);
    expect(after.syncedShare.dossiers).toBe(before.syncedShare.dossiers + 1);
    expect((await c.reception.get('/api/v1/admin/interop/sync')).statusCode).toBe(403);
  });

  it('forwarding to a unit on another deployment: handed over to its system through the outbox, signed, with the documents; received here, handled there', async () => {
    const remote = new CallbackReceiver('', '/lienthong/callbacks', t.clock.now);
    await remote.start();
    const made = await c.admin.post('/api/v1/admin/interop/systems', {
      code: 'PT-SOXD',
      name: 'Hệ thống một cửa của Sở Xây dựng tỉnh Phú Thọ',
      kind: 'unit_system',
      scopes: ['dossiers.read'],
      callbackUrl: remote.url,
      remoteUnit: { code: 'DEMO.00.H25.SOXD', name: 'Sở Xây dựng tỉnh Phú Thọ' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const key = made.json().key as { apiKey: string; signingSecret: string };
    (remote as { signingSecret: string }).signingSecret = key.signingSecret;
    // A unit with staff here is on this deployment: it is transferred to directly, not through a system.
    const local = await c.admin.post('/api/v1/admin/interop/systems', {
      code: 'X-LOCAL', name: 'Không hợp lệ', kind: 'unit_system', scopes: ['dossiers.read'], callbackUrl: remote.url,
      remoteUnit: { code: 'DEMO.00.H25.STNMT', name: 'Sở TNMT' },
    });
    expect(local.json().error?.code).toBe('INTEROP_UNIT_ON_THIS_DEPLOYMENT');

    const code = await forward();
    await act(c.reception, code, { action: 'receive' });
    const tr = await act(c.leader, code, { action: 'transfer', unitCode: 'DEMO.00.H25.SOXD', reason: 'Thuộc thẩm quyền Sở Xây dựng' });
    expect(tr.statusCode, tr.body).toBe(200);
    await drain();
    expect(remote.refused).toEqual([]);
    // Only the hand-over and what follows go to the other unit's system, never the earlier events.
    const got = remote.eventsOf(code);
    expect(got.map((e) => e.action)).toEqual(['transfer']);
    const handed = got[0]!;
    expect(handed).toMatchObject({
      transferredTo: { unitCode: 'DEMO.00.H25.SOXD' },
      dossier: { code, receivingUnitCode: 'DEMO.07894.H25', handlingUnitCode: 'DEMO.00.H25.SOXD', status: 'received' },
      handover: { applicant: { fullName: expect.any(String) }, formData: expect.any(Object) },
    });
    expect(remote.events.find((e) => e.event.dossier.code === code)!.idempotencyKey).toBe(handed.eventId);
    const docs = handed.handover!.documents;
    expect(docs.length).toBeGreaterThan(0);
    // The documents are fetched by the other unit's system with its own key, only for dossiers handed to it.
    const other = new PortalClient(portal.baseUrl, key.apiKey, key.signingSecret, t.clock.now);
    const path = docs[0]!.path;
    const file = await fetch(new URL(path, portal.baseUrl), { headers: other.sign('GET', path, '') });
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(await file.arrayBuffer())).digest('hex')).toBe(docs[0]!.sha256);
    const stranger = await fetch(new URL(path, portal.baseUrl), { headers: portal.sign('GET', path, '') });
    expect(stranger.status).toBe(404);
    // The national portal heard of the hand-over too.
    expect(receiver.eventsOf(code).map((e) => e.action)).toEqual(['submit', 'receive', 'transfer']);

    // The history shows the hand-over with its time; the counts: received here, handled there.
    const events = (await c.reception.get(`/api/v1/dossiers/${code}/events`)).json().items as { action: string; at: string }[];
    expect(events.find((e) => e.action === 'transfer')!.at).toMatch(/\+07:00$/);
    expect((await c.reception.get(`/api/v1/dossiers/${code}`)).json()).toMatchObject({ handlingUnit: { code: 'DEMO.00.H25.SOXD' } });
    const units = await rows<{ r: string; h: string }>(t.database.db, sql`select r.code as r, h.code as h from dossiers d join units r on r.id = d.receiving_unit_id join units h on h.id = d.handling_unit_id where d.code = ${code}`);
    expect(units[0]).toEqual({ r: 'DEMO.07894.H25', h: 'DEMO.00.H25.SOXD' });
    const view = (await c.admin.get('/api/v1/admin/interop/sync')).json() as { systems: { code: string; remoteUnitCode: string | null; acknowledged: number; handovers: { dossierCode: string; transferredAt: string; acknowledgedAt: string | null }[] }[] };
    const sys = view.systems.find((x) => x.code === 'PT-SOXD')!;
    expect(sys).toMatchObject({ remoteUnitCode: 'DEMO.00.H25.SOXD', acknowledged: 1 });
    expect(sys.handovers).toEqual([
      expect.objectContaining({ dossierCode: code, externalCode: externalOf.get(code), originChannel: 'national_portal', transferredAt: expect.stringMatching(/\+07:00$/), acknowledgedAt: expect.stringMatching(/\+07:00$/) }),
    ]);
    await remote.stop();
  });
});
