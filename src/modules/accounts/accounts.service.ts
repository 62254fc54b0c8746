import { sql } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { nfc } from '../../domain/text.ts';
import { verifyPassword } from './password.ts';
import { hashToken, newSessionTokens } from '../../server/auth.ts';
import { audit } from '../audit/audit.ts';
import { toDate } from '../../db/time.ts';
import { openChallenge } from './sign-in-challenge.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export interface UserRow {
  id: string;
  kind: 'staff' | 'citizen' | 'business';
  login: string;
  full_name: string;
  roles: string[];
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  department_id: string | null;
  department_code: string | null;
  department_name: string | null;
  phone: string | null;
  email: string | null;
  cccd: string | null;
  mst: string | null;
  birth_year: number | null;
  gender: 'male' | 'female' | null;
  address: string | null;
  disabled: boolean;
  must_change_password: boolean;
  two_factor_enabled: boolean;
}

/** What a dossier keeps of its applicant (dossiers.service `snapshot`). */
export type ApplicantFacts = Pick<UserRow, 'id' | 'kind' | 'login' | 'full_name' | 'phone' | 'email' | 'cccd' | 'mst' | 'address'>;

export const USER_SELECT = sql`
  select u.id, u.kind, u.login, u.full_name, u.roles, u.unit_id, un.code as unit_code, un.name as unit_name,
         u.department_id, d.code as department_code, d.name as department_name, u.phone, u.email,
         u.cccd, u.mst, u.birth_year, u.gender, u.address, u.disabled, u.must_change_password,
         (u.totp_enabled_at is not null) as two_factor_enabled
  from users u left join units un on un.id = u.unit_id left join departments d on d.id = u.department_id`;

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    kind: u.kind,
    fullName: u.full_name,
    login: u.login,
    roles: u.roles,
    unit: u.unit_id ? { id: u.unit_id, code: u.unit_code!, name: u.unit_name! } : null,
    department: u.department_id ? { id: u.department_id, code: u.department_code!, name: u.department_name! } : null,
    phone: u.phone,
    email: u.email,
  };
}

export async function findUser(ex: Executor, id: string): Promise<UserRow | null> {
  return maybeOne<UserRow>(ex, sql`${USER_SELECT} where u.id = ${id}`);
}

export interface LoginPolicy {
  maxFailures: number;
  lockMs: number;
  sessionTtlMs: number;
}

/**
 * Checks a password. Opens a session, or — for an account with two-factor sign-in — a challenge
 * that the second factor must answer (two-factor.service.ts) before any session exists.
 * @throws AppError INVALID_CREDENTIALS, ACCOUNT_LOCKED
 */
export async function login(database: Database, input: { login: string; password: string }, policy: LoginPolicy, now: Date) {
  const loginKey = normalizeLogin(input.login);
  const user = await maybeOne<RowOf<'users', { id: string; password_hash: string | null; failed_logins: number; locked_until: string | null; disabled: boolean }> & Computed<{ two_factor: boolean }>>(
    database.db,
    sql`select id, password_hash, failed_logins, locked_until, disabled, (totp_enabled_at is not null) as two_factor from users where login = ${loginKey}`,
  );
  if (user?.locked_until && toDate(user.locked_until) > now) {
    throw new AppError('ACCOUNT_LOCKED');
  }
  const ok = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !ok || user.disabled) {
    if (user) {
      const locked = await recordFailedSignIn(database, user.id, policy, now);
      if (locked) throw new AppError('ACCOUNT_LOCKED');
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  return database.transaction(async (tx) => {
    if (user.two_factor) {
      // The failure count is reset only once the second factor is right too.
      return { step: 'two_factor' as const, ...(await openChallenge(tx, user.id, now)) };
    }
    return { step: 'session' as const, ...(await startSession(tx, user.id, policy.sessionTtlMs, { method: 'password' }, now)) };
  });
}

/** A sign-in that succeeded: the failure count is reset, a session is opened, the sign-in is audited. */
export async function startSession(tx: Executor, userId: string, ttlMs: number, details: Record<string, unknown>, now: Date) {
  await tx.execute(sql`update users set failed_logins = 0, locked_until = null where id = ${userId}`);
  const session = await openSession(tx, userId, ttlMs, now);
  await audit(tx, { actorId: userId, action: 'login', entityType: 'session', entityId: userId, details }, now);
  return { ...session, user: (await findUser(tx, userId))! };
}

/**
 * Counts one failed sign-in in a single UPDATE, so that failures sent in parallel are each
 * counted (a read-then-write lost all but one of them). The failure that reaches the limit locks
 * the account and starts a new count. Returns whether this failure locked the account.
 */
export async function recordFailedSignIn(database: Database, userId: string, policy: Pick<LoginPolicy, 'maxFailures' | 'lockMs'>, now: Date): Promise<boolean> {
  const lockUntil = new Date(now.getTime() + policy.lockMs).toISOString();
  return database.transaction(async (tx) => {
    const row = await maybeOne<Computed<{ locked: boolean }>>(
      tx,
      sql`update users set
            failed_logins = case when failed_logins + 1 >= ${policy.maxFailures} then 0 else failed_logins + 1 end,
            locked_until = case when failed_logins + 1 >= ${policy.maxFailures} then ${lockUntil}::timestamptz else locked_until end
          where id = ${userId}
          returning (failed_logins = 0) as locked`,
    );
    const locked = row?.locked ?? false;
    await audit(tx, { actorId: userId, action: locked ? 'login_locked' : 'login_failed', entityType: 'user', entityId: userId }, now);
    return locked;
  });
}

export async function openSession(tx: Executor, userId: string, ttlMs: number, now: Date) {
  const { token, csrfToken } = newSessionTokens();
  // Expired sessions are dropped as people sign in, so the table stays small on every instance.
  await tx.execute(sql`delete from sessions where expires_at < ${now.toISOString()}`);
  await tx.execute(sql`
    insert into sessions (id_hash, user_id, csrf_token, created_at, expires_at)
    values (${hashToken(token)}, ${userId}, ${csrfToken}, ${now.toISOString()}, ${new Date(now.getTime() + ttlMs).toISOString()})`);
  return { token, csrfToken };
}

export async function logout(database: Database, token: string): Promise<void> {
  await database.db.execute(sql`delete from sessions where id_hash = ${hashToken(token)}`);
}

/** Logins are case-insensitive for staff usernames; spaces are dropped from CCCD/MST (a branch MST keeps its dash). */
export function normalizeLogin(login: string): string {
  const t = nfc(login).toLowerCase();
  return /^[\d\s-]+$/.test(t) ? t.replace(/[\s]/g, '') : t;
}

export async function listStaff(ex: Executor, unitId: string, role: string | undefined) {
  const list = await rows<UserRow>(
    ex,
    sql`${USER_SELECT} where u.kind = 'staff' and u.unit_id = ${unitId} and not u.disabled
        ${role ? sql`and ${role} = any(u.roles)` : sql``} order by u.full_name`,
  );
  return list;
}
