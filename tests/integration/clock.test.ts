import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { buildSubmission, uploadPdf } from '../support/builders.ts';
import { demoClients, type Client } from '../support/client.ts';
import { expectError } from '../support/expect.ts';

// The legal clock (Decree 118/2025/NĐ-CP Art. 17–19; docs/adr/0005-legal-clock.md): while a
// dossier waits for its applicant the clock is stopped, timeliness is judged against the due date
// the law set (an extension with apology is recorded beside it), a supplement request after the
// 3-working-day window is flagged, and a second one needs a reason.
// 1.004194 (Đăng ký tạm trú) has 3 working days: received Monday 09:00, due Thursday 09:00.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let documentKey = '';

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  documentKey = (await c.citizen.get('/api/v1/procedures/1.004194')).json().documents[0].id;
});
afterAll(() => t.close());

const act = (client: Client, code: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${code}/actions`, body);
const read = async (code: string) => (await c.reception.get(`/api/v1/dossiers/${code}`)).json();
const queue = async (name: string) => {
  const res = (await c.reception.get(`/api/v1/dossiers?queue=${name}&limit=200`)).json();
  return { codes: (res.items as { code: string }[]).map((i) => i.code), counts: res.counts as Record<string, number>, total: res.total as number };
};
const item = (reason = 'Bản chụp mờ, không đọc được') => ({ target: { type: 'document', key: documentKey }, reason });

/** Online, received at `at` and assigned to chuyenvien. */
async function inReview(at: string): Promise<string> {
  t.clock.set(at);
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  expect((await act(c.reception, code, { action: 'receive' })).statusCode).toBe(200);
  expect((await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id })).statusCode).toBe(200);
  return code;
}

/** Filed at the desk for the demo citizen (in person), received and assigned. */
async function inReviewAtDesk(at: string): Promise<string> {
  t.clock.set(at);
  const body = await buildSubmission(c.reception, '1.004194', {
    channel: 'in_person',
    applicant: { kind: 'citizen', fullName: DEMO_CITIZEN.fullName, cccd: DEMO_CITIZEN.cccd, birthYear: DEMO_CITIZEN.birthYear, gender: DEMO_CITIZEN.gender },
  });
  const res = await c.reception.post('/api/v1/dossiers', body);
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  expect((await act(c.reception, code, { action: 'receive' })).statusCode).toBe(200);
  expect((await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id })).statusCode).toBe(200);
  return code;
}

async function answerAll(code: string) {
  const d = (await c.citizen.get(`/api/v1/dossiers/${code}`)).json();
  const answers = [];
  for (const i of d.openSupplement.items) answers.push({ itemId: i.id, fileId: await uploadPdf(c.citizen, 'ban-ro.pdf') });
  const res = await act(c.citizen, code, { action: 'answer_supplement', answers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('while a dossier waits for its applicant the clock is stopped', () => {
  it('waiting for a supplement: never due soon, never overdue, never late; the clock restarts from zero', async () => {
    const code = await inReview('2026-03-02T09:00:00+07:00'); // due Thu 5/3 09:00
    t.clock.set('2026-03-03T10:00:00+07:00');
    const sent = await act(c.reception, code, { action: 'request_supplement', items: [item()] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'supplement_requested', clock: 'stopped', clockStoppedAt: '2026-03-03T10:00:00+07:00' });

    t.clock.set('2026-03-04T14:00:00+07:00'); // the due date is within the next two working days
    expect((await queue('due_soon')).codes).not.toContain(code);

    t.clock.set('2026-03-09T09:00:00+07:00'); // past the due date
    const d = await read(code);
    expect(d.timeliness).toBeNull();
    expect(d.clock).toBe('stopped');
    const overdue = await queue('overdue');
    expect(overdue.codes).not.toContain(code);
    expect(overdue.counts.overdue).toBe(overdue.total);
    const mine = (await c.specialist.get('/api/v1/dossiers?queue=mine')).json().items.find((i: { code: string }) => i.code === code);
    expect(mine).toMatchObject({ clock: 'stopped', timeliness: null });
    expect((await c.anonymous.get(`/api/v1/public/dossiers/${code}`)).json().timeliness).toBeNull();

    t.clock.set('2026-03-10T09:00:00+07:00');
    const resumed = await answerAll(code);
    expect(resumed).toMatchObject({ status: 'in_review', clock: 'running', clockStoppedAt: null, dueAt: '2026-03-13T09:00:00+07:00', timeliness: null });
  });

  it('waiting for a payment: never overdue, never late; the due date moves by the working time waited', async () => {
    const code = await inReview('2026-03-02T09:00:00+07:00'); // due Thu 5/3 09:00
    t.clock.set('2026-03-04T10:00:00+07:00'); // 7 working hours left
    const asked = await act(c.specialist, code, { action: 'request_payment', amountVnd: 15000, reason: 'Lệ phí đăng ký cư trú' });
    expect(asked.json()).toMatchObject({ status: 'awaiting_payment', clock: 'stopped' });

    t.clock.set('2026-03-09T09:00:00+07:00');
    expect((await read(code)).timeliness).toBeNull();
    expect((await queue('overdue')).codes).not.toContain(code);

    t.clock.set('2026-03-10T09:00:00+07:00');
    const paid = await act(c.reception, code, { action: 'confirm_payment' });
    // Tue 09:00 + the 7 working hours that were left → Wed 11/3 08:00.
    expect(paid.json()).toMatchObject({ status: 'in_review', clock: 'running', dueAt: '2026-03-11T08:00:00+07:00', timeliness: null });
  });
});

describe('an extension with apology is recorded as an extension', () => {
  it('keeps the due date the law set; finishing after it is late, even before the new date', async () => {
    const code = await inReview('2026-03-16T09:00:00+07:00'); // due Thu 19/3 09:00
    t.clock.set('2026-03-17T10:00:00+07:00');
    const ext = await act(c.specialist, code, { action: 'extend', newDueAt: '2026-03-23T17:00:00+07:00', reason: 'Cần xác minh thực tế, xin lỗi ông/bà' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({
      dueAt: '2026-03-19T09:00:00+07:00',
      extended: true,
      extendedDueAt: '2026-03-23T17:00:00+07:00',
      extension: { dueAt: '2026-03-23T17:00:00+07:00', at: '2026-03-17T10:00:00+07:00', apologyOnTime: true, reason: 'Cần xác minh thực tế, xin lỗi ông/bà' },
    });

    t.clock.set('2026-03-20T09:00:00+07:00'); // a day after the legal due date, before the new one
    const late = await read(code);
    expect(late.timeliness).toBe('late');
    expect((await queue('overdue')).codes).toContain(code);

    expect((await act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' })).statusCode).toBe(200);
    expect((await act(c.leader, code, { action: 'approve' })).statusCode).toBe(200);
    const done = await act(c.specialist, code, { action: 'issue_result', fileIds: [await uploadPdf(c.specialist, 'ket-qua.pdf')] });
    expect(done.json()).toMatchObject({ status: 'result_ready', timeliness: 'late', dueAt: '2026-03-19T09:00:00+07:00', extendedDueAt: '2026-03-23T17:00:00+07:00' });
  });

  it('an apology sent less than a day before the due date is accepted but recorded as late; a second one is refused', async () => {
    const code = await inReview('2026-03-16T09:00:00+07:00'); // due Thu 19/3 09:00
    t.clock.set('2026-03-19T08:00:00+07:00');
    const ext = await act(c.specialist, code, { action: 'extend', newDueAt: '2026-03-24T17:00:00+07:00', reason: 'Xin lỗi ông/bà, cần thêm thời gian' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().extension).toMatchObject({ apologyOnTime: false });
    const twice = await act(c.specialist, code, { action: 'extend', newDueAt: '2026-03-26T17:00:00+07:00', reason: 'Lần hai' });
    expectError(twice, 409, 'EXTENSION_NOT_ALLOWED');
  });
});

describe('requests to supplement', () => {
  it('within 3 working days of receipt is on time; after that it is sent but flagged late', async () => {
    const onTime = await inReview('2026-03-23T09:00:00+07:00');
    t.clock.set('2026-03-26T09:00:00+07:00'); // exactly 3 working days after receipt
    const first = await act(c.reception, onTime, { action: 'request_supplement', items: [item()] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().openSupplement).toMatchObject({ round: 1, late: false });

    const late = await inReview('2026-03-23T09:00:00+07:00');
    t.clock.set('2026-03-27T10:00:00+07:00'); // 4 working days and an hour
    const res = await act(c.reception, late, { action: 'request_supplement', items: [item()] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().openSupplement).toMatchObject({ round: 1, late: true, sentAt: '2026-03-27T10:00:00+07:00' });
    const ev = (await c.reception.get(`/api/v1/dossiers/${late}/events`)).json().items.at(-1);
    expect(ev.data).toMatchObject({ round: 1, late: true });
  });

  it('a second request needs a reason, and is counted', async () => {
    const code = await inReview('2026-03-30T09:00:00+07:00');
    expect((await act(c.reception, code, { action: 'request_supplement', items: [item()] })).statusCode).toBe(200);
    t.clock.set('2026-03-31T09:00:00+07:00');
    await answerAll(code);
    const bare = await act(c.reception, code, { action: 'request_supplement', items: [item('Vẫn còn mờ')] });
    const e = expectError(bare, 400, 'SUPPLEMENT_REPEAT_REASON_REQUIRED');
    expect(e.details).toMatchObject({ round: 2 });
    expect((await read(code)).status).toBe('in_review');
    const second = await act(c.reception, code, {
      action: 'request_supplement',
      items: [item('Vẫn còn mờ')],
      repeatReason: 'Bản bổ sung lần 1 vẫn không đọc được số giấy tờ',
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ supplementRounds: 2, openSupplement: { round: 2, repeatReason: 'Bản bổ sung lần 1 vẫn không đọc được số giấy tờ' } });
  });

  it('the specialist proposes the items; the desk sends them', async () => {
    const code = await inReviewAtDesk('2026-03-23T09:00:00+07:00');
    // A specialist does not contact the applicant outside the one-stop desk.
    expectError(await act(c.specialist, code, { action: 'request_supplement', items: [item()] }), 403, 'FORBIDDEN');
    t.clock.set('2026-03-23T14:00:00+07:00');
    const proposed = await act(c.specialist, code, { action: 'propose_supplement', items: [item()], comment: 'Đề nghị Một cửa gửi công dân' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'supplement_proposed', clock: 'running', openSupplement: null });
    expect(proposed.json().proposedSupplement).toMatchObject({ round: 1, items: [{ reason: 'Bản chụp mờ, không đọc được' }], proposedAt: '2026-03-23T14:00:00+07:00' });
    expect((await queue('to_send_supplement')).codes).toContain(code);
    const offered = (await read(code)).allowedActions.map((a: { action: string }) => a.action);
    expect(offered).toContain('request_supplement');

    t.clock.set('2026-03-24T08:00:00+07:00');
    const sent = await act(c.reception, code, { action: 'request_supplement' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'supplement_requested', clock: 'stopped', proposedSupplement: null, openSupplement: { round: 1, late: false, sentAt: '2026-03-24T08:00:00+07:00' } });
    expect(sent.json().openSupplement.items).toHaveLength(1);
    expect((await queue('to_send_supplement')).codes).not.toContain(code);
  });

  it('for an online dossier the system sends the proposal on the desk’s behalf at once', async () => {
    const code = await inReview('2026-03-24T09:00:00+07:00');
    const res = await act(c.specialist, code, { action: 'propose_supplement', items: [item()] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'supplement_requested', clock: 'stopped', openSupplement: { round: 1, sentBySystem: true } });
    const events = (await c.reception.get(`/api/v1/dossiers/${code}/events`)).json().items.slice(-2);
    expect(events.map((e: { action: string; actor: { role: string } }) => [e.action, e.actor.role])).toEqual([
      ['propose_supplement', 'specialist'],
      ['request_supplement', 'system'],
    ]);
  });
});
