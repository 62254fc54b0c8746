import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize, twoFactorRequired } from '../../domain/policy.ts';
import { SESSION_COOKIE, hashToken, setSessionCookie } from '../../server/auth.ts';
import type { AppDeps } from '../../server/deps.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { sessionUser } from './session-user.ts';
import { NoContent, TwoFactorSession } from '../../contract/session.ts';
import { CodeBody, PasswordAgainBody, RecoveryCodes, TwoFactorSetup, TwoFactorStatus } from '../../contract/auth.ts';
import { UserIdParams } from '../../contract/admin.ts';
import { identityRouteKit } from './signup.routes.ts';
import { clearTwoFactor, completeSignIn, confirmEnrolment, disableTwoFactor, recoveryCodesLeft, renewRecoveryCodes, startEnrolment } from './two-factor.service.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/** A TOTP code (6 digits) or a recovery code (XXXX-XXXX-XX), as typed. */
const SecondFactor = z.string().trim().min(6).max(20);

/** Officials' two-factor sign-in: the second step, enrolment, recovery codes, an admin's reset. */
export function twoFactorRoutes(app: FastifyInstance, deps: AppDeps) {
  const { api, now, keys, limited } = identityRouteKit(app, deps);
  const policy = { ...deps.config.login, sessionTtlMs: deps.config.sessionTtlMs };

  api.post(
    '/auth/login/two-factor',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bước 2: mã xác thực hai lớp / sign-in step 2: the two-factor code',
        description: 'The `challenge` from POST /auth/login, and a code of the authenticator app (6 digits) or a recovery code (single use).',
        body: z.strictObject({ challenge: z.string().min(20).max(100), code: SecondFactor }),
        response: { 200: TwoFactorSession },
      },
    },
    async (req, reply) => {
      const s = await completeSignIn(deps.database, keys, req.body, policy, now());
      setSessionCookie(reply, s.token, deps);
      return { user: await sessionUser(deps, s.user), csrfToken: s.csrfToken, recoveryCodesLeft: s.recoveryCodesLeft };
    },
  );

  api.get('/auth/two-factor', { schema: { tags: ['auth'], summary: 'Trạng thái xác thực hai lớp / my two-factor sign-in', response: { 200: TwoFactorStatus } } }, async (req) => {
    const user = authorize(req.user, 'account.two_factor', null);
    const row = (await maybeOne<Computed<{ enabled_at: string | null }>>(deps.database.db, sql`select totp_enabled_at as enabled_at from users where id = ${user.id}`))!;
    return { enabled: row.enabled_at !== null, required: twoFactorRequired(user), recoveryCodesLeft: await recoveryCodesLeft(deps.database.db, user.id) };
  });

  api.post(
    '/auth/two-factor/setup',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Bật xác thực hai lớp, bước 1: mã QR cho ứng dụng xác thực / enrol an authenticator, step 1: the QR code',
        body: PasswordAgainBody,
        response: { 200: TwoFactorSetup },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'account.two_factor', null);
      return startEnrolment(deps.database, keys, user.id, req.body.password, deps.config.login, now());
    },
  );

  api.post(
    '/auth/two-factor/enable',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Bật xác thực hai lớp, bước 2: mã từ ứng dụng; nhận mã khôi phục / step 2: a code from the app; recovery codes',
        body: CodeBody,
        response: { 200: RecoveryCodes },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'account.two_factor', null);
      const sessionHash = hashToken(req.cookies[SESSION_COOKIE] ?? '');
      return confirmEnrolment(deps.database, keys, user.id, req.body.code, { sessionHash, ...auditContext(req) }, now());
    },
  );

  api.post(
    '/auth/two-factor/recovery-codes',
    {
      config: limited,
      schema: { tags: ['auth'], summary: 'Tạo mã khôi phục mới / new recovery codes', body: CodeBody, response: { 200: RecoveryCodes } },
    },
    async (req) => {
      const user = authorize(req.user, 'account.two_factor', null);
      return renewRecoveryCodes(deps.database, keys, user.id, req.body.code, auditContext(req), now());
    },
  );

  api.post(
    '/auth/two-factor/disable',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Tắt xác thực hai lớp (không áp dụng cho lãnh đạo, quản trị) / turn two-factor sign-in off',
        body: PasswordAgainBody,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const user = authorize(req.user, 'account.two_factor', null);
      await disableTwoFactor(deps.database, user, req.body.password, { ...auditContext(req), login: deps.config.login }, now());
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/admin/users/:id/two-factor',
    {
      schema: {
        tags: ['admin'],
        summary: 'Gỡ ứng dụng xác thực của cán bộ (mất điện thoại) / remove an official’s authenticator (lost phone)',
        description: 'Their sessions end; a leader or admin enrols a new authenticator at next sign-in.',
        params: UserIdParams,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const user = authorize(req.user, 'users.reset_two_factor', { unitId: req.user?.unitId ?? '' });
      await deps.database.transaction(async (tx) => {
        const target = await maybeOne<RowOf<'users', { id: string }>>(tx, sql`select id from users where id = ${req.params.id} and kind = 'staff' and unit_id = ${user.unitId}`);
        if (!target) throw new AppError('USER_NOT_FOUND');
        if (target.id === user.id) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'id', message: 'Không thể tự gỡ xác thực hai lớp của mình / you cannot reset your own two-factor sign-in' }] });
        }
        await clearTwoFactor(tx, target.id);
        await tx.execute(sql`delete from sessions where user_id = ${target.id}`);
        await audit(tx, { actorId: user.id, action: 'two_factor_reset', entityType: 'user', entityId: target.id, ...auditContext(req) }, now());
      });
      return reply.code(204).send(null);
    },
  );
}
