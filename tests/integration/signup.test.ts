import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maybeOne, rows } from '../../src/db/client.ts';
import type { TestApp } from '../support/app.ts';
import type { Client, demoClients } from '../support/client.ts';
import { clientOf, sessionCookieOf as sessionCookie, startWithDemoClients } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';
import { lastCodeTo, messagesTo } from '../support/codes.ts';
import { expectError } from '../support/expect.ts';

// Online sign-up is verified: by a code sent to the phone given (a new account) or to the phone or
// email ON RECORD (a CCCD the ward already knows), or by a reception officer who has the person
// in front of them. Until then nothing is opened: no session, no dossier, no scan, no receipt.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

// The worker is off: messages stay in the outbox, where the tests read what each phone got.
beforeAll(async () => ({ t, c } = await startWithDemoClients({ MESSAGE_WORKER: 'false' })));
afterAll(() => t.close());

const login = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
const clientFrom = (res: LightMyRequestResponse) => clientOf(t.app, res);
const register = (body: Record<string, unknown>, ip = '127.0.0.1') => t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body, remoteAddress: ip });
const confirm = (id: string, code: string) => c.anonymous.post('/api/v1/auth/register/confirm', { signUpId: id, code });

/** A code that is not `right` (the i-th of them). */
const wrongCode = (right: string, i: number) => String((Number(right) + i) % 1_000_000).padStart(6, '0');

/** A citizen served at the desk: their record (no password), a received dossier with a scan. */
async function walkIn(person: { fullName: string; cccd: string; birthYear: number; gender: 'male' | 'female'; phone: string }) {
  const body = await buildSubmission(c.reception, '1.001193', { channel: 'in_person', applicant: { kind: 'citizen', ...person } });
  const res = await c.reception.post('/api/v1/dossiers', body);
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  expect((await c.reception.post(`/api/v1/dossiers/${code}/actions`, { action: 'receive' })).statusCode).toBe(200);
  return { code, scanId: body.documents[0]!.fileId as string };
}

/** Everything of the walk-in's a session might reach: none of it may be reachable. */
async function expectNoAccess(who: Client, d: { code: string; scanId: string }) {
  const mine = (await who.get('/api/v1/dossiers')).json();
  expect(mine.items.map((i: { code: string }) => i.code)).not.toContain(d.code);
  expect((await who.get(`/api/v1/dossiers/${d.code}`)).statusCode).toBe(404);
  expect((await who.get(`/api/v1/dossiers/${d.code}/forms/receipt.pdf`)).statusCode).toBe(404);
  expect((await who.get(`/api/v1/files/${d.scanId}`)).statusCode).toBe(404);
}

describe('account takeover through online sign-up (issue 6)', () => {
  it('signing up with the CCCD of a citizen met at the desk, any name and one’s own phone, gives no access to their dossiers, scans or receipts', async () => {
    const victim = { fullName: 'Lò Thị Mai', cccd: '025185007777', birthYear: 1985, gender: 'female', phone: '0978000111' } as const;
    const d = await walkIn(victim);

    // Birth year and gender are written in the CCCD number itself; the name can be anything.
    const reg = await register({ kind: 'citizen', fullName: 'Kẻ Mạo Danh', cccd: victim.cccd, birthYear: 1985, gender: 'female', phone: '0909666777', password: 'KeGian@2026' });
    if (sessionCookie(reg)) await expectNoAccess(clientFrom(reg), d);
    const byPassword = await login({ login: victim.cccd, password: 'KeGian@2026' });
    if (byPassword.statusCode === 200) await expectNoAccess(clientFrom(byPassword), d);

    expect(reg.statusCode, reg.body).toBe(202);
    expect(sessionCookie(reg)).toBeUndefined();
    expectError(byPassword, 401, 'INVALID_CREDENTIALS');
    // The code went to the phone ON RECORD, not to the phone the sign-up gave.
    expect(reg.json().signUp).toMatchObject({ existingRecord: true, code: { channel: 'sms', sentTo: '******0111' } });
    expect(await messagesTo(t, '0909666777')).toEqual([]);
    expect((await messagesTo(t, victim.phone)).map((m) => m.template)).toEqual(['otp.claim_record']);
    // Guessing the code: five tries, then the code is spent, and access is still nowhere.
    const id = reg.json().signUp.id as string;
    const right = await lastCodeTo(t, victim.phone);
    for (let i = 1; i <= 4; i++) expect(expectError(await confirm(id, wrongCode(right, i)), 400, 'OTP_INVALID').details).toEqual({ attemptsLeft: 5 - i });
    expectError(await confirm(id, wrongCode(right, 5)), 400, 'OTP_EXPIRED');
    expectError(await confirm(id, right), 400, 'OTP_EXPIRED');
    expectError(await login({ login: victim.cccd, password: 'KeGian@2026' }), 401, 'INVALID_CREDENTIALS');
  });
});

