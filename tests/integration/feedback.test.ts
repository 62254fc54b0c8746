import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maybeOne, rows } from '../../src/db/client.ts';
import { DEMO_BUSINESS, DEMO_CITIZEN, DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { metadataOf } from '../../src/domain/photo-metadata.ts';
import { feedbackIndicatorsOf } from '../../src/modules/feedback/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { lastCodeTo, messagesTo } from '../support/codes.ts';
import { expectError } from '../support/expect.ts';
import { phoneJpeg, phoneTracesIn } from '../support/photos.ts';

// The life of a report (issue 12): a citizen reports a broken street light with a photo on the
// map; the desk forwards it, a leader assigns it, a specialist answers; the answer is public; the
// reporter rates or reopens it. Tests run at Monday 2 March 2026, 09:00 (+07:00).

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
const SPOT = { lat: 21.32897, lon: 105.38257 }; // old Nông Trang (area 07894)

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(async () => {
  await t.close();
});

async function uploadPhoto(client: Client, seed = 1) {
  const res = await client.upload('den-hong.jpg', phoneJpeg(seed), 'image/jpeg', '/api/v1/feedback/photos');
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function storedBytes(uploadId: string): Promise<Buffer> {
  const u = await maybeOne<{ sha256: string }>(t.database.db, sql`select sha256 from uploads where id = ${uploadId}`);
  const stream = await t.blobs.get(u!.sha256);
  const chunks: Buffer[] = [];
  for await (const ch of stream!) chunks.push(ch as Buffer);
  return Buffer.concat(chunks);
}

const report = (o: Record<string, unknown> = {}) => ({ category: 'roads_lighting', description: 'Đèn đường trước nhà văn hóa khu 3 bị hỏng, tối om từ ba hôm nay.', ...SPOT, ...o });

async function staff(client: Client, code: string) {
  const res = await client.get(`/api/v1/staff/feedback/${code}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function act(client: Client, code: string, body: Record<string, unknown>) {
  const version = (await staff(c.leader, code)).version;
  return client.post(`/api/v1/staff/feedback/${code}/actions`, { version, ...body });
}

let lightCode: string;

describe('a broken street light, from the report to the public answer', () => {
  let code: string;
  let photo: string;

  it('the photo is stored without its GPS position and camera (read back from the store)', async () => {
    photo = await uploadPhoto(c.citizen);
    const stored = await storedBytes(photo);
    expect(metadataOf(stored)).toEqual({ exif: false, gps: false, xmp: false, text: false });
    expect(phoneTracesIn(stored)).toEqual([]);
    // What is served is the stored file.
    const served = await c.citizen.get(`/api/v1/feedback/photos/${photo}`);
    expect(served.statusCode).toBe(200);
    expect(phoneTracesIn(served.rawPayload)).toEqual([]);
  });

  it('a citizen signed in reports it on the map: a code, deadlines on the working-day calendar', async () => {
    const res = await c.citizen.post('/api/v1/feedback', report({ photos: [photo] }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    code = body.code;
    lightCode = code;
    expect(code).toMatch(/^PA-260302-\d{4}$/);
    expect(body.report).toMatchObject({ status: 'received', area: '07894', areaName: 'Phường Nông Trang', photos: [`/api/v1/feedback/photos/${photo}`] });
    // 15 working days from Monday 2/3 09:00 → Monday 23/3 09:00.
    expect(body.report.dueAt).toBe('2026-03-23T09:00:00+07:00');
    expect((await staff(c.reception, code)).forwardDueAt).toBe('2026-03-09T09:00:00+07:00');
  });

  it('a second person at the same spot is shown the open report first', async () => {
    const res = await c.anonymous.get(`/api/v1/feedback/similar?category=roads_lighting&lat=${SPOT.lat + 0.0003}&lon=${SPOT.lon}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { code: string }) => i.code)).toContain(code);
    expect(res.json().items[0].distanceM).toBeLessThanOrEqual(40);
    const other = await c.anonymous.get(`/api/v1/feedback/similar?category=waste&lat=${SPOT.lat}&lon=${SPOT.lon}`);
    expect(other.json().items.map((i: { code: string }) => i.code)).not.toContain(code);
  });

  it('the desk reads it (audited), sees where routing would send it, and forwards it', async () => {
    const d = await staff(c.reception, code);
    expect(d.reporter).toMatchObject({ name: DEMO_CITIZEN.fullName, phone: DEMO_CITIZEN.phone, account: true });
    const kthtdt = d.departments.find((x: { code: string }) => x.code === 'KTHTDT');
    expect(d.suggestedDepartment).toBe(kthtdt.id);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['classify', 'forward', 'reject', 'merge', 'moderate', 'note']));
    expect(d.allowedActions).not.toContain('answer');
    const audited = await rows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'feedback' and entity_id = ${code} and actor_id = ${c.reception.id}`);
    expect(audited.map((a) => a.action)).toContain('read_feedback');
    const res = await act(c.reception, code, { action: 'forward', departmentId: kthtdt.id, note: 'Chuyển phòng hạ tầng.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'forwarded', departmentId: kthtdt.id, forwardLate: false });
  });

  it('an official who does not handle it (another department, the unit admin) sees the queue line, never who reported it', async () => {
    // c.specialist works in VHXH; the report went to KTHTDT and nobody there has it yet.
    const queue = await c.specialist.get('/api/v1/staff/feedback');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((i: { code: string }) => i.code)).toContain(code);
    expect(queue.body).not.toContain(DEMO_CITIZEN.fullName);
    expect(queue.body).not.toContain(DEMO_CITIZEN.phone);
    expectError(await c.specialist.get(`/api/v1/staff/feedback/${code}`), 404, 'FEEDBACK_NOT_FOUND');
    expectError(await c.specialist.post(`/api/v1/staff/feedback/${code}/actions`, { version: 1, action: 'note', note: 'x' }), 404, 'FEEDBACK_NOT_FOUND');
    const admin = await c.admin.get(`/api/v1/staff/feedback/${code}`);
    expect(admin.statusCode).toBeGreaterThanOrEqual(403);
    expect(admin.body).not.toContain(DEMO_CITIZEN.fullName);
    // The department it went to does see it: its specialist, before anyone assigns it.
    expect((await staff(c.specialist2, code)).reporter.name).toBe(DEMO_CITIZEN.fullName);
  });

  it('a stale version is refused', async () => {
    const res = await c.reception.post(`/api/v1/staff/feedback/${code}/actions`, { version: 1, action: 'note', note: 'x' });
    expectError(res, 409, 'FEEDBACK_VERSION_CONFLICT');
  });

  it('the unit leader assigns it to the department’s specialist, who is told', async () => {
    const d = await staff(c.leader, code);
    const res = await act(c.leader, code, { action: 'assign', assigneeId: c.specialist2.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', assignee: expect.any(String) });
    expect(d.staff.some((s: { id: string }) => s.id === c.specialist2.id)).toBe(true);
    const n = await rows<{ event: string }>(t.database.db, sql`select event from notifications where user_id = ${c.specialist2.id} and event = 'staff.feedback_assigned'`);
    expect(n).toHaveLength(1);
  });

  it('an assignee of another department may not be chosen', async () => {
    expectError(await act(c.leader, code, { action: 'assign', assigneeId: c.specialist.id }), 400, 'VALIDATION_FAILED');
  });

  it('an internal note stays internal; the specialist answers from a template; the reporter is told', async () => {
    expect((await act(c.specialist2, code, { action: 'note', note: 'Đã báo Công ty chiếu sáng, hẹn thay bóng thứ Tư.' })).statusCode).toBe(200);
    const d = await staff(c.specialist2, code);
    expect(d.templates.map((x: { id: string }) => x.id)).toContain('lighting_replaced');
    const res = await act(c.specialist2, code, { action: 'answer', answer: 'Đèn chiếu sáng tại vị trí ông/bà phản ánh đã được thay thế ngày 04/03/2026. Cảm ơn ông/bà.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('answered');
    const n = await rows<{ event: string; link: string }>(t.database.db, sql`select event, link from notifications where user_id = ${c.citizen.id} and event = 'feedback.answered'`);
    expect(n).toEqual([{ event: 'feedback.answered', link: `/phan-anh/${code}` }]);
  });

  it('the answer is public, without the reporter or the internal notes', async () => {
    const res = await c.anonymous.get(`/api/v1/feedback/${code}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'answered', answer: expect.stringContaining('đã được thay thế'), department: 'Phòng Kinh tế, Hạ tầng và Đô thị' });
    expect(body.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'forward', 'answer']);
    expect(res.body).not.toContain(DEMO_CITIZEN.fullName);
    expect(res.body).not.toContain(DEMO_CITIZEN.phone);
    expect(res.body).not.toContain('Công ty chiếu sáng');
    expect(body.reporter).toEqual({ isReporter: false, mayRate: false, mayReopen: false, askFixed: false });
    const list = await c.anonymous.get('/api/v1/feedback?category=roads_lighting&status=answered');
    expect(list.json().items.map((i: { code: string }) => i.code)).toContain(code);
    const search = await c.anonymous.get(`/api/v1/feedback?q=${encodeURIComponent('den duong')}`);
    expect(search.json().items.map((i: { code: string }) => i.code)).toContain(code);
  });

  it('the reporter rates it once; a week later is asked "is it fixed?"', async () => {
    const mine = (await c.citizen.get(`/api/v1/feedback/${code}`)).json();
    expect(mine.reporter).toEqual({ isReporter: true, mayRate: true, mayReopen: true, askFixed: false });
    expect((await c.citizen.post(`/api/v1/feedback/${code}/rate`, { rating: 5, comment: 'Nhanh, cảm ơn phường.' })).statusCode).toBe(204);
    expectError(await c.citizen.post(`/api/v1/feedback/${code}/rate`, { rating: 4 }), 409, 'ALREADY_RATED');
    expectError(await c.specialist.post(`/api/v1/feedback/${code}/rate`, { rating: 1 }), 403, 'FORBIDDEN');
    t.clock.set('2026-03-10T09:00:00+07:00');
    expect((await c.citizen.get(`/api/v1/feedback/${code}`)).json().reporter.askFixed).toBe(true);
  });

  it('the light fails again: the reporter reopens it within 30 days (after that, see the end of the file)', async () => {
    expect((await c.citizen.post(`/api/v1/feedback/${code}/reopen`, { reason: 'Đèn lại tắt từ tối qua.' })).statusCode).toBe(204);
    const d = await staff(c.specialist2, code);
    expect(d).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    await act(c.specialist2, code, { action: 'answer', answer: 'Đã thay bộ điều khiển đèn.' });
  });

  it('feeds the indicators: answered on time, but reopened (not satisfied)', async () => {
    const unit = await maybeOne<{ id: string }>(t.database.db, sql`select unit_id as id from feedback_reports where code = ${code}`);
    const ind = await feedbackIndicatorsOf(t.database.db, unit!.id, { from: new Date('2026-03-01T00:00:00+07:00'), to: new Date('2026-04-01T00:00:00+07:00') }, new Date('2026-04-20T00:00:00+07:00'));
    expect(ind).toMatchObject({ total: 1, handledOnTime: 1, onTimeShare: 1, unsatisfied: 1, satisfaction: 0 });
    // The same figures are the two feedback items of the leaders' index (Decision 766 report).
    const res = await c.leader.get('/api/v1/indicators?from=2026-03-01&to=2026-03-31');
    expect(res.statusCode, res.body).toBe(200);
    const item = (key: string) => res.json().index.items.find((i: { key: string }) => i.key === key);
    expect(item('feedback_on_time')).toMatchObject({ origin: 'computed', numerator: 1, denominator: 1, rate: 1 });
    expect(item('feedback_satisfaction')).toMatchObject({ origin: 'computed', numerator: 0, denominator: 1, rate: 0 });
  });
});

