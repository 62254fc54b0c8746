import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, type Client } from '../support/client.ts';
import { buildSubmission, uploadPdf } from '../support/builders.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(() => t.close());

const act = (client: Client, code: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${code}/actions`, body);

describe('a dossier through the whole one-stop lifecycle', () => {
  let code = '';

  it('the citizen submits online and gets a code at once', async () => {
    const body = await buildSubmission(c.citizen, '1.004194'); // Đăng ký tạm trú: 3 working days
    const res = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'lifecycle-1-abcdef' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    code = d.code;
    expect(code).toMatch(/^DEMO\.07894\.H25-260302-\d{4}$/);
    expect(d.status).toBe('submitted');
    expect(d.statusLabel).toBe('Mới đăng ký');
    expect(d.dueAt).toBeNull();
    expect(d.allowedActions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);
  });

  it('reception receives it: the appointment date comes from the working-day calendar', async () => {
    t.clock.set('2026-03-02T16:00:00+07:00'); // Monday 16:00
    const res = await act(c.reception, code, { action: 'receive' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.status).toBe('received');
    expect(d.receivedAt).toBe('2026-03-02T16:00:00+07:00');
    // 3 working days = 24 working hours from Monday 16:00 → Thursday 16:00.
    expect(d.dueAt).toBe('2026-03-05T16:00:00+07:00');
    expect(d.steps[0].finishedAt).toBe('2026-03-02T16:00:00+07:00');
    expect(d.steps[1].key).toBe('review');
  });

  it('an action out of order answers 409 with a stable code', async () => {
    const res = await act(c.leader, code, { action: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    expect(res.json().error.message).toMatch(/trạng thái/);
  });

  it('the specialist proposes a supplement listing every item at once; the system sends it (online)', async () => {
    t.clock.set('2026-03-03T08:00:00+07:00');
    expect((await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id })).statusCode).toBe(200);
    const proc = (await c.citizen.get('/api/v1/procedures/1.004194')).json();
    const field = proc.formFields.find((f: { required: boolean }) => f.required).key;
    const doc = proc.documents[0].id;
    const res = await act(c.specialist, code, {
      action: 'propose_supplement',
      items: [
        { target: { type: 'document', key: doc }, reason: 'Bản chụp mờ, không đọc được' },
        { target: { type: 'field', key: field }, reason: 'Ghi rõ số nhà' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.status).toBe('supplement_requested');
    expect(d.supplementRounds).toBe(1);
    expect(d.openSupplement.items).toHaveLength(2);
  });

  it('the citizen answers item by item; the clock restarts from zero', async () => {
    t.clock.set('2026-03-04T10:00:00+07:00'); // Wednesday 10:00
    const d = (await c.citizen.get(`/api/v1/dossiers/${code}`)).json();
    const [docItem, fieldItem] = d.openSupplement.items;
    const partial = await act(c.citizen, code, { action: 'answer_supplement', answers: [{ itemId: docItem.id, fileId: await uploadPdf(c.citizen) }] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.code).toBe('SUPPLEMENT_ANSWER_INVALID');
    const res = await act(c.citizen, code, {
      action: 'answer_supplement',
      answers: [
        { itemId: docItem.id, fileId: await uploadPdf(c.citizen, 'ban-ro.pdf') },
        { itemId: fieldItem.id, value: 'Số 12, tổ dân phố 5' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.status).toBe('in_review');
    expect(after.dueAt).toBe('2026-03-09T10:00:00+07:00'); // 3 working days again from Wed 10:00
    expect(after.formData[fieldItem.target.key]).toBe('Số 12, tổ dân phố 5');
  });

  it('only the assigned specialist proposes; the leader approves', async () => {
    expect((await act(c.specialist2, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' })).statusCode).toBe(403);
    const p = await act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().status).toBe('awaiting_approval');
    const a = await act(c.leader, code, { action: 'approve' });
    expect(a.json().status).toBe('approved');
  });

  it('the result is issued early and returned', async () => {
    t.clock.set('2026-03-05T09:00:00+07:00');
    const file = await uploadPdf(c.specialist, 'ket-qua.pdf');
    const r = await act(c.specialist, code, { action: 'issue_result', fileIds: [file] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('result_ready');
    expect(r.json().timeliness).toBe('early');
    const back = await act(c.reception, code, { action: 'return_result', method: 'electronic' });
    expect(back.json().status).toBe('returned');
    // The result is the signed copy of the official's upload (docs/documents.md); the applicant downloads it.
    const result = back.json().result.files[0];
    expect(result.name).toBe(`${code}-ket-qua.pdf`);
    expect(result.fileId).not.toBe(file);
    expect((await c.citizen.get(`/api/v1/files/${result.fileId}`)).statusCode).toBe(200);
  });

  it('the citizen rates once', async () => {
    const first = await c.citizen.post(`/api/v1/dossiers/${code}/rating`, { score: 5, comment: 'Nhanh, chu đáo' });
    expect(first.statusCode).toBe(201);
    const again = await c.citizen.post(`/api/v1/dossiers/${code}/rating`, { score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RATED');
  });

  it('every action is in the history, and every official read in the audit trail', async () => {
    const events = (await c.reception.get(`/api/v1/dossiers/${code}/events`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'submit', 'receive', 'assign', 'propose_supplement', 'request_supplement', 'answer_supplement', 'propose', 'approve', 'issue_result', 'return_result',
    ]);
    expect(events[1].actor.fullName).toBe('Nguyễn Thị Hoa');
    expect(events[4].actor.role).toBe('system'); // sent on the desk's behalf
    await c.leader.get(`/api/v1/dossiers/${code}`);
    const auditTrail = (await c.leader.get(`/api/v1/dossiers/${code}/audit`)).json().items;
    expect(auditTrail.some((a: { action: string; actor: string }) => a.action === 'read_dossier' && a.actor === 'Phạm Quang Huy')).toBe(true);
    expect(auditTrail.filter((a: { action: string }) => a.action.startsWith('dossier_')).length).toBeGreaterThanOrEqual(9);
    // An official opening one of the applicant's documents is recorded too.
    const doc = (await c.leader.get(`/api/v1/dossiers/${code}`)).json().documents[0];
    expect((await c.leader.get(`/api/v1/files/${doc.fileId}`)).statusCode).toBe(200);
    const after = (await c.leader.get(`/api/v1/dossiers/${code}/audit`)).json().items;
    expect(after.at(-1)).toMatchObject({ action: 'read_file', actor: 'Phạm Quang Huy', details: { fileId: doc.fileId } });
  });

  it('public tracking shows a masked name; details need the phone digits', async () => {
    const pub = await c.anonymous.get(`/api/v1/public/dossiers/${code}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().applicantName).toBe('N***** V** A*');
    expect(pub.body).not.toContain('0912345678');
    expect(pub.json().events).toBeUndefined();
    const wrong = await c.anonymous.get(`/api/v1/public/dossiers/${code}?phoneLast4=0000`);
    expect(wrong.statusCode).toBe(403);
    const right = await c.anonymous.get(`/api/v1/public/dossiers/${code}?phoneLast4=5678`);
    expect(right.json().events).toHaveLength(10);
    expect((await c.anonymous.get('/api/v1/public/dossiers/DEMO.07894.H25-260302-9999')).statusCode).toBe(404);
  });
});

