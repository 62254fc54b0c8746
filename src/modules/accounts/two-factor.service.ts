import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { twoFactorRequired, type Actor } from '../../domain/policy.ts';
import { TWO_FACTOR_RULES, newRecoveryCode, normalizeRecoveryCode, secondFactorKind } from '../../domain/two-factor.ts';
import { sha256, type ServerKeys } from '../../server/secrets.ts';
import { audit } from '../audit/audit.ts';
import { recordFailedSignIn, startSession, type LoginPolicy } from './accounts.service.ts';
import { verifyPassword } from './password.ts';
import { closeChallenge, tryChallenge } from './sign-in-challenge.ts';
import type { Computed } from '../../db/rows.ts';

/**
 * Officials' two-factor sign-in (docs/identity.md): enrolment of an authenticator app with a QR
 * code, single-use recovery codes, the second step of sign-in, and an admin's reset. TOTP is
 * RFC 6238 through otplib; a code's time step is remembered so it is never accepted twice.
 */

export const TOTP_ISSUER = 'Nông Trang Số';

/** The time step a TOTP code matches now (±1 step), later than `afterStep`; null if none. */
export async function totpStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  const { verify } = await import('otplib');
  const r = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TWO_FACTOR_RULES.periodSeconds * TWO_FACTOR_RULES.toleranceSteps,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return r.valid && 'timeStep' in r ? r.timeStep : null;
}

const recoveryHash = (userId: string, code: string) => sha256(`${userId}:${normalizeRecoveryCode(code)}`);

async function newRecoveryCodes(tx: Executor, userId: string, now: Date): Promise<string[]> {
  await tx.execute(sql`delete from recovery_codes where user_id = ${userId}`);
  const codes = Array.from({ length: TWO_FACTOR_RULES.recoveryCodeCount }, () => newRecoveryCode(randomInt));
  for (const code of codes) {
    await tx.execute(sql`insert into recovery_codes (user_id, code_hash, created_at) values (${userId}, ${recoveryHash(userId, code)}, ${now.toISOString()})`);
  }
  return codes;
}

export interface TotpRow {
  id: string;
  login: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | number | null;
}

const loadTotp = (ex: Executor, userId: string, lock = false) =>
  maybeOne<TotpRow>(
    ex,
    sql`select id, login, password_hash, totp_secret, totp_pending_secret, totp_last_step from users where id = ${userId} ${lock ? sql`for update` : sql``}`,
  );

/**
 * Checks a TOTP code of the enrolled authenticator and remembers its step (in `tx`, row locked),
 * so that the same code is refused the second time. True if it matched.
 */
async function useTotp(tx: Executor, keys: ServerKeys, u: TotpRow, code: string, now: Date): Promise<boolean> {
  const secret = u.totp_secret ? keys.unseal(u.totp_secret) : null;
  // A secret sealed under another SESSION_SECRET cannot be read: only a recovery code will do.
  if (!secret) return false;
  const step = await totpStep(secret, code, now, u.totp_last_step === null ? null : Number(u.totp_last_step));
  if (step === null) return false;
  await tx.execute(sql`update users set totp_last_step = ${step} where id = ${u.id}`);
  return true;
}

async function useRecoveryCode(tx: Executor, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await maybeOne(
    tx,
    sql`update recovery_codes set used_at = ${now.toISOString()}
        where user_id = ${userId} and code_hash = ${recoveryHash(userId, code)} and used_at is null returning user_id`,
  );
  return used !== null;
}

/**
 * The second step of sign-in: a TOTP code or a recovery code for the challenge the password
 * opened. A wrong code counts as a failed sign-in of the account (5 lock it), and the challenge
 * allows 5 tries in 5 minutes.
 * @throws AppError TWO_FACTOR_CHALLENGE_EXPIRED, TWO_FACTOR_CODE_INVALID, ACCOUNT_LOCKED
 */
export async function completeSignIn(database: Database, keys: ServerKeys, input: { challenge: string; code: string }, policy: LoginPolicy, now: Date) {
  const outcome = await database.transaction(async (tx) => {
    const c = await tryChallenge(tx, input.challenge, now);
    if (!c) return { error: 'expired' as const };
    const u = (await loadTotp(tx, c.userId, true))!;
    const locked = await maybeOne(tx, sql`select id from users where id = ${u.id} and (disabled or locked_until > ${now.toISOString()})`);
    if (locked) return { error: 'locked' as const };
    const kind = secondFactorKind(input.code);
    const compact = input.code.replace(/[\s-]/g, '');
    const ok = kind === 'totp' ? await useTotp(tx, keys, u, compact, now) : kind === 'recovery' ? await useRecoveryCode(tx, u.id, compact, now) : false;
    if (!ok) return { error: 'wrong' as const, userId: u.id };
    await closeChallenge(tx, c.hash);
    const left = kind === 'recovery' ? await maybeOne<Computed<{ n: number }>>(tx, sql`select count(*)::int as n from recovery_codes where user_id = ${u.id} and used_at is null`) : null;
    const session = await startSession(tx, u.id, policy.sessionTtlMs, { method: kind === 'totp' ? 'password+totp' : 'password+recovery_code' }, now);
    return { error: null, ...session, recoveryCodesLeft: left?.n ?? null };
  });
  if (outcome.error === 'expired') throw new AppError('TWO_FACTOR_CHALLENGE_EXPIRED');
  if (outcome.error === 'locked') throw new AppError('ACCOUNT_LOCKED');
  if (outcome.error === 'wrong') {
    if (await recordFailedSignIn(database, outcome.userId, policy, now)) throw new AppError('ACCOUNT_LOCKED');
    throw new AppError('TWO_FACTOR_CODE_INVALID');
  }
  return outcome;
}

