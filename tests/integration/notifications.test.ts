import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maybeOne, rows } from '../../src/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_CITIZEN } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, type Client } from '../support/client.ts';
import { buildSubmission, uploadPdf } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';

// Every status change that concerns an applicant yields a notice in their inbox and a message on
// each channel they chose and verified, written in the transaction of the event; officials hear
// of an assignment, a consultation and an applicant's answer.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  // The worker is off: this file reads what the outbox holds, not what providers got.
  t = await startTestApp({ MESSAGE_WORKER: 'false' });
  c = await demoClients(t.app);
});
afterAll(() => t.close());

const act = (client: Client, code: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${code}/actions`, body);
const ok = async (p: Promise<LightMyRequestResponse>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
};

interface Msg {
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
}
/** Outbox messages for a notice event, oldest first. */
const messages = (event: string) =>
  rows<Msg>(t.database.db, sql`select channel, recipient, subject, body, template from messages where template = ${event} order by seq`);

async function inbox(client: Client) {
  const res = await client.get('/api/v1/me/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { event: string; title: string; body: string; titleEn: string; bodyEn: string; dossierCode: string; link: string; readAt: string | null; deliveries: { channel: string }[] }[]; unread: number };
}
const latest = async (client: Client, event: string) => (await inbox(client)).items.find((i) => i.event === event);

describe('a dossier tells its applicant of every step', () => {
  let code = '';

  it('submitted online: the applicant gets the code and a tracking link, by SMS and email (both verified)', async () => {
    const res = await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')));
    code = res.json().code;
    const n = await latest(c.citizen, 'dossier.submitted');
    expect(n).toMatchObject({ dossierCode: code, title: `Đã nhận hồ sơ trực tuyến ${code}` });
    expect(n!.body).toContain(`http://localhost:3000/tra-cuu/${code}`);
    expect(n!.titleEn).toBe(`Online application ${code} received`);
    const sent = await messages('dossier.submitted');
    expect(sent.map((m) => [m.channel, m.recipient])).toEqual([
      ['email', DEMO_CITIZEN.email],
      ['sms', DEMO_CITIZEN.phone],
    ]);
    expect(sent[0]!.subject).toBe(`Nông Trang Số: Đã nhận hồ sơ trực tuyến ${code}`);
    expect(sent[1]!.body).toMatch(/^Nong Trang So: Phuong da nhan ho so /);
    expect(sent[1]!.body).not.toMatch(/[^\x20-\x7e]/);
  });

  it('received: the appointment date, in Vietnamese with its weekday', async () => {
    t.clock.set('2026-03-02T16:00:00+07:00');
    await ok(act(c.reception, code, { action: 'receive' }));
    const d = (await c.citizen.get(`/api/v1/dossiers/${code}`)).json();
    const n = await latest(c.citizen, 'dossier.received');
    expect(n!.body).toContain('Ngày hẹn trả kết quả: ');
    expect(d.dueAt).toMatch(/^2026-03-/);
    const [y, m, day] = d.dueAt.slice(0, 10).split('-');
    expect(n!.body).toContain(`${day}/${m}/${y}`);
    expect(n!.bodyEn).toMatch(/Your result will be ready by: \w+day \d+ March 2026, \d\d:\d\d/);
  });

  it('assigned: the specialist hears of it by email; the applicant hears nothing', async () => {
    const before = (await inbox(c.citizen)).items.length;
    await ok(act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id }));
    const n = await latest(c.specialist, 'staff.assigned');
    expect(n).toMatchObject({ dossierCode: code, title: `Hồ sơ mới giao cho bạn: ${code}` });
    expect(n!.body).toContain(`http://localhost:3000/can-bo/ho-so/${code}`);
    expect((await messages('staff.assigned')).map((m) => [m.channel, m.recipient])).toEqual([['email', `${DEMO_ACCOUNTS.specialist.login}@nongtrang.example.vn`]]);
    expect((await inbox(c.citizen)).items).toHaveLength(before);
  });

  it('supplement requested: each item by its name, the deadline and the link to the answer form', async () => {
    await ok(
      act(c.specialist, code, {
        action: 'propose_supplement',
        items: [{ target: { type: 'document', key: 'giay-chung-sinh-hoac-van-ban-nguoi-lam' }, reason: 'Bản chụp bị mờ' }],
      }),
    );
    const n = await latest(c.citizen, 'dossier.supplement_requested');
    expect(n!.body).toMatch(/^- Giấy chứng sinh.*: Bản chụp bị mờ$/m);
    expect(n!.body).toMatch(/Hạn bổ sung: \d\d:\d\d thứ \w+, \d\d\/\d\d\/2026\./);
    expect(n!.body).toContain(`http://localhost:3000/ho-so-cua-toi/${code}`);
    const summary = (await c.citizen.get('/api/v1/me/notifications/summary')).json();
    expect(summary.waiting).toEqual([{ code, procedure: expect.stringMatching(/đăng ký khai sinh/i), kind: 'supplement', deadline: expect.stringMatching(/\+07:00$/) }]);
    expect(summary.unread).toBeGreaterThanOrEqual(3);
  });

  it('answered: the assignee hears of it; the banner goes', async () => {
    const d = (await c.citizen.get(`/api/v1/dossiers/${code}`)).json();
    const fileId = await uploadPdf(c.citizen);
    await ok(act(c.citizen, code, { action: 'answer_supplement', answers: [{ itemId: d.openSupplement.items[0].id, fileId }] }));
    expect(await latest(c.specialist, 'staff.applicant_answered')).toMatchObject({ dossierCode: code });
    expect((await c.citizen.get('/api/v1/me/notifications/summary')).json().waiting).toEqual([]);
  });

  it('extension with apology, result ready with how to collect it, returned', async () => {
    const d = (await c.citizen.get(`/api/v1/dossiers/${code}`)).json();
    const newDueAt = new Date(new Date(d.dueAt).getTime() + 5 * 86_400_000).toISOString();
    await ok(act(c.specialist, code, { action: 'extend', newDueAt, reason: 'Cần xác minh thêm với bệnh viện' }));
    const ext = await latest(c.citizen, 'dossier.extended');
    expect(ext!.title).toBe(`Xin lỗi: hồ sơ ${code} được hẹn lại ngày trả kết quả`);
    expect(ext!.body).toContain('Lý do: Cần xác minh thêm với bệnh viện');
    await ok(act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' }));
    await ok(act(c.leader, code, { action: 'approve' }));
    await ok(act(c.specialist, code, { action: 'issue_result', fileIds: [await uploadPdf(c.specialist, 'ket-qua.pdf')] }));
    const ready = await latest(c.citizen, 'dossier.result_ready');
    expect(ready!.body).toContain('Cách nhận: Nhận tại Bộ phận Một cửa phường');
    await ok(act(c.reception, code, { action: 'return_result', method: 'collected' }));
    expect((await latest(c.citizen, 'dossier.returned'))!.body).toContain('(nhận tại Bộ phận Một cửa)');
  });

  it('the inbox lists them newest first, each with how it went out; reading them clears the badge', async () => {
    const box = await inbox(c.citizen);
    expect(box.items.map((i) => i.event)).toEqual([
      'dossier.returned',
      'dossier.result_ready',
      'dossier.extended',
      'dossier.supplement_requested',
      'dossier.received',
      'dossier.submitted',
    ]);
    expect(box.items[0]!.deliveries.map((d) => d.channel)).toEqual(['email', 'sms']);
    expect(box.unread).toBe(6);
    expect((await c.citizen.post('/api/v1/me/notifications/read', { all: true })).json()).toEqual({ unread: 0 });
    expect((await c.citizen.get('/api/v1/me/notifications/summary')).json().unread).toBe(0);
    // Nobody reads another person's inbox: the specialist's is their own.
    expect((await inbox(c.specialist)).items.every((i) => i.event.startsWith('staff.'))).toBe(true);
  });
});