describe('other paths', () => {
  it('desk reception for a walk-in citizen: created by CCCD, received at once', async () => {
    const body = await buildSubmission(c.reception, '1.001193', {
      channel: 'in_person',
      applicant: { kind: 'citizen', fullName: 'Đặng Văn Cường', cccd: '025088007777', birthYear: 1988, gender: 'male', phone: '0977000111' },
    });
    const res = await c.reception.post('/api/v1/dossiers', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().channel).toBe('in_person');
    const found = await c.reception.get('/api/v1/citizens?cccd=025088007777');
    expect(found.json().fullName).toBe('Đặng Văn Cường');
    t.clock.set('2026-03-06T15:30:00+07:00'); // Friday after 15:00: same-day procedure → next working day
    const rec = await act(c.reception, res.json().code, { action: 'receive' });
    expect(rec.json().dueAt).toBe('2026-03-09T17:00:00+07:00');
  });

  it('withdrawal by the applicant, then nothing more', async () => {
    t.clock.set('2026-03-09T09:00:00+07:00');
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen));
    const code = sub.json().code;
    const w = await act(c.citizen, code, { action: 'withdraw', reason: 'Nộp nhầm thủ tục' });
    expect(w.json().status).toBe('withdrawn');
    expect((await act(c.reception, code, { action: 'receive' })).statusCode).toBe(409);
  });

  it('refusal at reception carries the reason', async () => {
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen));
    const r = await act(c.reception, sub.json().code, { action: 'refuse', reason: 'Không thuộc thẩm quyền của phường' });
    expect(r.json().status).toBe('refused');
    const ev = (await c.citizen.get(`/api/v1/dossiers/${sub.json().code}/events`)).json().items.at(-1);
    expect(ev.comment).toBe('Không thuộc thẩm quyền của phường');
  });

  it('extension with apology: once, recorded beside the due date', async () => {
    t.clock.set('2026-03-09T09:00:00+07:00'); // Monday
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    const code = sub.json().code;
    const rec = (await act(c.reception, code, { action: 'receive' })).json();
    expect(rec.dueAt).toBe('2026-03-12T09:00:00+07:00');
    await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id });
    const ext = await act(c.specialist, code, { action: 'extend', newDueAt: '2026-03-16T17:00:00+07:00', reason: 'Cần xác minh thực tế, xin lỗi ông/bà' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().dueAt).toBe('2026-03-12T09:00:00+07:00');
    expect(ext.json().extendedDueAt).toBe('2026-03-16T17:00:00+07:00');
    const twice = await act(c.specialist, code, { action: 'extend', newDueAt: '2026-03-18T17:00:00+07:00', reason: 'Lần hai' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('EXTENSION_NOT_ALLOWED');
  });

  it('a late dossier is counted late and shows in the overdue queue', async () => {
    t.clock.set('2026-03-10T09:00:00+07:00');
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    const code = sub.json().code;
    await act(c.reception, code, { action: 'receive' });
    t.clock.set('2026-03-20T09:00:00+07:00');
    const d = (await c.reception.get(`/api/v1/dossiers/${code}`)).json();
    expect(d.timeliness).toBe('late');
    const q = (await c.reception.get('/api/v1/dossiers?queue=overdue')).json();
    expect(q.items.map((i: { code: string }) => i.code)).toContain(code);
    expect(q.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('a financial-obligation wait does not count against the agency', async () => {
    t.clock.set('2026-03-23T09:00:00+07:00'); // Monday
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    const code = sub.json().code;
    await act(c.reception, code, { action: 'receive' }); // due Thu 26/3 09:00
    await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id });
    await act(c.specialist, code, { action: 'request_payment', amountVnd: 15000, reason: 'Lệ phí đăng ký cư trú' });
    t.clock.set('2026-03-24T09:00:00+07:00'); // paid one working day later
    const paid = await act(c.reception, code, { action: 'confirm_payment' });
    expect(paid.json().status).toBe('in_review');
    expect(paid.json().dueAt).toBe('2026-03-27T09:00:00+07:00');
  });

  it('transfer to another unit (liên thông): the other unit handles it', async () => {
    t.clock.set('2026-03-23T10:00:00+07:00');
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    const code = sub.json().code;
    await act(c.reception, code, { action: 'receive' });
    const tr = await act(c.leader, code, { action: 'transfer', unitCode: 'DEMO.00.H25.STNMT', reason: 'Thuộc thẩm quyền Sở' });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json().handlingUnit.code).toBe('DEMO.00.H25.STNMT');
    const assign = await act(c.otherUnit, code, { action: 'assign', assigneeId: c.otherUnit.id });
    expect(assign.statusCode, assign.body).toBe(200);
    expect((await act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'x' })).statusCode).toBe(403);
  });

  it('leader sends a proposal back; consultation with a department', async () => {
    const sub = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    const code = sub.json().code;
    await act(c.reception, code, { action: 'receive' });
    await act(c.leader, code, { action: 'assign', assigneeId: c.specialist.id });
    const units = (await c.anonymous.get('/api/v1/units')).json().items;
    const dept = units.find((u: { code: string }) => u.code === 'DEMO.07894.H25').departments.find((d: { code: string }) => d.code === 'KTHTDT');
    expect((await act(c.specialist, code, { action: 'consult', departmentId: dept.id, question: 'Xác minh địa chỉ?' })).json().status).toBe('consulting');
    expect((await act(c.specialist2, code, { action: 'consult_reply', answer: 'Địa chỉ đúng' })).json().status).toBe('in_review');
    await act(c.specialist, code, { action: 'propose', outcome: 'denied', comment: 'Không đủ điều kiện' });
    const back = await act(c.leader, code, { action: 'reject', comment: 'Xem lại' });
    expect(back.json().status).toBe('in_review');
  });
});
