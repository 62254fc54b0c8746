import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { DEFAULT_INDEX_RULE } from '../../src/domain/indicators-rules.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildSubmission, uploadPdf } from '../support/builders.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';

// Decision 766 indicators from real dossiers walked through the API (issue 11). 1.004194 (Đăng ký
// tạm trú) has 3 working days: received Monday 2/3/2026 09:00, due Thursday 5/3 09:00. March is
// looked at from 15 April.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const codes: Record<'early' | 'exact' | 'extended' | 'overdue', string> = { early: '', exact: '', extended: '', overdue: '' };
const MARCH = 'from=2026-03-01&to=2026-03-31';

const act = async (client: Client, code: string, body: Record<string, unknown>) => {
  const res = await client.post(`/api/v1/dossiers/${code}/actions`, body);
  expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
  return res.json();
};

async function received(channel: 'online' | 'in_person'): Promise<string> {
  t.clock.set('2026-03-02T09:00:00+07:00');
  const res =
    channel === 'online'
      ? await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'))
      : await c.reception.post(
          '/api/v1/dossiers',
          await buildSubmission(c.reception, '1.004194', {
            channel: 'in_person',
            applicant: { kind: 'citizen', fullName: DEMO_CITIZEN.fullName, cccd: DEMO_CITIZEN.cccd, birthYear: DEMO_CITIZEN.birthYear, gender: DEMO_CITIZEN.gender },
          }),
        );
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  await act(c.reception, code, { action: 'receive' });
  await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id });
  return code;
}

async function settle(code: string, at: string) {
  await act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' });
  await act(c.leader, code, { action: 'approve' });
  t.clock.set(at);
  await act(c.specialist, code, { action: 'issue_result', fileIds: [await uploadPdf(c.specialist, 'ket-qua.pdf')] });
}

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  codes.early = await received('online');
  codes.exact = await received('online');
  codes.extended = await received('in_person');
  codes.overdue = await received('online');
  t.clock.set('2026-03-03T10:00:00+07:00');
  await settle(codes.early, '2026-03-03T15:00:00+07:00');
  t.clock.set('2026-03-04T10:00:00+07:00');
  await act(c.specialist, codes.extended, { action: 'extend', newDueAt: '2026-03-09T17:00:00+07:00', reason: 'Cần xác minh thực tế, xin lỗi ông/bà' });
  await settle(codes.exact, '2026-03-05T09:00:00+07:00');
  t.clock.set('2026-03-06T10:00:00+07:00');
  await settle(codes.extended, '2026-03-06T11:00:00+07:00');
  t.clock.set('2026-04-15T09:00:00+07:00');
  // Sessions opened in March have expired by mid-April.
  c = await demoClients(t.app);
});
afterAll(() => t.close());