/**
 * Step 1 of enrolment, after the password again: a new secret, as a QR code for the
 * authenticator app and as text to type. Nothing changes until step 2 confirms a code from it.
 * @throws AppError PASSWORD_INCORRECT, ACCOUNT_LOCKED
 */
export async function startEnrolment(database: Database, keys: ServerKeys, userId: string, password: string, policy: Pick<LoginPolicy, 'maxFailures' | 'lockMs'>, now: Date) {
  const u = (await loadTotp(database.db, userId))!;
  if (!(await verifyPassword(password, u.password_hash))) {
    if (await recordFailedSignIn(database, u.id, policy, now)) throw new AppError('ACCOUNT_LOCKED');
    throw new AppError('PASSWORD_INCORRECT', { field: 'password' });
  }
  // otplib and the QR writer are loaded by the first enrolment or code, not at start-up.
  const [{ generateSecret, generateURI }, { default: QRCode }] = await Promise.all([import('otplib'), import('qrcode')]);
  const secret = generateSecret();
  await database.db.execute(sql`update users set totp_pending_secret = ${keys.seal(secret)} where id = ${u.id}`);
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: u.login, secret });
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { secret, otpauthUrl, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Step 2: a code from the new authenticator turns two-factor sign-in on (or moves it to the new
 * app), with 10 new recovery codes — shown this once. Every other session of the person ends.
 * @throws AppError TWO_FACTOR_NOT_ENABLED (no enrolment started), TWO_FACTOR_CODE_INVALID
 */
export async function confirmEnrolment(database: Database, keys: ServerKeys, userId: string, code: string, ctx: { sessionHash: string; requestId: string; ip: string }, now: Date) {
  return database.transaction(async (tx) => {
    const u = (await loadTotp(tx, userId, true))!;
    const secret = u.totp_pending_secret ? keys.unseal(u.totp_pending_secret) : null;
    if (!secret) throw new AppError('TWO_FACTOR_NOT_ENABLED');
    const step = await totpStep(secret, code, now, null);
    if (step === null) throw new AppError('TWO_FACTOR_CODE_INVALID');
    await tx.execute(sql`update users set totp_secret = totp_pending_secret, totp_pending_secret = null, totp_enabled_at = ${now.toISOString()},
                           totp_last_step = ${step} where id = ${u.id}`);
    const recoveryCodes = await newRecoveryCodes(tx, u.id, now);
    await tx.execute(sql`delete from sessions where user_id = ${u.id} and id_hash <> ${ctx.sessionHash}`);
    await audit(tx, { actorId: u.id, action: 'two_factor_enable', entityType: 'user', entityId: u.id, requestId: ctx.requestId, ip: ctx.ip }, now);
    return { recoveryCodes };
  });
}

/**
 * New recovery codes (the old ones stop working), against a current code of the authenticator.
 * @throws AppError TWO_FACTOR_NOT_ENABLED, TWO_FACTOR_CODE_INVALID
 */
export async function renewRecoveryCodes(database: Database, keys: ServerKeys, userId: string, code: string, ctx: { requestId: string; ip: string }, now: Date) {
  return database.transaction(async (tx) => {
    const u = (await loadTotp(tx, userId, true))!;
    if (!u.totp_secret) throw new AppError('TWO_FACTOR_NOT_ENABLED');
    if (!(await useTotp(tx, keys, u, code, now))) throw new AppError('TWO_FACTOR_CODE_INVALID');
    const recoveryCodes = await newRecoveryCodes(tx, u.id, now);
    await audit(tx, { actorId: u.id, action: 'two_factor_recovery_codes', entityType: 'user', entityId: u.id, ...ctx }, now);
    return { recoveryCodes };
  });
}

/** Removes an account's authenticator and recovery codes (in `tx`). */
export async function clearTwoFactor(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`update users set totp_secret = null, totp_pending_secret = null, totp_enabled_at = null, totp_last_step = null where id = ${userId}`);
  await tx.execute(sql`delete from recovery_codes where user_id = ${userId}`);
}

/**
 * Turns two-factor sign-in off, with the password: only for officials who need not use it.
 * @throws AppError TWO_FACTOR_REQUIRED_FOR_ROLE, TWO_FACTOR_NOT_ENABLED, PASSWORD_INCORRECT, ACCOUNT_LOCKED
 */
export async function disableTwoFactor(
  database: Database,
  actor: Actor,
  password: string,
  ctx: { requestId: string; ip: string; login: Pick<LoginPolicy, 'maxFailures' | 'lockMs'> },
  now: Date,
): Promise<void> {
  if (twoFactorRequired(actor)) throw new AppError('TWO_FACTOR_REQUIRED_FOR_ROLE');
  const u = (await loadTotp(database.db, actor.id))!;
  if (!u.totp_secret) throw new AppError('TWO_FACTOR_NOT_ENABLED');
  if (!(await verifyPassword(password, u.password_hash))) {
    if (await recordFailedSignIn(database, u.id, ctx.login, now)) throw new AppError('ACCOUNT_LOCKED');
    throw new AppError('PASSWORD_INCORRECT', { field: 'password' });
  }
  await database.transaction(async (tx) => {
    await clearTwoFactor(tx, u.id);
    await audit(tx, { actorId: u.id, action: 'two_factor_disable', entityType: 'user', entityId: u.id, requestId: ctx.requestId, ip: ctx.ip }, now);
  });
}

/** How many unused recovery codes an account has (the security page says when they run low). */
export async function recoveryCodesLeft(ex: Executor, userId: string): Promise<number> {
  const [row] = await rows<Computed<{ n: number }>>(ex, sql`select count(*)::int as n from recovery_codes where user_id = ${userId} and used_at is null`);
  return row?.n ?? 0;
}
