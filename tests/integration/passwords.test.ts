import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_BUSINESS, DEMO_CITIZEN, DEMO_CITIZEN_2, DEMO_PASSWORD } from '../../src/db/seed/demo.ts';
import type { TestApp } from '../support/app.ts';
import type { demoClients } from '../support/client.ts';
import { clientOf, startWithDemoClients } from '../support/client.ts';
import { lastCodeTo, messagesTo } from '../support/codes.ts';
import { expectError } from '../support/expect.ts';

// Passwords: everyone changes their own; citizens and businesses reset a forgotten one with a code
// to the phone or email on record; a unit admin resets an official's, who must then choose their own.

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => ({ t, c } = await startWithDemoClients({ MESSAGE_WORKER: 'false' })));
afterAll(() => t.close());

const login = (who: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: who, password } });
const clientFrom = (res: LightMyRequestResponse) => clientOf(t.app, res);
const signedIn = async (who: string, password: string) => {
  const res = await login(who, password);
  expect(res.statusCode, res.body).toBe(200);
  return clientFrom(res);
};

describe('changing one’s password', () => {
  it('needs the current one; the new one must be acceptable; other sessions end, this one goes on; a text tells the person', async () => {
    const here = await signedIn(DEMO_CITIZEN.cccd, DEMO_PASSWORD);
    const elsewhere = await signedIn(DEMO_CITIZEN.cccd, DEMO_PASSWORD);
    const change = (currentPassword: string, newPassword: string) => here.post('/api/v1/auth/password', { currentPassword, newPassword });

    expect(expectError(await change('sai-mat-khau', 'An@NongTrang26'), 400, 'PASSWORD_INCORRECT').details).toEqual({ field: 'currentPassword' });
    expect(expectError(await change(DEMO_PASSWORD, '12345678'), 400, 'PASSWORD_TOO_WEAK').details).toEqual({ field: 'newPassword', problems: ['common'] });
    expect(expectError(await change(DEMO_PASSWORD, `cccd${DEMO_CITIZEN.cccd}`), 400, 'PASSWORD_TOO_WEAK').details).toMatchObject({ problems: ['contains_login'] });
    expect(expectError(await change(DEMO_PASSWORD, DEMO_PASSWORD), 400, 'PASSWORD_TOO_WEAK').details).toMatchObject({ problems: ['same_as_current'] });
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: `nts_session=${here.session!.cookie}`, 'x-csrf-token': 'forged' },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'An@NongTrang26' },
    });
    expectError(forged, 403, 'CSRF_TOKEN_INVALID');
    expect(await messagesTo(t, DEMO_CITIZEN.phone)).toEqual([]);

    expect((await change(DEMO_PASSWORD, 'An@NongTrang26')).statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expectError(await elsewhere.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await login(DEMO_CITIZEN.cccd, DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(DEMO_CITIZEN.cccd, 'An@NongTrang26')).statusCode).toBe(200);
    expect((await messagesTo(t, DEMO_CITIZEN.phone)).map((m) => m.template)).toEqual(['account.password_changed']);
    // Back to the demo password, for the rest of the file.
    expect((await change('An@NongTrang26', DEMO_PASSWORD)).statusCode).toBe(204);
  });

  it('wrong current passwords count as failed sign-ins: a session left open cannot be used to guess it', async () => {
    const open = await signedIn(DEMO_BUSINESS.mst, DEMO_PASSWORD);
    for (let i = 0; i < 4; i++) expectError(await open.post('/api/v1/auth/password', { currentPassword: `doan-${i}`, newPassword: 'CaPhe@Nong2026' }), 400, 'PASSWORD_INCORRECT');
    expectError(await open.post('/api/v1/auth/password', { currentPassword: 'doan-5', newPassword: 'CaPhe@Nong2026' }), 423, 'ACCOUNT_LOCKED');
    expectError(await login(DEMO_BUSINESS.mst, DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
    t.clock.advanceHours(0.25);
    expect((await login(DEMO_BUSINESS.mst, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('nobody signed in cannot change anything', async () => {
    expectError(await c.anonymous.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'An@NongTrang26' }), 401, 'UNAUTHENTICATED');
  });
});

describe('resetting a forgotten password with a code', () => {
  const forgot = (who: string) => c.anonymous.post('/api/v1/auth/password/forgot', { login: who });
  const reset = (resetId: string, code: string, newPassword: string) => c.anonymous.post('/api/v1/auth/password/reset', { resetId, code, newPassword });

  it('a citizen: a code to the phone on record; a new password; every session ends; a locked account opens', async () => {
    t.clock.set('2026-03-10T09:00:00+07:00');
    const before = await signedIn(DEMO_CITIZEN_2.cccd, DEMO_PASSWORD);
    for (let i = 0; i < 5; i++) await login(DEMO_CITIZEN_2.cccd, `sai-${i}`);
    expectError(await login(DEMO_CITIZEN_2.cccd, DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');

    const res = await forgot(' 025 195 004 321 ');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().reset).toMatchObject({ id: expect.any(String), code: { channel: 'sms', sentTo: '******4321', expiresAt: '2026-03-10T02:10:00.000Z' } });
    const id = res.json().reset.id as string;
    const code = await lastCodeTo(t, DEMO_CITIZEN_2.phone);
    expect((await messagesTo(t, DEMO_CITIZEN_2.phone)).map((m) => m.template)).toEqual(['otp.password_reset']);

    // A weak password is refused before the code is tried (no try is spent).
    expectError(await reset(id, code, 'matkhau123'), 400, 'PASSWORD_TOO_WEAK');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(expectError(await reset(id, wrong, 'Binh@Nong2026'), 400, 'OTP_INVALID').details).toEqual({ attemptsLeft: 4 });
    expect((await reset(id, code, 'Binh@Nong2026')).statusCode).toBe(204);
    expectError(await reset(id, code, 'Binh@Nong2026x'), 400, 'OTP_EXPIRED');

    expectError(await before.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expect((await login(DEMO_CITIZEN_2.cccd, 'Binh@Nong2026')).statusCode).toBe(200);
    expectError(await login(DEMO_CITIZEN_2.cccd, DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await messagesTo(t, DEMO_CITIZEN_2.phone)).map((m) => m.template)).toEqual(['otp.password_reset', 'account.password_changed']);
  });

  it('the answer has the same shape for an unknown login and for an official (no code: they ask their admin)', async () => {
    for (const who of ['025099999999', DEMO_ACCOUNTS.specialist.login, 'khongtontai']) {
      const res = await forgot(who);
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toEqual({ reset: { id: expect.any(String), code: null } });
      expectError(await reset(res.json().reset.id, '123456', 'MotMatKhau@2026'), 400, 'OTP_EXPIRED');
    }
    expect(await rows(t.database.db, sql`select id from one_time_codes where purpose = 'password_reset' and recipient not in (${DEMO_CITIZEN_2.phone})`)).toEqual([]);
  });

  it('codes are limited like every code: a minute between two, five an hour to one phone', async () => {
    t.clock.set('2026-03-11T09:00:00+07:00');
    expect((await forgot(DEMO_CITIZEN.cccd)).statusCode).toBe(202);
    expect(expectError(await forgot(DEMO_CITIZEN.cccd), 429, 'OTP_RATE_LIMITED').details).toEqual({ limit: 'resend', retryAfterSeconds: 60 });
  });
});

describe('an admin resets an official’s password: the official must choose their own at next sign-in', () => {
  it('the sessions end; signed in again, they may only change it; then everything works again', async () => {
    const official = await signedIn(DEMO_ACCOUNTS.specialist2.login, DEMO_PASSWORD);
    const res = await c.admin.put(`/api/v1/admin/users/${official.id}`, { password: 'TamThoi-2026-x7' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ login: DEMO_ACCOUNTS.specialist2.login, mustChangePassword: true });
    expectError(await official.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await login(DEMO_ACCOUNTS.specialist2.login, DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');

    const first = await login(DEMO_ACCOUNTS.specialist2.login, 'TamThoi-2026-x7');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const s = clientFrom(first);
    expect((await s.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
    expectError(await s.get('/api/v1/dossiers'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await s.get('/api/v1/staff'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await s.post('/api/v1/dossiers', {}), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await s.post('/api/v1/auth/password', { currentPassword: 'TamThoi-2026-x7', newPassword: 'Thu@NongTrang26' })).statusCode).toBe(204);
    expect((await s.get('/api/v1/dossiers')).statusCode).toBe(200);
    expect((await s.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
    const audit = await rows(t.database.db, sql`select action, actor_id from audit_log where entity_id = ${official.id} and action like 'password%' order by id`);
    expect(audit).toEqual([
      { action: 'password_reset', actor_id: c.admin.id },
      { action: 'password_change', actor_id: official.id },
    ]);
  });

  it('a new account’s first password is the admin’s: changed at first sign-in too', async () => {
    const units = (await c.anonymous.get('/api/v1/units')).json().items as { code: string; departments: { id: string; code: string }[] }[];
    const departments = units.find((u) => u.code === 'DEMO.07894.H25')!.departments;
    const created = await c.admin.post('/api/v1/admin/users', { login: 'tiepnhan2', fullName: 'Lý Thị Nga', roles: ['reception'], departmentId: departments.find((d) => d.code === 'MOTCUA')!.id, password: 'BanDau-2026-q9' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);
    const s = clientFrom(await login('tiepnhan2', 'BanDau-2026-q9'));
    expectError(await s.get('/api/v1/dossiers?queue=to_receive'), 403, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('only their own unit’s admin, never their own password this way, never a weak one', async () => {
    expectError(await c.admin.put(`/api/v1/admin/users/${c.admin.id}`, { password: 'TuDat-2026-abc' }), 400, 'VALIDATION_FAILED');
    expectError(await c.admin.put(`/api/v1/admin/users/${c.otherUnit.id}`, { password: 'TamThoi-2026-x7' }), 404, 'USER_NOT_FOUND');
    expectError(await c.leader.put(`/api/v1/admin/users/${c.specialist.id}`, { password: 'TamThoi-2026-x7' }), 403, 'FORBIDDEN');
    expect(expectError(await c.admin.put(`/api/v1/admin/users/${c.specialist.id}`, { password: 'chuyenvien123' }), 400, 'PASSWORD_TOO_WEAK').details).toMatchObject({ field: 'password', problems: ['contains_login'] });
    expect((await c.specialist.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
