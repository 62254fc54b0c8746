import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../src/db/client.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';
import { forwardFromDemoPortal } from '../support/portal.ts';

// The statements the busiest requests make (docs/PERFORMANCE.md): on the embedded database each
// one costs a fixed share of the one thread, so a new statement on these paths is a slower
// platform. A failure here names what was added; raise the bound only for a reason written there.

let statements = 0;
const counting = (ex: Executor): Executor =>
  new Proxy(ex, {
    get(target, prop) {
      if (prop === 'execute') {
        return (query: SQL) => {
          statements++;
          return target.execute(query);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
// BEGIN and COMMIT are statements too.
const countingDatabase = (d: Database): Database => ({
  ...d,
  db: counting(d.db),
  transaction: (fn) => {
    statements += 2;
    return d.transaction((tx) => fn(counting(tx)));
  },
});

let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;

beforeAll(async () => {
  // The request's own statements: the outbox worker, which a submission wakes to send its notice
  // (tests/integration/messages.test.ts), would add its own to the count.
  t = await startTestApp({ MESSAGE_WORKER: 'false' }, { wrapDatabase: countingDatabase });
  c = await demoClients(t.app);
});
afterAll(() => t.close());

describe('the hot paths', () => {
  it('an online submission: few statements, and its answer is the dossier as read back', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    // Warm: the procedure version, the unit and the calendar are cached after a first submission.
    expect((await c.citizen.post('/api/v1/dossiers', { ...body })).statusCode).toBe(201);
    statements = 0;
    const res = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'hot-path-0001' });
    const made = statements;
    expect(res.statusCode, res.body).toBe(201);
    // Session 1 (with the applicant's own facts, and their contacts and choices for the notice);
    // the notice's template in force is the one this instance read lately; then ONE statement,
    // committed on its own (no BEGIN, no COMMIT): the dossier with its code, step, event,
    // documents, audit entry and the notice with its outbox messages, written only if the
    // version of the procedure it was checked against is still the one in force, the uploads are
    // the submitter's and no connected system follows the unit (docs/INTEROP.md: none here; the
    // Idempotency-Key is a unique key): 2. Was 27, then 17, then 10, then 7, then 5, then 3.
    expect(made, `statements: ${made}`).toBeLessThanOrEqual(2);
    // Shown from what the transaction wrote: the same as reading it back.
    const read = await c.citizen.get(`/api/v1/dossiers/${res.json().code}`);
    expect(res.json()).toEqual(read.json());
    expect(res.json().documents).toHaveLength(body.documents.length);
    // The same key again: the same dossier, read back.
    const again = await c.citizen.post('/api/v1/dossiers', body, { 'idempotency-key': 'hot-path-0001' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(read.json());
  });

  it('a version of the procedure saved elsewhere (another instance) is the one a submission is filed under', async () => {
    const body = await buildSubmission(c.citizen, '1.001193');
    const first = await c.citizen.post('/api/v1/dossiers', body);
    expect(first.statusCode).toBe(201);
    const was = first.json().procedure.version as number;
    // Written straight to the database: this instance's guess of the version in force is not told.
    await t.database.db.execute(sql`
      insert into procedure_versions (procedure_code, version, definition, effective_from, name_search, field, applicant, online_level, created_by, created_at)
      select procedure_code, version + 1, jsonb_set(definition, '{name}', '"Đăng ký khai sinh (bản mới)"'), effective_from, name_search, field, applicant, online_level, created_by, created_at
      from procedure_versions where procedure_code = '1.001193' and version = ${was}`);
    await t.database.db.execute(sql`update procedures set current_version = ${was + 1} where code = '1.001193'`);
    const next = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193'));
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().procedure).toMatchObject({ version: was + 1, name: 'Đăng ký khai sinh (bản mới)' });
  });

  it('a public look-up by code: one statement', async () => {
    const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193'));
    const code = res.json().code as string;
    await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` });
    statements = 0;
    const look = await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` });
    expect(look.statusCode, look.body).toBe(200);
    expect(statements).toBe(1);
  });

  it("a public look-up by the national portal's code: one statement too (the dossier and where it came from)", async () => {
    const { code, externalCode } = await forwardFromDemoPortal(t.app, t.clock.now, 7);
    await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${externalCode}` });
    for (const asked of [externalCode, code]) {
      statements = 0;
      const look = await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${asked}` });
      expect(look.statusCode, look.body).toBe(200);
      expect(look.json()).toMatchObject({ code, externalCode, originChannel: 'national_portal' });
      expect(statements).toBe(1);
    }
  });

  it('look-ups that arrive together share one statement, each answered with its own dossier (ours, the portal’s, none)', async () => {
    const mine = (await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen, '1.001193'))).json().code as string;
    const { code, externalCode } = await forwardFromDemoPortal(t.app, t.clock.now, 8);
    const asked = [mine, externalCode.toLowerCase(), code, 'HS-KHONG-CO', ` ${mine} `];
    statements = 0;
    const answers = await Promise.all(asked.map((a) => t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${encodeURIComponent(a)}` })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 404, 200]);
    expect(answers.map((a) => (a.statusCode === 200 ? a.json().code : a.json().error.code))).toEqual([mine, code, code, 'DOSSIER_NOT_FOUND', mine]);
    expect(statements).toBe(1);
  });
});
