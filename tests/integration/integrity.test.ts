import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.ts';
import { STATUSES } from '../../src/domain/dossier-state.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { buildSubmission } from '../support/builders.ts';

// What the database itself enforces, whatever the code above it does (migration 0011), and what
// every log line of a request says about it.
let t: TestApp;
let c: Awaited<ReturnType<typeof demoClients>>;
let code = '';
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'info' }, { logStream: { write: (line) => void lines.push(JSON.parse(line)) } });
  c = await demoClients(t.app);
  const res = await c.citizen.post('/api/v1/dossiers', await buildSubmission(c.citizen), { 'idempotency-key': 'integrity-1-abcdef' });
  expect(res.statusCode, res.body).toBe(201);
  code = res.json().code;
  expect((await c.reception.get(`/api/v1/dossiers/${code}`)).statusCode).toBe(200); // an audited read
});
afterAll(() => t?.close());

/** The database's refusal of a statement, as its message. */
async function refusal(text: string): Promise<string> {
  try {
    await t.database.execScript(text);
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
}

describe('append-only tables', () => {
  it.each([
    ['dossier_events', 'UPDATE dossier_events SET comment = $$changed$$', 'UPDATE'],
    ['dossier_events', 'DELETE FROM dossier_events', 'DELETE'],
    ['dossier_events', 'TRUNCATE dossier_events', 'TRUNCATE'],
    ['audit_log', 'UPDATE audit_log SET action = $$changed$$', 'UPDATE'],
    ['audit_log', 'DELETE FROM audit_log', 'DELETE'],
    ['audit_log', 'TRUNCATE audit_log', 'TRUNCATE'],
  ])('%s refuses %s', async (table, statement, op) => {
    const before = await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`));
    expect(before[0]!.n).toBeGreaterThan(0);
    expect(await refusal(statement)).toBe(`${table} is append-only: ${op} refused`);
    expect(await rows(t.database.db, sql.raw(`select count(*)::int as n from ${table}`))).toEqual(before);
  });

  it('still takes new rows', async () => {
    const before = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log`);
    expect((await c.reception.get(`/api/v1/dossiers/${code}`)).statusCode).toBe(200);
    const after = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });
});

describe('dossier status', () => {
  it('is one of the state machine statuses in every column that holds one', async () => {
    for (const statement of [
      `UPDATE dossiers SET status = 'lost' WHERE code = '${code}'`,
      `UPDATE dossiers SET resume_status = 'lost' WHERE code = '${code}'`,
      `INSERT INTO dossier_events (dossier_id, seq, action, from_status, to_status, actor_id, actor_role, at)
         SELECT dossier_id, 99, 'receive', 'submitted', 'lost', actor_id, actor_role, at FROM dossier_events LIMIT 1`,
    ]) {
      expect(await refusal(statement)).toMatch(/dossier_status_known/);
    }
    expect(await refusal(`UPDATE dossiers SET status = 'received' WHERE code = '${code}'`)).toBe('accepted');
  });

  it('the database and src/domain/dossier-state.ts list the same statuses', async () => {
    const [row] = await rows<{ def: string }>(
      t.database.db,
      sql`select pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_type ty on ty.oid = c.contypid
          where ty.typname = 'dossier_status' and c.conname = 'dossier_status_known'`,
    );
    const listed = [...row!.def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...STATUSES].sort());
  });
});

describe('logs', () => {
  const completed = (url: string, method: string) =>
    lines.find((l) => l.msg === 'request completed' && lines.some((i) => i.reqId === l.reqId && i.msg === 'incoming request' && (i.req as { url: string; method: string }).url === url && (i.req as { method: string }).method === method));

  it('carry the request id, the user and the dossier code', () => {
    const submit = completed('/api/v1/dossiers', 'POST');
    expect(submit).toMatchObject({ reqId: expect.any(String), userId: expect.any(String), dossierCode: code });
    const read = completed(`/api/v1/dossiers/${code}`, 'GET');
    expect(read).toMatchObject({ reqId: expect.any(String), userId: expect.any(String), dossierCode: code });
    expect(read!.userId).not.toBe(submit!.userId); // reception, then the citizen
  });

  it('of a request nobody signed in to carry no user', async () => {
    await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` });
    expect(completed(`/api/v1/public/dossiers/${code}`, 'GET')).toMatchObject({ reqId: expect.any(String), dossierCode: code });
    expect(completed(`/api/v1/public/dossiers/${code}`, 'GET')).not.toHaveProperty('userId');
  });
});
