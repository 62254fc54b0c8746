import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { buildSubmission, uploadPdf } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';

// Who handles a dossier: its assignee, their department's leader and the unit's leaders. A
// specialist of another department (chuyenvien2, Phòng Kinh tế) is neither offered nor allowed
// anything on a dossier assigned to chuyenvien (Phòng Văn hóa - Xã hội). Every refusal is checked
// by observing that nothing changed.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let deptLeader: Client; // leader of Phòng Văn hóa - Xã hội (the assignee's department)
let otherDeptLeader: Client; // leader of Phòng Kinh tế, Hạ tầng và Đô thị
let departments: Record<string, string>;
let documentId = ''; // a document requirement of 1.004194

const act = (client: Client, code: string, body: Record<string, unknown>) => client.post(`/api/v1/dossiers/${code}/actions`, body);
const offered = async (client: Client, code: string) => ((await client.get(`/api/v1/dossiers/${code}`)).json().allowedActions as { action: string }[]).map((a) => a.action);
const state = async (code: string) => {
  const d = (await c.reception.get(`/api/v1/dossiers/${code}`)).json();
  const events = (await c.reception.get(`/api/v1/dossiers/${code}/events`)).json().items as unknown[];
  return { status: d.status, version: d.version, handlingUnit: d.handlingUnit.code, dueAt: d.dueAt, events: events.length };
};

async function createLeader(login: string, departmentCode: string): Promise<Client> {
  const res = await c.admin.post('/api/v1/admin/users', {
    login,
    fullName: `Trưởng phòng ${departmentCode}`,
    roles: ['leader'],
    departmentId: departments[departmentCode],
    password: DEMO_PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return signIn(t.app, login);
}

/** A dossier received and assigned to chuyenvien: in review in his department. */
async function inReview(): Promise<string> {
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.004194'));
  const code = res.json().code as string;
  expect((await act(c.reception, code, { action: 'receive' })).statusCode).toBe(200);
  const assigned = await act(c.reception, code, { action: 'assign', assigneeId: c.specialist.id });
  expect(assigned.json().status).toBe('in_review');
  return code;
}

/** …and approved by the ward's leader: the result is to be issued. */
async function approved(): Promise<string> {
  const code = await inReview();
  expect((await act(c.specialist, code, { action: 'propose', outcome: 'granted', comment: 'Đủ điều kiện' })).statusCode).toBe(200);
  expect((await act(c.leader, code, { action: 'approve' })).json().status).toBe('approved');
  return code;
}

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  const units = (await c.anonymous.get('/api/v1/units')).json().items as { code: string; departments: { id: string; code: string }[] }[];
  departments = Object.fromEntries(units.find((u) => u.code === 'DEMO.07894.H25')!.departments.map((d) => [d.code, d.id]));
  documentId = (await c.anonymous.get('/api/v1/procedures/1.004194')).json().documents[0].id;
  deptLeader = await createLeader('truongphong.vhxh', 'VHXH');
  otherDeptLeader = await createLeader('truongphong.kt', 'KTHTDT');
});
afterAll(() => t.close());

// A handler proposes a supplement; the desk sends it (request_supplement stays with reception).
const HANDLER_ACTIONS = ['propose_supplement', 'consult', 'transfer', 'extend'];
const payload = (action: string, code: string): Record<string, unknown> => {
  switch (action) {
    case 'propose_supplement':
      return { action, items: [{ target: { type: 'document', key: documentId }, reason: 'Bản chụp mờ' }] };
    case 'consult':
      return { action, departmentId: departments.KTHTDT, question: 'Xác minh địa chỉ?' };
    case 'transfer':
      return { action, unitCode: 'DEMO.00.H25.STNMT', reason: 'Thuộc thẩm quyền Sở' };
    case 'extend':
      return { action, newDueAt: '2026-03-20T16:00:00+07:00', reason: `Cần xác minh thêm (${code})` };
    default:
      return { action };
  }
};

