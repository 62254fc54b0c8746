import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, openPglite, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seed } from '../../src/db/seed/demo.ts';
import { createLocalBlobStore } from '../../src/modules/files/storage.local.ts';
import type { MessageSenders } from '../../src/modules/messages/index.ts';
import type { BlobStore } from '../../src/modules/files/storage.ts';
import { adminQuery, databaseUrl, seedKey, TEST_ENV, TEST_NOW, type SeededDatabase } from './seeded-database.ts';

/** A fixed, movable clock: tests decide what "now" is. Default: Monday 2 March 2026, 09:00 in Vietnam. */
export class TestClock {
  constructor(public current = new Date(TEST_NOW)) {}
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

/** The test app of each Fastify instance, for helpers given only the app (signIn). */
export const testAppOf = new WeakMap<FastifyInstance, TestApp>();

/**
 * A database of the test's own: an in-memory PGlite, or a new PostgreSQL database when
 * DATABASE_URL is set (unique name, dropped by `drop`). Empty, or a copy of `from`.
 */
export async function openTestDatabase(from: { pgliteDump?: string; postgresTemplate?: string } = {}): Promise<{ database: Database; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite(null, from.pgliteDump ? { from: new Blob([readFileSync(from.pgliteDump)]) } : {});
    return { database, drop: () => database.close() };
  }
  const name = `nts_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(serverUrl, from.postgresTemplate ? `create database ${name} template ${from.postgresTemplate}` : `create database ${name}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), dataDir: null, poolSize: 20 });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        // pool.end() resolves before its sockets are closed: wait for the app's connections to go,
        // so that `with (force)` does not kill one mid-close (an unhandled 57P01 in the test run).
        for (let i = 0; i < 100; i++) {
          const left = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (left.rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The run's seeded database (tests/support/seeded-database.ts), when this runs under vitest's projects. */
function seededDatabase(): SeededDatabase | null {
  try {
    return inject('seededDatabase') ?? null;
  } catch {
    return null;
  }
}

/**
 * The run's seeded embedded database as a data-directory dump (openPglite's `from`): a data
 * directory starts from it in a second instead of an initdb (tests of the embedded database).
 */
export function seededDump(): Blob | undefined {
  const file = seededDatabase()?.pgliteDump;
  return file ? new Blob([readFileSync(file)]) : undefined;
}

/** openPglite's options to start from the run's seeded dump (none outside vitest's projects). */
export function fromSeeded(): { from?: Blob } {
  const dump = seededDump();
  return dump ? { from: dump } : {};
}

/**
 * Builds the real application on a database of its own, migrated and seeded with the demo data:
 * a new PostgreSQL database when DATABASE_URL is set (created here with a unique name and dropped
 * on close), otherwise an in-memory PGlite. Both are copies of the run's seeded database when the
 * seed would be the same (same unit, same clock), else migrated and seeded here.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { realClock?: boolean; senders?: MessageSenders; logStream?: { write(line: string): void }; wrapDatabase?: (d: Database) => Database } = {},
): Promise<TestApp> {
  const started = performance.now();
  const filesDir = mkdtempSync(join(tmpdir(), 'nts-files-'));
  const config = loadConfig({ ...TEST_ENV, ...env }, tmpdir());
  // Browser tests run on real time: the browser's own clock must agree with the server's.
  const clock = new TestClock(opts.realClock ? new Date() : new Date(TEST_NOW));
  if (opts.realClock) clock.now = () => new Date();
  const seeded = seededDatabase();
  const same = seeded?.key === seedKey(config.unit, opts.realClock ? 'real' : clock.now(), config.secret, config.demoHistory);
  const template = same && process.env.DATABASE_URL ? seeded?.postgresTemplate : undefined;
  const dump = same && !process.env.DATABASE_URL ? seeded?.pgliteDump : undefined;

  const t0 = performance.now();
  const { database: opened, drop } = await openTestDatabase(dump ? { pgliteDump: dump } : template ? { postgresTemplate: template } : {});
  // The application's view of it (e.g. a test counting the statements a request makes).
  const database = opts.wrapDatabase ? opts.wrapDatabase(opened) : opened;
  if (!template && !dump) {
    await migrate(database);
    await seed(database, { unit: config.unit, demo: true, now: clock.now(), secret: config.secret, history: config.demoHistory });
  }
  const t1 = performance.now();
  const blobs = createLocalBlobStore(filesDir);
  const app = await buildApp({ config, database, blobs, now: clock.now, ...(opts.senders ? { senders: opts.senders } : {}), ...(opts.logStream ? { logStream: opts.logStream } : {}) });
  await app.ready();
  if (process.env.NTS_TEST_TIMINGS) console.warn(`startTestApp: config ${Math.round(t0 - started)} ms, database ${Math.round(t1 - t0)} ms${template || dump ? '' : ' (migrated and seeded)'}, app ${Math.round(performance.now() - t1)} ms`);
  const testApp: TestApp = {
    app,
    database,
    clock,
    filesDir,
    blobs,
    close: async () => {
      await app.close();
      await drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
  testAppOf.set(app, testApp);
  return testApp;
}
