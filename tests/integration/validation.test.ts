import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN, DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, signIn, type Client } from '../support/client.ts';
import { buildSubmission, pdfBytes, uploadPdf } from '../support/builders.ts';
import { procedureDefinition } from '../support/catalogue.ts';
import { expectError } from '../support/expect.ts';
import { signUp } from '../support/codes.ts';

// Bad input never crashes the server (no 500) and never leaves half a write behind.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let citizen2: Client;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
  citizen2 = await signIn(t.app, DEMO_CITIZEN_2.cccd);
});
afterAll(() => t.close());

const myDossierCount = async (client: Client) => {
  const res = await client.get('/api/v1/dossiers');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
};

const validCitizen = (over: Record<string, unknown> = {}) => ({
  kind: 'citizen',
  fullName: 'Trịnh Thị Mai',
  cccd: '025196003344', // Phú Thọ (025), female born in the 1900s (1), 1996
  birthYear: 1996,
  gender: 'female',
  phone: '0934567890',
  password: 'MatKhau@2026',
  ...over,
});

describe('JSON bodies', () => {
  it('malformed JSON answers 400 VALIDATION_FAILED, signed in or not', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": "tiepnhan", "password": ',
    });
    expectError(anon, 400, 'VALIDATION_FAILED');

    const before = await myDossierCount(c.citizen);
    const signedIn = await c.citizen.post('/api/v1/dossiers', '{"procedureCode": "1.001193", formData: {}}', { 'content-type': 'application/json' });
    expectError(signedIn, 400, 'VALIDATION_FAILED');
    expect(await myDossierCount(c.citizen)).toBe(before);
  });

  it('wrong types are listed by path in details.issues', async () => {
    const res = await c.citizen.post('/api/v1/dossiers', { procedureCode: 1001193, formData: [], documents: 'none' });
    const e = expectError(res, 400, 'VALIDATION_FAILED');
    const issues = e.details!.issues as { path: string; message: string }[];
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.procedureCode', 'body.formData', 'body.documents']));
    for (const i of issues) expect(typeof i.message).toBe('string');
  });

  it('wrong types in a sign-in answer 400, not 500', async () => {
    const res = await c.anonymous.post('/api/v1/auth/login', { login: ['tiepnhan'], password: 12345678 });
    const e = expectError(res, 400, 'VALIDATION_FAILED');
    expect((e.details!.issues as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  it('unknown fields are refused (strict schemas) and named in details.issues', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    const before = await myDossierCount(c.citizen);
    const res = await c.citizen.post('/api/v1/dossiers', { ...body, status: 'returned', isAdmin: true });
    const e = expectError(res, 400, 'VALIDATION_FAILED');
    const issues = e.details!.issues as { path: string; message: string }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(issues)).toMatch(/status|isAdmin/);
    expect(await myDossierCount(c.citizen)).toBe(before);

    const reg = await c.anonymous.post('/api/v1/auth/register', { ...validCitizen(), roles: ['unit_admin'] });
    expectError(reg, 400, 'VALIDATION_FAILED');
    // …and nothing was created: the same CCCD can still register.
    const ok = await signUp(t, validCitizen());
    expect(ok.session!.user.roles).toEqual([]);
  });

  it('a body over 1 MB answers 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await c.anonymous.post('/api/v1/auth/login', { login: 'tiepnhan', password: 'x'.repeat(1024 * 1024 + 100) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');

    const before = await myDossierCount(c.citizen);
    const big = await c.citizen.post('/api/v1/dossiers', { procedureCode: '1.001193', formData: { ghi_chu: 'a'.repeat(1_100_000) } });
    expectError(big, 413, 'PAYLOAD_TOO_LARGE');
    expect(await myDossierCount(c.citizen)).toBe(before);
  });

  it('text/plain to a JSON endpoint answers 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ login: 'tiepnhan', password: 'NongTrang@2026' }),
    });
    expectError(login, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const xml = await c.citizen.post('/api/v1/dossiers', '<dossier/>', { 'content-type': 'application/xml' });
    expectError(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('uploads', () => {
  it('an empty file answers 400 FILE_EMPTY', async () => {
    expectError(await c.citizen.upload('trong.pdf', Buffer.alloc(0), 'application/pdf'), 400, 'FILE_EMPTY');
  });

  it('an executable named .pdf answers 415 FILE_TYPE_NOT_ALLOWED (the type is sniffed, not taken from the name)', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(2048, 0x41)]);
    expectError(await c.citizen.upload('hoa-don.pdf', exe, 'application/pdf'), 415, 'FILE_TYPE_NOT_ALLOWED');
    const text = Buffer.from('Xin chào, đây không phải PDF');
    expectError(await c.citizen.upload('ghi-chu.pdf', text, 'application/pdf'), 415, 'FILE_TYPE_NOT_ALLOWED');
  });

  it('a real PDF is accepted and reported with its sniffed type and size', async () => {
    const bytes = pdfBytes(3);
    const res = await c.citizen.upload('Giấy khai sinh.pdf', bytes, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Giấy khai sinh.pdf', size: bytes.length, mime: 'application/pdf' });
    expect(res.json().id).toMatch(/^[0-9a-f-]{36}$/);
    const back = await c.citizen.get(`/api/v1/files/${res.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(bytes)).toBe(true);
  });

  it('a file between 1 MB and the 20 MB default limit is accepted (the JSON body limit does not apply)', async () => {
    const bytes = pdfBytes(1536);
    const res = await c.citizen.upload('ban-scan.pdf', bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().size).toBe(bytes.length);
  });

  it('path tricks in the file name keep only the base name', async () => {
    const unix = await c.citizen.upload('../../etc/passwd.pdf', pdfBytes());
    expect(unix.statusCode, unix.body).toBe(201);
    expect(unix.json().name).toBe('passwd.pdf');
    const win = await c.citizen.upload('C:\\x\\..\\a.pdf', pdfBytes());
    expect(win.statusCode, win.body).toBe(201);
    expect(win.json().name).toBe('a.pdf');
    // The stored name is what the download offers.
    const dl = await c.citizen.get(`/api/v1/files/${unix.json().id}`);
    expect(dl.headers['content-disposition']).toBe("inline; filename*=UTF-8''passwd.pdf");
  });

  it('a name with nothing usable left answers 400 FILE_NAME_INVALID', async () => {
    expectError(await c.citizen.upload('..', pdfBytes()), 400, 'FILE_NAME_INVALID');
    expectError(await c.citizen.upload('. . .', pdfBytes()), 400, 'FILE_NAME_INVALID');
  });

  it('an upload without a session answers 401', async () => {
    expectError(await c.anonymous.upload('a.pdf', pdfBytes()), 401, 'UNAUTHENTICATED');
  });

  it('JSON sent to the upload endpoint answers 415', async () => {
    expectError(await c.citizen.post('/api/v1/files', { file: 'a.pdf' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('uploads with MAX_UPLOAD_MB=1', () => {
  let small: TestApp;
  let citizen: Client;
  beforeAll(async () => {
    small = await startTestApp({ MAX_UPLOAD_MB: '1' });
    citizen = await signIn(small.app, DEMO_CITIZEN.cccd);
  });
  afterAll(() => small.close());

  it('a file over the limit answers 413 FILE_TOO_LARGE; one under it is accepted', async () => {
    const over = await citizen.upload('qua-lon.pdf', pdfBytes(1100));
    const e = expectError(over, 413, 'FILE_TOO_LARGE');
    expect(e.details).toEqual({ maxBytes: 1024 * 1024 });
    const under = await citizen.upload('vua-du.pdf', pdfBytes(900));
    expect(under.statusCode, under.body).toBe(201);
  });
});

describe('registration', () => {
  it('a CCCD with an unknown province answers 400 CCCD_INVALID', async () => {
    const res = await c.anonymous.post('/api/v1/auth/register', validCitizen({ cccd: '099196003344' }));
    const e = expectError(res, 400, 'CCCD_INVALID');
    expect(e.details).toMatchObject({ field: 'cccd', reason: 'province' });
  });

  it('a CCCD that does not match the birth year answers 400 CCCD_INVALID', async () => {
    const res = await c.anonymous.post('/api/v1/auth/register', validCitizen({ cccd: '025196005566', birthYear: 1997 }));
    const e = expectError(res, 400, 'CCCD_INVALID');
    expect(e.details).toMatchObject({ field: 'cccd', reason: 'birth_year_mismatch' });
    // Nothing half-written: with the right year the same CCCD registers.
    const ok = await c.anonymous.post('/api/v1/auth/register', validCitizen({ cccd: '025196005566' }));
    expect(ok.statusCode, ok.body).toBe(202);
  });

  it('an MST with a wrong check digit answers 400 MST_INVALID', async () => {
    const body = { kind: 'business', businessName: 'Hộ kinh doanh Tạp hóa Minh Phương', mst: '2609998886', phone: '0901112233', password: 'MatKhau@2026' };
    const e = expectError(await c.anonymous.post('/api/v1/auth/register', body), 400, 'MST_INVALID');
    expect(e.details).toMatchObject({ field: 'mst', reason: 'checksum' });
    const ok = await signUp(t, { ...body, mst: '2609998885' });
    expect(ok.session!.user.kind).toBe('business');
  });

  it('a bad phone number answers 400 PHONE_INVALID', async () => {
    const res = await c.anonymous.post('/api/v1/auth/register', validCitizen({ cccd: '025196007788', phone: '12345' }));
    expectError(res, 400, 'PHONE_INVALID');
  });

  it('an account that already exists answers 409 ACCOUNT_EXISTS', async () => {
    const res = await c.anonymous.post(
      '/api/v1/auth/register',
      validCitizen({ cccd: DEMO_CITIZEN.cccd, birthYear: DEMO_CITIZEN.birthYear, gender: DEMO_CITIZEN.gender, fullName: 'Kẻ Mạo Danh' }),
    );
    expectError(res, 409, 'ACCOUNT_EXISTS');
    // The real owner's password still works.
    const me = await signIn(t.app, DEMO_CITIZEN.cccd);
    expect((await me.get('/api/v1/auth/me')).json().user.fullName).toBe(DEMO_CITIZEN.fullName);
  });
});

describe('submissions', () => {
  it('a missing mandatory document AND a missing required field are both listed; no dossier is created', async () => {
    const proc = (await c.citizen.get('/api/v1/procedures/1.001193')).json();
    const body = await buildSubmission(c.citizen, '1.001193');
    const field = (proc.formFields as { key: string; required: boolean }[]).find((f) => f.required)!.key;
    const doc = (proc.documents as { id: string; required: boolean | null }[]).find((d) => d.required === true)!.id;
    const formData = { ...body.formData };
    delete formData[field];
    const documents = body.documents.filter((d) => d.requirementId !== doc);
    const before = await myDossierCount(c.citizen);

    const res = await c.citizen.post('/api/v1/dossiers', { ...body, formData, documents }, { 'idempotency-key': 'incomplete-0001' });
    const e = expectError(res, 400, 'SUBMISSION_INCOMPLETE');
    const problems = e.details!.problems as { kind: string; key: string; message: string; messageEn: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'document_missing', key: doc }),
        expect.objectContaining({ kind: 'field_required', key: field }),
      ]),
    );
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p.message).toMatch(/[\u00C0-\u1EF9]/);
    expect(await myDossierCount(c.citizen)).toBe(before);

    // The same Idempotency-Key, once complete, files the dossier: the failure reserved nothing.
    const fixed = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'incomplete-0001' });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(await myDossierCount(c.citizen)).toBe(before + 1);
  });

  it("referencing someone else's upload answers 400 FILE_NOT_FOUND", async () => {
    const body = await buildSubmission(citizen2, '1.001193');
    const stolen = await uploadPdf(c.citizen, 'cua-nguoi-khac.pdf');
    const documents = [{ ...body.documents[0]!, fileId: stolen }, ...body.documents.slice(1)];
    const before = await myDossierCount(citizen2);
    const e = expectError(await citizen2.post('/api/v1/dossiers', { ...body, documents }), 400, 'FILE_NOT_FOUND');
    expect(e.details).toMatchObject({ fileId: stolen });
    expect(await myDossierCount(citizen2)).toBe(before);
    // Nor can they download it.
    expectError(await citizen2.get(`/api/v1/files/${stolen}`), 404, 'NOT_FOUND');
  });

  it('a business-only procedure submitted by a citizen answers 403 APPLICANT_NOT_ALLOWED', async () => {
    // The seeded catalogue has none (a household business is registered by a citizen): the ward makes one.
    const code = '2.000942';
    const definition = await procedureDefinition(c.admin, code);
    expect((await c.admin.put(`/api/v1/procedures/${code}`, { definition: { ...definition, applicant: 'business' } })).statusCode).toBe(200);
    const list = (await c.anonymous.get('/api/v1/procedures?applicant=business&limit=200')).json().items as { code: string; applicant: string }[];
    expect(list.find((p) => p.code === code)?.applicant).toBe('business');
    const body = await buildSubmission(c.citizen, code);
    const before = await myDossierCount(c.citizen);
    expectError(await c.citizen.post('/api/v1/dossiers', body), 403, 'APPLICANT_NOT_ALLOWED');
    expect(await myDossierCount(c.citizen)).toBe(before);
  });

  it('an unknown procedure answers 404 PROCEDURE_NOT_FOUND', async () => {
    expectError(await c.citizen.post('/api/v1/dossiers', { procedureCode: '9.999999', formData: {}, documents: [] }), 404, 'PROCEDURE_NOT_FOUND');
  });
});

describe('the edge', () => {
  it('a write with the session cookie but without x-csrf-token answers 403 CSRF_TOKEN_INVALID', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    const before = await myDossierCount(c.citizen);
    const cookie = `nts_session=${c.citizen.session!.cookie}`;
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: body });
    expectError(none, 403, 'CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie, 'x-csrf-token': c.reception.session!.csrf }, payload: body });
    expectError(wrong, 403, 'CSRF_TOKEN_INVALID');
    expect(await myDossierCount(c.citizen)).toBe(before);
    // Reads need no token.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: { cookie } })).statusCode).toBe(200);
  });

  it('an unknown route answers 404 NOT_FOUND as JSON', async () => {
    expectError(await c.anonymous.get('/api/v1/khong-co'), 404, 'NOT_FOUND');
    expectError(await c.citizen.post('/api/v1/dossiers/DEMO.07894.H25-260302-0001/khong-co', {}), 404, 'NOT_FOUND');
    expectError(await c.anonymous.request('DELETE', '/api/v1/procedures/1.001193'), 404, 'NOT_FOUND');
  });

  it('an unknown dossier code answers 404 DOSSIER_NOT_FOUND; a bad file id 400, not 500', async () => {
    expectError(await c.citizen.get('/api/v1/dossiers/DEMO.07894.H25-260302-9999'), 404, 'DOSSIER_NOT_FOUND');
    expectError(await c.citizen.get('/api/v1/files/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });
});