describe('a report with contact details only, proven by a one-time code', () => {
  const phone = '0977000111';
  let code: string;
  let token: string;

  it('sends a code; a wrong code is counted; the right one writes the report and gives a follow token', async () => {
    const photo = await uploadPhoto(c.anonymous, 2);
    const res = await c.anonymous.post('/api/v1/feedback', report({ category: 'waste', lat: null, lon: null, address: 'Ngõ 12, phố Tiên Sơn', photos: [photo], contact: { name: 'Trần Thị Mai', phone } }));
    expect(res.statusCode, res.body).toBe(202);
    const { draftId, sentTo } = res.json();
    expect(sentTo).toMatch(/0111$/);
    expectError(await c.anonymous.post(`/api/v1/feedback/drafts/${draftId}/confirm`, { code: '000000' }), 400, 'OTP_INVALID');
    const ok = await c.anonymous.post(`/api/v1/feedback/drafts/${draftId}/confirm`, { code: await lastCodeTo(t, phone) });
    expect(ok.statusCode, ok.body).toBe(201);
    code = ok.json().code;
    token = ok.json().followToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(ok.json().report).toMatchObject({ lat: null, address: 'Ngõ 12, phố Tiên Sơn', area: null });
    expectError(await c.anonymous.post(`/api/v1/feedback/drafts/${draftId}/confirm`, { code: '123456' }), 404, 'FEEDBACK_DRAFT_NOT_FOUND');
  });

  it('the reporter is told of the answer by SMS and rates it with the follow token', async () => {
    const d = await staff(c.reception, code);
    expect(d.reporter).toEqual({ name: 'Trần Thị Mai', phone, email: null, account: false });
    const kthtdt = d.departments.find((x: { code: string }) => x.code === 'KTHTDT');
    await act(c.reception, code, { action: 'forward', departmentId: kthtdt.id });
    expect((await act(c.leader, code, { action: 'answer', answer: 'Đã thu gom rác tại ngõ 12.' })).statusCode).toBe(200);
    expect((await messagesTo(t, phone)).map((m) => m.template)).toEqual(['otp.feedback_contact', 'feedback.answered']);
    expectError(await c.anonymous.post(`/api/v1/feedback/${code}/rate`, { rating: 4 }), 401, 'UNAUTHENTICATED');
    expectError(await c.anonymous.post(`/api/v1/feedback/${code}/rate`, { rating: 4, token: 'x'.repeat(24) }), 401, 'UNAUTHENTICATED');
    expect((await c.anonymous.get(`/api/v1/feedback/${code}?token=${token}`)).json().reporter.mayRate).toBe(true);
    expect((await c.anonymous.post(`/api/v1/feedback/${code}/rate`, { rating: 4, token })).statusCode).toBe(204);
  });
});

