/**
 * `tsx scripts/bench/inproc.ts [submissions=200] [lookups=2000]`: a submission's and a look-up's
 * CPU cost in one process, without sockets (app.inject on the test app: in-memory PGlite, or a new
 * PostgreSQL database when DATABASE_URL is set), against the same raw ceiling the bench measures
 * (scripts/bench/ceiling.ts). CPU is this process's plus, on PostgreSQL, the test database's
 * backends'. Quicker and steadier than `npm run bench` for comparing two versions of the hot
 * paths on a busy machine; the bench is the measurement of record (docs/PERFORMANCE.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';
import { sql } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import { openPglite, rows, type Database, type Executor } from '../../src/db/client.ts';
import { startTestApp } from '../../tests/support/app.ts';
import { buildSubmission, uploadPdf } from '../../tests/support/builders.ts';
import { demoClients } from '../../tests/support/client.ts';
import { measureCeiling } from './ceiling.ts';
import { CpuAccounting } from './cpu.ts';

setFlagsFromString('--liftoff-only');
const [nSubmit = 200, nLookup = 2000] = process.argv.slice(2).map(Number);
// CONNS=1 for per-statement times (STATEMENTS=1); the bench's 16 and 32 otherwise.
const conns = Number(process.env.CONNS ?? 0);

function ticksOf(pids: number[]): number {
  let t = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      t += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return t * 10; // ms
}

async function backends(database: Database): Promise<number[]> {
  if (database.kind !== 'postgres') return [];
  const r = await rows<{ pid: number }>(database.db, sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  return [...r.map((x) => x.pid), ...(await rows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`)).map((x) => x.pid)];
}

// PROFILE=<dir>: a V8 CPU profile of each measured phase (<dir>/<phase>.cpuprofile).
const inspector = process.env.PROFILE ? new Session() : null;
inspector?.connect();
await inspector?.post('Profiler.enable');

/** Runs `once` n times from `connections` loops; CPU ms per call (this process + the database's backends). */
async function measure(database: Database, n: number, connections: number, once: (i: number) => Promise<unknown>, phase?: string) {
  if (phase && inspector) await inspector.post('Profiler.start');
  const pids = await backends(database);
  const c0 = process.cpuUsage();
  const b0 = ticksOf(pids);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < n) await once(next++);
    }),
  );
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const own = (c.user + c.system) / 1000;
  const db = ticksOf(pids) - b0;
  if (phase && inspector) writeFileSync(join(process.env.PROFILE!, `${phase}.cpuprofile`), JSON.stringify((await inspector.post('Profiler.stop')).profile));
  return { cpuMs: (own + db) / n, ownMs: own / n, dbMs: db / n, rate: (n / wall) * 1000 };
}

// Per statement: process CPU ms and count, when STATEMENTS=1 (meaningful at one connection, CONNS=1, on PGlite).
const perStatement = new Map<string, { ms: number; n: number }>();
const timing = (ex: Executor): Executor =>
  new Proxy(ex, {
    get(target, prop) {
      if (prop === 'execute') {
        return async (query: SQL) => {
          const t0 = process.cpuUsage();
          try {
            return await target.execute(query);
          } finally {
            const text = (query as unknown as { queryChunks: unknown[] }).queryChunks
              .map((c) => (c && typeof c === 'object' && 'value' in c && Array.isArray((c as { value: unknown }).value) ? (c as { value: string[] }).value.join('') : '?'))
              .join('')
              .replace(/\s+/g, ' ')
              .slice(0, 90);
            const e = perStatement.get(text) ?? { ms: 0, n: 0 };
            const d = process.cpuUsage(t0);
            e.ms += (d.user + d.system) / 1000;
            e.n++;
            perStatement.set(text, e);
          }
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
// The bench's server runs PGlite on a data directory (NodeFS), not in memory: so does this, unless MEMORY=1.
const dataDir = process.env.DATABASE_URL || process.env.MEMORY ? null : mkdtempSync(join(tmpdir(), 'nts-inproc-'));
const onDisk = dataDir ? await openPglite(dataDir) : null;
const wrap = (d: Database): Database => {
  const base = onDisk ?? d;
  if (!process.env.STATEMENTS) return base;
  return { ...base, db: timing(base.db), transaction: (fn) => base.transaction((tx) => fn(timing(tx))) };
};
const t = await startTestApp({ MESSAGE_WORKER: 'false' }, { wrapDatabase: wrap });
try {
  const c = await demoClients(t.app);
  const template = await buildSubmission(c.citizen, '1.001193');
  const pool: string[] = [];
  for (let i = 0; i < 64; i++) pool.push(await uploadPdf(c.citizen));
  const codes: string[] = [];
  const submitOnce = async (i: number) => {
    const documents = template.documents.map((d, k) => ({ ...d, fileId: pool[(i * 2 + Math.min(k, 1)) % pool.length]! }));
    const res = await c.citizen.post('/api/v1/dossiers', { ...template, documents }, { 'idempotency-key': `inproc-${process.pid}-${i}-${Math.random().toString(36).slice(2)}` });
    if (res.statusCode !== 201) throw new Error(`submission: ${res.statusCode} ${res.body}`);
    codes.push(res.json().code);
  };
  const lookupOnce = async (i: number) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${codes[i % codes.length]}` });
    if (res.statusCode !== 200) throw new Error(`look-up: ${res.statusCode} ${res.body}`);
  };
  await measure(t.database, 40, 16, (i) => submitOnce(i + 100_000));
  const printStatements = (what: string) => {
    if (!process.env.STATEMENTS) return;
    console.warn(`statements per ${what} (CPU ms each × count):`);
    for (const [text, e] of [...perStatement].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
      console.warn(`${(e.ms / e.n).toFixed(3).padStart(8)} ms × ${String(e.n).padStart(5)}  ${text}`);
    }
    perStatement.clear();
  };
  perStatement.clear();
  const submit = await measure(t.database, nSubmit, conns || 16, submitOnce, 'submit');
  printStatements('submission');
  await measure(t.database, 300, 32, lookupOnce);
  perStatement.clear();
  const lookup = await measure(t.database, nLookup, conns || 32, lookupOnce, 'lookup');
  printStatements('look-up');
  const pids = await backends(t.database);
  const ceiling = await measureCeiling(t.database, {
    codes,
    submitConnections: 16,
    lookupConnections: 32,
    durationS: 4,
    warmupS: 1,
    cpu: new CpuAccounting(-1, t.database.kind === 'postgres' ? async () => pids : null),
  });
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  const pct = (a: number | null, b: number) => (a === null ? '–' : `${Math.round((a / b) * 100)} %`);
  console.warn(
    [
      `database: ${t.database.kind}`,
      `submission: ${f(submit.cpuMs)} ms CPU (process ${f(submit.ownMs)}, backends ${f(submit.dbMs)}), ${submit.rate.toFixed(1)}/s; ceiling ${f(ceiling.submitCpuMs)} ms → ${pct(ceiling.submitCpuMs, submit.cpuMs)} of ceiling by CPU`,
      `look-up: ${f(lookup.cpuMs)} ms CPU (process ${f(lookup.ownMs)}, backends ${f(lookup.dbMs)}), ${lookup.rate.toFixed(0)}/s; ceiling ${f(ceiling.lookupCpuMs)} ms → ${pct(ceiling.lookupCpuMs, lookup.cpuMs)} of ceiling by CPU`,
    ].join('\n'),
  );
  printStatements('ceiling loop');
} finally {
  await t.close();
  await onDisk?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
