import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, isAppError } from '../../domain/errors.ts';
import { safeReturnTo } from '../../domain/national-identity.ts';
import { setSessionCookie } from '../../server/auth.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import { nationalIdClient } from './national-id.service.ts';
import { redirects } from '../../contract/bodies.ts';

const STATE_COOKIE = 'nts_oidc_state';
const CALLBACK = '/api/v1/auth/vneid/callback';
/** The portal's sign-in page shows the reason of a refusal (`?vneid=<code>`). */
const SIGN_IN_PAGE = '/dang-nhap';

/**
 * "Đăng nhập bằng VNeID": the browser is sent to the national identity provider and comes back to
 * the callback, which signs the person in (or refuses, and says why on the sign-in page).
 */
export function nationalIdRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = clock(deps);
  const s = deps.config.oidc;
  const client = s ? nationalIdClient(s, `${deps.config.publicUrl}${CALLBACK}`) : null;
  const cookieOptions = { path: '/api/v1/auth/vneid', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secureCookies };

  api.get(
    '/auth/providers',
    { schema: { tags: ['auth'], summary: 'Cách đăng nhập khác / other ways to sign in', response: { 200: z.object({ vneid: z.object({ enabled: z.boolean(), name: z.string() }) }) } } },
    async () => ({ vneid: { enabled: client !== null, name: s?.providerName ?? 'VNeID' } }),
  );

  api.get(
    '/auth/vneid/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng VNeID (chuyển sang nhà cung cấp định danh) / sign in with VNeID',
        response: { 303: redirects('Chuyển sang VNeID / to the identity provider') },
        description: 'Redirects to the provider (authorization code flow with PKCE). `tiep`: the page to return to. Signed in as a citizen, it links VNeID to that record (only the same ID number).',
        querystring: z.strictObject({ tiep: z.string().max(500).optional() }),
      },
    },
    async (req, reply) => {
      if (!client) throw new AppError('OIDC_NOT_CONFIGURED');
      const linkUserId = req.user && req.user.kind === 'citizen' ? req.user.id : null;
      const { url, state } = await client.start(deps.database, { returnTo: safeReturnTo(req.query.tiep), linkUserId }, now());
      reply.setCookie(STATE_COOKIE, state, { ...cookieOptions, maxAge: 600 });
      return reply.redirect(url, 303);
    },
  );

  api.get(
    '/auth/vneid/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'VNeID trả về sau khi đăng nhập / where VNeID sends the browser back',
        response: { 303: redirects('Về trang cần trở lại, đã đăng nhập; hoặc về trang đăng nhập với `?vneid=<mã>` khi không được / to the page to return to, signed in; or to the sign-in page with `?vneid=<code>` when not') },
        querystring: z.object({ code: z.string().max(2000).optional(), state: z.string().max(500).optional(), error: z.string().max(200).optional() }),
      },
    },
    async (req, reply) => {
      reply.clearCookie(STATE_COOKIE, cookieOptions);
      const fail = (code: string) => reply.redirect(`${SIGN_IN_PAGE}?vneid=${encodeURIComponent(code)}`, 303);
      if (!client) return fail('OIDC_NOT_CONFIGURED');
      if (req.query.error) return fail('OIDC_CANCELLED');
      try {
        const callbackUrl = new URL(req.url, deps.config.publicUrl);
        const result = await client.finish(deps.database, { callbackUrl, cookieState: req.cookies[STATE_COOKIE] ?? null, ttlMs: deps.config.sessionTtlMs, ip: req.ip }, now());
        if (result.refused) return fail(result.refused);
        setSessionCookie(reply, result.session.token, deps);
        return reply.redirect(result.returnTo ?? '/ho-so-cua-toi', 303);
      } catch (err) {
        if (isAppError(err)) {
          req.log.warn({ code: err.code, details: err.details }, 'VNeID sign-in not completed');
          return fail(err.code);
        }
        throw err;
      }
    },
  );
}
