import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';
import { procedureDefinition, yearBody } from '../support/catalogue.ts';
import { expectError } from '../support/expect.ts';

// Who may see and do what: every refusal is checked by observing that nothing changed.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let neighbour: Client; // another citizen
let code = '';
let fileId = '';

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  neighbour = await signIn(t.app, DEMO_CITIZEN_2.cccd);
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
  if (res.statusCode !== 201) throw new Error(res.body);
  code = res.json().code;
  fileId = res.json().documents[0].fileId;
});
afterAll(() => t.close());

const act = (client: Client, dossier: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${dossier}/actions`, body);
const statusOf = async (dossier: string) => (await c.reception.get(`/api/v1/dossiers/${dossier}`)).json().status as string;
const eventCount = async (dossier: string) => ((await c.reception.get(`/api/v1/dossiers/${dossier}/events`)).json().items as unknown[]).length;
const UNKNOWN = 'DEMO.07894.H25-260302-9999';

/** A fresh dossier of the demo citizen, taken to `awaiting_approval`. */
async function awaitingApproval(): Promise<string> {
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
  const d = res.json().code as string;
  expect((await act(c.reception, d, { action: 'receive' })).statusCode).toBe(200);
  expect((await act(c.reception, d, { action: 'assign', assigneeId: c.specialist.id })).statusCode).toBe(200);
  const p = await act(c.specialist, d, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' });
  expect(p.json().status).toBe('awaiting_approval');
  return d;
}

describe('another citizen', () => {
  it("cannot read someone else's dossier: 404 DOSSIER_NOT_FOUND, the same answer as for a code that does not exist", async () => {
    const theirs = expectError(await neighbour.get(`/api/v1/dossiers/${code}`), 404, 'DOSSIER_NOT_FOUND');
    const missing = expectError(await neighbour.get(`/api/v1/dossiers/${UNKNOWN}`), 404, 'DOSSIER_NOT_FOUND');
    expect({ ...theirs, requestId: '' }).toEqual({ ...missing, requestId: '' });
    // The owner can.
    expect((await c.citizen.get(`/api/v1/dossiers/${code}`)).statusCode).toBe(200);
  });

  it('cannot read its history', async () => {
    expectError(await neighbour.get(`/api/v1/dossiers/${code}/events`), 404, 'DOSSIER_NOT_FOUND');
  });

  it('cannot download its files', async () => {
    expectError(await neighbour.get(`/api/v1/files/${fileId}`), 404, 'NOT_FOUND');
    expect((await c.citizen.get(`/api/v1/files/${fileId}`)).statusCode).toBe(200);
  });

  it('does not see it in their list, and cannot withdraw it or rate it', async () => {
    const list = (await neighbour.get('/api/v1/dossiers')).json();
    expect(list.items.map((i: { code: string }) => i.code)).not.toContain(code);
    expectError(await act(neighbour, code, { action: 'withdraw', reason: 'Phá đám' }), 404, 'DOSSIER_NOT_FOUND');
    expectError(await neighbour.post(`/api/v1/dossiers/${code}/rating`, { score: 1 }), 404, 'DOSSIER_NOT_FOUND');
    expect(await statusOf(code)).toBe('submitted');
  });
});

describe('an official of another unit (chuyenvien.so, DEMO.00.H25.STNMT)', () => {
  it('cannot read a Nông Trang dossier, its history, its audit trail or its files', async () => {
    expectError(await c.otherUnit.get(`/api/v1/dossiers/${code}`), 404, 'DOSSIER_NOT_FOUND');
    expectError(await c.otherUnit.get(`/api/v1/dossiers/${code}/events`), 404, 'DOSSIER_NOT_FOUND');
    expectError(await c.otherUnit.get(`/api/v1/dossiers/${code}/audit`), 404, 'DOSSIER_NOT_FOUND');
    expectError(await c.otherUnit.get(`/api/v1/files/${fileId}`), 404, 'NOT_FOUND');
  });

  it('does not see it in any queue', async () => {
    const all = (await c.otherUnit.get('/api/v1/dossiers?queue=all')).json();
    expect(all.items.map((i: { code: string }) => i.code)).not.toContain(code);
    expect(all.counts.to_receive).toBe(0);
  });

  it('cannot act on it, with any of their roles (reception, specialist, leader)', async () => {
    const before = await eventCount(code);
    expectError(await act(c.otherUnit, code, { action: 'receive' }), 404, 'DOSSIER_NOT_FOUND');
    expectError(await act(c.otherUnit, code, { action: 'refuse', reason: 'Không thuộc thẩm quyền' }), 404, 'DOSSIER_NOT_FOUND');
    expect(await statusOf(code)).toBe('submitted');
    expect(await eventCount(code)).toBe(before);
  });
});

describe('staff roles', () => {
  it('a reception officer cannot approve: 403 FORBIDDEN; the leader can', async () => {
    const d = await awaitingApproval();
    expectError(await act(c.reception, d, { action: 'approve' }), 403, 'FORBIDDEN');
    expectError(await act(c.specialist, d, { action: 'approve' }), 403, 'FORBIDDEN');
    expect(await statusOf(d)).toBe('awaiting_approval');
    const ok = await act(c.leader, d, { action: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
  });

  it("the dossier's allowedActions match what each caller may actually do", async () => {
    const d = await awaitingApproval();
    const actions = async (client: Client) =>
      ((await client.get(`/api/v1/dossiers/${d}`)).json().allowedActions as { action: string }[]).map((a) => a.action);
    expect(await actions(c.reception)).not.toContain('approve');
    expect(await actions(c.leader)).toEqual(expect.arrayContaining(['approve', 'reject']));
    expect(await actions(c.citizen)).toEqual([]);
  });

  it('an admin is not a reception officer: cannot receive', async () => {
    const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
    expectError(await act(c.admin, res.json().code, { action: 'receive' }), 403, 'FORBIDDEN');
    expect(await statusOf(res.json().code)).toBe('submitted');
  });

  it('staff cannot withdraw on the applicant’s behalf: 403', async () => {
    const before = await eventCount(code);
    expectError(await act(c.reception, code, { action: 'withdraw', reason: 'Công dân gọi điện xin rút' }), 403, 'FORBIDDEN');
    expectError(await act(c.leader, code, { action: 'withdraw', reason: 'Công dân gọi điện xin rút' }), 403, 'FORBIDDEN');
    expect(await statusOf(code)).toBe('submitted');
    expect(await eventCount(code)).toBe(before);
  });

  it('only reception files at the desk: a specialist cannot submit for a walk-in', async () => {
    const body = await buildSubmission(c.specialist, '1.001193', {
      channel: 'in_person',
      applicant: { kind: 'citizen', fullName: 'Đặng Văn Cường', cccd: '025088007777', birthYear: 1988, gender: 'male', phone: '0977000111' },
    });
    expectError(await c.specialist.post('/api/v1/dossiers', body), 403, 'FORBIDDEN');
  });
});

describe('the applicant', () => {
  it('cannot take staff actions on their own dossier: 403', async () => {
    const before = await eventCount(code);
    expectError(await act(c.citizen, code, { action: 'receive' }), 403, 'FORBIDDEN');
    expectError(await act(c.citizen, code, { action: 'refuse', reason: 'Tự từ chối' }), 403, 'FORBIDDEN');
    expectError(
      await act(c.citizen, code, { action: 'request_supplement', items: [{ target: { type: 'field', key: 'x' }, reason: 'y' }] }),
      403,
      'FORBIDDEN',
    );
    expect(await statusOf(code)).toBe('submitted');
    expect(await eventCount(code)).toBe(before);
  });

  it('cannot approve their own dossier', async () => {
    const d = await awaitingApproval();
    expectError(await act(c.citizen, d, { action: 'approve' }), 403, 'FORBIDDEN');
    expect(await statusOf(d)).toBe('awaiting_approval');
  });

  it('cannot read the audit trail of their own dossier (staff only)', async () => {
    expectError(await c.citizen.get(`/api/v1/dossiers/${code}/audit`), 403, 'FORBIDDEN');
    expectError(await c.anonymous.get(`/api/v1/dossiers/${code}/audit`), 401, 'UNAUTHENTICATED');
    const staff = await c.reception.get(`/api/v1/dossiers/${code}/audit`);
    expect(staff.statusCode).toBe(200);
    expect(staff.json().items.map((a: { action: string }) => a.action)).toContain('dossier_submit');
  });
});

describe('anonymous callers', () => {
  it('get 401 UNAUTHENTICATED from the dossier endpoints', async () => {
    expectError(await c.anonymous.get('/api/v1/dossiers'), 401, 'UNAUTHENTICATED');
    expectError(await c.anonymous.get(`/api/v1/dossiers/${code}`), 401, 'UNAUTHENTICATED');
    expectError(await c.anonymous.get(`/api/v1/dossiers/${code}/events`), 401, 'UNAUTHENTICATED');
    expectError(await c.anonymous.post(`/api/v1/dossiers/${code}/actions`, { action: 'withdraw', reason: 'x' }), 401, 'UNAUTHENTICATED');
    expectError(await c.anonymous.post('/api/v1/dossiers', { procedureCode: '1.001193' }), 401, 'UNAUTHENTICATED');
    expectError(await c.anonymous.get(`/api/v1/files/${fileId}`), 401, 'UNAUTHENTICATED');
    expect(await statusOf(code)).toBe('submitted');
  });

  it('still track a dossier publicly, without personal data', async () => {
    const pub = await c.anonymous.get(`/api/v1/public/dossiers/${code}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain('025090001234');
    expect(pub.body).not.toContain('Nguyễn Văn An');
  });
});

