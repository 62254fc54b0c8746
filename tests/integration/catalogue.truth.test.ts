import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';
import { procedureDefinition } from '../support/catalogue.ts';
import { expectError } from '../support/expect.ts';
import { correctSeededCatalogue, DEMO_BUSINESS } from '../../src/db/seed/demo.ts';

// Catalogue truth (issue 6 §6): citizens get only confirmed, plain-language content; officials
// get the sources, confidence and "to be confirmed" marks, and the list of what the ward must
// confirm; "who may apply" is right per procedure.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(() => t.close());

/** Keys of the officials' view that a citizen's answer must never carry, at any depth. */
const INTERNAL_KEYS = ['source', 'confidence', 'notes', 'toBeConfirmed', 'onlineLevelReason', 'note'];
/** Words of the research notes and repository paths: none may reach a citizen. */
const INTERNAL_WORDS = [/github/i, /unconfirmed/i, /DVCQG/, /formalityId/i, /candidateFormalityIdExact/i, /\.json\b/];

function internalKeysIn(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => internalKeysIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      // `toBeConfirmed: true|false` on a time limit is the citizen's plain "ask the desk" flag; a
      // document's `note` is the guidance officials write for citizens in the editor.
      const citizens = (k === 'toBeConfirmed' && typeof v === 'boolean') || (k === 'note' && /^\$\.documents\[\d+\]$/.test(path));
      const internal = INTERNAL_KEYS.includes(k) && !citizens;
      return [...(internal ? [`${path}.${k}`] : []), ...internalKeysIn(v, `${path}.${k}`)];
    });
  }
  return [];
}

function expectCitizenSafe(body: unknown) {
  expect(internalKeysIn(body)).toEqual([]);
  const text = JSON.stringify(body);
  for (const word of INTERNAL_WORDS) expect(text, `${word}`).not.toMatch(word);
}

const ALL = '/api/v1/procedures?limit=200';

describe('citizens see only confirmed, plain-language content', () => {
  it('the catalogue list carries no source, confidence or research note', async () => {
    for (const client of [c.anonymous, c.citizen]) {
      const res = await client.get(ALL);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(48);
      expectCitizenSafe(res.json());
    }
  });

  it('no procedure page answer carries them either, signed in or not', async () => {
    const codes = ((await c.anonymous.get(ALL)).json().items as { code: string }[]).map((p) => p.code);
    expect(codes).toHaveLength(48);
    for (const code of codes) {
      const res = await c.anonymous.get(`/api/v1/procedures/${code}`);
      expect(res.statusCode, code).toBe(200);
      expectCitizenSafe(res.json());
    }
    // The same for a signed-in citizen and for an exact version.
    expectCitizenSafe((await c.citizen.get('/api/v1/procedures/1.001612')).json());
    expectCitizenSafe((await c.citizen.get('/api/v1/procedures/1.001612?version=1')).json());
  });

  it('a time limit the ward has not confirmed shows no guessed value, only "ask the desk"', async () => {
    // The portal says "5 Khác" (an unknown unit): the seed keeps 5 working days for officials only.
    const p = (await c.anonymous.get('/api/v1/procedures/1.004884')).json();
    expect(p.timeLimit).toEqual({ amount: null, unit: null, toBeConfirmed: true });
    expect(p.checkWithDesk).toBe(true);
    const official = await procedureDefinition(c.reception, '1.004884');
    expect(official.timeLimit).toMatchObject({ amount: 5, unit: 'working_days', toBeConfirmed: true });
    // A confirmed one is shown as it is.
    const tamTru = (await c.anonymous.get('/api/v1/procedures/1.004194')).json();
    expect(tamTru.timeLimit).toEqual({ amount: 3, unit: 'working_days', toBeConfirmed: false });
  });

  it('the citizen’s own dossier shows the procedure’s time limit without the research note', async () => {
    const filed = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193'));
    expect(filed.statusCode, filed.body).toBe(201);
    const mine = (await c.citizen.get(`/api/v1/dossiers/${encodeURIComponent(filed.json().code)}`)).json();
    expectCitizenSafe(mine.procedure);
  });
});

