import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { vacuumEmbedded } from '../../src/db/maintenance.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// PGlite runs PostgreSQL in single-user mode, without autovacuum: the server vacuums and analyses
// the embedded database itself every night (src/db/maintenance.ts). PostgreSQL vacuums itself.

describe("the embedded database's upkeep", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MESSAGE_WORKER: 'false' });
  });
  afterAll(() => t?.close());

  it.runIf(!process.env.DATABASE_URL)('vacuums and analyses every table, and the server keeps answering: embedded database only, runs when DATABASE_URL is unset', async () => {
    // Old row versions to reclaim: the demo dossiers updated.
    await t.database.db.execute(sql`update dossiers set updated_at = updated_at`);
    const ms = await vacuumEmbedded(t.database);
    expect(ms).toBeGreaterThanOrEqual(0);
    const stats = await rows<{ relname: string; vacuumed: boolean; analysed: boolean }>(
      t.database.db,
      sql`select relname, last_vacuum is not null as vacuumed, last_analyze is not null as analysed from pg_stat_user_tables
          where relname in ('dossiers', 'messages', 'dossier_events', 'audit_log') order by relname`,
    );
    expect(stats).toEqual(['audit_log', 'dossier_events', 'dossiers', 'messages'].map((relname) => ({ relname, vacuumed: true, analysed: true })));
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it.runIf(!!process.env.DATABASE_URL)('is not run on PostgreSQL (its autovacuum does this): runs when DATABASE_URL is set', async () => {
    await expect(vacuumEmbedded(t.database)).rejects.toThrow(/autovacuum/);
  });
});
