import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seed } from '../../src/db/seed/demo.ts';
import { createLocalBlobStore } from '../../src/modules/files/storage.local.ts';
import type { MessageSenders } from '../../src/modules/messages/index.ts';
import type { BlobStore } from '../../src/modules/files/storage.ts';

/** A fixed, movable clock: tests decide what "now" is. Default: Monday 2 March 2026, 09:00 in Vietnam. */
export class TestClock {
  constructor(public current = new Date('2026-03-02T09:00:00+07:00')) {}
  now = () => this.current;
  set(iso: string) {
    this.current = new Date(iso);
  }
  advanceHours(h: number) {
    this.current = new Date(this.current.getTime() + h * 3_600_000);
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  /** The blob store's directory (local store), to check what an upload left behind. */
  filesDir: string;
  blobs: BlobStore;
  close(): Promise<void>;
}

/**
 * Builds the real application on a fresh database: a new PostgreSQL database when DATABASE_URL is
 * set (created here with a unique name and dropped on close), otherwise an in-memory PGlite.
 */
export async function startTestApp(env: Record<string, string> = {}, opts: { realClock?: boolean; senders?: MessageSenders } = {}): Promise<TestApp> {
  const filesDir = mkdtempSync(join(tmpdir(), 'nts-files-'));
  let databaseUrl: string | null = null;
  let dropDatabase = async () => {};
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `nts_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      // pool.end() resolves before its sockets are closed: wait for the app's connections to go,
      // so that `with (force)` does not kill one mid-close (an unhandled 57P01 in the test run).
      for (let i = 0; i < 100; i++) {
        const left = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (left.rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_TTL_HOURS: '720', RATE_LIMIT_LOGIN_PER_MINUTE: '10000', SESSION_SECRET: 'x'.repeat(40), ...env },
    tmpdir(),
  );
  const database = await openDatabase({ databaseUrl, dataDir: null, poolSize: 20 });
  // Browser tests run on real time: the browser's own clock must agree with the server's.
  const clock = new TestClock(opts.realClock ? new Date() : undefined);
  if (opts.realClock) clock.now = () => new Date();
  await migrate(database);
  await seed(database, { unit: config.unit, demo: true, now: clock.now() });
  const blobs = createLocalBlobStore(filesDir);
  const app = await buildApp({ config, database, blobs, now: clock.now, ...(opts.senders ? { senders: opts.senders } : {}) });
  await app.ready();
  return {
    app,
    database,
    clock,
    filesDir,
    blobs,
    close: async () => {
      await app.close();
      await database.close();
      await dropDatabase();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
