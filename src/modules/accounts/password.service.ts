import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, type Database, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { passwordProblems } from '../../domain/password-policy.ts';
import type { ServerKeys } from '../../server/secrets.ts';
import { audit } from '../audit/audit.ts';
import { enqueueMessage } from '../messages/index.ts';
import { checkCode, codeError, issueCode, type IssuedCode } from '../otp/index.ts';
import { normalizeLogin, recordFailedSignIn, type LoginPolicy } from './accounts.service.ts';
import { hashPassword, verifyPassword } from './password.ts';

/**
 * Passwords: everyone changes their own (the current one first); citizens and businesses who
 * forgot theirs reset it with a code sent to the phone or email on record; a unit admin resets an
 * official's, who must then choose their own at next sign-in (admin.routes.ts).
 */

/**
 * A new password must be long enough and not guessable from the account.
 * @throws AppError PASSWORD_TOO_WEAK (details: field, problems)
 */
export function assertAcceptablePassword(password: string, login: string, field: string): void {
  const problems = passwordProblems(password, login);
  if (problems.length) throw new AppError('PASSWORD_TOO_WEAK', { field, problems });
}

/** Tells the person their password changed (if it was not them, they know at once). */
export async function notifyPasswordChanged(tx: Executor, u: { id: string; login: string; phone: string | null; email: string | null }, now: Date): Promise<void> {
  const to = u.phone ? ({ channel: 'sms', recipient: u.phone } as const) : u.email ? ({ channel: 'email', recipient: u.email } as const) : null;
  if (to) await enqueueMessage(tx, { ...to, template: 'account.password_changed', data: { login: u.login }, userId: u.id }, now);
}

export interface PasswordRow {
  id: string;
  login: string;
  password_hash: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * Changes the signed-in person's password. A wrong current password counts as a failed sign-in
 * (so a session left open cannot be used to guess it). Every other session of the person ends.
 * @throws AppError PASSWORD_INCORRECT, ACCOUNT_LOCKED, PASSWORD_TOO_WEAK
 */
export async function changePassword(
  database: Database,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  ctx: { sessionHash: string; requestId: string; ip: string; login: Pick<LoginPolicy, 'maxFailures' | 'lockMs'> },
  now: Date,
): Promise<void> {
  const u = (await maybeOne<PasswordRow>(database.db, sql`select id, login, password_hash, phone, email from users where id = ${userId}`))!;
  if (!(await verifyPassword(input.currentPassword, u.password_hash))) {
    if (await recordFailedSignIn(database, u.id, ctx.login, now)) throw new AppError('ACCOUNT_LOCKED');
    throw new AppError('PASSWORD_INCORRECT', { field: 'currentPassword' });
  }
  assertAcceptablePassword(input.newPassword, u.login, 'newPassword');
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_TOO_WEAK', { field: 'newPassword', problems: ['same_as_current'] });
  const hash = await hashPassword(input.newPassword);
  await database.transaction(async (tx) => {
    await tx.execute(sql`update users set password_hash = ${hash}, password_changed_at = ${now.toISOString()}, must_change_password = false,
                           failed_logins = 0 where id = ${u.id}`);
    await tx.execute(sql`delete from sessions where user_id = ${u.id} and id_hash <> ${ctx.sessionHash}`);
    await notifyPasswordChanged(tx, u, now);
    await audit(tx, { actorId: u.id, action: 'password_change', entityType: 'user', entityId: u.id, requestId: ctx.requestId, ip: ctx.ip }, now);
  });
}

/**
 * Starts a reset for a citizen or business who forgot their password: a code to the phone on
 * record (or the email if there is no phone). The answer looks the same whether or not the login
 * exists: an id to confirm with, and where the code went — null when none could be sent (no such
 * account, an official's account, or no contact on record).
 * @throws AppError OTP_RATE_LIMITED
 */
export async function startPasswordReset(database: Database, keys: ServerKeys, login: string, ctx: { ip: string }, now: Date): Promise<{ id: string; code: IssuedCode | null }> {
  return database.transaction(async (tx) => {
    const u = await maybeOne<PasswordRow>(
      tx,
      sql`select id, login, password_hash, phone, email from users
          where login = ${normalizeLogin(login)} and kind in ('citizen', 'business') and password_hash is not null and not disabled`,
    );
    const to = u?.phone ? ({ channel: 'sms', recipient: u.phone } as const) : u?.email ? ({ channel: 'email', recipient: u.email } as const) : null;
    if (!u || !to) return { id: randomUUID(), code: null };
    const code = await issueCode(tx, keys, { purpose: 'password_reset', subject: u.id, ...to, userId: u.id, address: ctx.ip }, now);
    await audit(tx, { actorId: null, action: 'password_reset_requested', entityType: 'user', entityId: u.id, details: { codeTo: code.sentTo }, ip: ctx.ip }, now);
    return { id: code.id, code };
  });
}

/**
 * Sets a new password with the code of a reset. The account is unlocked and every session ends;
 * the person then signs in with the new password.
 * @throws AppError PASSWORD_TOO_WEAK, OTP_INVALID, OTP_EXPIRED
 */
export async function finishPasswordReset(database: Database, keys: ServerKeys, input: { resetId: string; code: string; newPassword: string }, ctx: { ip: string }, now: Date): Promise<void> {
  const target = await maybeOne<PasswordRow>(
    database.db,
    sql`select u.id, u.login, u.password_hash, u.phone, u.email from one_time_codes c join users u on u.id::text = c.subject
        where c.id = ${input.resetId} and c.purpose = 'password_reset'`,
  );
  if (!target) throw codeError({ ok: false, reason: 'none' });
  assertAcceptablePassword(input.newPassword, target.login, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  const failed = await database.transaction(async (tx) => {
    const check = await checkCode(tx, keys, { purpose: 'password_reset', subject: target.id, code: input.code }, now);
    if (!check.ok) return check;
    await tx.execute(sql`update users set password_hash = ${hash}, password_changed_at = ${now.toISOString()}, must_change_password = false,
                           failed_logins = 0, locked_until = null where id = ${target.id}`);
    await tx.execute(sql`delete from sessions where user_id = ${target.id}`);
    await notifyPasswordChanged(tx, target, now);
    await audit(tx, { actorId: target.id, action: 'password_reset', entityType: 'user', entityId: target.id, details: { by: 'code' }, ip: ctx.ip }, now);
    return null;
  });
  if (failed) throw codeError(failed);
}