describe('a specialist of another department, not the assignee', () => {
  it('is offered none of the handler’s actions on a colleague’s dossier in review', async () => {
    const code = await inReview();
    const mine = await offered(c.specialist, code);
    expect(mine).toEqual(expect.arrayContaining([...HANDLER_ACTIONS, 'propose']));
    expect(await offered(c.specialist2, code)).toEqual([]);
  });

  it.each(HANDLER_ACTIONS)('may not take %s on it: 403 FORBIDDEN, nothing changes', async (action) => {
    const code = await inReview();
    const before = await state(code);
    expectError(await act(c.specialist2, code, payload(action, code)), 403, 'FORBIDDEN');
    expect(await state(code)).toEqual(before);
  });

  it('may not issue the result of an approved dossier, nor is it offered', async () => {
    const code = await approved();
    expect(await offered(c.specialist, code)).toContain('issue_result');
    expect(await offered(c.specialist2, code)).toEqual([]);
    const before = await state(code);
    expectError(await act(c.specialist2, code, { action: 'issue_result', fileIds: [await uploadPdf(c.specialist2)] }), 403, 'FORBIDDEN');
    expect(await state(code)).toEqual(before);
  });

  it('the assignee may (the refusals above are about who, not a broken body)', async () => {
    for (const action of HANDLER_ACTIONS) {
      const code = await inReview();
      const res = await act(c.specialist, code, payload(action, code));
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    }
    const code = await approved();
    const res = await act(c.specialist, code, { action: 'issue_result', fileIds: [await uploadPdf(c.specialist)] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('result_ready');
  });
});

describe('leaders', () => {
  it('the assignee’s department leader may act on it; another department’s leader may not', async () => {
    const code = await inReview();
    expect(await offered(deptLeader, code)).toEqual(expect.arrayContaining([...HANDLER_ACTIONS, 'assign', 'propose']));
    expect(await offered(otherDeptLeader, code)).toEqual([]);
    const before = await state(code);
    expectError(await act(otherDeptLeader, code, payload('extend', code)), 403, 'FORBIDDEN');
    expect(await state(code)).toEqual(before);
    const ok = await act(deptLeader, code, payload('extend', code));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().extended).toBe(true);
  });

  it('the unit’s leader (no department) may act on every dossier of the unit, and alone approves', async () => {
    const code = await inReview();
    expect(await offered(c.leader, code)).toEqual(expect.arrayContaining([...HANDLER_ACTIONS, 'assign']));
    expect(await offered(c.leader, code)).not.toContain('propose'); // the leader decides on proposals, does not make them
    const p = await act(deptLeader, code, { action: 'propose', outcome: 'granted', comment: 'Trưởng phòng trình' });
    expect(p.statusCode, p.body).toBe(200);
    expect(await offered(deptLeader, code)).not.toContain('approve');
    expectError(await act(deptLeader, code, { action: 'approve' }), 403, 'FORBIDDEN');
    expect((await act(c.leader, code, { action: 'approve' })).json().status).toBe('approved');
  });

  it('the event records the role the action was taken under', async () => {
    const code = await inReview();
    await act(deptLeader, code, payload('consult', code));
    const events = (await c.reception.get(`/api/v1/dossiers/${code}/events`)).json().items as { action: string; actor: { role: string } }[];
    expect(events.at(-1)).toMatchObject({ action: 'consult', actor: { role: 'leader' } });
  });
});

describe('a consultation', () => {
  it('is answered by the department consulted, not by another one nor by the one who asked', async () => {
    const code = await inReview();
    expect((await act(c.specialist, code, payload('consult', code))).json().status).toBe('consulting');
    expect(await offered(c.specialist2, code)).toContain('consult_reply'); // Phòng Kinh tế was consulted
    expect(await offered(c.specialist, code)).not.toContain('consult_reply');
    const before = await state(code);
    expectError(await act(c.specialist, code, { action: 'consult_reply', answer: 'Tự trả lời' }), 403, 'FORBIDDEN');
    expect(await state(code)).toEqual(before);
    const reply = await act(c.specialist2, code, { action: 'consult_reply', answer: 'Địa chỉ đúng' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().status).toBe('in_review');
  });
});

describe('a database seeded before leaders were modelled', () => {
  it('its leaders of the pseudo-department "Lãnh đạo UBND phường" become the unit’s leaders, and it goes', async () => {
    const db = t.database.db;
    const unit = (await maybeOne<{ id: string }>(db, sql`select id from units where code = 'DEMO.07894.H25'`))!;
    const dept = randomUUID();
    const old = randomUUID();
    await db.execute(sql`insert into departments (id, unit_id, code, name) values (${dept}, ${unit.id}, 'LANHDAO', 'Lãnh đạo UBND phường')`);
    await db.execute(sql`insert into users (id, kind, login, full_name, name_search, unit_id, department_id, roles)
                         values (${old}, 'staff', 'lanhdao.cu', 'Lãnh đạo cũ', 'lanh dao cu', ${unit.id}, ${dept}, '{leader}')`);
    await db.execute(sql`delete from schema_migrations where name = '0003_unit_leaders.sql'`);
    expect(await migrate(t.database)).toEqual(['0003_unit_leaders.sql']);
    expect(await rows(db, sql`select department_id from users where id = ${old}`)).toEqual([{ department_id: null }]);
    expect(await rows(db, sql`select id from departments where code = 'LANHDAO'`)).toEqual([]);
  });
});

describe('the session says what each person may do beyond a dossier (the back office offers exactly that)', () => {
  const caps = async (client: Client) => (await client.get('/api/v1/auth/session')).json().user.capabilities as string[];
  it.each([
    ['reception', ['dossier.file_at_desk', 'citizen.lookup', 'citizen.verify_sign_up', 'staff.list', 'projects.list', 'certification.perform', 'certification.register', 'catalogue.review', 'dossier.register', 'feedback.queue']],
    ['specialist', ['staff.list', 'projects.list', 'projects.manage', 'catalogue.review', 'feedback.queue']],
    ['leader', ['staff.list', 'projects.list', 'projects.manage', 'projects.rule_edit', 'certification.register', 'catalogue.review', 'dossier.register', 'indicators.read', 'indicators.enter', 'feedback.queue']],
    [
      'admin',
      [
        'staff.list',
        'catalogue.edit',
        'calendar.edit',
        'users.manage',
        'messages.read',
        'messages.replay',
        'notification_templates.edit',
        'interop.manage',
        'projects.list',
        'catalogue.review',
        'forms.edit',
        'indicators.read',
        'indicators.enter',
        'indicators.rule_edit',
        'training.manage',
        'open311.keys',
        'feedback.settings',
      ],
    ],
    // Another unit's desk files and looks citizens up; this ward's catalogue and calendar are not theirs.
    ['otherUnit', ['dossier.file_at_desk', 'citizen.lookup', 'citizen.verify_sign_up', 'staff.list', 'certification.perform', 'certification.register', 'dossier.register']],
    ['citizen', ['dossier.file_online', 'projects.register_interest']],
  ] as const)('%s: %j', async (who, expected) => {
    expect(await caps(c[who])).toEqual(expected);
    expect((await c[who].get('/api/v1/auth/me')).json().user.capabilities).toEqual(expected);
  });

  it('what the session presents is what the API allows: an admin of another unit cannot edit this ward’s calendar', async () => {
    const other = (await c.anonymous.get('/api/v1/units')).json().items.find((u: { code: string }) => u.code === 'DEMO.00.H25.STNMT');
    await t.database.db.execute(sql`insert into users (id, kind, login, full_name, name_search, unit_id, roles, password_hash)
      select ${randomUUID()}, 'staff', 'quantri.so', 'Quản trị Sở', 'quan tri so', ${other.id}, '{unit_admin}', password_hash from users where login = 'quantri'`);
    const otherAdmin = await signIn(t.app, 'quantri.so');
    expect(await caps(otherAdmin)).toEqual(['staff.list', 'users.manage', 'training.manage']);
    const year = (await c.anonymous.get('/api/v1/calendar/2026')).json();
    expectError(await otherAdmin.put('/api/v1/calendar/2026', { daysOff: year.daysOff, makeUpWorkingDays: year.makeUpWorkingDays }), 403, 'FORBIDDEN');
    expect((await c.anonymous.get('/api/v1/calendar/2026')).json().version).toBe(0);
  });
});