describe('moderation, merging, rejection', () => {
  it('the desk hides personal data in the text and a photo, with the reason kept', async () => {
    const photo = await uploadPhoto(c.citizen, 3);
    const code = (await c.citizen.post('/api/v1/feedback', report({ category: 'order_safety', description: 'Nhà ông Lê Văn Tám, SĐT 0911222333, lấn chiếm vỉa hè.', photos: [photo] }))).json().code;
    const res = await act(c.reception, code, { action: 'moderate', reason: 'Có tên và số điện thoại người khác', publicDescription: 'Một hộ dân lấn chiếm vỉa hè.', hidePhotos: [photo] });
    expect(res.statusCode, res.body).toBe(200);
    const pub = await c.anonymous.get(`/api/v1/feedback/${code}`);
    expect(pub.json()).toMatchObject({ description: 'Một hộ dân lấn chiếm vỉa hè.', photos: [] });
    expect(pub.body).not.toContain('0911222333');
    expect((await c.anonymous.get(`/api/v1/feedback/photos/${photo}`)).statusCode).toBe(404);
    expect((await c.reception.get(`/api/v1/feedback/photos/${photo}`)).statusCode).toBe(200);
    const d = await staff(c.reception, code);
    expect(d.originalDescription).toContain('0911222333');
    expect(d.events.find((e: { action: string }) => e.action === 'moderate')).toMatchObject({ internal: true, note: 'Có tên và số điện thoại người khác' });
  });

  it('a duplicate is merged into the first report; spam is rejected and leaves the public list', async () => {
    const first = (await c.citizen.post('/api/v1/feedback', report({ category: 'drainage', description: 'Cống bị tắc, nước tràn ra đường.' }))).json().code;
    const dup = (await c.citizen.post('/api/v1/feedback', report({ category: 'drainage', description: 'Cống tắc ở đầu ngõ.' }))).json().code;
    expect((await act(c.reception, dup, { action: 'merge', into: first })).json().status).toBe('merged');
    expect((await c.anonymous.get(`/api/v1/feedback/${dup}`)).json().mergedInto).toBe(first);
    expectError(await act(c.reception, first, { action: 'merge', into: first }), 400, 'VALIDATION_FAILED');
    const spam = (await c.citizen.post('/api/v1/feedback', report({ category: 'other', description: 'Quảng cáo vay tiền nhanh' }))).json().code;
    expect((await act(c.reception, spam, { action: 'reject', reason: 'Quảng cáo' })).json().status).toBe('rejected');
    expectError(await c.anonymous.get(`/api/v1/feedback/${spam}`), 404, 'FEEDBACK_NOT_FOUND');
    expect((await c.anonymous.get('/api/v1/feedback')).json().items.map((i: { code: string }) => i.code)).not.toContain(spam);
    expectError(await act(c.reception, spam, { action: 'forward', departmentId: (await staff(c.reception, spam)).departments[0].id }), 409, 'FEEDBACK_ACTION_NOT_ALLOWED');
  });
});