describe('the rightful owner of a record claims it', () => {
  const owner = { fullName: 'Đinh Văn Khải', cccd: '025078004455', birthYear: 1978, gender: 'male', phone: '0978000222' } as const;
  let d: { code: string; scanId: string };
  let impostor: string;

  it('with the code sent to the phone on record: signed in, their dossier is theirs; the other sign-up for that CCCD is void', async () => {
    d = await walkIn(owner);
    const first = await register({ kind: 'citizen', fullName: 'Người Khác', cccd: owner.cccd, birthYear: 1978, gender: 'male', phone: '0909666888', password: 'NguoiKhac@2026' });
    impostor = first.json().signUp.id;
    t.clock.advanceHours(0.02); // 72 s: a new code for the same phone may be sent
    const reg = await register({ kind: 'citizen', fullName: 'Dinh Van Khai', cccd: owner.cccd, birthYear: 1978, gender: 'male', phone: owner.phone, password: 'Khai@Nong2026' });
    expect(reg.statusCode, reg.body).toBe(202);
    const done = await confirm(reg.json().signUp.id, await lastCodeTo(t, owner.phone));
    expect(done.statusCode, done.body).toBe(201);
    // The record keeps what the desk checked against the ID card.
    expect(done.json().user).toMatchObject({ fullName: owner.fullName, login: owner.cccd, phone: owner.phone });
    const me = clientFrom(done);
    expect((await me.get('/api/v1/dossiers')).json().items.map((i: { code: string }) => i.code)).toEqual([d.code]);
    expect((await me.get(`/api/v1/files/${d.scanId}`)).statusCode).toBe(200);
    expect((await me.get(`/api/v1/dossiers/${d.code}/forms/receipt.pdf`)).statusCode).toBe(200);

    // The phone the code went to is proven: notices may now go to it (docs/notifications.md).
    expect(await maybeOne(t.database.db, sql`select phone, phone_verified_at is not null as verified from users where login = ${owner.cccd}`)).toEqual({ phone: owner.phone, verified: true });

    // The impostor's sign-up is over; the account is claimed.
    expectError(await confirm(impostor, '123456'), 404, 'SIGN_UP_NOT_FOUND');
    expectError(await register({ kind: 'citizen', fullName: 'Người Khác', cccd: owner.cccd, birthYear: 1978, gender: 'male', phone: '0909666888', password: 'X@2026abc' }), 409, 'ACCOUNT_EXISTS');
    expect((await login({ login: owner.cccd, password: 'Khai@Nong2026' })).statusCode).toBe(200);
    expectError(await login({ login: owner.cccd, password: 'NguoiKhac@2026' }), 401, 'INVALID_CREDENTIALS');
    // Ended sign-ups keep no copy of a password hash.
    expect(await rows(t.database.db, sql`select status, password_hash from sign_ups where login = ${owner.cccd} order by created_at`)).toEqual([
      { status: 'cancelled', password_hash: '' },
      { status: 'confirmed', password_hash: '' },
    ]);
  });
});

