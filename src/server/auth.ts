import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { twoFactorRequired, type Actor, type StaffRole } from '../domain/policy.ts';
import type { AppDeps } from './deps.ts';
import type { RecipientRow } from '../modules/notifications/notifications.service.ts';

export const SESSION_COOKIE = 'nts_session';

export interface SessionUser extends Actor {
  fullName: string;
  login: string;
  /** A citizen's or business's own contact and identity facts, as the session read them (not for staff). */
  self?: { phone: string | null; email: string | null; cccd: string | null; mst: string | null; address: string | null };
  /** Whom the user's own notices reach (contacts, their verification, chosen channels, language), as the session read them. */
  recipient?: RecipientRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    csrfToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Writes that may be made without a session (they create one).
const CSRF_EXEMPT = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/register/confirm',
  '/api/v1/auth/register/resend',
  '/api/v1/auth/password/forgot',
  '/api/v1/auth/password/reset',
  '/api/v1/auth/login/two-factor',
]);
// What a session may still do while its password must be changed (an admin set it).
const WHILE_PASSWORD_MUST_CHANGE = new Set(['GET /api/v1/auth/me', 'GET /api/v1/auth/session', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);
// … and while a leader or admin has not yet turned two-factor sign-in on (policy.twoFactorRequired).
const WHILE_TWO_FACTOR_MISSING = new Set([
  ...WHILE_PASSWORD_MUST_CHANGE,
  'GET /api/v1/auth/two-factor',
  'POST /api/v1/auth/two-factor/setup',
  'POST /api/v1/auth/two-factor/enable',
]);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  csrf_token: string;
  id: string;
  kind: Actor['kind'];
  roles: StaffRole[];
  unit_id: string | null;
  department_id: string | null;
  full_name: string;
  login: string;
  must_change_password: boolean;
  two_factor: boolean;
  phone: string | null;
  email: string | null;
  cccd: string | null;
  mst: string | null;
  address: string | null;
  phone_verified_at: string | null;
  email_verified_at: string | null;
  channels: RecipientRow['channels'];
  locale: RecipientRow['locale'];
}

/** Loads the signed-in user from the session cookie and enforces CSRF on cookie-authenticated writes. */
export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    // Nobody signed in (no session, or an expired one): no CSRF token to check, nothing to require.
    if (!token) return;
    const now = (deps.now ?? (() => new Date()))();
    const row = await maybeOne<SessionRow>(
      deps.database.db,
      sql`select s.csrf_token, u.id, u.kind, u.roles, u.unit_id, u.department_id, u.full_name, u.login, u.must_change_password,
                 (u.totp_enabled_at is not null) as two_factor, u.phone, u.email, u.cccd, u.mst, u.address,
                 u.phone_verified_at, u.email_verified_at, p.channels, p.locale
          from sessions s join users u on u.id = s.user_id left join notification_preferences p on p.user_id = u.id
          where s.id_hash = ${hashToken(token)} and s.expires_at > ${now.toISOString()} and not u.disabled`,
    );
    if (!row) return;
    req.user = {
      id: row.id,
      kind: row.kind,
      roles: row.roles,
      unitId: row.unit_id,
      departmentId: row.department_id,
      fullName: row.full_name,
      login: row.login,
      // What a submission snapshots of its applicant, read here rather than again in its transaction.
      ...(row.kind === 'staff' ? {} : { self: { phone: row.phone, email: row.email, cccd: row.cccd, mst: row.mst, address: row.address } }),
      // A notice to the user (their submission's, say) needs no read of its own.
      recipient: {
        kind: row.kind,
        phone: row.phone,
        email: row.email,
        phone_verified_at: row.phone_verified_at,
        email_verified_at: row.email_verified_at,
        channels: row.channels,
        locale: row.locale,
      },
    };
    req.csrfToken = row.csrf_token;
    const mustChangePassword = row.must_change_password;
    const twoFactorMissing = !row.two_factor && twoFactorRequired(req.user);
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (UNSAFE.has(req.method) && !CSRF_EXEMPT.has(path)) {
      if (req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('CSRF_TOKEN_INVALID');
    }
    if (!mustChangePassword && !twoFactorMissing) return;
    const route = `${req.method} ${path}`;
    if (mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(route)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (twoFactorMissing && !WHILE_TWO_FACTOR_MISSING.has(route)) throw new AppError('TWO_FACTOR_ENROLMENT_REQUIRED');
  });
}

/** @throws AppError UNAUTHENTICATED when nobody is signed in. */
export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return req.user;
}

export function newSessionTokens() {
  return { token: randomBytes(32).toString('base64url'), csrfToken: randomBytes(24).toString('base64url') };
}

export function setSessionCookie(reply: FastifyReply, token: string, deps: AppDeps) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
  });
}
