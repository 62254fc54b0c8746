import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * One migrated and seeded database per test run, which every test app starts from (a copy):
 * a PGlite data-directory dump on the embedded database, a template database on PostgreSQL.
 * Made by the integration and browser projects' globalSetup; see startTestApp.
 */
export interface SeededDatabase {
  /** What was seeded: a test app whose seed would differ starts from an empty database instead. */
  key: string;
  /** The PGlite dump's file, or the PostgreSQL template database's name. */
  pgliteDump?: string;
  postgresTemplate?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    seededDatabase: SeededDatabase | null;
  }
}

/** The fixed "now" of TestClock; browser tests run on real time. */
export const TEST_NOW = new Date('2026-03-02T09:00:00+07:00');

/** The settings every test app starts from (startTestApp adds its own on top). */
export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SESSION_TTL_HOURS: '720',
  RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
  SESSION_SECRET: 'x'.repeat(40),
  // Tests count their own dossiers: no demo history unless a test asks for it (the indicators' browser test does).
  DEMO_HISTORY: '0',
} as const;

/**
 * What the seed depends on: the unit, the day the catalogue takes effect, the server's secret
 * (it seals the demo leaders' and admins' authenticator key) and the demo history's size.
 */
export function seedKey(unit: { code: string; name: string; parentName: string }, now: Date | 'real', secret: string, history: number): string {
  return JSON.stringify([unit.code, unit.name, unit.parentName, now === 'real' ? 'real' : now.toISOString(), createHash('sha256').update(secret).digest('hex'), history]);
}

/**
 * Whether the tests of the embedded database itself run on this run. Some integration tests never
 * touch the database DATABASE_URL points to: the embedded database's own behaviour (data-directory
 * lock, dumps; tests/integration/database.test.ts) and `npm start` on an embedded data directory
 * (tests/integration/start.test.ts). On a PostgreSQL run they would replay what the embedded run
 * checks: CI runs them in its embedded half and sets EMBEDDED_CHECKS=0 for its PostgreSQL half,
 * which then seeds no embedded database either. Without DATABASE_URL they always run.
 */
export function embeddedChecks(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.DATABASE_URL || env.EMBEDDED_CHECKS !== '0';
}

export function adminQuery(serverUrl: string, text: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  return c
    .connect()
    .then(() => c.query(text))
    .finally(() => c.end());
}

/** The URL of database `name` on the server that `serverUrl` points to. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  // The project's env (e.g. the tests' scrypt cost) applies to the seed as to the tests: it is read
  // when the application's modules load, so they are imported after it is set.
  for (const [k, v] of Object.entries(project.config.env ?? {})) if (typeof v === 'string') process.env[k] ??= v;
  const { openDatabase } = await import('../../src/db/client.ts');
  const { migrate } = await import('../../src/db/migrate.ts');
  const { seed } = await import('../../src/db/seed/demo.ts');
  const { loadConfig } = await import('../../src/server/config.ts');
  // Browser tests run on real time: the browser's own clock must agree with the server's.
  const now = project.name === 'browser' ? new Date() : TEST_NOW;
  const { unit, secret, demoHistory: history } = loadConfig({ ...TEST_ENV }, tmpdir());
  const key = seedKey(unit, project.name === 'browser' ? 'real' : now, secret, history);
  const serverUrl = process.env.DATABASE_URL;
  const started = performance.now();
  const provided: SeededDatabase = { key };
  const cleanups: (() => Promise<void>)[] = [];
  const made: Promise<void>[] = [];
  if (serverUrl) {
    made.push(
      (async () => {
        const name = `nts_seed_${Date.now()}_${randomBytes(3).toString('hex')}`;
        await adminQuery(serverUrl, `create database ${name}`);
        cleanups.push(async () => void (await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)));
        const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), dataDir: null, poolSize: 2 });
        await migrate(database);
        await seed(database, { unit, demo: true, now, secret, history });
        await database.close();
        provided.postgresTemplate = name;
      })(),
    );
  }
  // The embedded database's tests (database.test.ts, start.test.ts) use the dump on PostgreSQL runs too, unless EMBEDDED_CHECKS=0.
  if (!serverUrl || (project.name === 'integration' && embeddedChecks())) {
    made.push(
      (async () => {
        const database = await openDatabase({ databaseUrl: null, dataDir: null });
        await migrate(database);
        await seed(database, { unit, demo: true, now, secret, history });
        const file = join(tmpdir(), `nts-seed-${process.pid}-${randomBytes(3).toString('hex')}.tar`);
        cleanups.push(async () => rmSync(file, { force: true }));
        writeFileSync(file, Buffer.from(await (await database.dump!()).arrayBuffer()));
        await database.close();
        provided.pgliteDump = file;
      })(),
    );
  }
  const teardown = async () => void (await Promise.all(cleanups.map((c) => c())));
  try {
    await Promise.all(made);
  } catch (err) {
    await Promise.allSettled(made);
    await teardown();
    throw err;
  }
  if (process.env.NTS_TEST_TIMINGS) console.warn(`seeded database for ${project.name} in ${Math.round(performance.now() - started)} ms`);
  project.provide('seededDatabase', provided);
  return teardown;
}