describe('the leaders’ report', () => {
  it('counts what happened: received by channel; early, on time at the due minute, late though extended; overdue', async () => {
    const res = await c.leader.get(`/api/v1/indicators?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(r.tally.received).toEqual({ total: 4, byChannel: { online: 3, in_person: 1 }, online: 3 });
    expect(r.tally.settled).toEqual({ total: 3, early: 1, onTime: 1, late: 1, extended: 1 });
    expect(r.tally.inProgress).toEqual({ total: 1, onTime: 0, overdue: 1, waiting: 0 });
    expect(r.headline).toMatchObject({ received: 4, settled: 3, overdue: 1, onTimeShare: 66.67, onlineShare: 75 });
    // 2 of 4 handled dossiers settled early or on time → 10 of 20 points.
    const onTime = r.index.items.find((i: { key: string }) => i.key === 'on_time');
    expect(onTime).toMatchObject({ origin: 'computed', numerator: 2, denominator: 4, points: 10, lost: 10 });
    // Results were signed at issue: electronic, and in the applicant's store.
    expect(r.index.items.find((i: { key: string }) => i.key === 'electronic_results')).toMatchObject({ numerator: 3, denominator: 3, points: 6 });
    expect(r.index.groups6.map((g: { max: number }) => g.max)).toEqual([18, 20, 12, 10, 18, 22]);
    expect(r.index.groups5).toHaveLength(5);
    expect(r.breakdowns.officials[0]).toMatchObject({ label: 'Trần Văn Minh', late: 2 });
    const march = r.trend.find((p: { from: string }) => p.from === '2026-03-01');
    expect(march.headline.received).toBe(4);
    expect(march.index).toBe(r.index.total);
  });

  it('a dossier received in March and still open is in progress in April, not received again', async () => {
    const r = (await c.leader.get('/api/v1/indicators?from=2026-04-01&to=2026-04-30')).json();
    expect(r.tally.received.total).toBe(0);
    expect(r.tally.inProgress).toMatchObject({ total: 1, overdue: 1 });
  });

  it('drills from a figure to the dossiers behind it', async () => {
    const late = (await c.leader.get(`/api/v1/indicators/dossiers?${MARCH}&figure=settled_late`)).json();
    expect(late.items.map((i: { code: string }) => i.code)).toEqual([codes.extended]);
    expect(late.items[0]).toMatchObject({ extended: true, channel: 'in_person', assigneeName: 'Trần Văn Minh', dueAt: '2026-03-05T09:00:00+07:00' });
    const onTime = (await c.leader.get(`/api/v1/indicators/dossiers?${MARCH}&figure=settled_on_time`)).json();
    expect(onTime.items.map((i: { code: string }) => i.code)).toEqual([codes.exact]);
  });

  it('lists the points at risk today, with the item each costs', async () => {
    const risk = (await c.leader.get('/api/v1/indicators/at-risk')).json();
    const overdue = risk.items.find((i: { code: string }) => i.code === codes.overdue);
    expect(overdue).toMatchObject({ reasons: ['overdue_no_apology'], items: ['on_time'], assigneeName: 'Trần Văn Minh' });
    expect(risk.officials[0]).toMatchObject({ assigneeName: 'Trần Văn Minh' });
  });

  it('exports a table as CSV', async () => {
    const res = await c.leader.get(`/api/v1/indicators/export?${MARCH}&table=dossiers&figure=received`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('Mã hồ sơ,Thủ tục');
    expect(lines).toHaveLength(5);
    const index = await c.leader.get(`/api/v1/indicators/export?${MARCH}&table=index`);
    expect(index.body).toContain('Hồ sơ giải quyết, đang giải quyết trước và đúng hạn');
  });
});

describe('what officials enter, and the rule as versioned data', () => {
  it('an ingredient the platform cannot know is entered with its source and scored', async () => {
    const before = (await c.leader.get(`/api/v1/indicators?${MARCH}`)).json();
    expect(before.index.items.find((i: { key: string }) => i.key === 'synced')).toMatchObject({ origin: 'missing', points: 0 });
    const res = await c.leader.post('/api/v1/indicators/inputs', { itemKey: 'synced', periodFrom: '2026-03-01', periodTo: '2026-03-31', percent: 50, source: 'Báo cáo Cổng DVC quốc gia ngày 31/3/2026' });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await c.leader.get(`/api/v1/indicators?${MARCH}`)).json();
    expect(after.index.items.find((i: { key: string }) => i.key === 'synced')).toMatchObject({ origin: 'manual', rate: 0.5, points: 3, manual: { source: 'Báo cáo Cổng DVC quốc gia ngày 31/3/2026', enteredBy: 'Phạm Quang Huy' } });
    expect(after.index.total).toBe(before.index.total + 3);
  });

  it('a new rule version saved for later never changes today’s scores; a past date is refused', async () => {
    const before = (await c.leader.get(`/api/v1/indicators?${MARCH}`)).json();
    const rule = { ...DEFAULT_INDEX_RULE.rule, items: DEFAULT_INDEX_RULE.rule.items.map((i) => (i.key === 'on_time' ? { ...i, threshold: 0.5 } : i)) };
    expectError(await c.admin.post('/api/v1/indicators/rule', { effectiveFrom: '2026-04-01', basis: 'Thử', rule }), 400, 'VALIDATION_FAILED');
    expectError(await c.leader.post('/api/v1/indicators/rule', { effectiveFrom: '2026-05-01', basis: 'Thử', rule }), 403, 'FORBIDDEN');
    const saved = await c.admin.post('/api/v1/indicators/rule', { effectiveFrom: '2026-05-01', basis: 'Quyết định giả định số 1/QĐ-UBND', rule });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().inForce.version).toBe(0);
    const same = (await c.leader.get(`/api/v1/indicators?${MARCH}`)).json();
    expect(same.index.total).toBe(before.index.total);
    // Come May, a period ending then is scored by the new version: 2 of 4 on time reach its 50%.
    t.clock.set('2026-05-20T09:00:00+07:00');
    const leader = await signIn(t.app, DEMO_ACCOUNTS.leader.login);
    const may = (await leader.get('/api/v1/indicators?from=2026-03-01&to=2026-05-20')).json();
    expect(may.index.rule).toMatchObject({ version: saved.json().versions[0].version, basis: 'Quyết định giả định số 1/QĐ-UBND' });
    expect(may.index.items.find((i: { key: string }) => i.key === 'on_time')).toMatchObject({ numerator: 2, denominator: 4, points: 20 });
    // That sign-in swept the April sessions away.
    t.clock.set('2026-04-15T09:00:00+07:00');
    c = await demoClients(t.app);
  });
});

describe('who sees what', () => {
  it('leaders and admins read the report; specialists, the desk and citizens do not', async () => {
    expect((await c.admin.get(`/api/v1/indicators?${MARCH}`)).statusCode).toBe(200);
    expectError(await c.specialist.get(`/api/v1/indicators?${MARCH}`), 403, 'FORBIDDEN');
    expectError(await c.reception.get('/api/v1/indicators/at-risk'), 403, 'FORBIDDEN');
    expectError(await c.citizen.get(`/api/v1/indicators/dossiers?${MARCH}&figure=received`), 403, 'FORBIDDEN');
    expectError(await c.anonymous.get(`/api/v1/indicators?${MARCH}`), 401, 'UNAUTHENTICATED');
    expectError(await c.specialist.post('/api/v1/indicators/inputs', { itemKey: 'synced', periodFrom: '2026-03-01', periodTo: '2026-03-31', percent: 50, source: 'x' }), 403, 'FORBIDDEN');
  });

  it('anyone reads the public figures: codes and procedures only, no personal data', async () => {
    const res = await c.anonymous.get(`/api/v1/public/indicators?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.headline).toMatchObject({ received: 4, settled: 3, onTimeShare: 66.67 });
    expect(p.late.map((l: { code: string }) => l.code).sort()).toEqual([codes.extended, codes.overdue].sort());
    expect(p.late.find((l: { code: string }) => l.code === codes.extended)).toMatchObject({
      procedureName: expect.stringContaining('tạm trú'),
      dueAt: '2026-03-05T09:00:00+07:00',
      apology: { newDueAt: '2026-03-09T17:00:00+07:00', onTime: true },
    });
    expect(res.body).not.toContain(DEMO_CITIZEN.fullName);
    expect(res.body).not.toContain(DEMO_CITIZEN.cccd);
    expect(res.body).not.toContain('Trần Văn Minh');
  });

  it('counts the late dossiers of a period that runs to today: settled late in it, and open past their due time now', async () => {
    // Today is 15 April: the overdue dossier is still open (the live case reads the open ones
    // from their own index), the extended one was settled late in March.
    const april = (await c.anonymous.get('/api/v1/public/indicators?from=2026-04-01&to=2026-04-15')).json();
    expect(april.late.map((l: { code: string }) => l.code)).toEqual([codes.overdue]);
    expect(april.lateTotal).toBe(1);
    const spring = (await c.anonymous.get('/api/v1/public/indicators?from=2026-03-01&to=2026-04-15')).json();
    expect(spring.late.map((l: { code: string }) => l.code).sort()).toEqual([codes.extended, codes.overdue].sort());
    expect(spring.lateTotal).toBe(2);
    const page = (await c.anonymous.get('/api/v1/public/indicators?from=2026-03-01&to=2026-04-15&lateLimit=1&lateOffset=1')).json();
    expect(page).toMatchObject({ lateTotal: 2, lateOffset: 1 });
    expect(page.late).toHaveLength(1);
  });

  it('lists the late dossiers page by page, by due time, with how many there are', async () => {
    const all = (await c.anonymous.get(`/api/v1/public/indicators?${MARCH}`)).json();
    expect(all).toMatchObject({ lateTotal: 2, lateOffset: 0 });
    const byDue = [...all.late].sort((a: { dueAt: string }, b: { dueAt: string }) => a.dueAt.localeCompare(b.dueAt)).map((l: { code: string }) => l.code);
    const first = (await c.anonymous.get(`/api/v1/public/indicators?${MARCH}&lateLimit=1`)).json();
    expect(first).toMatchObject({ lateTotal: 2, lateOffset: 0 });
    expect(first.late.map((l: { code: string }) => l.code)).toEqual([byDue[0]]);
    const second = (await c.anonymous.get(`/api/v1/public/indicators?${MARCH}&lateLimit=1&lateOffset=1`)).json();
    expect(second).toMatchObject({ lateTotal: 2, lateOffset: 1 });
    expect(second.late.map((l: { code: string }) => l.code)).toEqual([byDue[1]]);
    const past = (await c.anonymous.get(`/api/v1/public/indicators?${MARCH}&lateOffset=5`)).json();
    expect(past).toMatchObject({ late: [], lateTotal: 2, lateOffset: 5 });
    // The figures do not depend on the page.
    expect(past.headline).toEqual(all.headline);
    expectError(await c.anonymous.get(`/api/v1/public/indicators?${MARCH}&lateLimit=0`), 400, 'VALIDATION_FAILED');
    expectError(await c.anonymous.get(`/api/v1/public/indicators?${MARCH}&lateLimit=201`), 400, 'VALIDATION_FAILED');
    expectError(await c.anonymous.get(`/api/v1/public/indicators?${MARCH}&lateOffset=-1`), 400, 'VALIDATION_FAILED');
  });

  it('refuses a period backwards', async () => {
    expectError(await c.anonymous.get('/api/v1/public/indicators?from=2026-03-31&to=2026-03-01'), 400, 'VALIDATION_FAILED');
  });
});

