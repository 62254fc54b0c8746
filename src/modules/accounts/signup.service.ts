import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { toDate } from '../../db/time.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPhone, validateCccd, validateMst, validateVnPhone } from '../../domain/identifiers.ts';
import { nfc, searchKey } from '../../domain/text.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import { audit } from '../audit/audit.ts';
import { checkCode, codeError, issueCode, maskRecipient, type CodeChannel, type IssuedCode } from '../otp/index.ts';
import { findUser, openSession } from './accounts.service.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password.service.ts';
import { markContactVerified } from '../notifications/notifications.contacts.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * Online sign-up in two steps. The first writes nothing to `users` and opens no session: it keeps
 * the request in `sign_ups` and sends a code. For a new account the code goes to the phone given;
 * for a CCCD or MST already on record (a citizen or business first met at the desk) it goes to the
 * phone or email ON RECORD, so that knowing someone's ID number (birth year and gender are written
 * in it) gives no access to their dossiers. The second step — the code, or a reception officer who
 * verifies the person in front of them — creates or opens the account.
 */

/** How long a sign-up waits for its code or for the desk (the code itself lives 10 minutes). */
export const SIGN_UP_TTL_MS = 7 * 24 * 3_600_000;

export type RegisterInput =
  | { kind: 'citizen'; fullName: string; cccd: string; birthYear: number; gender: 'male' | 'female'; phone: string; email?: string | undefined; password: string; address?: string | undefined }
  | { kind: 'business'; businessName: string; mst: string; phone: string; email?: string | undefined; password: string; address?: string | undefined };

export interface SignUpRow {
  id: string;
  kind: 'citizen' | 'business';
  login: string;
  full_name: string;
  birth_year: number | null;
  gender: 'male' | 'female' | null;
  phone: string;
  email: string | null;
  address: string | null;
  password_hash: string;
  record_id: string | null;
  code_channel: CodeChannel | null;
  code_recipient: string | null;
  created_at: string;
  expires_at: string;
}

const purposeOf = (s: Pick<SignUpRow, 'record_id'>): 'claim_record' | 'sign_up' => (s.record_id ? 'claim_record' : 'sign_up');

/** What the person signing up is told: where the code went (masked), or that only the desk can verify them. */
export function presentSignUp(s: Pick<SignUpRow, 'id' | 'record_id' | 'expires_at'>, code: IssuedCode | null) {
  return {
    id: s.id,
    status: 'pending' as const,
    /** The ID number is already on record at a ward: the code went to the contact on record. */
    existingRecord: s.record_id !== null,
    code: code ? { channel: code.channel, sentTo: code.sentTo, expiresAt: code.expiresAt.toISOString(), resendAt: code.resendAt.toISOString() } : null,
    expiresAt: toDate(s.expires_at).toISOString(),
  };
}

/**
 * Checks the details, keeps the sign-up and sends its code.
 * @throws AppError CCCD_INVALID, MST_INVALID, PHONE_INVALID, PASSWORD_TOO_WEAK, ACCOUNT_EXISTS, OTP_RATE_LIMITED
 */
