import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.ts';
import { SESSION_COOKIE, requireUser, setSessionCookie } from '../../server/auth.ts';
import { authorize } from '../../domain/policy.ts';
import { clock } from '../../server/clock.ts';
import { findUser, listStaff, login, logout, presentUser } from './accounts.service.ts';
import { sessionUser } from './session-user.ts';
import { LoginAnswer, LoginBody, MaybeSession, NoContent, SessionPayload, StaffList, StaffQuery, type TwoFactorChallenge } from '../../contract/session.ts';
import { STAFF_ROLES, type StaffRole } from '../../domain/policy.ts';

/**
 * The CSRF token of the cookie session that signed this request in.
 * @throws {AppError} UNAUTHENTICATED when none did (a request signed otherwise has no browser session).
 */
function csrfOf(req: FastifyRequest): string {
  if (req.csrfToken === null) throw new AppError('UNAUTHENTICATED');
  return req.csrfToken;
}

export function accountsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const policy = { ...deps.config.login, sessionTtlMs: deps.config.sessionTtlMs };

  api.post(
    '/auth/login',
    {
      config: { rateLimit: { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / sign in (staff username, CCCD or MST)',
        body: LoginBody,
        response: { 200: LoginAnswer },
      },
    },
    async (req, reply) => {
      const s = await login(deps.database, req.body, policy, now());
      // Two-factor sign-in: no session yet, the second step answers the challenge.
      if (s.step === 'two_factor') {
        const twoFactor: TwoFactorChallenge = { challenge: s.challenge, expiresAt: s.expiresAt.toISOString(), methods: ['totp', 'recovery_code'] };
        return { twoFactor };
      }
      setSessionCookie(reply, s.token, deps);
      return { user: await sessionUser(deps, s.user), csrfToken: s.csrfToken };
    },
  );

  api.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất / sign out', response: { 204: NoContent } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(deps.database, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  api.get('/auth/me', { schema: { tags: ['auth'], summary: 'Người đang đăng nhập / the signed-in user', response: { 200: SessionPayload } } }, async (req) => {
    const user = requireUser(req);
    return { user: await sessionUser(deps, (await findUser(deps.database.db, user.id))!), csrfToken: csrfOf(req) };
  });

  // For a page that wants to know who (if anyone) is signed in without an error: 200 either way.
  api.get('/auth/session', { schema: { tags: ['auth'], summary: 'Phiên hiện tại (có thể chưa đăng nhập) / the current session, if any', response: { 200: MaybeSession } } }, async (req) => {
    if (!req.user) return { user: null, csrfToken: null };
    return { user: await sessionUser(deps, (await findUser(deps.database.db, req.user.id))!), csrfToken: csrfOf(req) };
  });

  api.get(
    '/staff',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Cán bộ của đơn vị (để phân công) / staff of my unit',
        querystring: StaffQuery,
        response: { 200: StaffList },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'staff.list', null);
      const list = await listStaff(deps.database.db, user.unitId, req.query.role);
      return { items: list.map((u) => ({ id: u.id, login: u.login, fullName: u.full_name, roles: u.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)), department: presentUser(u).department })) };
    },
  );
}