describe('officials see sources, confidence and what is to be confirmed', () => {
  it('the full definition is the officials’ (any staff of the ward), not a citizen’s or another unit’s', async () => {
    for (const staff of [c.reception, c.specialist, c.leader, c.admin]) {
      const res = await staff.get('/api/v1/procedures/1.001612/definition');
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      expect(p.source).toMatch(/github:hongdienvbhp\/BangNiemYetVinhBao/);
      expect(p.confidence).toBe('medium');
      expect(p.toBeConfirmed.length).toBeGreaterThan(0);
      expect(p.timeLimit.note.length).toBeGreaterThan(0);
    }
    expect((await c.admin.get('/api/v1/procedures/1.001612/definition?version=1')).json().version).toBe(1);
    expectError(await c.anonymous.get('/api/v1/procedures/1.001612/definition'), 401, 'UNAUTHENTICATED');
    expectError(await c.citizen.get('/api/v1/procedures/1.001612/definition'), 403, 'FORBIDDEN');
    expectError(await c.otherUnit.get('/api/v1/procedures/1.001612/definition'), 403, 'FORBIDDEN');
    expectError(await c.admin.get('/api/v1/procedures/9.999999/definition'), 404, 'PROCEDURE_NOT_FOUND');
  });

  interface ToConfirm {
    code: string;
    name: string;
    confidence: 'high' | 'medium' | 'low';
    source: string;
    toBeConfirmed: string[];
    marks: { timeLimit: boolean; fees: string[]; documents: string[]; onlineLevel: boolean };
  }

  it('lists what the ward must confirm: low confidence first, with sources and marks', async () => {
    const res = await c.specialist.get('/api/v1/procedures/to-confirm');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: ToConfirm[]; summary: { procedures: number; items: number; byConfidence: Record<string, number> } };
    expect(body.summary.procedures).toBe(body.items.length);
    expect(body.summary.byConfidence).toEqual({ low: 4, medium: expect.any(Number), high: expect.any(Number) });
    expect(body.summary.items).toBe(body.items.reduce((n, i) => n + i.toBeConfirmed.length, 0));
    const order = body.items.map((i) => ['low', 'medium', 'high'].indexOf(i.confidence));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body.items.slice(0, 4).map((i) => i.confidence)).toEqual(['low', 'low', 'low', 'low']);
    const hkd = body.items.find((i) => i.code === '1.001612')!;
    expect(hkd).toMatchObject({ name: 'Đăng ký thành lập hộ kinh doanh', confidence: 'medium', marks: { timeLimit: true, fees: ['Lệ phí đăng ký hộ kinh doanh'] } });
    expect(hkd.source).toMatch(/^github:/);
    expect(hkd.toBeConfirmed).toContain('Thời hạn giải quyết');
    // Every procedure listed has something to confirm.
    for (const i of body.items) {
      const m = i.marks;
      expect(i.toBeConfirmed.length + m.fees.length + m.documents.length + Number(m.timeLimit) + Number(m.onlineLevel), i.code).toBeGreaterThan(0);
    }
  });

  it('is for the ward’s officials only', async () => {
    expectError(await c.anonymous.get('/api/v1/procedures/to-confirm'), 401, 'UNAUTHENTICATED');
    expectError(await c.citizen.get('/api/v1/procedures/to-confirm'), 403, 'FORBIDDEN');
    expectError(await c.otherUnit.get('/api/v1/procedures/to-confirm'), 403, 'FORBIDDEN');
    expect((await c.reception.get('/api/v1/procedures/to-confirm')).statusCode).toBe(200);
  });

  it('what an admin confirms leaves the list and reaches citizens', async () => {
    const CODE = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân: "3 Khác" on the portal
    const before = ((await c.admin.get('/api/v1/procedures/to-confirm')).json().items as ToConfirm[]).find((i) => i.code === CODE)!;
    expect(before.marks.timeLimit).toBe(true);
    const def = await procedureDefinition(c.admin, CODE);
    const timeLimit = { amount: 3, unit: 'working_days', note: 'Phường xác nhận: 03 ngày làm việc.', toBeConfirmed: false };
    const toBeConfirmed = (def.toBeConfirmed as string[]).filter((x) => !x.startsWith('Thời hạn'));
    const saved = await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: { ...def, timeLimit, toBeConfirmed } });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = ((await c.admin.get('/api/v1/procedures/to-confirm')).json().items as ToConfirm[]).find((i) => i.code === CODE);
    expect(after?.marks.timeLimit ?? false).toBe(false);
    expect(after?.toBeConfirmed ?? []).not.toContain(expect.stringMatching(/^Thời hạn/));
    const pub = (await c.anonymous.get(`/api/v1/procedures/${CODE}`)).json();
    expect(pub.timeLimit).toEqual({ amount: 3, unit: 'working_days', toBeConfirmed: false });
    expectCitizenSafe(pub);
  });
});

