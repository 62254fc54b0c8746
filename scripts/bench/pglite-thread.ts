// PGlite in the server's thread or in a worker thread (EMBEDDED_DB_THREAD), in one process with no
// HTTP: what a statement costs each way (CPU of the whole process, all threads) and how many run
// per second from 1 and from 32 concurrent loops, on a table shaped like `dossiers`.
//   npx tsx scripts/bench/pglite-thread.ts [seconds]
// Also: what the worker's answer would cost to send as parsed rows (structured clone) instead of
// as raw bytes parsed here.
import { setFlagsFromString } from 'node:v8';
import { protocol } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openPglite, rows, type Database } from '../../src/db/client.ts';

setFlagsFromString('--liftoff-only');
const seconds = Number(process.argv[2] ?? 4);

async function loop(connections: number, once: (i: number) => Promise<unknown>) {
  const cpu0 = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await once(done++);
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  return { rate: Math.round(done / wall), cpuMsPerOp: +((cpu.user + cpu.system) / 1000 / done).toFixed(3) };
}

async function measure(thread: 'main' | 'worker') {
  const t0 = performance.now();
  const db: Database = await openPglite(null, { thread });
  const openMs = Math.round(performance.now() - t0);
  await db.execScript(`create table b (id int primary key, code text unique, name text, data jsonb, at timestamptz default now(), n int);
    insert into b (id, code, name, data, n) select i, 'CODE-' || i, repeat('tên ', 8), jsonb_build_object('i', i, 'tags', array['a','b']), i from generate_series(1, 5000) i;`);
  const lookup = (i: number) => rows(db.db, sql`select * from b where code = ${`CODE-${(i % 5000) + 1}`}`);
  let k = 10_000;
  const write = () =>
    db.transaction(async (tx) => {
      for (let j = 0; j < 5; j++) await tx.execute(sql`insert into b (id, code, name, data, n) values (${++k}, ${`W-${k}`}, ${'x'}, ${JSON.stringify({ k })}, ${k})`);
    });
  for (let i = 0; i < 300; i++) await lookup(i); // warm: prepared statements, JIT
  const result = {
    thread,
    openMs,
    lookup1: await loop(1, lookup),
    lookup32: await loop(32, lookup),
    tx5x1: await loop(1, write),
    tx5x16: await loop(16, write),
  };
  await db.close();
  return result;
}

const results = [];
for (const thread of ['main', 'worker', 'main', 'worker'] as const) results.push(await measure(thread));
console.log(JSON.stringify(results, null, 1));

// Parsing the raw answer here vs cloning parsed rows across threads, for one look-up's answer.
const db = await openPglite(null, { thread: 'main' });
await db.execScript(`create table b (id int primary key, code text, name text, data jsonb, at timestamptz default now(), n int); insert into b values (1, 'CODE-1', repeat('tên ', 8), '{"i":1,"tags":["a","b"]}', now(), 1);`);
const [row] = await rows(db.db, sql`select * from b where code = ${'CODE-1'}`);
await db.close();
const N = 20_000;
let t = performance.now();
for (let i = 0; i < N; i++) structuredClone([row]);
const cloneUs = ((performance.now() - t) * 1000) / N;
const bytes = Buffer.concat([protocol.serialize.query('x')]); // a tiny buffer: the transfer's fixed cost
t = performance.now();
for (let i = 0; i < N; i++) structuredClone(new Uint8Array(bytes));
const bytesUs = ((performance.now() - t) * 1000) / N;
console.log(JSON.stringify({ structuredCloneOfOneRowUs: +cloneUs.toFixed(2), structuredCloneOfSmallBytesUs: +bytesUs.toFixed(2) }));