export async function startSignUp(database: Database, keys: ServerKeys, input: RegisterInput, ctx: { ip: string }, now: Date) {
  const phone = validateVnPhone(input.phone);
  if (!phone.ok) throw new AppError('PHONE_INVALID', { field: 'phone' });
  let login: string;
  let facts: { fullName: string; birthYear: number | null; gender: 'male' | 'female' | null };
  if (input.kind === 'citizen') {
    const c = validateCccd(input.cccd, { birthYear: input.birthYear, gender: input.gender });
    if (!c.ok) throw new AppError('CCCD_INVALID', { field: 'cccd', reason: c.reason });
    login = c.normalized;
    facts = { fullName: nfc(input.fullName), birthYear: input.birthYear, gender: input.gender };
  } else {
    const m = validateMst(input.mst);
    if (!m.ok) throw new AppError('MST_INVALID', { field: 'mst', reason: m.reason });
    login = m.normalized;
    facts = { fullName: nfc(input.businessName), birthYear: null, gender: null };
  }
  assertAcceptablePassword(input.password, login, 'password');
  const passwordHash = await hashPassword(input.password);
  return database.transaction(async (tx) => {
    const record = await maybeOne<RowOf<'users', { id: string; kind: string; password_hash: string | null; phone: string | null; email: string | null }>>(
      tx,
      sql`select id, kind, password_hash, phone, email from users where login = ${login}`,
    );
    if (record && (record.password_hash || record.kind !== input.kind)) throw new AppError('ACCOUNT_EXISTS');
    // A new account proves the phone given; a record on file is claimed through ITS contact.
    const target: { channel: CodeChannel; recipient: string } | null = !record
      ? { channel: 'sms', recipient: phone.normalized }
      : record.phone
        ? { channel: 'sms', recipient: record.phone }
        : record.email
          ? { channel: 'email', recipient: record.email }
          : null;
    // Sign-ups nobody confirmed are not kept past their week (the audit log keeps that they were made).
    await tx.execute(sql`delete from sign_ups where status = 'pending' and expires_at < ${now.toISOString()}`);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + SIGN_UP_TTL_MS).toISOString();
    await tx.execute(sql`
      insert into sign_ups (id, kind, login, full_name, birth_year, gender, phone, email, address, password_hash, record_id,
                            code_channel, code_recipient, status, created_at, expires_at, ip)
      values (${id}, ${input.kind}, ${login}, ${facts.fullName}, ${facts.birthYear}, ${facts.gender}, ${phone.normalized},
              ${input.email ?? null}, ${input.address ?? null}, ${passwordHash}, ${record?.id ?? null},
              ${target?.channel ?? null}, ${target?.recipient ?? null}, 'pending', ${now.toISOString()}, ${expiresAt}, ${ctx.ip})`);
    const code = target
      ? await issueCode(tx, keys, { purpose: record ? 'claim_record' : 'sign_up', subject: id, ...target, userId: record?.id ?? null, address: ctx.ip }, now)
      : null;
    await audit(tx, { actorId: null, action: 'sign_up_started', entityType: 'sign_up', entityId: id, details: { login, recordId: record?.id ?? null, codeTo: code?.sentTo ?? null }, ip: ctx.ip }, now);
    return presentSignUp({ id, record_id: record?.id ?? null, expires_at: expiresAt }, code);
  });
}

async function pendingSignUp(tx: Executor, id: string, now: Date): Promise<SignUpRow> {
  const s = await maybeOne<SignUpRow>(
    tx,
    sql`select id, kind, login, full_name, birth_year, gender, phone, email, address, password_hash, record_id, code_channel, code_recipient,
               created_at, expires_at
        from sign_ups where id = ${id} and status = 'pending' and expires_at > ${now.toISOString()} for update`,
  );
  if (!s) throw new AppError('SIGN_UP_NOT_FOUND');
  return s;
}

/**
 * Sends a new code for a pending sign-up, to the same phone or email.
 * @throws AppError SIGN_UP_NOT_FOUND, SIGN_UP_NO_CONTACT, OTP_RATE_LIMITED
 */
export async function resendSignUpCode(database: Database, keys: ServerKeys, id: string, ctx: { ip: string }, now: Date) {
  return database.transaction(async (tx) => {
    const s = await pendingSignUp(tx, id, now);
    if (!s.code_channel || !s.code_recipient) throw new AppError('SIGN_UP_NO_CONTACT');
    const code = await issueCode(tx, keys, { purpose: purposeOf(s), subject: s.id, channel: s.code_channel, recipient: s.code_recipient, userId: s.record_id, address: ctx.ip }, now);
    return presentSignUp(s, code);
  });
}

/**
 * Creates the account of a sign-up, or gives the record on file its password, and ends every
 * other sign-up for the same ID number. A record keeps its name, birth year and gender (what the
 * desk checked against the ID card); it keeps its phone unless the desk verified the person and
 * the phone they gave; an email is added only where the record has none.
 * @throws AppError ACCOUNT_EXISTS (the account was opened meanwhile)
 */
