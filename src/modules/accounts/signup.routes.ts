import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { validateCccd } from '../../domain/identifiers.ts';
import { authorize } from '../../domain/policy.ts';
import { formatVn } from '../../domain/calendar/index.ts';
import type { AppDeps } from '../../server/deps.ts';
import { setSessionCookie } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import { serverKeys } from '../../server/secrets.ts';
import { audit, auditContext } from '../audit/audit.ts';
import { sessionUser } from './session-user.ts';
import { SessionPayload } from '../../contract/session.ts';
import { CodeInput, RegisterBody, ResendSignUpBody, SignUpAnswer } from '../../contract/auth.ts';
import { confirmSignUp, pendingSignUpsFor, resendSignUpCode, startSignUp, verifySignUpInPerson } from './signup.service.ts';
import { CccdQuery, PendingSignUpList, SignUpParams, SignUpVerified, VerifySignUpBody } from '../../contract/citizens.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * What the routes of sign-up, passwords and two-factor sign-in share: the typed API, the clock,
 * the keys of one-time codes, and the sign-in rate limit (per client address and minute).
 */
export function identityRouteKit(app: FastifyInstance, deps: AppDeps) {
  return {
    api: app.withTypeProvider<ZodTypeProvider>(),
    now: clock(deps),
    keys: serverKeys(deps.config.secret),
    limited: { rateLimit: { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' } },
  };
}

/**
 * Online sign-up, verified (docs/identity.md): register → a code → confirm. And the desk's side:
 * the sign-ups waiting under a CCCD, confirmed for the person in front of the officer.
 */
export function signUpRoutes(app: FastifyInstance, deps: AppDeps) {
  const { api, now, keys, limited } = identityRouteKit(app, deps);

  api.post(
    '/auth/register',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Đăng ký tài khoản công dân / doanh nghiệp (bước 1: gửi mã xác nhận) / sign up, step 1: a code is sent',
        description:
          'Nothing is created yet: a code is sent to the phone given, or — for a CCCD/MST already on record at the ward — to the phone or email on record. Confirm with POST /auth/register/confirm, or at any one-stop desk.',
        body: RegisterBody,
        response: { 202: SignUpAnswer },
      },
    },
    async (req, reply) => {
      const signUp = await startSignUp(deps.database, keys, req.body, { ip: req.ip }, now());
      deps.outbox?.kick();
      return reply.code(202).send({ signUp });
    },
  );

  api.post(
    '/auth/register/confirm',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Xác nhận đăng ký bằng mã (bước 2) / confirm a sign-up with its code, and sign in',
        body: z.strictObject({ signUpId: z.uuid(), code: CodeInput }),
        response: { 201: SessionPayload },
      },
    },
    async (req, reply) => {
      const s = await confirmSignUp(deps.database, keys, { id: req.body.signUpId, code: req.body.code }, { ip: req.ip, ttlMs: deps.config.sessionTtlMs }, now());
      setSessionCookie(reply, s.token, deps);
      return reply.code(201).send({ user: await sessionUser(deps, s.user), csrfToken: s.csrfToken });
    },
  );

  api.post(
    '/auth/register/resend',
    {
      config: limited,
      schema: { tags: ['auth'], summary: 'Gửi lại mã xác nhận đăng ký / send a new sign-up code', body: ResendSignUpBody, response: { 200: SignUpAnswer } },
    },
    async (req) => {
      const signUp = await resendSignUpCode(deps.database, keys, req.body.signUpId, { ip: req.ip }, now());
      deps.outbox?.kick();
      return { signUp };
    },
  );

  api.get(
    '/citizens/sign-ups',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Đăng ký trực tuyến đang chờ xác minh theo CCCD (bộ phận một cửa) / sign-ups waiting under a CCCD, for the desk',
        description: 'Reception officers of any unit. What the person typed online (name, birth year, gender, masked phone), to check against their ID card. Audited.',
        querystring: CccdQuery,
        response: { 200: PendingSignUpList },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'citizen.verify_sign_up', null);
      const c = validateCccd(req.query.cccd);
      if (!c.ok) throw new AppError('CCCD_INVALID', { field: 'cccd', reason: c.reason });
      return deps.database.transaction(async (tx) => {
        const items = await pendingSignUpsFor(tx, c.normalized, now());
        const record = await maybeOne<RowOf<'users', { id: string }>>(tx, sql`select id from users where login = ${c.normalized}`);
        await audit(tx, { actorId: user.id, action: 'lookup_sign_ups', entityType: 'user', entityId: record?.id ?? c.normalized, details: { count: items.length }, ...auditContext(req) }, now());
        return { items: items.map((s) => ({ ...s, createdAt: formatVn(s.createdAt) })) };
      });
    },
  );

  api.post(
    '/citizens/sign-ups/:id/verify',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Xác minh trực tiếp một đăng ký trực tuyến (bộ phận một cửa) / confirm a sign-up for the person at the desk',
        description:
          'The officer has checked the ID card of the person in front of them; `phone` is the number the person gives, which must be the one they signed up with. The account opens with the password chosen online; the record’s phone becomes that number.',
        params: SignUpParams,
        body: VerifySignUpBody,
        response: { 200: SignUpVerified },
      },
    },
    async (req) => {
      const user = authorize(req.user, 'citizen.verify_sign_up', null);
      const done = await deps.database.transaction((tx) => verifySignUpInPerson(tx, user.id, { id: req.params.id, phone: req.body.phone }, auditContext(req), now()));
      return { verified: true as const, login: done.login };
    },
  );
}
