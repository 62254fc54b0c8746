import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import pg from 'pg';

/** A database created for one benchmark run; `drop()` removes it. */
export interface TempDatabase {
  readonly name: string;
  /** DATABASE_URL pointing at the new database. */
  readonly url: string;
  /** `select version()` of the server. */
  readonly serverVersion: string;
  /**
   * Process ids of the backends connected to the database, when the server runs on this machine
   * (a local host name and /proc entries named postgres), for CPU accounting; otherwise [].
   */
  backendPids(): Promise<number[]>;
  drop(): Promise<void>;
}

/** The URL without its password, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid URL>';
  }
}

/**
 * Creates `nts_bench_<timestamp>` on the server `adminUrl` points at (any database there will do
 * for the connection) and returns a URL for it. The caller must call `drop()`.
 */
export async function createTempDatabase(adminUrl: string): Promise<TempDatabase> {
  const name = `nts_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let serverVersion: string;
  try {
    serverVersion = (await admin.query<{ version: string }>('select version()')).rows[0]?.version ?? 'unknown';
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  let dropped = false;
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  let monitor: pg.Client | null = null;
  return {
    name,
    url: u.toString(),
    serverVersion,
    async backendPids() {
      if (!local || dropped) return [];
      if (!monitor) {
        monitor = new pg.Client({ connectionString: adminUrl });
        await monitor.connect();
      }
      const r = await monitor.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
      return r.rows.map((x) => x.pid).filter((pid) => isLocalPostgres(pid));
    },
    async drop() {
      if (dropped) return;
      if (monitor) await monitor.end().catch(() => {});
      monitor = null;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        try {
          // PostgreSQL 13+: ends any connection a killed server left behind.
          await c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
        } catch {
          await c.query(`drop database if exists ${pg.escapeIdentifier(name)}`);
        }
        dropped = true;
      } finally {
        await c.end();
      }
    },
  };
}

function isLocalPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres');
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections at host:port (within `timeoutMs`). */
export function tcpOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
