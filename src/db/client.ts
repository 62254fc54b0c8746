import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgliteEngine } from './pglite-session.ts';

/** Anything that can run a query: the database itself or an open transaction. */
export interface Executor {
  execute(query: SQL): PromiseLike<unknown>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Executor;
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * Runs a multi-statement SQL script as written, as one query: PostgreSQL runs its statements in
   * one transaction unless the script holds its own BEGIN/COMMIT (migrations).
   */
  execScript(sqlText: string): Promise<void>;
  /** Runs `fn` holding a database-wide advisory lock `key` (one instance at a time, e.g. migrations). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  /** The embedded database's data directory as one file (PGlite's dumpDataDir); PGlite only. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

const DATABASE = Symbol('database');

/**
 * The database an executor works on: the handle itself, or for an open transaction the database
 * it belongs to. Per-database caches are keyed by it, so that they also hit inside transactions.
 */
export function databaseOf(ex: Executor): object {
  return (ex as { [DATABASE]?: object })[DATABASE] ?? ex;
}

/** `fn` on a transaction that knows its database (databaseOf). */
const inTransaction =
  <T>(db: object, fn: (tx: Executor) => Promise<T>) =>
  (tx: Executor) =>
    fn(Object.assign(tx, { [DATABASE]: db }));

/** Rows of a query, typed by the caller (the SQL is the contract). */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as { rows: T[] };
  return result.rows;
}

/** The first row of a query, or null. */
export async function maybeOne<T>(ex: Executor, query: SQL): Promise<T | null> {
  return (await rows<T>(ex, query))[0] ?? null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not lock its data directory and a second process on it corrupts it, so we take
 * a lock file ourselves. A lock left by a dead process is taken over.
 * @throws DataDirLockedError when a live process holds the directory.
 */
const heldLocks = new Set<string>();

function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, 'nong-trang-so.lock');
  if (heldLocks.has(lockPath)) {
    throw new DataDirLockedError(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${process.pid} sử dụng. / The data directory ${dir} is already open in this process.`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldLocks.add(lockPath);
      return () => {
        heldLocks.delete(lockPath);
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      // Our own pid here is a lock left by an earlier run that had the same pid (containers).
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng. / The data directory ${dir} is in use by process ${pid}: ` +
            'stop that process, or point DATA_DIR at another directory, or use DATABASE_URL.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock ${lockPath}`);
}

/** Where the embedded database runs: the server's own thread, or a worker thread of its own (EMBEDDED_DB_THREAD). */
export type EmbeddedDbThread = 'main' | 'worker';

/**
 * EMBEDDED_DB_THREAD as scripts and tests read it when not told (the server passes its validated
 * setting, src/server/config.ts): `worker`, or else the server's own thread.
 */
export const embeddedDbThreadFromEnv = (env: NodeJS.ProcessEnv = process.env): EmbeddedDbThread => (env.EMBEDDED_DB_THREAD === 'worker' ? 'worker' : 'main');

// PostgreSQL's default 128 MB of shared buffers would sit inside the WebAssembly heap; a ward's
// data fits in far less, and the server stays under its memory budget (docs/PERFORMANCE.md).
const SHARED_BUFFERS = ['-c', 'shared_buffers=32MB'];

// Each engine's driver is imported when a database of its kind is opened: the embedded mode never
// loads pg, and a server on PostgreSQL never loads PGlite's WebAssembly (docs/PERFORMANCE.md).
async function startPglite(dir: string | null, from: Blob | undefined, thread: EmbeddedDbThread): Promise<PgliteEngine> {
  if (thread === 'worker') {
    const [{ PGlite }, { startPgliteWorker }] = await Promise.all([import('@electric-sql/pglite'), import('./pglite-thread.ts')]);
    return startPgliteWorker({ dir, ...(from ? { from } : {}), startParams: [...PGlite.defaultStartParams, ...SHARED_BUFFERS] });
  }
  const [{ PGlite }, { pg_trgm }, { mainThreadEngine }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('./pglite-session.ts'),
  ]);
  const options = { extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...SHARED_BUFFERS], ...(from ? { loadDataDir: from } : {}) };
  return mainThreadEngine(dir ? await PGlite.create(dir, options) : await PGlite.create(options));
}

/**
 * Opens the embedded database (PGlite) in `<dataDir>/db`, or an in-memory one for `dataDir = null`.
 * `from`: a data-directory dump (PGlite's dumpDataDir) to start a new database from, instead of
 * creating an empty one (initdb); ignored when the data directory already holds a database.
 * `thread`: where PGlite runs (EMBEDDED_DB_THREAD; by default as the environment says).
 */
export async function openPglite(dataDir: string | null, opts: { from?: Blob; thread?: EmbeddedDbThread } = {}): Promise<Database> {
  const thread = opts.thread ?? embeddedDbThreadFromEnv();
  const { pgliteSession } = await import('./pglite-session.ts');
  let unlock = () => {};
  let engine: PgliteEngine;
  if (dataDir) {
    const dir = join(dataDir, 'db');
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dataDir);
    try {
      const fresh = !existsSync(join(dir, 'PG_VERSION'));
      engine = await startPglite(dir, fresh ? opts.from : undefined, thread);
    } catch (err) {
      unlock();
      throw err;
    }
  } else {
    engine = await startPglite(null, opts.from, thread);
  }
  // Statements go through prepared statements, one call into PostgreSQL each (pglite-session.ts).
  const session = pgliteSession(engine);
  const db: Executor = { execute: session.execute };
  const locks = new Map<number, Promise<unknown>>();
  return {
    kind: 'pglite',
    db,
    transaction: (fn) => session.transaction(inTransaction(db, fn)),
    execScript: (text) => session.exclusive(() => engine.exec(text)),
    // One process holds the data directory (lockDataDir): the lock is a queue in this process.
    withLock: (key, fn) => {
      const run = (locks.get(key) ?? Promise.resolve()).then(fn);
      locks.set(key, run.catch(() => {}));
      return run;
    },
    ping: async () => {
      await session.exclusive(() => engine.ping());
      return true;
    },
    dump: () => session.exclusive(() => engine.dump()),
    close: async () => {
      await session.exclusive(() => engine.close());
      unlock();
    },
  };
}

/** Connects to PostgreSQL through a pool. */
export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const [{ default: pg }, { postgresSession }] = await Promise.all([import('pg'), import('./postgres-session.ts')]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast with the server's own message when the URL is wrong.
  const probe = await pool.connect();
  probe.release();
  // Statements run as named prepared statements once they repeat (postgres-session.ts).
  const session = postgresSession(pool);
  const db: Executor = { execute: session.execute };
  return {
    kind: 'postgres',
    db,
    transaction: (fn) => session.transaction(inTransaction(db, fn)),
    execScript: async (text) => {
      await pool.query(text);
    },
    // The lock is held by a connection of its own: a pool of one stays free for `fn`'s queries.
    withLock: async (key, fn) => {
      const session = new pg.Client({ connectionString: url });
      await session.connect();
      try {
        await session.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await session.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        await session.end();
      }
    },
    ping: async () => {
      await pool.query('select 1');
      return true;
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string | null; poolSize?: number; embeddedThread?: EmbeddedDbThread }): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10)
    : openPglite(opts.dataDir, opts.embeddedThread ? { thread: opts.embeddedThread } : {});
}