describe('administration is for unit admins', () => {
  it('non-admins cannot edit a procedure: 403 FORBIDDEN (401 anonymous), and no version is created', async () => {
    const definition = await procedureDefinition(c.admin, '1.004194');
    const body = { definition: { ...definition, notes: 'Sửa trái phép' }, effectiveFrom: '2026-04-01' };
    for (const who of [c.reception, c.specialist, c.leader, c.otherUnit]) {
      expectError(await who.put('/api/v1/procedures/1.004194', body), 403, 'FORBIDDEN');
    }
    expectError(await c.citizen.put('/api/v1/procedures/1.004194', body), 403, 'FORBIDDEN');
    expectError(await c.anonymous.put('/api/v1/procedures/1.004194', body), 401, 'UNAUTHENTICATED');
    expectError(await c.leader.post('/api/v1/procedures', { definition: { ...definition, code: '1.999999' } }), 403, 'FORBIDDEN');
    const versions = (await c.anonymous.get('/api/v1/procedures/1.004194/versions')).json().items;
    expect(versions).toHaveLength(1);
    expect((await c.anonymous.get('/api/v1/procedures/1.999999')).statusCode).toBe(404);
  });

  it('non-admins cannot edit the calendar: 403 FORBIDDEN, and the year is unchanged', async () => {
    const body = await yearBody(c.admin, 2026);
    const edited = { ...body, daysOff: [...body.daysOff, { date: '2026-03-10', name: 'Nghỉ trái phép', kind: 'extra' }] };
    for (const who of [c.reception, c.specialist, c.leader, c.citizen]) {
      expectError(await who.put('/api/v1/calendar/2026', edited), 403, 'FORBIDDEN');
    }
    expectError(await c.anonymous.put('/api/v1/calendar/2026', edited), 401, 'UNAUTHENTICATED');
    const year = (await c.anonymous.get('/api/v1/calendar/2026')).json();
    expect(year.version).toBe(0);
    expect(year.daysOff.map((d: { date: string }) => d.date)).not.toContain('2026-03-10');
  });

  it('the admin can (the refusals above are about the role, not a broken body)', async () => {
    const definition = await procedureDefinition(c.admin, '1.004194');
    const res = await c.admin.put('/api/v1/procedures/1.004194', { definition: { ...definition, notes: 'Đã rà soát' }, effectiveFrom: '2026-04-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    const cal = await c.admin.put('/api/v1/calendar/2026', await yearBody(c.admin, 2026));
    expect(cal.statusCode, cal.body).toBe(200);
    expect(cal.json().version).toBe(1);
  });

  it('staff-only lists refuse citizens', async () => {
    expectError(await c.citizen.get('/api/v1/staff'), 403, 'FORBIDDEN');
    expectError(await c.citizen.get('/api/v1/citizens?cccd=025195004321'), 403, 'FORBIDDEN');
    expectError(await c.anonymous.get('/api/v1/staff'), 401, 'UNAUTHENTICATED');
  });
});