describe('a code', () => {
  const person = { kind: 'citizen', fullName: 'Bùi Thị Lan', cccd: '025199002211', birthYear: 1999, gender: 'female', phone: '0961000333', password: 'Lan@Nong2026' } as const;

  it('is stored only as a keyed hash, lives 10 minutes, and only the latest one works; a new one waits a minute', async () => {
    t.clock.set('2026-03-03T09:00:00+07:00');
    const reg = await register(person);
    const id = reg.json().signUp.id as string;
    const first = await lastCodeTo(t, person.phone);
    const stored = await rows<Record<string, unknown>>(t.database.db, sql`select * from one_time_codes where subject = ${id}`);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(first);
    expect(stored[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);

    const early = expectError(await c.anonymous.post('/api/v1/auth/register/resend', { signUpId: id }), 429, 'OTP_RATE_LIMITED');
    expect(early.details).toEqual({ limit: 'resend', retryAfterSeconds: 60 });
    t.clock.set('2026-03-03T09:01:00+07:00');
    const again = await c.anonymous.post('/api/v1/auth/register/resend', { signUpId: id });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().signUp.code).toMatchObject({ channel: 'sms', sentTo: '******0333', expiresAt: '2026-03-03T02:11:00.000Z' });
    const second = await lastCodeTo(t, person.phone);
    // The first code is no longer the one: it is checked against the latest (and counts a try).
    if (second !== first) expectError(await confirm(id, first), 400, 'OTP_INVALID');

    t.clock.set('2026-03-03T09:11:00+07:00'); // 10 minutes after the second code
    expectError(await confirm(id, second), 400, 'OTP_EXPIRED');
    t.clock.set('2026-03-03T09:12:00+07:00');
    await c.anonymous.post('/api/v1/auth/register/resend', { signUpId: id });
    t.clock.set('2026-03-03T09:21:59+07:00');
    expect((await confirm(id, await lastCodeTo(t, person.phone))).statusCode).toBe(201);
  });

  it('tries sent all at once are each counted: after five, even the right code is refused', async () => {
    t.clock.set('2026-03-04T09:00:00+07:00');
    const reg = await register({ ...person, cccd: '025199002233', phone: '0961000444' });
    const id = reg.json().signUp.id as string;
    const right = await lastCodeTo(t, '0961000444');
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => confirm(id, wrongCode(right, i + 1))));
    const codes = answers.map((r) => r.json().error.code as string);
    expect(codes.filter((x) => x === 'OTP_INVALID')).toHaveLength(4);
    expect(codes.filter((x) => x === 'OTP_EXPIRED')).toHaveLength(8);
    expectError(await confirm(id, right), 400, 'OTP_EXPIRED');
    expect(await maybeOne(t.database.db, sql`select attempts from one_time_codes where subject = ${id}`)).toEqual({ attempts: 5 });
  });

  it('a malformed code is refused at the edge, and an unknown sign-up is not found', async () => {
    expectError(await confirm('7f0c2a52-3c7e-4c8e-9d43-2d7b0f0b7a11', '123456'), 404, 'SIGN_UP_NOT_FOUND');
    expectError(await c.anonymous.post('/api/v1/auth/register/confirm', { signUpId: '7f0c2a52-3c7e-4c8e-9d43-2d7b0f0b7a11', code: '12345' }), 400, 'VALIDATION_FAILED');
    expectError(await c.anonymous.post('/api/v1/auth/register/confirm', { signUpId: '7f0c2a52-3c7e-4c8e-9d43-2d7b0f0b7a11', code: '１２３４５６' }), 400, 'VALIDATION_FAILED');
  });
});

describe('rate limits (shared by every instance: counted in the database)', () => {
  it('one phone gets at most 5 codes an hour, whoever asks', async () => {
    t.clock.set('2026-03-05T09:00:00+07:00');
    const victim = { fullName: 'Hà Thị Nga', cccd: '025180006611', birthYear: 1980, gender: 'female', phone: '0978000333' } as const;
    await walkIn(victim);
    const attempt = (i: number) =>
      register({ kind: 'citizen', fullName: 'Ai Đó', cccd: victim.cccd, birthYear: 1980, gender: 'female', phone: `09096660${10 + i}`, password: 'AiDo@2026x' }, `10.0.0.${i}`);
    for (let i = 0; i < 5; i++) expect((await attempt(i)).statusCode).toBe(202);
    const sixth = expectError(await attempt(5), 429, 'OTP_RATE_LIMITED');
    expect(sixth.details).toEqual({ limit: 'recipient', retryAfterSeconds: 3600 });
    expect(await messagesTo(t, victim.phone)).toHaveLength(5);
    // Nothing of the refused sign-up was kept.
    expect(await rows(t.database.db, sql`select id from sign_ups where phone = '0909666015'`)).toEqual([]);
    t.clock.set('2026-03-05T10:00:00+07:00');
    expect((await attempt(6)).statusCode).toBe(202);
  });

  it('one client address causes at most 20 codes an hour', async () => {
    t.clock.set('2026-03-06T09:00:00+07:00');
    const attempt = (i: number, ip: string) =>
      register({ kind: 'citizen', fullName: 'Người Thử', cccd: `0252010${String(70000 + i)}`, birthYear: 2001, gender: 'male', phone: `09620000${String(i).padStart(2, '0')}`, password: 'NguoiThu@26' }, ip);
    for (let i = 0; i < 20; i++) expect((await attempt(i, '203.0.113.9')).statusCode).toBe(202);
    expect(expectError(await attempt(20, '203.0.113.9'), 429, 'OTP_RATE_LIMITED').details).toMatchObject({ limit: 'address' });
    expect((await attempt(21, '203.0.113.10')).statusCode).toBe(202);
  });
});

