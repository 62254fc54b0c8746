import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signIn, demoClients } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';
import { procedureDefinition } from '../support/catalogue.ts';
import { expectError } from '../support/expect.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(() => t.close());

interface Summary {
  code: string;
  name: string;
  field: string;
  applicant: string;
  version: number;
}
const search = async (query: string) => {
  const res = await c.anonymous.get(`/api/v1/procedures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Summary[]; total: number };
};
const q = (text: string) => search(`q=${encodeURIComponent(text)}&limit=200`);

// The procedures of field "Đăng ký kinh doanh (hộ kinh doanh)" in the seeded catalogue.
const HO_KINH_DOANH = ['1.001266', '1.001570', '1.001612', '2.000575', '2.000720'];
const VI_ALPHABET = 'AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY';

describe('the catalogue', () => {
  it('lists the 48 ward procedures, in Vietnamese alphabetical order (Đ after D)', async () => {
    const all = await search('limit=200');
    expect(all.total).toBe(48);
    expect(all.items).toHaveLength(48);
    expect(new Set(all.items.map((p) => p.code)).size).toBe(48);
    const firstLetters = all.items.map((p) => VI_ALPHABET.indexOf(p.name[0]!.toUpperCase()));
    expect(firstLetters).not.toContain(-1);
    expect(firstLetters).toEqual([...firstLetters].sort((a, b) => a - b));
    // The default page is 50, so all 48 come without paging; paging works.
    expect((await search('')).items).toHaveLength(48);
    const page2 = await search('limit=10&offset=10');
    expect(page2.total).toBe(48);
    expect(page2.items.map((p) => p.code)).toEqual(all.items.slice(10, 20).map((p) => p.code));
  });

  it('"khai sinh" finds "Thủ tục đăng ký khai sinh" first, and only khai sinh procedures', async () => {
    const found = await q('khai sinh');
    expect(found.items[0]!.name).toBe('Thủ tục đăng ký khai sinh');
    expect(found.items[0]!.code).toBe('1.001193');
    expect(found.total).toBeGreaterThanOrEqual(5);
    for (const p of found.items) expect(p.name.toLowerCase()).toContain('khai sinh');
  });

  it('"ho kinh doanh" (no diacritics) finds the hộ kinh doanh procedures', async () => {
    const found = await q('ho kinh doanh');
    expect(found.items.map((p) => p.code).sort()).toEqual(HO_KINH_DOANH);
    for (const p of found.items) expect(p.name.toLowerCase()).toContain('hộ kinh doanh');
  });

  it('is case-insensitive and accepts decomposed (NFD) Unicode input', async () => {
    const reference = (await q('khai sinh')).items.map((p) => p.code);
    expect((await q('KHAI SINH')).items.map((p) => p.code)).toEqual(reference);
    expect((await q('Khai Sinh'.normalize('NFD'))).items.map((p) => p.code)).toEqual(reference);
    const nfd = 'đăng ký khai sinh'.normalize('NFD');
    expect(nfd).not.toBe('đăng ký khai sinh'); // really decomposed
    const withDiacritics = await q(nfd);
    expect(withDiacritics.items[0]!.name).toBe('Thủ tục đăng ký khai sinh');
    expect(withDiacritics.items.map((p) => p.code)).toEqual((await q('dang ky khai sinh')).items.map((p) => p.code));
    expect((await q('HỘ KINH DOANH'.normalize('NFD'))).items.map((p) => p.code).sort()).toEqual(HO_KINH_DOANH);
  });

  it('a query that matches nothing answers an empty list, not an error; wildcards are literal', async () => {
    expect(await q('xyz khong co thu tuc nay')).toEqual({ items: [], total: 0 });
    expect((await q('%')).total).toBe(0);
    expect((await q('_')).total).toBe(0);
  });

  it('filters by field, matching the counts of /procedures/fields', async () => {
    const fields = (await c.anonymous.get('/api/v1/procedures/fields')).json().items as { name: string; count: number }[];
    expect(fields.reduce((n, f) => n + f.count, 0)).toBe(48);
    const hoTich = fields.find((f) => f.name === 'Hộ tịch')!;
    const list = await search(`field=${encodeURIComponent('Hộ tịch')}&limit=200`);
    expect(list.total).toBe(hoTich.count);
    for (const p of list.items) expect(p.field).toBe('Hộ tịch');
    const hkd = await search(`field=${encodeURIComponent('Đăng ký kinh doanh (hộ kinh doanh)')}&limit=200`);
    expect(hkd.items.map((p) => p.code).sort()).toEqual(HO_KINH_DOANH);
    // Field and query combine.
    const both = await search(`field=${encodeURIComponent('Hộ tịch')}&q=${encodeURIComponent('kết hôn')}&limit=200`);
    expect(both.total).toBeGreaterThan(0);
    for (const p of both.items) expect(p.field === 'Hộ tịch' && p.name.includes('kết hôn')).toBe(true);
  });

  it('filters by applicant: "business" includes procedures open to both', async () => {
    const business = await search('applicant=business&limit=200');
    // The seeded catalogue has no business-only procedure (a household business is registered by a citizen).
    expect(new Set(business.items.map((p) => p.applicant))).toEqual(new Set(['both']));
    const citizen = await search('applicant=citizen&limit=200');
    expect(citizen.items.some((p) => p.applicant === 'business')).toBe(false);
    expect(business.total + citizen.total - (await search('limit=200')).items.filter((p) => p.applicant === 'both').length).toBe(48);
  });

  it('an invalid filter answers 400, not 500', async () => {
    expectError(await c.anonymous.get('/api/v1/procedures?applicant=robot'), 400, 'VALIDATION_FAILED');
    expectError(await c.anonymous.get('/api/v1/procedures?limit=0'), 400, 'VALIDATION_FAILED');
    expectError(await c.anonymous.get('/api/v1/procedures/khong-co'), 400, 'VALIDATION_FAILED');
    expectError(await c.anonymous.get('/api/v1/procedures/9.999999'), 404, 'PROCEDURE_NOT_FOUND');
  });

  it('a procedure keeps its source, confidence and what is still to be confirmed (officials’ view)', async () => {
    const p = (await c.reception.get('/api/v1/procedures/1.001612/definition')).json(); // Đăng ký thành lập hộ kinh doanh
    expect(p.source).toEqual(expect.any(String));
    expect(p.source.length).toBeGreaterThan(10);
    expect(['high', 'medium', 'low']).toContain(p.confidence);
    expect(p.toBeConfirmed).toEqual(expect.any(Array));
    expect(p.toBeConfirmed.length).toBeGreaterThan(0);
    // No time limit was found: it is null and marked to be confirmed, not invented.
    expect(p.timeLimit).toMatchObject({ amount: null, unit: null, toBeConfirmed: true });
    // The citizens' list does not carry it (tests/integration/catalogue.truth.test.ts).
    const summary = (await q('thanh lap ho kinh doanh')).items.find((s) => s.code === '1.001612')!;
    expect(summary).not.toHaveProperty('confidence');
  });
});

describe('editing a procedure (versions)', () => {
  const CODE = '1.004194'; // Đăng ký tạm trú: 3 working days
  let before = '';
  let original: Record<string, unknown>;

  it('a dossier filed before an edit keeps version 1; the edit creates version 2; a new dossier gets version 2', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00'); // Monday
    original = await procedureDefinition(c.admin, CODE);
    const filed = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, CODE));
    expect(filed.statusCode, filed.body).toBe(201);
    before = filed.json().code;
    expect(filed.json().procedure).toMatchObject({ code: CODE, version: 1, timeLimit: { amount: 3, unit: 'working_days' } });

    const timeLimit = { amount: 5, unit: 'working_days', note: '05 ngày làm việc (theo quyết định công bố mới)', toBeConfirmed: false };
    const edit = await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: { ...original, timeLimit }, effectiveFrom: '2026-03-02' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ code: CODE, version: 2, effectiveFrom: '2026-03-02', timeLimit });
    // What the admin did not touch is kept, including provenance.
    expect(edit.json().source).toBe(original.source);
    expect(edit.json().confidence).toBe(original.confidence);
    expect(edit.json().toBeConfirmed).toEqual(original.toBeConfirmed);

    const versions = (await c.anonymous.get(`/api/v1/procedures/${CODE}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ effectiveFrom: '2026-03-02', createdBy: c.admin.id });
    expect(versions[1].createdBy).toBeNull();

    const current = (await c.anonymous.get(`/api/v1/procedures/${CODE}`)).json();
    expect(current.version).toBe(2);
    expect(current.timeLimit.amount).toBe(5);
    expect((await c.anonymous.get(`/api/v1/procedures/${CODE}?version=1`)).json().timeLimit.amount).toBe(3);
    expect((await q('tam tru')).items.find((s) => s.code === CODE)!.version).toBe(2);

    const after = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, CODE));
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json().procedure).toMatchObject({ version: 2, timeLimit: { amount: 5 } });
    const old = (await c.citizen.get(`/api/v1/dossiers/${before}`)).json();
    expect(old.procedure).toMatchObject({ version: 1, timeLimit: { amount: 3 } });

    // And each is timed by its own version when received.
    const a = (await c.reception.post(`/api/v1/dossiers/${before}/actions`, { action: 'receive' })).json();
    const b = (await c.reception.post(`/api/v1/dossiers/${after.json().code}/actions`, { action: 'receive' })).json();
    expect(a.dueAt).toBe('2026-03-05T09:00:00+07:00'); // 3 working days
    expect(b.dueAt).toBe('2026-03-09T09:00:00+07:00'); // 5 working days
  });

  it('an invalid definition answers 400 and creates no version', async () => {
    const badShares = { ...original, workflow: (original.workflow as { share: number }[]).map((s) => ({ ...s, share: 0.5 })) };
    const e = expectError(await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: badShares }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(e.details)).toContain('workflow');
    expectError(await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: { ...original, secret: 1 } }), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: { ...original, timeLimit: { amount: -1, unit: 'working_days', note: '', toBeConfirmed: false } } }), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: original, effectiveFrom: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    // The URL and the definition must name the same procedure.
    expectError(await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: { ...original, code: '1.001193' } }), 400, 'PROCEDURE_INVALID');
    expectError(await c.admin.put('/api/v1/procedures/1.999999', { definition: { ...original, code: '1.999999' } }), 404, 'PROCEDURE_NOT_FOUND');
    expect((await c.anonymous.get(`/api/v1/procedures/${CODE}/versions`)).json().items).toHaveLength(2);
    expect((await c.anonymous.get('/api/v1/procedures/1.001193/versions')).json().items).toHaveLength(1);
  });

  it('a version with a future effectiveFrom applies only from that date', async () => {
    t.clock.set('2026-03-10T09:00:00+07:00');
    const base = await procedureDefinition(c.admin, CODE); // version 2, in force (5 working days)
    const timeLimit = { amount: 7, unit: 'working_days', note: 'Từ 01/06/2026', toBeConfirmed: false };
    const saved = await c.admin.put(`/api/v1/procedures/${CODE}`, { definition: { ...base, timeLimit }, effectiveFrom: '2026-06-01' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(3);
    // Before 1 June: version 2 is still in force for the catalogue and for new dossiers.
    expect((await c.anonymous.get(`/api/v1/procedures/${CODE}`)).json()).toMatchObject({ version: 2, timeLimit: { amount: 5 } });
    const early = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, CODE));
    expect(early.json().procedure.version).toBe(2);
    // From 1 June: version 3.
    t.clock.set('2026-06-01T08:00:00+07:00');
    expect((await c.anonymous.get(`/api/v1/procedures/${CODE}`)).json()).toMatchObject({ version: 3, timeLimit: { amount: 7 } });
    expect((await q('tam tru')).items.find((s) => s.code === CODE)!.version).toBe(3);
    const june = await signIn(t.app, '025090001234'); // the file's sessions were opened in March
    const late = await june.post('/api/v1/dossiers', await buildSubmission(june, CODE));
    expect(late.json().procedure.version).toBe(3);
    // Back to March; signing in in June swept the March sessions as expired, so sign in again.
    t.clock.set('2026-03-10T09:00:00+07:00');
    c = await demoClients(t.app);
  });
});

describe('service endpoints', () => {
  it('/health answers ok with the database', async () => {
    const res = await c.anonymous.get('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('/api/openapi.json is OpenAPI 3.1 and documents the dossier endpoints', async () => {
    const res = await c.anonymous.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/dossiers',
        '/api/v1/dossiers/{code}',
        '/api/v1/dossiers/{code}/events',
        '/api/v1/dossiers/{code}/actions',
        '/api/v1/procedures',
        '/api/v1/calendar/due',
        '/api/v1/auth/login',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/dossiers']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(JSON.stringify(doc.paths['/api/v1/dossiers/{code}/actions'])).toContain('request_supplement');
  });
});