describe('who may apply is right per procedure', () => {
  it('household-business registration (1.001612) is filed by a citizen with no tax code yet', async () => {
    expect((await c.anonymous.get('/api/v1/procedures/1.001612')).json().applicant).toBe('citizen');
    const filed = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001612'));
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().procedure.code).toBe('1.001612');
    // A business (it has its tax code) does not register a new household business.
    const business = await signIn(t.app, DEMO_BUSINESS.mst);
    expectError(await business.post('/api/v1/dossiers', await buildSubmission(business, '1.001612')), 403, 'APPLICANT_NOT_ALLOWED');
  });

  it('the desk files it for a walk-in citizen', async () => {
    const body = await buildSubmission(c.reception, '1.001612', {
      channel: 'in_person',
      applicant: { kind: 'citizen', fullName: 'Đinh Thị Mai', cccd: '025196007788', birthYear: 1996, gender: 'female', phone: '0911222333' },
    });
    const filed = await c.reception.post('/api/v1/dossiers', body);
    expect(filed.statusCode, filed.body).toBe(201);
  });

  it('the later household-business procedures are open to the owner as a citizen and to the business', async () => {
    for (const code of ['2.000720', '1.001570', '1.001266', '2.000575']) {
      expect((await c.anonymous.get(`/api/v1/procedures/${code}`)).json().applicant, code).toBe('both');
    }
    const business = await signIn(t.app, DEMO_BUSINESS.mst);
    const filed = await business.post('/api/v1/dossiers', await buildSubmission(business, '1.001266'));
    expect(filed.statusCode, filed.body).toBe(201);
    const byCitizen = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001266'));
    expect(byCitizen.statusCode, byCitizen.body).toBe(201);
  });

  it('the officials see why the source’s value was corrected', async () => {
    const def = await procedureDefinition(c.admin, '1.001612');
    expect(def.applicant).toBe('citizen');
    expect(def.notes).toMatch(/Đối tượng thực hiện/);
  });
});

describe('a catalogue seeded before the correction', () => {
  it('gets a new version with the corrected applicant at the next start, once', async () => {
    const def = await procedureDefinition(c.admin, '2.000575');
    // As the source had it: the catalogue of an older deployment.
    const old = { ...def, applicant: 'business', notes: 'Ghi chú cũ.', legalBasis: ['Nghị định 168/2025/NĐ-CP (được dẫn trong nguồn DVCQG)'] };
    expect((await c.admin.put('/api/v1/procedures/2.000575', { definition: old })).statusCode).toBe(200);
    const before = (await procedureDefinition(c.admin, '2.000575')) as { applicant: string };
    expect(before.applicant).toBe('business');
    const versions = async () => (await c.anonymous.get('/api/v1/procedures/2.000575/versions')).json().items.length as number;
    const n = await versions();

    const done = await t.database.transaction((tx) => correctSeededCatalogue(tx, t.clock.now()));
    expect(done).toEqual(['2.000575']);
    const after = await procedureDefinition(c.admin, '2.000575');
    expect(after.applicant).toBe('both');
    expect(after.notes).toMatch(/^Ghi chú cũ\. Đối tượng thực hiện: nguồn ghi "business", đã sửa thành "both"/);
    expect(after.notes).toContain('Căn cứ "Nghị định 168/2025/NĐ-CP": được dẫn trong nguồn DVCQG.');
    expect(after.legalBasis).toEqual(['Nghị định 168/2025/NĐ-CP']);
    expect(await versions()).toBe(n + 1);
    // Nothing more to do at the next start.
    expect(await t.database.transaction((tx) => correctSeededCatalogue(tx, t.clock.now()))).toEqual([]);
    expect(await versions()).toBe(n + 1);
  });
});
