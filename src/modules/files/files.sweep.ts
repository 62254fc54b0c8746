import type { FastifyInstance } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Database, type Executor } from '../../db/client.ts';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { BlobStore } from './storage.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

/**
 * The clean-up of abandoned uploads. An upload nothing refers to (no dossier document, nor any
 * other row whose foreign key names it) is removed once it is older than the retention period;
 * then every blob no upload refers to any more is removed from the `files` table and the store;
 * then staged copies left by a process that died mid-upload. The store is content-addressed: a
 * blob shared by another upload stays.
 *
 * Safe with several app instances on one PostgreSQL: each batch locks its rows with
 * FOR UPDATE SKIP LOCKED, so two sweeps share the work instead of colliding, and a blob is
 * deleted while its `files` row is locked — the lock an upload of the same content takes before
 * it writes the blob (files.service.ts) — so a sweep never removes a blob an upload is adding.
 * PGlite runs the same SQL.
 */

export interface SweepResult {
  uploads: number;
  blobs: number;
  staging: number;
}

const BATCH = 200;

/** `not exists` clauses for every foreign key that points at uploads(id), found in the catalogue. */
async function referencesToUploads(ex: Executor): Promise<SQL> {
  const fks = await rows<Computed<{ schema: string; tbl: string; col: string }>>(
    ex,
    sql`select n.nspname as schema, c.relname as tbl, a.attname as col
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
        where k.contype = 'f' and k.confrelid = 'uploads'::regclass
        order by 1, 2, 3`,
  );
  const clauses = fks.map((fk) => sql`not exists (select 1 from ${sql.identifier(fk.schema)}.${sql.identifier(fk.tbl)} r where r.${sql.identifier(fk.col)} = u.id)`);
  return clauses.length ? sql.join(clauses, sql` and `) : sql`true`;
}

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Removes abandoned uploads and the blobs they alone held; see the module comment. */
export async function sweepUploads(deps: { database: Database; blobs: BlobStore }, opts: { now: Date; retentionMs: number }): Promise<SweepResult> {
  const { database, blobs } = deps;
  const cutoff = new Date(opts.now.getTime() - opts.retentionMs).toISOString();
  const unreferenced = await referencesToUploads(database.db);
  const result: SweepResult = { uploads: 0, blobs: 0, staging: 0 };

  for (;;) {
    const n = await database.transaction(async (tx) => {
      const locked = await rows<RowOf<'uploads', { id: string }>>(
        tx,
        sql`select u.id from uploads u where u.created_at < ${cutoff} and ${unreferenced}
            order by u.created_at limit ${BATCH} for update skip locked`,
      );
      if (locked.length === 0) return { locked: 0, deleted: 0 };
      // Checked again now that the rows are locked: a dossier may have taken one meanwhile.
      const deleted = await rows<RowOf<'uploads', { id: string }>>(
        tx,
        sql`delete from uploads u where u.id in (${list(locked.map((r) => r.id))}) and ${unreferenced} returning u.id`,
      );
      return { locked: locked.length, deleted: deleted.length };
    });
    result.uploads += n.deleted;
    if (n.locked < BATCH) break;
  }

  for (;;) {
    const n = await database.transaction(async (tx) => {
      const locked = await rows<RowOf<'files', { sha256: string }>>(
        tx,
        sql`select f.sha256 from files f
            where f.created_at < ${cutoff} and not exists (select 1 from uploads up where up.sha256 = f.sha256)
            order by f.created_at limit ${BATCH} for update skip locked`,
      );
      if (locked.length === 0) return { locked: 0, deleted: 0 };
      const gone = await rows<RowOf<'files', { sha256: string }>>(
        tx,
        sql`delete from files f where f.sha256 in (${list(locked.map((r) => r.sha256))})
            and not exists (select 1 from uploads up where up.sha256 = f.sha256) returning f.sha256`,
      );
      // Under the row locks: if the store fails, the rows come back and the next sweep retries.
      for (const { sha256 } of gone) await blobs.delete(sha256);
      return { locked: locked.length, deleted: gone.length };
    });
    result.blobs += n.deleted;
    if (n.locked < BATCH) break;
  }

  result.staging = await blobs.removeStaleStaging(new Date(cutoff));
  return result;
}

export interface SweeperOptions {
  everyMs: number;
  run: () => Promise<SweepResult>;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * Runs `run` every `everyMs` (the first time after one period), never two at once in this
 * process; a failure is logged and retried at the next tick. Returns stop(), which waits for a
 * run in progress.
 */
export function startSweeper(opts: SweeperOptions): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, opts.everyMs);
    timer.unref();
  };
  const tick = () => {
    running = opts
      .run()
      .then((r) => {
        if (r.uploads || r.blobs || r.staging) opts.log.info({ sweep: r }, 'abandoned uploads removed');
      })
      .catch((err: unknown) => opts.log.error({ err }, 'upload sweep failed'))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Starts the sweep with the app (UPLOAD_SWEEP_INTERVAL_MINUTES; 0 turns it off) and stops it on close. */
export function registerUploadSweeper(app: FastifyInstance, deps: AppDeps): void {
  const { sweepEveryMs, retentionMs } = deps.config.uploads;
  if (sweepEveryMs <= 0) return;
  const now = clock(deps);
  let sweeper: { stop(): Promise<void> } | null = null;
  app.addHook('onReady', async () => {
    sweeper = startSweeper({ everyMs: sweepEveryMs, run: () => sweepUploads(deps, { now: now(), retentionMs }), log: app.log });
  });
  app.addHook('onClose', async () => {
    await sweeper?.stop();
  });
}
