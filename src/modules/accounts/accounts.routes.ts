import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../server/deps.ts';
import { SESSION_COOKIE, requireUser, setSessionCookie } from '../../server/auth.ts';
import { authorize } from '../../domain/policy.ts';
import { clock } from '../../server/clock.ts';
import { findUser, listStaff, login, logout, presentUser } from './accounts.service.ts';
import { sessionUser } from './session-user.ts';

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
        body: z.strictObject({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      const s = await login(deps.database, req.body, policy, now());
      // Two-factor sign-in: no session yet, the second step answers the challenge.
      if (s.step === 'two_factor') return { twoFactor: { challenge: s.challenge, expiresAt: s.expiresAt.toISOString(), methods: ['totp', 'recovery_code'] } };
      setSessionCookie(reply, s.token, deps);
      return { user: await sessionUser(deps, s.user), csrfToken: s.csrfToken };
    },
  );

  api.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất / sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(deps.database, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  api.get('/auth/me', { schema: { tags: ['auth'], summary: 'Người đang đăng nhập / the signed-in user' } }, async (req) => {
    const user = requireUser(req);
    return { user: await sessionUser(deps, (await findUser(deps.database.db, user.id))!), csrfToken: req.csrfToken };
  });

  // For a page that wants to know who (if anyone) is signed in without an error: 200 either way.
  api.get('/auth/session', { schema: { tags: ['auth'], summary: 'Phiên hiện tại (có thể chưa đăng nhập) / the current session, if any' } }, async (req) => {
    if (!req.user) return { user: null, csrfToken: null };
    return { user: await sessionUser(deps, (await findUser(deps.database.db, req.user.id))!), csrfToken: req.csrfToken };
  });

  api.get(
    '/staff',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Cán bộ của đơn vị (để phân công) / staff of my unit',
        querystring: z.strictObject({ role: z.enum(['reception', 'specialist', 'leader', 'unit_admin']).optional() }),
      },
    },
    async (req) => {
      const user = authorize(req.user, 'staff.list', null);
      const list = await listStaff(deps.database.db, user.unitId, req.query.role);
      return { items: list.map((u) => ({ id: u.id, login: u.login, fullName: u.full_name, roles: u.roles, department: presentUser(u).department })) };
    },
  );
}
