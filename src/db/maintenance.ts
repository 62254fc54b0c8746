import type { FastifyInstance } from 'fastify';
import type { Database } from './client.ts';

/**
 * The embedded database's upkeep. PGlite runs PostgreSQL in single-user mode, where no
 * autovacuum runs: without this, the rows that updates and deletes leave behind (every outbox
 * message is updated twice, every dossier at each step) would never be reclaimed, and the
 * planner's statistics would stay those of the empty database as the tables grow. Once a night, at
 * a quiet hour of the ward's day, the whole database is vacuumed and analysed (VACUUM (ANALYZE):
 * no table is locked against reading or writing; on one connection, requests wait while it runs,
 * a few seconds for a ward's data). PostgreSQL's own autovacuum does this there (not run here).
 */

/** The next time it is `hour`:00 in Vietnam (+07:00, no daylight saving) strictly after `now`. */
export function nextVnHour(now: Date, hour: number): Date {
  const VN_MS = 7 * 3600_000;
  const local = new Date(now.getTime() + VN_MS);
  const at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour) - VN_MS;
  return new Date(at > now.getTime() ? at : at + 24 * 3600_000);
}

/** Vacuums and analyses the whole embedded database; returns how long it took (ms). */
export async function vacuumEmbedded(database: Database): Promise<number> {
  if (database.kind !== 'pglite') throw new Error('vacuumEmbedded: PostgreSQL vacuums itself (autovacuum)');
  const started = performance.now();
  await database.execScript('VACUUM (ANALYZE)');
  return Math.round(performance.now() - started);
}

/**
 * On the embedded database, vacuums every night at `hour`:00 Vietnam time (EMBEDDED_VACUUM_HOUR;
 * off when null), and stops with the app. A failure is logged and tried again the next night.
 */
export function registerEmbeddedVacuum(app: FastifyInstance, database: Database, hour: number | null, now: () => Date = () => new Date()): void {
  if (database.kind !== 'pglite' || hour === null) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const t = now();
    // setTimeout holds at most ≈ 24.8 days: a night is always nearer.
    timer = setTimeout(run, nextVnHour(t, hour).getTime() - t.getTime());
    timer.unref();
  };
  const run = () => {
    running = vacuumEmbedded(database)
      .then((ms) => app.log.info({ ms }, 'embedded database vacuumed and analysed'))
      .catch((err: unknown) => app.log.error({ err }, 'embedded database vacuum failed'))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  app.addHook('onReady', async () => schedule());
  app.addHook('onClose', async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  });
}
