import { describe, expect, it } from 'vitest';
import { appWithDemoDossier } from '../support/builders.ts';

// The security headers (Helmet's, worked out once at start: ADR 0006) are exactly those the
// @fastify/helmet plugin set when it built Helmet's middleware on every request: recorded from
// it on 2026-12-02 for an API answer, an error, a page, /health and a refusal of the input guard.

const CSP =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob: https:;" +
  "object-src 'self' blob:;script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self';frame-src 'self' blob:";

const SECURITY = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8', connection: 'keep-alive' };

/** An answer's headers without those that change from one request to the next. */
function stable(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _d, 'x-request-id': _r, 'content-length': _l, etag: _e, 'last-modified': _m, ...rest } = headers;
  return rest;
}

describe('security headers', () => {
  const ctx = appWithDemoDossier('security-headers-1');

  const get = (url: string) => ctx.t.app.inject({ method: 'GET', url });

  it('an API answer and an API error: the same set as before', async () => {
    const lookup = await get(`/api/v1/public/dossiers/${ctx.code}`);
    expect(lookup.statusCode).toBe(200);
    expect(stable(lookup.headers)).toEqual({ ...SECURITY, ...JSON_TYPE });
    const missing = await get('/api/v1/public/dossiers/KHONG-CO');
    expect(missing.statusCode).toBe(404);
    expect(stable(missing.headers)).toEqual({ ...SECURITY, ...JSON_TYPE });
    expect(stable((await get('/health')).headers)).toEqual({ ...SECURITY, ...JSON_TYPE });
  });

  it('a page and a redirect: the same set', async () => {
    const page = await get('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(stable(page.headers)).toEqual({ ...SECURITY, 'content-type': 'text/html; charset=utf-8', connection: 'keep-alive' });
    const redirect = await get('/api/docs/static/index.html');
    expect(redirect.statusCode).toBe(302);
    expect(stable(redirect.headers)).toEqual({ ...SECURITY, location: '/api/docs/', connection: 'keep-alive' });
  });

  it('a refusal of the input guard (the first hook) answers before the headers are set, as before', async () => {
    const guard = await get('/api/v1/public/dossiers/%ff');
    expect(guard.statusCode).toBe(400);
    expect(stable(guard.headers)).toEqual(JSON_TYPE);
  });

  it('each answer has its own headers: a route that sets its own does not leak them into the next', async () => {
    const a = await get('/api/docs/static/index.html');
    expect(a.headers.location).toBe('/api/docs/');
    const b = await get(`/api/v1/public/dossiers/${ctx.code}`);
    expect(b.headers.location).toBeUndefined();
    expect(b.headers['content-security-policy']).toBe(CSP);
  });
});
