import { describe, expect, it } from 'vitest';
import { appWithDemoDossier } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';

// The public look-up (GET /public/dossiers/:code): plain look-ups are never limited; look-ups with
// the phone's last 4 digits (which unlock the steps and events) are, 20 a minute per address, so
// that guessing the digits is slow. The demo citizen's phone ends in 5678.

describe('public look-up', () => {
  const ctx = appWithDemoDossier('public-lookup-1');

  const lookUp = (query = '', remoteAddress = '198.51.100.7') => ctx.t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${ctx.code}${query}`, remoteAddress });

  it('plain look-ups are not limited and carry no rate-limit headers', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await lookUp();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
    expect((await lookUp()).json()).toMatchObject({ code: ctx.code, applicantName: 'N***** V** A*' });
    // The code is read as the applicant may type it: spaces around it, lower case.
    expect((await ctx.t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${encodeURIComponent(` ${ctx.code.toLowerCase()} `)}` })).statusCode).toBe(200);
  });

  it('with the phone digits: 20 a minute per address, then 429 even with the right digits; other addresses are not affected', async () => {
    const first = await lookUp('?phoneLast4=5678');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().events).toHaveLength(1);
    expect(first.headers['x-ratelimit-limit']).toBe('20');
    expect(first.headers['x-ratelimit-remaining']).toBe('19');
    for (let i = 1; i < 20; i++) expectError(await lookUp('?phoneLast4=0000'), 403, 'FORBIDDEN');
    const over = await lookUp('?phoneLast4=5678');
    expectError(over, 429, 'TOO_MANY_REQUESTS');
    expect(over.headers['retry-after']).toBeDefined();
    // Plain look-ups from the same address still answer; another address may still try.
    expect((await lookUp()).statusCode).toBe(200);
    expect((await lookUp('?phoneLast4=5678', '198.51.100.8')).statusCode).toBe(200);
  });
});
