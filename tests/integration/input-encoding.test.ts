import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_ACCOUNTS } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, type Client } from '../support/client.ts';
import { buildSubmission, pdfBytes } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';

// Issue 6 "Crashes on input": a NUL byte, a lone surrogate or bytes that are not UTF-8, anywhere
// in a request, answer 400 INPUT_ENCODING_INVALID naming where — never a 500 from the database.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(() => t.close());

/** Asserts the edge's answer and returns the path it names (e.g. "query.q"). */
function expectEncodingError(res: LightMyRequestResponse, where: string | RegExp): string {
  const e = expectError(res, 400, 'INPUT_ENCODING_INVALID');
  const issues = e.details!.issues as { path: string; message: string }[];
  expect(issues).toHaveLength(1);
  expect(issues[0]!.path).toMatch(where);
  // The detail says what is wrong in both languages: "… / …".
  expect(issues[0]!.message).toMatch(/[\u00C0-\u1EF9].* \/ [a-z]/i);
  return issues[0]!.path;
}

const rawJson = (client: Client, method: 'POST' | 'PUT', url: string, payload: Buffer | string, extra: Record<string, string> = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
  if (client.session) {
    headers.cookie = `nts_session=${client.session.cookie}`;
    headers['x-csrf-token'] = client.session.csrf;
  }
  return t.app.inject({ method, url, headers, payload });
};