describe('what a report must have', () => {
  it('a place: on the map in the ward, or an address', async () => {
    expectError(await c.citizen.post('/api/v1/feedback', report({ lat: null, lon: null })), 400, 'FEEDBACK_LOCATION_REQUIRED');
    expectError(await c.citizen.post('/api/v1/feedback', report({ lat: 21.0285, lon: 105.8542 })), 400, 'FEEDBACK_OUTSIDE_WARD');
    expectError(await c.citizen.post('/api/v1/feedback', report({ lat: 105.38, lon: 21.33 })), 400, 'VALIDATION_FAILED');
  });
  it('photos that are photos, uploaded by the same person', async () => {
    const pdf = await c.citizen.upload('a.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf', '/api/v1/feedback/photos');
    expectError(pdf, 400, 'FEEDBACK_PHOTO_INVALID');
    // A body cut short is the sender's fault, not the server's.
    const cut = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/photos',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: Buffer.concat([Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'), phoneJpeg(7).subarray(0, 40)]),
    });
    expectError(cut, 400, 'VALIDATION_FAILED');
    const someoneElses = await uploadPhoto(c.specialist, 9);
    expectError(await c.citizen.post('/api/v1/feedback', report({ photos: [someoneElses] })), 400, 'FEEDBACK_PHOTO_INVALID');
  });
  it('no more than 10 reports a day from one account', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 12 && !answers.includes(429); i++) answers.push((await c.citizen.post('/api/v1/feedback', report({ description: `Báo lần ${i}` }))).statusCode);
    expect(answers.at(-1)).toBe(429);
    expect(answers.filter((s) => s === 201).length).toBeLessThanOrEqual(10);
    expectError(await c.citizen.post('/api/v1/feedback', report()), 429, 'FEEDBACK_RATE_LIMITED');
  });
});

