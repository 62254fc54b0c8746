import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_BUSINESS, DEMO_CITIZEN, DEMO_CITIZEN_2, DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { Client, demoClients, signIn } from '../support/client.ts';
import { lastCodeTo } from '../support/codes.ts';
import { expectError } from '../support/expect.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  t = await startTestApp();
  c = await demoClients(t.app);
});
afterAll(() => t.close());

const login = (app: TestApp['app'], body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((k) => k.name === 'nts_session');
/** A client from a login/register answer. */
const clientFrom = (res: LightMyRequestResponse) =>
  new Client(t.app, { cookie: sessionCookie(res)!.value, csrf: res.json().csrfToken, user: res.json().user });

describe('sign-in', () => {
  it('a citizen signs in with their CCCD (spaces allowed)', async () => {
    const res = await login(t.app, { login: DEMO_CITIZEN.cccd, password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ kind: 'citizen', fullName: DEMO_CITIZEN.fullName, login: DEMO_CITIZEN.cccd, roles: [], unit: null });
    const spaced = await login(t.app, { login: '025 090 001 234', password: DEMO_PASSWORD });
    expect(spaced.statusCode, spaced.body).toBe(200);
    expect(spaced.json().user.id).toBe(res.json().user.id);
  });

  it('a business signs in with its MST', async () => {
    const res = await login(t.app, { login: DEMO_BUSINESS.mst, password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.kind).toBe('business');
  });

  it('staff usernames are case-insensitive', async () => {
    for (const name of ['tiepnhan', 'TiepNhan', 'TIEPNHAN', '  tiepnhan ']) {
      const res = await login(t.app, { login: name, password: DEMO_PASSWORD });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      expect(res.json().user).toMatchObject({ kind: 'staff', login: 'tiepnhan', roles: ['reception'], fullName: DEMO_ACCOUNTS.reception.fullName });
    }
  });

  it('a wrong password and an unknown login both answer 401 INVALID_CREDENTIALS, indistinguishably, without a cookie', async () => {
    const wrong = await login(t.app, { login: DEMO_ACCOUNTS.leader.login, password: 'sai-mat-khau' });
    const unknown = await login(t.app, { login: 'khongtontai', password: 'sai-mat-khau' });
    const a = expectError(wrong, 401, 'INVALID_CREDENTIALS');
    const b = expectError(unknown, 401, 'INVALID_CREDENTIALS');
    expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
    expect(sessionCookie(wrong)).toBeUndefined();
    // The password is case-sensitive.
    expectError(await login(t.app, { login: DEMO_ACCOUNTS.leader.login, password: DEMO_PASSWORD.toLowerCase() }), 401, 'INVALID_CREDENTIALS');
  });

  it('the session cookie is HttpOnly and SameSite=Lax (not Secure over plain http)', async () => {
    const res = await login(t.app, { login: DEMO_ACCOUNTS.reception.login, password: DEMO_PASSWORD });
    const cookie = sessionCookie(res)!;
    expect(cookie.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy();
    expect(res.json().csrfToken).toEqual(expect.any(String));
    expect(res.json().csrfToken).not.toBe(cookie.value);
  });
});

describe('the current session', () => {
  it('GET /auth/session answers 200 for a visitor and for a signed-in user', async () => {
    const visitor = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ user: null, csrfToken: null });
    const citizen = await signIn(t.app, '025090001234');
    const mine = (await citizen.get('/api/v1/auth/session')).json();
    expect(mine.user.fullName).toBe('Nguyễn Văn An');
    expect(mine.csrfToken).toBe(citizen.session!.csrf);
  });
});

describe('lock-out after repeated failures', () => {
  const who = DEMO_ACCOUNTS.specialist2.login;

  it('5 failures lock the account (423 ACCOUNT_LOCKED), even for the right password', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00');
    for (let i = 1; i <= 4; i++) expectError(await login(t.app, { login: who, password: `sai-${i}` }), 401, 'INVALID_CREDENTIALS');
    expectError(await login(t.app, { login: who, password: 'sai-5' }), 423, 'ACCOUNT_LOCKED');
    const right = await login(t.app, { login: who, password: DEMO_PASSWORD });
    expectError(right, 423, 'ACCOUNT_LOCKED');
    expect(sessionCookie(right)).toBeUndefined();
    // Other accounts are not affected.
    expect((await login(t.app, { login: DEMO_ACCOUNTS.specialist.login, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('still locked after 14 minutes; unlocked after 15', async () => {
    t.clock.set('2026-03-02T09:14:59+07:00');
    expectError(await login(t.app, { login: who, password: DEMO_PASSWORD }), 423, 'ACCOUNT_LOCKED');
    t.clock.set('2026-03-02T09:15:00+07:00');
    const res = await login(t.app, { login: who, password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.login).toBe(who);
  });

  it('wrong passwords sent all at once are each counted: 20 in parallel lock the account', async () => {
    t.clock.set('2026-03-02T11:00:00+07:00');
    const target = DEMO_CITIZEN_2.cccd;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(t.app, { login: target, password: `doan-mo-${i}` })));
    const codes = answers.map((r) => r.json().error.code as string);
    expect(codes.every((code) => code === 'INVALID_CREDENTIALS' || code === 'ACCOUNT_LOCKED'), codes.join()).toBe(true);
    expect(codes).toContain('ACCOUNT_LOCKED');
    // Locked: even the right password is refused until the lock expires.
    expectError(await login(t.app, { login: target, password: DEMO_PASSWORD }), 423, 'ACCOUNT_LOCKED');
    t.clock.set('2026-03-02T11:15:00+07:00');
    expect((await login(t.app, { login: target, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('a successful sign-in resets the count of failures', async () => {
    t.clock.set('2026-03-02T10:00:00+07:00');
    for (let i = 0; i < 4; i++) expectError(await login(t.app, { login: who, password: 'sai' }), 401, 'INVALID_CREDENTIALS');
    expect((await login(t.app, { login: who, password: DEMO_PASSWORD })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expectError(await login(t.app, { login: who, password: 'sai' }), 401, 'INVALID_CREDENTIALS');
    expect((await login(t.app, { login: who, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });
});

describe('the session', () => {
  it('/auth/me returns the user and the csrfToken of the session', async () => {
    const res = await login(t.app, { login: DEMO_ACCOUNTS.reception.login, password: DEMO_PASSWORD });
    const me = await clientFrom(res).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
    expect(me.json().user).toEqual(res.json().user);
    expect(me.json().user).toMatchObject({
      kind: 'staff',
      roles: ['reception'],
      unit: { code: 'DEMO.07894.H25', name: expect.any(String), id: expect.any(String) },
      department: { code: 'MOTCUA', name: expect.any(String), id: expect.any(String) },
    });
  });

  it('/auth/me without a session, or with a made-up cookie, answers 401 UNAUTHENTICATED', async () => {
    expectError(await c.anonymous.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    const forged = new Client(t.app, { cookie: 'x'.repeat(43), csrf: 'y', user: { id: '', roles: [], kind: 'citizen' } });
    expectError(await forged.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('logout ends the session: 204, the cookie is cleared, the old cookie no longer works', async () => {
    const session = await signIn(t.app, DEMO_CITIZEN.cccd);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    const out = await session.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const cleared = sessionCookie(out);
    expect(cleared).toBeDefined();
    expect(cleared!.value).toBe('');
    expect(cleared!.expires!.getTime()).toBeLessThan(Date.now());
    expectError(await session.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await session.get('/api/v1/dossiers'), 401, 'UNAUTHENTICATED');
    // Other sessions of the same person live on.
    expect((await c.citizen.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('logout needs the CSRF token (a cross-site page cannot sign you out)', async () => {
    const session = await signIn(t.app, DEMO_CITIZEN.cccd);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `nts_session=${session.session!.cookie}` } });
    expectError(res, 403, 'CSRF_TOKEN_INVALID');
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a session expires after SESSION_TTL_HOURS (720 h in tests)', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00');
    const session = await signIn(t.app, DEMO_CITIZEN.cccd);
    t.clock.set('2026-03-31T08:59:00+07:00'); // 719 h 59 min later
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.set('2026-04-01T09:00:00+07:00'); // 720 h later
    expectError(await session.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    t.clock.set('2026-03-02T09:00:00+07:00');
  });
});

describe('registration', () => {
  it('a citizen signs up: nothing opens until the code sent to their phone is typed; then signed in, and again later', async () => {
    const body = {
      kind: 'citizen',
      fullName: 'Hà Minh Tuấn',
      cccd: '025201001122', // Phú Thọ, male born in the 2000s (2), 2001
      birthYear: 2001,
      gender: 'male',
      phone: '0961234567',
      email: 'tuan.ha@example.vn',
      password: 'Tuan@2026!',
    };
    const reg = await c.anonymous.post('/api/v1/auth/register', body);
    expect(reg.statusCode, reg.body).toBe(202);
    expect(sessionCookie(reg)).toBeUndefined();
    expect(reg.json().signUp).toMatchObject({ status: 'pending', existingRecord: false, code: { channel: 'sms', sentTo: '******4567' } });
    expectError(await login(t.app, { login: '025201001122', password: 'Tuan@2026!' }), 401, 'INVALID_CREDENTIALS');

    const code = await lastCodeTo(t, '0961234567');
    const done = await c.anonymous.post('/api/v1/auth/register/confirm', { signUpId: reg.json().signUp.id, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().user).toMatchObject({ kind: 'citizen', fullName: 'Hà Minh Tuấn', login: '025201001122', phone: '0961234567', roles: [] });
    expect(sessionCookie(done)!.httpOnly).toBe(true);
    expect((await clientFrom(done).get('/api/v1/auth/me')).json().user.id).toBe(done.json().user.id);

    const again = await login(t.app, { login: '025201001122', password: 'Tuan@2026!' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().user.id).toBe(done.json().user.id);
    expectError(await c.anonymous.post('/api/v1/auth/register', { ...body, password: 'KhacHan@2026' }), 409, 'ACCOUNT_EXISTS');
  });

  it('a password under 8 characters is refused', async () => {
    const res = await c.anonymous.post('/api/v1/auth/register', {
      kind: 'citizen', fullName: 'Hà Minh Tú', cccd: '025201003344', birthYear: 2001, gender: 'male', phone: '0961234568', password: 'ngan',
    });
    const e = expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(e.details)).toContain('password');
  });
});

describe('sign-in rate limit (RATE_LIMIT_LOGIN_PER_MINUTE=3, behind HTTPS)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '3', PUBLIC_URL: 'https://dichvucong.nongtrang.example' });
  });
  afterAll(() => limited.close());

  it('the 4th attempt within a minute answers 429 TOO_MANY_REQUESTS, even with the right password', async () => {
    const first = await login(limited.app, { login: DEMO_ACCOUNTS.reception.login, password: DEMO_PASSWORD });
    expect(first.statusCode, first.body).toBe(200);
    // Behind HTTPS the cookie is also Secure.
    expect(sessionCookie(first)!.secure).toBe(true);
    expectError(await login(limited.app, { login: DEMO_ACCOUNTS.reception.login, password: 'sai' }), 401, 'INVALID_CREDENTIALS');
    expectError(await login(limited.app, { login: DEMO_ACCOUNTS.reception.login, password: 'sai' }), 401, 'INVALID_CREDENTIALS');
    const fourth = await login(limited.app, { login: DEMO_ACCOUNTS.reception.login, password: DEMO_PASSWORD });
    expectError(fourth, 429, 'TOO_MANY_REQUESTS');
    expect(sessionCookie(fourth)).toBeUndefined();
    // Reading the catalogue is not limited.
    expect((await limited.app.inject({ method: 'GET', url: '/api/v1/procedures?limit=1' })).statusCode).toBe(200);
  });
});