async function finishSignUp(tx: Executor, s: SignUpRow, by: { officerId: string | null }, now: Date): Promise<string> {
  const current = await maybeOne<RowOf<'users', { id: string; password_hash: string | null }>>(tx, sql`select id, password_hash from users where login = ${s.login} for update`);
  let userId: string;
  if (s.record_id) {
    if (!current || current.id !== s.record_id || current.password_hash) throw new AppError('ACCOUNT_EXISTS');
    userId = s.record_id;
    await tx.execute(sql`update users set password_hash = ${s.password_hash}, password_changed_at = ${now.toISOString()},
                           phone = ${by.officerId ? s.phone : sql`coalesce(phone, ${s.phone})`}, email = coalesce(email, ${s.email})
                         where id = ${userId}`);
  } else {
    if (current) throw new AppError('ACCOUNT_EXISTS');
    userId = randomUUID();
    await tx.execute(sql`
      insert into users (id, kind, login, full_name, name_search, cccd, mst, birth_year, gender, phone, email, address, password_hash, password_changed_at, created_at)
      values (${userId}, ${s.kind}, ${s.login}, ${s.full_name}, ${searchKey(s.full_name)}, ${s.kind === 'citizen' ? s.login : null},
              ${s.kind === 'business' ? s.login : null}, ${s.birth_year}, ${s.gender}, ${s.phone}, ${s.email}, ${s.address},
              ${s.password_hash}, ${now.toISOString()}, ${now.toISOString()})`);
  }
  // An ended sign-up keeps no copy of a password hash.
  await tx.execute(sql`update sign_ups set status = 'confirmed', ended_at = ${now.toISOString()}, user_id = ${userId}, verified_by = ${by.officerId},
                         password_hash = '' where id = ${s.id}`);
  await tx.execute(sql`update sign_ups set status = 'cancelled', ended_at = ${now.toISOString()}, password_hash = ''
                       where login = ${s.login} and status = 'pending' and id <> ${s.id}`);
  // The contact the person proved is theirs may now receive notices (docs/notifications.md):
  // the one the code went to, or the phone the desk checked in person.
  if (by.officerId) await markContactVerified(tx, userId, 'sms', s.phone, now);
  else if (s.code_channel && s.code_recipient) await markContactVerified(tx, userId, s.code_channel, s.code_recipient, now);
  return userId;
}

/**
 * Confirms a sign-up with the code sent for it, and signs the person in. A wrong code is counted
 * (and stays counted) before the error is thrown.
 * @throws AppError SIGN_UP_NOT_FOUND, OTP_INVALID, OTP_EXPIRED, ACCOUNT_EXISTS
 */
export async function confirmSignUp(database: Database, keys: ServerKeys, input: { id: string; code: string }, ctx: { ip: string; ttlMs: number }, now: Date) {
  const outcome = await database.transaction(async (tx) => {
    const s = await pendingSignUp(tx, input.id, now);
    const check = await checkCode(tx, keys, { purpose: purposeOf(s), subject: s.id, code: input.code }, now);
    if (!check.ok) return { failed: check };
    const userId = await finishSignUp(tx, s, { officerId: null }, now);
    const session = await openSession(tx, userId, ctx.ttlMs, now);
    await audit(tx, { actorId: userId, action: s.record_id ? 'claim_record' : 'register', entityType: 'user', entityId: userId, details: { signUpId: s.id, by: 'code' }, ip: ctx.ip }, now);
    return { failed: null, ...session, user: (await findUser(tx, userId))! };
  });
  if (outcome.failed) throw codeError(outcome.failed);
  return outcome;
}

/** What a reception officer sees of the sign-ups waiting under a CCCD: enough to check the person in front of them. */
export async function pendingSignUpsFor(tx: Executor, login: string, now: Date) {
  const list = await rows<SignUpRow>(
    tx,
    sql`select id, kind, login, full_name, birth_year, gender, phone, email, address, password_hash, record_id, code_channel, code_recipient,
               created_at, expires_at
        from sign_ups where login = ${login} and status = 'pending' and expires_at > ${now.toISOString()} order by created_at desc`,
  );
  return list.map((s) => ({
    id: s.id,
    fullName: s.full_name,
    birthYear: s.birth_year,
    gender: s.gender,
    phoneMasked: maskPhone(s.phone),
    existingRecord: s.record_id !== null,
    codeSentTo: s.code_channel && s.code_recipient ? maskRecipient(s.code_channel, s.code_recipient) : null,
    createdAt: toDate(s.created_at),
  }));
}

/**
 * A reception officer has the person in front of them, their ID card in hand, and the phone
 * number they give is the one they signed up with: the sign-up is confirmed, the record's phone
 * becomes that number. The person then signs in with the password they chose online.
 * @throws AppError SIGN_UP_NOT_FOUND, SIGN_UP_PHONE_MISMATCH, PHONE_INVALID, ACCOUNT_EXISTS
 */
export async function verifySignUpInPerson(tx: Executor, officerId: string, input: { id: string; phone: string }, ctx: { requestId: string; ip: string }, now: Date) {
  const phone = validateVnPhone(input.phone);
  if (!phone.ok) throw new AppError('PHONE_INVALID', { field: 'phone' });
  const s = await pendingSignUp(tx, input.id, now);
  if (s.phone !== phone.normalized) throw new AppError('SIGN_UP_PHONE_MISMATCH', { field: 'phone' });
  const userId = await finishSignUp(tx, s, { officerId }, now);
  await audit(tx, { actorId: officerId, action: s.record_id ? 'claim_record' : 'register', entityType: 'user', entityId: userId, details: { signUpId: s.id, by: 'desk' }, ...ctx }, now);
  return { userId, login: s.login };
}