describe('a flood from one address', () => {
  // Posts a report from a client address (as the server sees it), with the client's session if any.
  const fromAddress = (client: Client, remoteAddress: string, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      remoteAddress,
      payload: body,
      headers: client.session ? { cookie: `nts_session=${client.session.cookie}`, 'x-csrf-token': client.session.csrf } : {},
    });

  it('no more than 30 reports a day from one address, whichever accounts or contacts send them', async () => {
    const ip = '203.0.113.9';
    const binh = await signIn(t.app, DEMO_CITIZEN_2.cccd);
    const shop = await signIn(t.app, DEMO_BUSINESS.mst);
    const codes: number[] = [];
    for (const who of [binh, shop]) for (let i = 0; i < 10; i++) codes.push((await fromAddress(who, ip, report({ description: `Báo từ một địa chỉ ${i}` }))).statusCode);
    // Contacts without an account: each a code to their own phone (within the codes' own limits).
    for (let i = 0; i < 10; i++) codes.push((await fromAddress(c.anonymous, ip, report({ contact: { name: 'Người gửi', phone: `09770002${String(i).padStart(2, '0')}` } }))).statusCode);
    expect(codes).toEqual([...Array(20).fill(201), ...Array(10).fill(202)]);
    expectError(await fromAddress(c.anonymous, ip, report({ contact: { name: 'Người gửi', phone: '0977000299' } })), 429, 'FEEDBACK_RATE_LIMITED');
    // The 31st from that address is refused whoever sends it; another address is not held back.
    expectError(await fromAddress(binh, ip, report()), 429, 'FEEDBACK_RATE_LIMITED');
    expect((await fromAddress(c.anonymous, '203.0.113.10', report({ contact: { name: 'Người gửi', phone: '0977000298' } }))).statusCode).toBe(202);
  });
});

// Last: moving the clock seven weeks on ends every session of the file.
describe('seven weeks after the answer', () => {
  it('the street light’s reporter may no longer reopen it, and says it is fixed: it is archived', async () => {
    const code = lightCode;
    t.clock.set('2026-04-20T09:00:00+07:00');
    try {
      // Seven weeks on, the citizen signs in again.
      const citizen = await signIn(t.app, DEMO_CITIZEN.cccd);
      expectError(await citizen.post(`/api/v1/feedback/${code}/reopen`, { reason: 'Lại hỏng.' }), 409, 'FEEDBACK_REOPEN_EXPIRED');
      expect((await citizen.post(`/api/v1/feedback/${code}/fixed`, {})).statusCode).toBe(204);
      expect((await c.anonymous.get(`/api/v1/feedback/${code}`)).json().status).toBe('closed');
    } finally {
      t.clock.set('2026-03-02T09:00:00+07:00');
    }
  });
});