describe('refusal, payment, stop', () => {
  it('each says why, and a payment request says how much and by when', async () => {
    const a = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await ok(act(c.reception, a, { action: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền của phường' }));
    expect((await latest(c.citizen, 'dossier.refused'))!.body).toContain('Lý do: Thủ tục không thuộc thẩm quyền của phường');

    const b = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await ok(act(c.reception, b, { action: 'receive' }));
    await ok(act(c.reception, b, { action: 'assign', assigneeId: c.specialist.id }));
    await ok(act(c.specialist, b, { action: 'request_payment', amountVnd: 150000, reason: 'Lệ phí' }));
    const pay = await latest(c.citizen, 'dossier.payment_requested');
    expect(pay!.body).toContain('bạn cần nộp 150.000 đồng');
    expect(pay!.bodyEn).toContain('please pay 150,000 VND');
    expect(pay!.body).toMatch(/Hạn nộp: .*2026\./);
    await ok(act(c.leader, b, { action: 'stop', reason: 'Người nộp đề nghị dừng' }));
    expect((await latest(c.citizen, 'dossier.stopped'))!.body).toContain('Lý do: Người nộp đề nghị dừng');
  });

  it('a consultation reaches the department asked, not the asker', async () => {
    const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await ok(act(c.reception, code, { action: 'receive' }));
    await ok(act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id }));
    const units = (await c.reception.get('/api/v1/units')).json().items;
    const dept = units.flatMap((u: { departments: { id: string; code: string }[] }) => u.departments).find((x: { code: string }) => x.code === 'KTHTDT');
    await ok(act(c.specialist, code, { action: 'consult', departmentId: dept.id, question: 'Xin ý kiến về địa chỉ thường trú' }));
    const n = await latest(c.specialist2, 'staff.consulted');
    expect(n!.body).toContain('Xin ý kiến về địa chỉ thường trú');
    expect(n!.body).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
    expect(await latest(c.specialist, 'staff.consulted')).toBeUndefined();
  });
});

describe('channels and contacts', () => {
  it('an unverified contact receives nothing; the inbox still does', async () => {
    await t.database.db.execute(sql`update users set phone_verified_at = null where login = ${DEMO_CITIZEN.cccd}`);
    try {
      const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
      const n = await latest(c.citizen, 'dossier.submitted');
      expect(n!.dossierCode).toBe(code);
      expect(n!.deliveries.map((d) => d.channel)).toEqual(['email']);
    } finally {
      await t.database.db.execute(sql`update users set phone_verified_at = now() where login = ${DEMO_CITIZEN.cccd}`);
    }
  });

  it('the citizen chooses channels and language; an offered channel only', async () => {
    const prefs = (await c.citizen.get('/api/v1/me/notification-preferences')).json();
    expect(prefs).toMatchObject({ channels: ['email', 'sms'], chosen: false, locale: 'vi', offered: ['email', 'sms'], contacts: { phone: '******5678', phoneVerified: true, emailVerified: true } });
    expectError(await c.citizen.put('/api/v1/me/notification-preferences', { channels: ['zalo'] }), 400, 'NOTIFICATION_CHANNEL_UNAVAILABLE');
    const saved = await c.citizen.put('/api/v1/me/notification-preferences', { channels: ['email'], locale: 'en' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ channels: ['email'], chosen: true, locale: 'en' });
    const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    const sent = (await messages('dossier.submitted')).filter((m) => m.body.includes(code));
    expect(sent.map((m) => m.channel)).toEqual(['email']);
    expect(sent[0]!.subject).toBe(`Nông Trang Số: Online application ${code} received`);
    await c.citizen.put('/api/v1/me/notification-preferences', { channels: ['email', 'sms'], locale: 'vi' });
  });

  it('a dossier filed at the desk: no "submitted" notice (the applicant holds the paper), a "received" one', async () => {
    const body = await buildSubmission(c.reception, '1.001193', {
      channel: 'in_person',
      applicant: { kind: 'citizen', fullName: DEMO_CITIZEN.fullName, cccd: DEMO_CITIZEN.cccd, birthYear: DEMO_CITIZEN.birthYear, gender: DEMO_CITIZEN.gender },
    });
    const code = (await ok(c.reception.post('/api/v1/dossiers', body))).json().code;
    const box = await inbox(c.citizen);
    expect(box.items.some((i) => i.dossierCode === code)).toBe(false);
    await ok(act(c.reception, code, { action: 'receive' }));
    expect((await latest(c.citizen, 'dossier.received'))!.dossierCode).toBe(code);
  });
});

describe('templates: edited by a unit admin, versioned with effective dates, previewed', () => {
  const texts = (title: string) => ({
    vi: { title, body: 'Hồ sơ {{code}} đã tiếp nhận, hẹn trả {{appointment}}. Xem: {{link}}', sms: 'Ho so {{code}}: hen {{appointment}}' },
    en: { title: 'Application {{code}} accepted', body: 'Application {{code}} accepted, ready by {{appointment}}. See {{link}}', sms: 'Application {{code}}: by {{appointment}}' },
  });

  it('lists every notice with its facts and the text in force (built-in until a version is saved)', async () => {
    const res = await c.admin.get('/api/v1/admin/notification-templates');
    expect(res.statusCode, res.body).toBe(200);
    const received = res.json().items.find((i: { event: string }) => i.event === 'dossier.received');
    expect(received).toMatchObject({ audience: 'applicant', required: ['code', 'appointment', 'link'], inForce: { version: 0, effectiveFrom: null } });
    for (const other of [c.reception, c.leader, c.citizen]) expectError(await other.get('/api/v1/admin/notification-templates'), 403, 'FORBIDDEN');
  });

  it('previews with sample data, and names each problem', async () => {
    const res = await c.admin.post('/api/v1/admin/notification-templates/dossier.received/preview', {
      texts: { ...texts('Tiếp nhận {{code}} {{cccd}}'), en: { title: 'status received_ok', body: 'no facts', sms: 'x' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { preview, problems } = res.json();
    expect(preview.vi.title).toBe('Tiếp nhận DEMO.07894.H25-260302-0001');
    expect(preview.vi.sms).toBe('Nong Trang So: Ho so DEMO.07894.H25-260302-0001: hen 16:30 thu Nam, 05/03/2026');
    const messagesEn = problems.map((p: { locale: string; messageEn: string }) => `${p.locale}: ${p.messageEn}`);
    expect(messagesEn).toEqual(
      expect.arrayContaining([
        'vi: {{cccd}} is not a fact of this notice',
        'en: contains an internal code (like supplement_requested)',
        'en: the notice must mention {{code}}',
        'en: the notice must mention {{appointment}}',
      ]),
    );
    expectError(await c.admin.put('/api/v1/admin/notification-templates/dossier.received', { texts: { ...texts('X {{cccd}}') } }), 400, 'NOTIFICATION_TEMPLATE_INVALID');
  });

  it('a version saved for a later date leaves today\'s text in force; from that date it applies', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00');
    expectError(await c.admin.put('/api/v1/admin/notification-templates/dossier.received', { texts: texts('Cũ {{code}}'), effectiveFrom: '2026-03-01' }), 400, 'NOTIFICATION_TEMPLATE_DATE_PAST');
    const saved = await c.admin.put('/api/v1/admin/notification-templates/dossier.received', { texts: texts('Đã tiếp nhận hồ sơ {{code}}'), effectiveFrom: '2026-03-09' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, effectiveFrom: '2026-03-09', createdBy: DEMO_ACCOUNTS.admin.fullName });

    const first = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await ok(act(c.reception, first, { action: 'receive' }));
    expect((await latest(c.citizen, 'dossier.received'))!.title).toBe(`Hồ sơ ${first} đã được tiếp nhận`);

    t.clock.set('2026-03-09T09:00:00+07:00');
    const second = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await ok(act(c.reception, second, { action: 'receive' }));
    expect((await latest(c.citizen, 'dossier.received'))!.title).toBe(`Đã tiếp nhận hồ sơ ${second}`);
    const one = (await c.admin.get('/api/v1/admin/notification-templates/dossier.received')).json();
    expect(one.inForce.version).toBe(1);
    expect(one.versions.map((v: { version: number }) => v.version)).toEqual([1, 0]);
  });
  it('a version in force today reaches the next online submission at once, though the instance keeps the one in force', async () => {
    const submittedTitle = async () => {
      const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code as string;
      return { code, title: (await latest(c.citizen, 'dossier.submitted'))!.title };
    };
    // The template in force is now kept by this instance (the first submission read it).
    const before = await submittedTitle();
    expect((await submittedTitle()).title).toMatch(/^Đã nhận hồ sơ trực tuyến /);
    expect(before.title).toBe(`Đã nhận hồ sơ trực tuyến ${before.code}`);
    const vi = { title: 'Phường đã nhận {{code}}', body: 'Hồ sơ {{code}} đã nhận. Xem: {{link}}', sms: 'Da nhan {{code}}' };
    const en = { title: 'Ward received {{code}}', body: 'Application {{code}} received. See {{link}}', sms: 'Received {{code}}' };
    const saved = await c.admin.put('/api/v1/admin/notification-templates/dossier.submitted', { texts: { vi, en } });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await submittedTitle();
    expect(after.title).toBe(`Phường đã nhận ${after.code}`);
  });
});

describe('reminders and the daily digest (safe with several instances)', () => {
  const settings = { publicUrl: 'http://localhost:3000', channels: ['email', 'sms'] as const };

  it('a reminder goes out once, two working days before the deadline, only while the dossier still waits', async () => {
    const { sendReminders } = await import('../../src/modules/notifications/notifications.scheduler.ts');
    t.clock.set('2026-03-02T09:00:00+07:00'); // Monday
    const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await ok(act(c.reception, code, { action: 'receive' }));
    await ok(act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id }));
    await ok(act(c.specialist, code, { action: 'propose_supplement', items: [{ target: { type: 'document', key: 'giay-chung-sinh-hoac-van-ban-nguoi-lam' }, reason: 'Mờ' }] }));
    const reminders = async () => (await inbox(c.citizen)).items.filter((i) => i.event === 'dossier.supplement_reminder' && i.dossierCode === code);
    // 15 working days from Mon 2/3 09:00 → Mon 23/3 09:00; the reminder from 13 working days → Thu 19/3 09:00.
    t.clock.set('2026-03-19T08:59:00+07:00');
    await sendReminders(t.database, { ...settings, channels: [...settings.channels] }, t.clock.now());
    expect(await reminders()).toHaveLength(0);
    t.clock.set('2026-03-19T09:00:00+07:00');
    const runs = await Promise.all([1, 2, 3].map(() => sendReminders(t.database, { ...settings, channels: [...settings.channels] }, t.clock.now())));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const [r] = await reminders();
    expect(r!.body).toContain('Hạn bổ sung: 09:00 thứ Hai, 23/03/2026.');
    t.clock.advanceHours(24);
    expect(await sendReminders(t.database, { ...settings, channels: [...settings.channels] }, t.clock.now())).toBe(0);
    expect(await reminders()).toHaveLength(1);
  });

  it('an answered request is not reminded', async () => {
    const { sendReminders } = await import('../../src/modules/notifications/notifications.scheduler.ts');
    t.clock.set('2026-03-02T09:00:00+07:00');
    const code = (await ok(c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193')))).json().code;
    await ok(act(c.reception, code, { action: 'receive' }));
    await ok(act(c.reception, code, { action: 'request_supplement', items: [{ target: { type: 'document', key: 'giay-chung-sinh-hoac-van-ban-nguoi-lam' }, reason: 'Mờ' }] }));
    const d = (await c.citizen.get(`/api/v1/dossiers/${code}`)).json();
    await ok(act(c.citizen, code, { action: 'answer_supplement', answers: [{ itemId: d.openSupplement.items[0].id, fileId: await uploadPdf(c.citizen) }] }));
    t.clock.set('2026-03-20T09:00:00+07:00');
    await sendReminders(t.database, { ...settings, channels: [...settings.channels] }, t.clock.now());
    expect((await inbox(c.citizen)).items.some((i) => i.event === 'dossier.supplement_reminder' && i.dossierCode === code)).toBe(false);
  });

  it('one digest per official per day, from 07:30 on a working day, listing what is overdue and due soon in their scope', async () => {
    const { sendDigests } = await import('../../src/modules/notifications/notifications.scheduler.ts');
    const s = { ...settings, channels: [...settings.channels] };
    t.clock.set('2026-03-23T07:29:00+07:00'); // Monday: by now several dossiers above are overdue
    expect(await sendDigests(t.database, s, t.clock.now(), 7.5)).toBe(0);
    t.clock.set('2026-03-23T07:30:00+07:00');
    // Three instances at once: each official gets one.
    await Promise.all([1, 2, 3].map(() => sendDigests(t.database, s, t.clock.now(), 7.5)));
    const digests = await rows<{ user_id: string; n: number }>(t.database.db, sql`select user_id, count(*)::int as n from notifications where event = 'staff.digest' group by user_id`);
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.every((d) => d.n === 1)).toBe(true);
    const mine = await latest(c.specialist, 'staff.digest');
    expect(mine!.title).toMatch(/^Hồ sơ cần chú ý ngày thứ Hai, 23\/03\/2026: \d+ quá hạn, \d+ sắp đến hạn$/);
    expect(mine!.body).toMatch(/^- DEMO\.07894\.H25-\d{6}-\d{4} .+: (quá hạn từ|hạn) /m);
    // The admin has no queue: no digest. A later pass the same day sends nothing new.
    expect(await latest(c.admin, 'staff.digest')).toBeUndefined();
    t.clock.set('2026-03-23T15:00:00+07:00');
    expect(await sendDigests(t.database, s, t.clock.now(), 7.5)).toBe(0);
    // Sunday: no digest.
    t.clock.set('2026-03-29T09:00:00+07:00');
    expect(await sendDigests(t.database, s, t.clock.now(), 7.5)).toBe(0);
  });
});

describe('a changed contact is unverified again', () => {
  it('whoever changes the phone or email, it receives nothing until a code comes back from it', async () => {
    const { markContactVerified } = await import('../../src/modules/notifications/notifications.contacts.ts');
    const id = c.citizen.id;
    const state = () => maybeOne<{ phone_verified: boolean; email_verified: boolean }>(t.database.db, sql`select phone_verified_at is not null as phone_verified, email_verified_at is not null as email_verified from users where id = ${id}`);
    expect(await state()).toEqual({ phone_verified: true, email_verified: true });
    await t.database.db.execute(sql`update users set phone = '0912000111' where id = ${id}`);
    expect(await state()).toEqual({ phone_verified: false, email_verified: true });
    // A code that went to another number proves nothing about this one.
    await t.database.transaction((tx) => markContactVerified(tx, id, 'sms', '0999999999', t.clock.now()));
    expect(await state()).toEqual({ phone_verified: false, email_verified: true });
    await t.database.transaction((tx) => markContactVerified(tx, id, 'sms', '0912000111', t.clock.now()));
    expect(await state()).toEqual({ phone_verified: true, email_verified: true });
    await t.database.db.execute(sql`update users set phone = ${DEMO_CITIZEN.phone}, phone_verified_at = now() where id = ${id}`);
    expect(await state()).toEqual({ phone_verified: true, email_verified: true });
  });
});
