import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_ACCOUNTS } from '../../src/db/seed/demo.ts';
import { formatDossierCode } from '../../src/domain/dossier-code.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';

// Many people at once: codes stay unique and gap-free, retries never duplicate, and two
// officials acting on one dossier never both win.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  t.clock.set('2026-03-04T09:00:00+07:00'); // Wednesday
});
afterAll(() => t.close());

const CODE = /^DEMO\.07894\.H25-260304-(\d{4})$/;
const seqOf = (code: string) => Number(CODE.exec(code)![1]);
const total = async (client: Client) => (await client.get('/api/v1/dossiers')).json().total as number;
const act = (client: Client, code: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${code}/actions`, body);
const events = async (client: Client, code: string) =>
  (await client.get(`/api/v1/dossiers/${code}/events`)).json().items as { action: string; actor: { fullName: string } }[];

async function submitted(): Promise<string> {
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

describe('simultaneous submissions', () => {
  it('200 at once: all 201, 200 distinct codes with contiguous sequence numbers, the list grows by exactly 200', async () => {
    // One dossier already filed today: the burst continues after it.
    const first = await submitted();
    const body = await buildSubmission(c.citizen, '1.001193'); // the same uploads reused by every submission
    const before = await total(c.citizen);
    const queueBefore = (await c.reception.get('/api/v1/dossiers?queue=to_receive')).json().total as number;

    const responses = await Promise.all(Array.from({ length: 200 }, () => c.citizen.post('/api/v1/dossiers', body)));

    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 201), responses.find((r) => r.statusCode !== 201)?.body).toEqual([]);
    const codes = responses.map((r) => r.json().code as string);
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) expect(code).toMatch(CODE);
    const seqs = codes.map(seqOf).sort((a, b) => a - b);
    const start = seqOf(first) + 1;
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => start + i));

    expect(await total(c.citizen)).toBe(before + 200);
    expect((await c.reception.get('/api/v1/dossiers?queue=to_receive')).json().total).toBe(queueBefore + 200);
    // Each one is whole: its documents and its single submit event.
    const sample = (await c.citizen.get(`/api/v1/dossiers/${codes[137]}`)).json();
    expect(sample.documents).toHaveLength(body.documents.length);
    expect((await events(c.citizen, codes[137]!)).map((e) => e.action)).toEqual(['submit']);
  });

  it('the next dossier of the day takes the next number', async () => {
    const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    expect(seqOf(res.json().code)).toBe(202);
  });

  it('past 9,999 in a day the number grows a digit, never wraps (the code is written where the number is taken)', async () => {
    await t.database.db.execute(sql`update dossier_counters set last = 9998 where day = '2026-03-04'`);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'))).json().code);
    expect(codes).toEqual(['DEMO.07894.H25-260304-9999', 'DEMO.07894.H25-260304-10000', 'DEMO.07894.H25-260304-10001']);
    expect(codes.map((code) => formatDossierCode('DEMO.07894.H25', new Date('2026-03-04T09:00:00+07:00'), Number(code.split('-')[2])))).toEqual(codes);
  });

  it('the same Idempotency-Key sent 5 times at once files one dossier: one 201, four 200, one code', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    const before = await total(c.citizen);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'retry-storm-2026-0001' })),
    );
    expect(responses.map((r) => r.statusCode).sort((a, b) => a - b), responses.map((r) => r.body).join('\n')).toEqual([200, 200, 200, 200, 201]);
    const codes = new Set(responses.map((r) => r.json().code));
    expect(codes.size).toBe(1);
    expect(await total(c.citizen)).toBe(before + 1);
    const [code] = [...codes] as [string];
    expect((await events(c.citizen, code)).map((e) => e.action)).toEqual(['submit']);

    // A later retry with the key still answers the same dossier; another key files a new one.
    const again = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'retry-storm-2026-0001' });
    expect(again.statusCode).toBe(200);
    expect(again.json().code).toBe(code);
    // A repeat is answered with the dossier even when its body would no longer be accepted.
    const stale = await c.citizen.post('/api/v1/dossiers', { ...body, documents: [] }, { 'idempotency-key': 'retry-storm-2026-0001' });
    expect(stale.statusCode, stale.body).toBe(200);
    expect(stale.json().code).toBe(code);
    const other = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'retry-storm-2026-0002' });
    expect(other.statusCode).toBe(201);
    expect(other.json().code).not.toBe(code);
    // The repeats took no number: the day's codes keep no gap.
    const number = (c: string) => Number(c.split('-')[2]);
    expect(number(other.json().code)).toBe(number(code) + 1);
  });

  it('an Idempotency-Key belongs to its submitter: another applicant with the same key gets their own dossier', async () => {
    const business = await signIn(t.app, '2601234567');
    const body = await buildSubmission(business, '2.000815');
    const mine = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '2.000815'), { 'idempotency-key': 'shared-key-0001' });
    const theirs = await business.post('/api/v1/dossiers', body, { 'idempotency-key': 'shared-key-0001' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().code).not.toBe(mine.json().code);
    expect(theirs.json().applicant.kind).toBe('business');
  });
});

describe('two officials on one dossier', () => {
  it('two reception sessions receiving at once: exactly one 200 and one 409, one receive event', async () => {
    const code = await submitted();
    const [desk1, desk2] = await Promise.all([signIn(t.app, DEMO_ACCOUNTS.reception.login), signIn(t.app, DEMO_ACCOUNTS.reception.login)]);
    const results = await Promise.all([act(desk1, code, { action: 'receive' }), act(desk2, code, { action: 'receive' })]);
    const ok = results.filter((r) => r.statusCode === 200);
    const lost = results.filter((r) => r.statusCode !== 200);
    expect(ok).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.statusCode).toBe(409);
    expect(['DOSSIER_ACTION_NOT_ALLOWED', 'DOSSIER_VERSION_CONFLICT']).toContain(lost[0]!.json().error.code);
    expect((await events(c.reception, code)).filter((e) => e.action === 'receive')).toHaveLength(1);
    expect(ok[0]!.json().status).toBe('received');
  });

  it('reception and the leader assigning at once with the same expectedVersion: one wins, one gets 409, one assign event', async () => {
    const code = await submitted();
    const received = (await act(c.reception, code, { action: 'receive' })).json();
    const version = received.version as number;
    const results = await Promise.all([
      act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id, expectedVersion: version }),
      act(c.leader, code, { action: 'assign', assigneeId: c.specialist2.id, expectedVersion: version }),
    ]);
    const ok = results.filter((r) => r.statusCode === 200);
    const lost = results.filter((r) => r.statusCode !== 200);
    expect(ok, results.map((r) => r.body).join('\n')).toHaveLength(1);
    expectError(lost[0]!, 409, 'DOSSIER_VERSION_CONFLICT');
    const assigns = (await events(c.reception, code)).filter((e) => e.action === 'assign');
    expect(assigns).toHaveLength(1);
    // The dossier shows the winner's choice, and its version moved on by exactly one.
    const d = (await c.reception.get(`/api/v1/dossiers/${code}`)).json();
    expect(d.assignee.id).toBe(ok[0]!.json().assignee.id);
    expect(d.version).toBe(version + 1);
  });
});

describe('optimistic concurrency', () => {
  it('an expectedVersion that is not the current one answers 409 DOSSIER_VERSION_CONFLICT and changes nothing', async () => {
    const code = await submitted();
    const d = (await c.reception.get(`/api/v1/dossiers/${code}`)).json();
    const stale = await act(c.reception, code, { action: 'receive', expectedVersion: d.version - 1 });
    const e = expectError(stale, 409, 'DOSSIER_VERSION_CONFLICT');
    expect(e.details).toEqual({ currentVersion: d.version });
    const after = (await c.reception.get(`/api/v1/dossiers/${code}`)).json();
    expect(after.status).toBe('submitted');
    expect(after.version).toBe(d.version);
    expect((await events(c.reception, code)).map((x) => x.action)).toEqual(['submit']);
    // With the right version it goes through.
    const ok = await act(c.reception, code, { action: 'receive', expectedVersion: d.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(d.version + 1);
    // …and the same request replayed is now stale.
    expectError(await act(c.reception, code, { action: 'receive', expectedVersion: d.version }), 409, 'DOSSIER_VERSION_CONFLICT');
  });
});
