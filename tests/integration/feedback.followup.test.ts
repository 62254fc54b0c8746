import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFeedbackFollowUps } from '../../src/modules/feedback/feedback.followup.ts';
import { loadConfig } from '../../src/server/config.ts';
import { serverKeys } from '../../src/server/secrets.ts';
import { TEST_ENV } from '../support/seeded-database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, type Client } from '../support/client.ts';
import { lastCodeTo, messagesTo } from '../support/codes.ts';

// "Is it fixed?" (issue 12): FEEDBACK_RULES.followUpDays (7 calendar days) after the answer, the
// reporter gets one message with the link to say it is fixed, rate it or reopen it — once, however
// many instances run the pass. Test clock: Monday 2 March 2026, 09:00 (+07:00).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const settings = { publicUrl: 'http://localhost:3000', channels: ['email', 'sms'] as ('email' | 'sms')[] };
const SPOT = { lat: 21.32897, lon: 105.38257 };
const START = '2026-03-02T09:00:00+07:00';

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(async () => {
  await t.close();
});

const keys = serverKeys(loadConfig({ ...TEST_ENV }, tmpdir()).secret);
const pass = () => sendFeedbackFollowUps(t.database, settings, keys, t.clock.now());

async function answer(code: string, text: string) {
  const d = (await c.reception.get(`/api/v1/staff/feedback/${code}`)).json();
  const kthtdt = d.departments.find((x: { code: string }) => x.code === 'KTHTDT');
  const fwd = await c.reception.post(`/api/v1/staff/feedback/${code}/actions`, { action: 'forward', version: d.version, departmentId: kthtdt.id });
  expect(fwd.statusCode, fwd.body).toBe(200);
  const ans = await c.leader.post(`/api/v1/staff/feedback/${code}/actions`, { action: 'answer', version: fwd.json().version, answer: text });
  expect(ans.statusCode, ans.body).toBe(200);
}

const followUps = async (client: Client) =>
  ((await client.get('/api/v1/me/notifications')).json().items as { event: string; title: string; body: string; link: string }[]).filter((n) => n.event === 'feedback.follow_up');

describe('"is it fixed?" a week after the answer', () => {
  it('a signed-in reporter is asked once, seven days after the answer, with several instances at work', async () => {
    const made = await c.citizen.post('/api/v1/feedback', { category: 'roads_lighting', description: 'Đèn đường ngõ 7 không sáng.', ...SPOT });
    expect(made.statusCode, made.body).toBe(201);
    const code = made.json().code as string;
    await answer(code, 'Đã thay bóng đèn ngõ 7.');
    try {
      t.clock.set('2026-03-09T08:59:00+07:00');
      expect(await pass()).toBe(0);
      expect(await followUps(c.citizen)).toHaveLength(0);
      t.clock.set('2026-03-09T09:01:00+07:00');
      const runs = await Promise.all([pass(), pass(), pass()]);
      expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
      const mine = await followUps(c.citizen);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ title: `Phản ánh ${code}: sự việc đã được khắc phục chưa?`, link: `/phan-anh/${code}` });
      expect(mine[0]!.body).toContain(`http://localhost:3000/phan-anh/${code}`);
      t.clock.set('2026-03-12T09:00:00+07:00');
      expect(await pass()).toBe(0);
      expect(await followUps(c.citizen)).toHaveLength(1);
    } finally {
      t.clock.set(START);
    }
  });

  it('a reporter without an account gets it by SMS with the link that lets them answer; one who said it is fixed is not asked', async () => {
    const phone = '0977000222';
    const draft = await c.anonymous.post('/api/v1/feedback', { category: 'waste', description: 'Rác tồn đọng đầu ngõ 12.', address: 'Ngõ 12, phố Tiên Sơn', contact: { name: 'Trần Thị Mai', phone } });
    expect(draft.statusCode, draft.body).toBe(202);
    const ok = await c.anonymous.post(`/api/v1/feedback/drafts/${draft.json().draftId}/confirm`, { code: await lastCodeTo(t, phone) });
    expect(ok.statusCode, ok.body).toBe(201);
    const code = ok.json().code as string;
    await answer(code, 'Đã thu gom rác đầu ngõ 12.');

    const fixedAlready = await c.citizen.post('/api/v1/feedback', { category: 'roads_lighting', description: 'Đèn đường ngõ 9 không sáng.', ...SPOT });
    const code2 = fixedAlready.json().code as string;
    await answer(code2, 'Đã thay bóng đèn ngõ 9.');
    expect((await c.citizen.post(`/api/v1/feedback/${code2}/fixed`, {})).statusCode).toBe(204);
    try {
      t.clock.set('2026-03-10T09:00:00+07:00');
      await Promise.all([pass(), pass()]);
      const sms = (await messagesTo(t, phone)).filter((m) => m.template === 'feedback.follow_up');
      expect(sms).toHaveLength(1);
      const link = /https?:\/\/\S+/.exec(sms[0]!.body)![0];
      const token = new URL(link).searchParams.get('token')!;
      expect(new URL(link).pathname).toBe(`/phan-anh/${code}`);
      // The link is enough to answer the question: no account, no code kept by the reporter.
      expect((await c.anonymous.get(`/api/v1/feedback/${code}?token=${token}`)).json().reporter).toMatchObject({ isReporter: true, askFixed: true, mayReopen: true });
      expect((await c.anonymous.post(`/api/v1/feedback/${code}/fixed`, { token })).statusCode).toBe(204);
      expect((await c.anonymous.get(`/api/v1/feedback/${code}`)).json().status).toBe('closed');
      expect((await followUps(c.citizen)).map((n) => n.link)).not.toContain(`/phan-anh/${code2}`);
    } finally {
      t.clock.set(START);
    }
  });
});