describe('the desk verifies the person in front of it', () => {
  const person = { fullName: 'Sầm Văn Tùng', cccd: '025088009911', birthYear: 1988, gender: 'male', phone: '0978000444' } as const;

  it('a record with no phone or email to send a code to: the sign-up waits for the desk', async () => {
    t.clock.set('2026-03-09T09:00:00+07:00');
    const d = await walkIn(person);
    // The phone on record is lost (the desk record is older than phones): no code can reach the owner.
    await t.database.db.execute(sql`update users set phone = null, email = null where login = ${person.cccd}`);
    const reg = await register({ kind: 'citizen', fullName: person.fullName, cccd: person.cccd, birthYear: 1988, gender: 'male', phone: '0978000555', password: 'Tung@Nong2026' });
    expect(reg.statusCode, reg.body).toBe(202);
    expect(reg.json().signUp).toMatchObject({ existingRecord: true, code: null });
    const id = reg.json().signUp.id as string;
    expectError(await c.anonymous.post('/api/v1/auth/register/resend', { signUpId: id }), 409, 'SIGN_UP_NO_CONTACT');
    expectError(await login({ login: person.cccd, password: 'Tung@Nong2026' }), 401, 'INVALID_CREDENTIALS');

    // At another unit's desk (a citizen may go to any): the officer sees what was typed online…
    const waiting = await c.otherUnit.get(`/api/v1/citizens/sign-ups?cccd=${person.cccd}`);
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json().items).toEqual([
      { id, fullName: person.fullName, birthYear: 1988, gender: 'male', phoneMasked: '******0555', existingRecord: true, codeSentTo: null, createdAt: '2026-03-09T09:00:00+07:00' },
    ]);
    const audited = await rows(t.database.db, sql`select actor_id from audit_log where action = 'lookup_sign_ups'`);
    expect(audited).toEqual([{ actor_id: c.otherUnit.id }]);
    // …checks the ID card, asks the person's phone number: a different number is not them.
    expectError(await c.otherUnit.post(`/api/v1/citizens/sign-ups/${id}/verify`, { phone: '0978000666' }), 409, 'SIGN_UP_PHONE_MISMATCH');
    expectError(await login({ login: person.cccd, password: 'Tung@Nong2026' }), 401, 'INVALID_CREDENTIALS');
    const ok = await c.otherUnit.post(`/api/v1/citizens/sign-ups/${id}/verify`, { phone: '+84 978 000 555' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ verified: true, login: person.cccd });

    const me = clientFrom(await login({ login: person.cccd, password: 'Tung@Nong2026' }));
    expect((await me.get('/api/v1/auth/me')).json().user).toMatchObject({ fullName: person.fullName, phone: '0978000555' });
    // The desk checked the phone in person: it is verified; the email nobody proved is not.
    expect(await maybeOne(t.database.db, sql`select phone_verified_at is not null as phone, email_verified_at is not null as email from users where login = ${person.cccd}`)).toEqual({ phone: true, email: false });
    expect((await me.get(`/api/v1/dossiers/${d.code}`)).statusCode).toBe(200);
    expect((await c.otherUnit.get(`/api/v1/citizens/sign-ups?cccd=${person.cccd}`)).json().items).toEqual([]);
  });

  it('only reception officers see and verify sign-ups', async () => {
    const reg = await register({ kind: 'citizen', fullName: 'Mã Thị Hoa', cccd: '025191003377', birthYear: 1991, gender: 'female', phone: '0961000777', password: 'Hoa@Nong2026' });
    const id = reg.json().signUp.id as string;
    for (const who of [c.specialist, c.leader, c.admin, c.citizen]) {
      expectError(await who.get(`/api/v1/citizens/sign-ups?cccd=025191003377`), 403, 'FORBIDDEN');
      expectError(await who.post(`/api/v1/citizens/sign-ups/${id}/verify`, { phone: '0961000777' }), 403, 'FORBIDDEN');
    }
    expectError(await c.anonymous.post(`/api/v1/citizens/sign-ups/${id}/verify`, { phone: '0961000777' }), 401, 'UNAUTHENTICATED');
    expectError(await c.reception.get('/api/v1/citizens/sign-ups?cccd=099191003377'), 400, 'CCCD_INVALID');
  });
});