describe('query strings', () => {
  it.each([
    ['%00 (NUL)', 'a%00b'],
    ['invalid UTF-8 (C3 28)', 'a%C3%28b'],
    ['an overlong NUL (C0 80)', 'a%C0%80b'],
    ['an encoded lone surrogate (ED A0 80)', 'a%ED%A0%80b'],
    ['a lone continuation byte (FF)', '%FF'],
    ['malformed percent-encoding', 'a%Zb'],
  ])('%s in a search answers 400 naming query.q', async (_label, value) => {
    expectEncodingError(await c.anonymous.get(`/api/v1/procedures?q=${value}`), 'query.q');
    expectEncodingError(await c.reception.get(`/api/v1/dossiers?q=${value}`), 'query.q');
  });

  it('a NUL in a parameter name is refused too', async () => {
    expectEncodingError(await c.anonymous.get('/api/v1/procedures?q%00=x'), /^query/);
  });

  it('Vietnamese text, percent-encoded or raw, still searches', async () => {
    const res = await c.anonymous.get(`/api/v1/procedures?q=${encodeURIComponent('khai sinh')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    const accented = await c.anonymous.get(`/api/v1/procedures?q=${encodeURIComponent('hộ kinh doanh')}`);
    expect(accented.statusCode, accented.body).toBe(200);
  });
});

describe('path parameters', () => {
  it('a NUL in a dossier code answers 400, signed in or not', async () => {
    expectEncodingError(await c.citizen.get('/api/v1/dossiers/DEMO%00'), 'path');
    expectEncodingError(await c.anonymous.get('/api/v1/public/dossiers/DEMO%00X'), 'path');
    expectEncodingError(await c.reception.post('/api/v1/dossiers/DEMO%00/actions', { action: 'receive' }), 'path');
  });

  it('bytes that are not UTF-8 in a path answer 400 INPUT_ENCODING_INVALID in the error contract', async () => {
    expectEncodingError(await c.anonymous.get('/api/v1/procedures/1.00%C3%281193'), 'path');
    expectEncodingError(await c.anonymous.get('/api/v1/procedures/%ED%A0%80'), 'path');
    expectEncodingError(await c.anonymous.get('/api/v1/procedures/%ZZ'), 'path');
  });
});

describe('JSON bodies', () => {
  it('a NUL in a login answers 400 (it answered 500 from PostgreSQL)', async () => {
    const res = await c.anonymous.post('/api/v1/auth/login', { login: 'tiep\u0000nhan', password: 'x' });
    expectEncodingError(res, 'body.login');
  });

  it('a lone surrogate in a login answers 400 (it was silently turned into U+FFFD)', async () => {
    expectEncodingError(await c.anonymous.post('/api/v1/auth/login', { login: 'tiep\ud800nhan', password: 'x' }), 'body.login');
    expectEncodingError(await c.anonymous.post('/api/v1/auth/login', { login: 'tiepnhan', password: '\udc00' }), 'body.password');
  });

  it('a NUL in a name at sign-up answers 400 and creates no account', async () => {
    const res = await c.anonymous.post('/api/v1/auth/register', {
      kind: 'citizen',
      fullName: 'Trịnh Thị\u0000 Mai',
      cccd: '025196003344',
      birthYear: 1996,
      gender: 'female',
      phone: '0934567890',
      password: 'MatKhau@2026',
    });
    expectEncodingError(res, 'body.fullName');
    const login = await c.anonymous.post('/api/v1/auth/login', { login: '025196003344', password: 'MatKhau@2026' });
    expectError(login, 401, 'INVALID_CREDENTIALS');
  });

  it('a NUL in a form value, a nested value or a key answers 400 and files nothing', async () => {
    const before = (await c.citizen.get('/api/v1/dossiers')).json().total;
    const body = await buildSubmission(c.citizen, '1.001193');
    const firstKey = Object.keys(body.formData)[0]!;
    const nul = { ...body, formData: { ...body.formData, [firstKey]: 'Nguyễn\u0000Văn' } };
    expectEncodingError(await c.citizen.post('/api/v1/dossiers', nul), `body.formData.${firstKey}`);
    const nested = { ...body, documents: [{ ...body.documents[0], requirementId: 'x\u0000' }] };
    expectEncodingError(await c.citizen.post('/api/v1/dossiers', nested), 'body.documents.0.requirementId');
    const key = { ...body, formData: { ...body.formData, ['ghi\u0000chu']: 'x' } };
    expectEncodingError(await c.citizen.post('/api/v1/dossiers', key), /^body\.formData/);
    expect((await c.citizen.get('/api/v1/dossiers')).json().total).toBe(before);
  });

  it('raw bytes that are not UTF-8 in a JSON body answer 400 (they were silently replaced)', async () => {
    const payload = Buffer.concat([Buffer.from('{"login":"tiep'), Buffer.from([0xc3, 0x28]), Buffer.from('nhan","password":"x"}')]);
    expectEncodingError(await rawJson(c.anonymous, 'POST', '/api/v1/auth/login', payload), /^body/);
    const cesu = Buffer.concat([Buffer.from('{"login":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('","password":"x"}')]);
    expectEncodingError(await rawJson(c.anonymous, 'POST', '/api/v1/auth/login', cesu), /^body/);
  });

  it('an escaped NUL (\\u0000) in raw JSON text answers 400', async () => {
    expectEncodingError(await rawJson(c.anonymous, 'POST', '/api/v1/auth/login', '{"login":"a\\u0000","password":"x"}'), 'body.login');
  });

  it('JSON nested a hundred thousand levels deep answers 400, not a stack overflow', async () => {
    const deep = '{"login":' + '['.repeat(100_000) + ']'.repeat(100_000) + ',"password":"x"}';
    const res = await rawJson(c.anonymous, 'POST', '/api/v1/auth/login', deep);
    expect(res.statusCode, res.body).toBe(400);
  });

  it('Vietnamese in NFD or NFC, emoji and U+FFFD itself are accepted in JSON', async () => {
    const res = await c.anonymous.post('/api/v1/auth/login', { login: 'Nguye\u0302\u0303n 😀 \ufffd', password: 'x' });
    expectError(res, 401, 'INVALID_CREDENTIALS');
  });
});

describe('headers the app reads', () => {
  it('an Idempotency-Key that is not UTF-8 answers 400 INPUT_ENCODING_INVALID', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    // Node decodes header bytes as latin1: C3 28 arrives as "Ã(".
    const res = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'khoa-\u00c3(-12345' });
    expectEncodingError(res, 'header.idempotency-key');
  });

  it('a NUL in an Idempotency-Key answers 400', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    const res = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'khoa-\u0000-12345' });
    expectEncodingError(res, 'header.idempotency-key');
  });
});

describe('multipart uploads', () => {
  const multipart = (client: Client, parts: Buffer[]) => {
    const boundary = '----nts-encoding';
    const payload = Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from(`--${boundary}\r\n`), p, Buffer.from('\r\n')])), Buffer.from(`--${boundary}--\r\n`)]);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `nts_session=${client.session!.cookie}`, 'x-csrf-token': client.session!.csrf },
      payload,
    });
  };
  const filePart = (name: Buffer) =>
    Buffer.concat([Buffer.from('Content-Disposition: form-data; name="file"; filename="'), name, Buffer.from('"\r\nContent-Type: application/pdf\r\n\r\n'), pdfBytes(1)]);

  it('a NUL in a file name answers 400 (it was silently dropped)', async () => {
    expectEncodingError(await c.citizen.upload('giay\u0000to.pdf', pdfBytes(1)), 'multipart.file.filename');
  });

  it('a file name that is not UTF-8 answers 400', async () => {
    const res = await multipart(c.citizen, [filePart(Buffer.concat([Buffer.from('giay-'), Buffer.from([0xc3, 0x28]), Buffer.from('.pdf')]))]);
    expectEncodingError(res, 'multipart.file.filename');
  });

  it('a NUL in a form field before the file answers 400', async () => {
    const field = Buffer.from('Content-Disposition: form-data; name="note"\r\n\r\nghi\u0000chu');
    const res = await multipart(c.citizen, [field, filePart(Buffer.from('a.pdf'))]);
    expectEncodingError(res, 'multipart.note');
  });

  it('a Vietnamese file name in raw UTF-8 is kept', async () => {
    const res = await multipart(c.citizen, [filePart(Buffer.from('Tờ khai đăng ký.pdf'))]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('Tờ khai đăng ký.pdf');
  });
});

describe('every role meets the same edge', () => {
  it.each(['citizen', 'reception', 'specialist', 'leader', 'admin', 'otherUnit', 'anonymous'] as const)('%s: NUL in a query answers 400', async (role) => {
    expectEncodingError(await c[role].get('/api/v1/procedures?q=%00'), 'query.q');
  });

  it('a staff login with a NUL never reaches the lock-out counter', async () => {
    for (let i = 0; i < 6; i++) {
      expectEncodingError(await c.anonymous.post('/api/v1/auth/login', { login: `${DEMO_ACCOUNTS.leader.login}\u0000`, password: 'sai' }), 'body.login');
    }
    const ok = await c.anonymous.post('/api/v1/auth/login', { login: DEMO_ACCOUNTS.leader.login, password: 'NongTrang@2026' });
    expect(ok.statusCode, ok.body).not.toBe(423);
  });
});

describe('values only the database would have refused (found by the OpenAPI fuzz test)', () => {
  it('a procedure version beyond a 32-bit integer answers 400 (it answered 500)', async () => {
    expectError(await c.anonymous.get('/api/v1/procedures/1.001193?version=2147483648'), 400, 'VALIDATION_FAILED');
  });

  it('a make-up working day in year 0 answers 400 (it answered 500 from the calendar rules)', async () => {
    const res = await c.admin.put('/api/v1/calendar/2026', { daysOff: [], makeUpWorkingDays: [{ date: '0000-01-01', name: 'Làm bù' }] });
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});