describe('the term’s targets', () => {
  const find = (items: { key: string }[], key: string) => items.find((i) => i.key === key) as Record<string, unknown>;

  it('online dossiers are measured from the platform; the seed’s baselines are shown', async () => {
    const res = await c.leader.get('/api/v1/indicators/targets');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    // 2026 so far: 3 of the 4 dossiers received online; 80% due by 2030, from 0 in 2025 → 16% expected.
    expect(find(items, 'online_dossiers')).toMatchObject({ target: 80, latest: { year: 2026, value: 75 }, state: 'on_track', expected: 16, progressPct: 93.75 });
    expect(find(items, 'budget_revenue')).toMatchObject({ baseline: 438.608, baselineYear: 2025, target: null, state: 'no_target' });
    expect(find(items, 'trained_workers')).toMatchObject({ baseline: 75, state: 'no_target' });
    await expectError(await c.specialist.get('/api/v1/indicators/targets'), 403, 'FORBIDDEN');
  });

  it('an actual is entered with its source; the admin sets the ward’s figure; progress follows', async () => {
    const entered = await c.leader.post('/api/v1/indicators/targets/budget_revenue/actuals', { year: 2026, value: 450, source: 'Báo cáo quyết toán quý I/2026', asOf: '2026-03-31' });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(find(entered.json().items, 'budget_revenue')).toMatchObject({ latest: { year: 2026, value: 450, source: 'Báo cáo quyết toán quý I/2026' }, history: [{ enteredBy: 'Phạm Quang Huy' }] });
    const target = { ...find(entered.json().items, 'budget_revenue'), target: 600 } as Record<string, unknown>;
    for (const k of ['history', 'computed', 'latest', 'state', 'expected', 'progressPct']) delete target[k];
    await expectError(await c.leader.post('/api/v1/indicators/targets', target), 403, 'FORBIDDEN');
    const set = await c.admin.post('/api/v1/indicators/targets', target);
    expect(set.statusCode, set.body).toBe(201);
    // From 438.608 in 2025 to 600 in 2030: 470.89 expected in 2026; 450 is behind.
    expect(find(set.json().items, 'budget_revenue')).toMatchObject({ target: 600, state: 'behind', expected: 470.89 });
    await expectError(await c.leader.post('/api/v1/indicators/targets/nothing_here/actuals', { year: 2026, value: 1, source: 'x', asOf: '2026-03-31' }), 404, 'NOT_FOUND');
  });
});
