/**
 * `tsx scripts/bench/waits.ts [seconds=600]`, started beside `npm run bench` on PostgreSQL: what the
 * bench database's active backends wait on, sampled every 50 ms from pg_stat_activity (the
 * databases named nts_bench_* that appear after it starts), by wait event and statement. Ends
 * 20 s after they go idle. Connects to DATABASE_URL (default: the local server).
 */
import pg from 'pg';

const c = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await c.connect();
const until = Date.now() + Number(process.argv[2] ?? 600) * 1000;
const before = (await c.query<{ d: string[] }>(`select coalesce(array_agg(datname), '{}') as d from pg_database where datname like 'nts_bench_%'`)).rows[0]!.d;
const counts = new Map<string, number>();
let samples = 0;
let seen = false;
let idle = 0;
while (Date.now() < until) {
  const r = await c.query<{ w: string; q: string }>(
    `select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') as w, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) as q
     from pg_stat_activity where datname like 'nts_bench_%' and not (datname = any($1)) and state = 'active' and pid <> pg_backend_pid()`,
    [before],
  );
  if (r.rows.length) {
    seen = true;
    idle = 0;
    samples++;
    for (const x of r.rows) counts.set(`${x.w} | ${x.q}`, (counts.get(`${x.w} | ${x.q}`) ?? 0) + 1);
  } else if (seen && ++idle > 400) break;
  await new Promise((res) => setTimeout(res, 50));
}
await c.end();
const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.warn(`${samples} samples with active backends, ${total} backend samples`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.warn(`${String(v).padStart(6)} ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
