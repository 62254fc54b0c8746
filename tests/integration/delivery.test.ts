import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { maybeOne, openDatabase, rows, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seed } from '../../src/db/seed/demo.ts';
import { createLocalBlobStore } from '../../src/modules/files/storage.local.ts';
import { enqueueMessage } from '../../src/modules/messages/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/client.ts';
import { expectError } from '../support/expect.ts';
import { TestSmtp } from '../support/smtp.ts';

// Delivery guarantees with the app's own workers running on real time: the dead-letter list an
// admin reads and replays, a mail server that goes down mid-batch and comes back, and two app
// instances on one PostgreSQL database delivering one batch.

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await new TestSmtp().start(0);
});
afterAll(() => smtp.stop());

const mailEnv = () => ({
  EMAIL_PROVIDER: 'smtp',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  SMTP_FROM: 'Phường Nông Trang <no-reply@nongtrang.example.vn>',
  MESSAGE_POLL_SECONDS: '0.1',
  MESSAGE_RETRY_SECONDS: '0.2',
  MESSAGE_MAX_ATTEMPTS: '10',
  NOTIFY_SCHEDULER_SECONDS: '0',
});

async function enqueueMails(database: Database, n: number, tag: string): Promise<string[]> {
  return database.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const m = await enqueueMessage(tx, { channel: 'email', recipient: `${tag}.${i}@example.vn`, template: 'account.password_changed', data: { login: `${tag}-${i}` } }, new Date());
      ids.push(m.id);
    }
    return ids;
  });
}
const statusCounts = (database: Database, ids: string[]) =>
  rows<{ status: string; n: number }>(database.db, sql`select status, count(*)::int as n from messages where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) group by status`);
const allSent = async (database: Database, ids: string[]) => {
  const c = await statusCounts(database, ids);
  return c.length === 1 && c[0]!.status === 'sent' ? c[0]!.n : -1;
};

describe('a mail server that is down, then back, during delivery', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mailEnv(), { realClock: true });
  });
  afterAll(() => t.close());

  it('loses nothing and sends each message once', async () => {
    smtp.received = [];
    const ids = await enqueueMails(t.database, 20, 'down');
    // The server goes down after the first few have arrived, while the rest are being delivered.
    await expect.poll(() => smtp.received.length, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(3);
    await smtp.stop();
    await expect.poll(async () => (await statusCounts(t.database, ids)).some((r) => r.status === 'pending'), { timeout: 20_000 }).toBe(true);
    const retrying = await rows<{ last_error: string }>(t.database.db, sql`select last_error from messages where status = 'pending' and last_error is not null`);
    expect(retrying.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000));
    await smtp.start(); // the same port
    await expect.poll(() => allSent(t.database, ids), { timeout: 60_000, interval: 100 }).toBe(20);
    for (const id of ids) expect(smtp.withId(id), id).toHaveLength(1);
    expect(smtp.received).toHaveLength(20);
  });
});

describe('the dead-letter list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...mailEnv(), MESSAGE_MAX_ATTEMPTS: '2' }, { realClock: true });
  });
  afterAll(() => t.close());

  it('an admin reads what failed and why, sends it again once the cause is mended; a sent message is never sent again', async () => {
    const c = await demoClients(t.app);
    smtp.received = [];
    smtp.answer = { code: 550, message: 'No such user here' };
    const [id] = await enqueueMails(t.database, 1, 'dead');
    await expect.poll(async () => (await statusCounts(t.database, [id!]))[0]?.status, { timeout: 20_000 }).toBe('failed');

    const list = await c.admin.get('/api/v1/admin/messages?status=failed');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((m: { id: string }) => m.id === id);
    expect(item).toMatchObject({ status: 'failed', recipient: 'dead.0@example.vn' });
    expect(item.lastError).toMatch(/550 No such user here/);

    for (const other of [c.reception, c.leader, c.citizen]) expectError(await other.post(`/api/v1/admin/messages/${id}/replay`), 403, 'FORBIDDEN');
    smtp.answer = null; // the mailbox now exists
    const replay = await c.admin.post(`/api/v1/admin/messages/${id}/replay`);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toEqual({ id, status: 'pending' });
    await expect.poll(() => smtp.withId(id!).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await statusCounts(t.database, [id!]))[0]?.status, { timeout: 20_000 }).toBe('sent');

    expectError(await c.admin.post(`/api/v1/admin/messages/${id}/replay`), 409, 'MESSAGE_NOT_REPLAYABLE');
    expectError(await c.admin.post('/api/v1/admin/messages/00000000-0000-4000-8000-000000000000/replay'), 404, 'NOT_FOUND');
    const audit = await maybeOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'replay_message' and entity_id = ${id!}`);
    expect(audit!.n).toBe(1);
    expect(smtp.withId(id!)).toHaveLength(1);
  });
});

describe('two app instances on one PostgreSQL database', () => {
  const name = `nts_two_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL });
  let instances: { close(): Promise<void> }[] = [];
  let databases: Database[] = [];

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) return;
    const a = admin();
    await a.connect();
    await a.query(`create database ${name}`);
    await a.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(40), ...mailEnv() }, tmpdir());
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ databaseUrl: u.toString(), dataDir: null, poolSize: 5 });
      await migrate(database);
      await seed(database, { unit: config.unit, demo: true, now: new Date(), secret: config.secret });
      const app = await buildApp({ config, database, blobs: createLocalBlobStore(tmpdir()) });
      await app.ready();
      databases.push(database);
      instances.push({
        close: async () => {
          await app.close();
          await database.close();
        },
      });
    }
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
    instances = [];
    databases = [];
    if (!process.env.DATABASE_URL) return;
    const a = admin();
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });

  it('deliver a batch of 120, each message once', async (ctx) => {
    if (!process.env.DATABASE_URL) ctx.skip('PostgreSQL only (two instances share one database server): runs when DATABASE_URL is set');
    smtp.received = [];
    smtp.answer = null;
    // Half the batch written through each instance's pool, all at once.
    const [a, b] = await Promise.all([enqueueMails(databases[0]!, 60, 'two-a'), enqueueMails(databases[1]!, 60, 'two-b')]);
    const ids = [...a, ...b];
    await expect.poll(() => allSent(databases[0]!, ids), { timeout: 60_000, interval: 100 }).toBe(120);
    expect(smtp.received).toHaveLength(120);
    for (const id of ids) expect(smtp.withId(id), id).toHaveLength(1);
    const attempts = await rows<{ attempts: number; n: number }>(databases[0]!.db, sql`select attempts, count(*)::int as n from messages where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) group by attempts`);
    expect(attempts).toEqual([{ attempts: 1, n: 120 }]);
  });
});
