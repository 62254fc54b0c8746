import { sql } from 'drizzle-orm';
import { maybeOne, type Database, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { validateVnPhone } from '../../domain/identifiers.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import { audit } from '../audit/audit.ts';
import { enqueueMessage } from '../messages/index.ts';
import { checkCode, codeError, issueCode, type IssuedCode } from '../otp/index.ts';

/**
 * Records that a one-time code reached this phone or email and came back: from now on the
 * contact receives notices. Only the contact on the account is marked (a code sent elsewhere
 * proves nothing about it). Call it in the transaction that checked the code.
 */
export async function markContactVerified(tx: Executor, userId: string, channel: 'sms' | 'email' | 'zalo', recipient: string, now: Date): Promise<void> {
  const at = now.toISOString();
  if (channel === 'email') await tx.execute(sql`update users set email_verified_at = ${at} where id = ${userId} and email = ${recipient}`);
  else await tx.execute(sql`update users set phone_verified_at = ${at} where id = ${userId} and phone = ${recipient}`);
}

export type ContactKind = 'phone' | 'email';

export interface ContactRow {
  id: string;
  login: string;
  phone: string | null;
  email: string | null;
}

/** The address as stored: a phone in its domestic `0…` form, an email in lower case. */
function normalizeContact(kind: ContactKind, value: string): string {
  if (kind === 'phone') {
    const p = validateVnPhone(value);
    if (!p.ok || p.kind !== 'mobile') throw new AppError('PHONE_INVALID', { field: 'value' });
    return p.normalized;
  }
  const email = value.trim().normalize('NFC').toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200) throw new AppError('VALIDATION_FAILED', { field: 'value' });
  return email;
}

// The code proves one address for one account: the subject names both, so a code sent to one
// address never confirms another.
const subjectOf = (userId: string, kind: ContactKind, value: string) => `${userId}:${kind}:${value}`;
const channelOf = (kind: ContactKind) => (kind === 'phone' ? 'sms' : 'email');

async function contactsOf(tx: Executor, userId: string): Promise<ContactRow> {
  const u = await maybeOne<ContactRow>(tx, sql`select id, login, phone, email from users where id = ${userId} and not disabled`);
  if (!u) throw new AppError('USER_NOT_FOUND');
  return u;
}

/**
 * Sends a code to prove a phone or email: the one on the account (no `value`), or a new one the
 * person wants instead. Nothing on the account changes until the code comes back, so a typo
 * never cuts a person off from their notices.
 * @throws AppError PHONE_INVALID, VALIDATION_FAILED (no contact to verify, a bad email), OTP_RATE_LIMITED
 */
export async function startContactCheck(
  database: Database,
  keys: ServerKeys,
  userId: string,
  input: { kind: ContactKind; value?: string | undefined },
  ctx: { ip: string },
  now: Date,
): Promise<{ value: 'current' | 'new'; code: IssuedCode }> {
  return database.transaction(async (tx) => {
    const u = await contactsOf(tx, userId);
    const current = input.kind === 'phone' ? u.phone : u.email;
    const value = input.value === undefined ? current : normalizeContact(input.kind, input.value);
    if (!value) throw new AppError('VALIDATION_FAILED', { field: 'value', reason: 'no_contact' });
    const code = await issueCode(
      tx,
      keys,
      { purpose: 'contact_change', subject: subjectOf(u.id, input.kind, value), channel: channelOf(input.kind), recipient: value, userId: u.id, address: ctx.ip },
      now,
    );
    return { value: value === current ? 'current' : 'new', code };
  });
}

/**
 * Checks the code sent to a phone or email and, when it is right, makes that address the
 * account's, verified. When it replaced another one, the old address is told (someone who took
 * over a session cannot quietly redirect a person's notices).
 * @throws AppError OTP_INVALID, OTP_EXPIRED, PHONE_INVALID, VALIDATION_FAILED
 */
export async function confirmContact(
  database: Database,
  keys: ServerKeys,
  userId: string,
  input: { kind: ContactKind; value?: string | undefined; code: string },
  ctx: { ip: string; requestId: string },
  now: Date,
): Promise<void> {
  const failed = await database.transaction(async (tx) => {
    const u = await contactsOf(tx, userId);
    const current = input.kind === 'phone' ? u.phone : u.email;
    const value = input.value === undefined ? current : normalizeContact(input.kind, input.value);
    if (!value) return { ok: false as const, reason: 'none' as const };
    const check = await checkCode(tx, keys, { purpose: 'contact_change', subject: subjectOf(u.id, input.kind, value), code: input.code }, now);
    if (!check.ok) return check;
    if (value !== current) {
      // A trigger resets the verification of a changed address (migration 0015); it is proven now.
      if (input.kind === 'phone') await tx.execute(sql`update users set phone = ${value} where id = ${u.id}`);
      else await tx.execute(sql`update users set email = ${value} where id = ${u.id}`);
      if (current) await enqueueMessage(tx, { channel: channelOf(input.kind), recipient: current, template: 'account.contact_changed', data: { login: u.login }, userId: u.id }, now);
    }
    await markContactVerified(tx, u.id, channelOf(input.kind), value, now);
    await audit(tx, { actorId: u.id, action: value === current ? 'contact_verified' : 'contact_changed', entityType: 'user', entityId: u.id, details: { kind: input.kind }, ...ctx }, now);
    return null;
  });
  if (failed) throw codeError(failed);
}
