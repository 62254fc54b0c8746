import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { appWithDemoDossier } from '../support/builders.ts';
import { expectError } from '../support/expect.ts';
import { forwardFromDemoPortal } from '../support/portal.ts';

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

// A citizen who filed on the national portal may know only the portal's code: the same look-up
// takes it, with the same rules (plain: progress and a masked name; with the phone's last 4
// digits: steps and events, 20 tries a minute per address).
describe("public look-up by the national portal's code", () => {
  let t: TestApp;
  let forwarded: Awaited<ReturnType<typeof forwardFromDemoPortal>>;
  beforeAll(async () => {
    t = await startTestApp({ MESSAGE_WORKER: 'false' });
    forwarded = await forwardFromDemoPortal(t.app, t.clock.now, 40, { prefix: 'G22.99.8-260302' });
  });
  afterAll(() => t?.close());
  const lookUp = (code: string, query = '', remoteAddress = '198.51.100.9') =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${encodeURIComponent(code)}${query}`, remoteAddress });

  it("the portal's code finds the dossier, shown with both codes; as typed (case, spaces); an unknown code is not found", async () => {
    const plain = await lookUp(forwarded.externalCode);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json()).toMatchObject({ code: forwarded.code, externalCode: forwarded.externalCode, originChannel: 'national_portal', applicantName: 'N***** V** A*' });
    expect(plain.json().events).toBeUndefined();
    expect(plain.headers['x-ratelimit-limit']).toBeUndefined();
    expect((await lookUp(` ${forwarded.externalCode.toLowerCase()} `)).json().code).toBe(forwarded.code);
    // Ours finds the same dossier.
    expect((await lookUp(forwarded.code)).json()).toEqual(plain.json());
    expectError(await lookUp('G22.99.8-260302-999999'), 404, 'DOSSIER_NOT_FOUND');
  });

  it("ours first when the portal's code of one dossier is our code of another; two dossiers with one portal code: the latest", async () => {
    const a = await forwardFromDemoPortal(t.app, t.clock.now, 41, { prefix: 'G22.99.8-260302' });
    const b = await forwardFromDemoPortal(t.app, t.clock.now, 42, { prefix: 'G22.99.8-260302' });
    const c = await forwardFromDemoPortal(t.app, t.clock.now, 43, { prefix: 'G22.99.8-260302' });
    // b carries a's code of ours as its portal code; c's portal code is also b's, and c is the later.
    await t.database.db.execute(sql`update dossiers set external_code = ${a.code} where code = ${b.code}`);
    await t.database.db.execute(sql`update dossiers set external_code = ${b.externalCode.toLowerCase()}, submitted_at = submitted_at + interval '1 minute' where code = ${c.code}`);
    const [byA, byB] = await Promise.all([lookUp(a.code), lookUp(b.externalCode)]);
    expect(byA.json().code).toBe(a.code);
    expect(byB.json().code).toBe(c.code);
    // The same alone (a batch of one) as together.
    expect((await lookUp(a.code)).json().code).toBe(a.code);
    expect((await lookUp(b.externalCode)).json().code).toBe(c.code);
  });

  it("with the phone's last 4 digits: the details, under the same limit; wrong digits refused", async () => {
    const phone = forwarded.applicant.phone;
    const right = await lookUp(forwarded.externalCode, `?phoneLast4=${phone.slice(-4)}`);
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ code: forwarded.code, externalCode: forwarded.externalCode });
    expect(right.json().events.map((e: { action: string }) => e.action)).toContain('submit');
    expect(right.headers['x-ratelimit-limit']).toBe('20');
    expectError(await lookUp(forwarded.externalCode, '?phoneLast4=0000'), 403, 'FORBIDDEN');
    for (let i = 2; i < 20; i++) await lookUp(forwarded.externalCode, '?phoneLast4=0000');
    expectError(await lookUp(forwarded.externalCode, `?phoneLast4=${phone.slice(-4)}`), 429, 'TOO_MANY_REQUESTS');
  });
});
