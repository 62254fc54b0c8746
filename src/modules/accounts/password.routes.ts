import type { FastifyInstance } from 'fastify';
import { authorize } from '../../domain/policy.ts';
import { SESSION_COOKIE, hashToken } from '../../server/auth.ts';
import type { AppDeps } from '../../server/deps.ts';
import { auditContext } from '../audit/audit.ts';
import { changePassword, finishPasswordReset, startPasswordReset } from './password.service.ts';
import { identityRouteKit } from './signup.routes.ts';
import { ChangePasswordBody, ForgotPasswordBody, PasswordResetStarted, ResetPasswordBody } from '../../contract/auth.ts';
import { NoContent } from '../../contract/session.ts';

/** Changing one's password, and resetting a forgotten one with a code (docs/identity.md). */
export function passwordRoutes(app: FastifyInstance, deps: AppDeps) {
  const { api, now, keys, limited } = identityRouteKit(app, deps);

  api.post(
    '/auth/password',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu / change my password',
        description: 'Every other session of the person ends; a text message or email tells them their password changed.',
        body: ChangePasswordBody,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const user = authorize(req.user, 'account.change_password', null);
      const sessionHash = hashToken(req.cookies[SESSION_COOKIE] ?? '');
      await changePassword(deps.database, user.id, req.body, { sessionHash, ...auditContext(req), login: deps.config.login }, now());
      deps.outbox?.kick();
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/auth/password/forgot',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Quên mật khẩu: gửi mã đặt lại / forgot password: send a reset code',
        description:
          'Citizens and businesses: a code to the phone (or email) on record. The answer has the same shape whether or not the login exists; `code` is null when no code was sent (officials: ask the unit admin).',
        body: ForgotPasswordBody,
        response: { 202: PasswordResetStarted },
      },
    },
    async (req, reply) => {
      const reset = await startPasswordReset(deps.database, keys, req.body.login, { ip: req.ip }, now());
      deps.outbox?.kick();
      const code = reset.code && { channel: reset.code.channel, sentTo: reset.code.sentTo, expiresAt: reset.code.expiresAt.toISOString(), resendAt: reset.code.resendAt.toISOString() };
      return reply.code(202).send({ reset: { id: reset.id, code } });
    },
  );

  api.post(
    '/auth/password/reset',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Đặt mật khẩu mới bằng mã / set a new password with the reset code',
        body: ResetPasswordBody,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await finishPasswordReset(deps.database, keys, req.body, { ip: req.ip }, now());
      deps.outbox?.kick();
      return reply.code(204).send(null);
    },
  );
}
