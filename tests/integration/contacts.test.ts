import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../../src/db/client.ts';
import { DEMO_CITIZEN_2 } from '../../src/db/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { Client, signIn } from '../support/client.ts';
import { lastCodeTo, messagesTo } from '../support/codes.ts';
import { expectError } from '../support/expect.ts';

// A person proves a phone or email by the code sent to it: the one on their account (verified
// again after it was changed elsewhere), or a new one that replaces it only once the code comes
// back. The old address is told; a code for one address never confirms another.

let t: TestApp;
let binh: Client;

beforeAll(async () => {
  t = await startTestApp({ MESSAGE_WORKER: 'false' });
  binh = await signIn(t.app, DEMO_CITIZEN_2.cccd);
});
afterAll(() => t.close());

const contacts = () =>
  maybeOne<{ phone: string | null; email: string | null; phone_verified_at: string | null; email_verified_at: string | null }>(
    t.database.db,
    sql`select phone, email, phone_verified_at, email_verified_at from users where login = ${DEMO_CITIZEN_2.cccd}`,
  );
const prefs = async () => (await binh.get('/api/v1/me/notification-preferences')).json().contacts as { phone: string; phoneVerified: boolean; email: string | null; emailVerified: boolean };

describe('a new email', () => {
  it('is not on the account until its code comes back; a wrong code counts, the right one adds it verified', async () => {
    const sent = await binh.post('/api/v1/me/contacts/code', { kind: 'email', value: ' Binh.Vu@Example.VN ' });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toMatchObject({ value: 'new', code: { channel: 'email', sentTo: expect.stringMatching(/^b\*+@example\.vn$/) } });
    expect((await contacts())!.email).toBeNull();

    const code = await lastCodeTo(t, 'binh.vu@example.vn');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const first = expectError(await binh.post('/api/v1/me/contacts/confirm', { kind: 'email', value: 'binh.vu@example.vn', code: wrong }), 400, 'OTP_INVALID');
    const second = expectError(await binh.post('/api/v1/me/contacts/confirm', { kind: 'email', value: 'binh.vu@example.vn', code: wrong }), 400, 'OTP_INVALID');
    expect(second.details!.attemptsLeft).toBe((first.details!.attemptsLeft as number) - 1);

    const done = await binh.post('/api/v1/me/contacts/confirm', { kind: 'email', value: 'binh.vu@example.vn', code: code.slice(0, 3) + ' ' + code.slice(3) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().contacts).toMatchObject({ email: expect.stringMatching(/^b\*+@example\.vn$/), emailVerified: true });
    const row = (await contacts())!;
    expect(row.email).toBe('binh.vu@example.vn');
    expect(row.email_verified_at).not.toBeNull();
    // The code is used up.
    expectError(await binh.post('/api/v1/me/contacts/confirm', { kind: 'email', value: 'binh.vu@example.vn', code }), 400, 'OTP_EXPIRED');
  });
});

describe('a new phone', () => {
  it('a code sent to one number never confirms another', async () => {
    await binh.post('/api/v1/me/contacts/code', { kind: 'phone', value: '0388000111' });
    const code = await lastCodeTo(t, '0388000111');
    expectError(await binh.post('/api/v1/me/contacts/confirm', { kind: 'phone', value: '0388000222', code }), 400, 'OTP_EXPIRED');
    expect((await contacts())!.phone).toBe(DEMO_CITIZEN_2.phone);
  });

  it('replaces the old one once proven, and the old number is told', async () => {
    const sent = await binh.post('/api/v1/me/contacts/code', { kind: 'phone', value: '+84 389 000 333' });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json().code).toMatchObject({ channel: 'sms', sentTo: '******0333' });
    const done = await binh.post('/api/v1/me/contacts/confirm', { kind: 'phone', value: '0389000333', code: await lastCodeTo(t, '0389000333') });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().contacts).toMatchObject({ phone: '******0333', phoneVerified: true });
    expect((await contacts())!.phone).toBe('0389000333');
    expect((await messagesTo(t, DEMO_CITIZEN_2.phone)).map((m) => m.template)).toContain('account.contact_changed');
  });
});

describe('the address on the account', () => {
  it('changed by someone else (the desk) is unverified, and verified again by its code', async () => {
    await t.database.db.execute(sql`update users set phone = '0389000444' where login = ${DEMO_CITIZEN_2.cccd}`);
    expect(await prefs()).toMatchObject({ phone: '******0444', phoneVerified: false });
    const sent = await binh.post('/api/v1/me/contacts/code', { kind: 'phone' });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json().value).toBe('current');
    const done = await binh.post('/api/v1/me/contacts/confirm', { kind: 'phone', code: await lastCodeTo(t, '0389000444') });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().contacts).toMatchObject({ phoneVerified: true });
  });
});

describe('bad requests', () => {
  it.each([
    [{ kind: 'phone', value: '12345' }, 400, 'PHONE_INVALID'],
    [{ kind: 'phone', value: '0241234567' }, 400, 'PHONE_INVALID'], // too short a landline is no mobile
    [{ kind: 'email', value: 'not-an-email' }, 400, 'VALIDATION_FAILED'],
    [{ kind: 'fax' }, 400, 'VALIDATION_FAILED'],
    [{ kind: 'email', value: 'a\u0000@b.vn' }, 400, 'INPUT_ENCODING_INVALID'],
  ])('%j → %i %s', async (body, status, code) => {
    expectError(await binh.post('/api/v1/me/contacts/code', body), status, code);
  });

  it('signed out: 401', async () => {
    expectError(await new Client(t.app).post('/api/v1/me/contacts/code', { kind: 'phone' }), 401, 'UNAUTHENTICATED');
  });
});
