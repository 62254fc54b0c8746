/**
 * The `indicators` scenario of `npm run bench` (issue 11, docs/INDICATORS.md "At scale"): for each
 * size, a fresh PostgreSQL database with a year of `size` generated dossiers (the same generator
 * as `npm run seed:bulk`), the aggregate folded, then the leaders' indicators for the year timed
 * (one cold call, then repeated warm calls), and the recount check for the year.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seed } from '../../src/db/seed/demo.ts';
import { seedHistory } from '../../src/db/seed/history.ts';
import { addDays } from '../../src/domain/calendar/dates.ts';
import { LATE_PAGE } from '../../src/domain/indicators.ts';
import { vnDateOf } from '../../src/domain/calendar/vn-time.ts';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service.ts';
import { recount, refreshAggregate } from '../../src/modules/indicators/indicators.aggregate.ts';
import { publicReport, report } from '../../src/modules/indicators/indicators.service.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createTempDatabase } from './postgres.ts';

export interface IndicatorsRun {
  size: number;
  seedS: number;
  foldS: number;
  aggregateRows: number;
  coldMs: number;
  p50Ms: number;
  maxMs: number;
  publicP50Ms: number;
  recountMs: number;
  matches: boolean;
}

const REPEAT = 10;
const ms = (t: number) => Math.round(performance.now() - t);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * `reuse`: the URL of a database kept by an earlier run (INDICATORS_BENCH_KEEP=1), measured again
 * as it is — after a change to the queries or the indexes (migrations are applied, the aggregate
 * folded), without the half hour of generating a million dossiers; `generate` is then 0.
 */
export async function runIndicatorsBench(adminUrl: string, sizes: number[], log: (s: string) => void = console.log, reuse?: string): Promise<IndicatorsRun[]> {
  const out: IndicatorsRun[] = [];
  const config = loadConfig();
  for (const size of reuse ? [0] : sizes) {
    const temp = reuse ? { url: reuse, drop: async () => {} } : await createTempDatabase(adminUrl);
    try {
      const database = await openDatabase({ databaseUrl: temp.url, dataDir: null, poolSize: 4 });
      try {
        await migrate(database);
        const now = new Date();
        const { unitId } = await seed(database, { unit: config.unit, demo: true, now, secret: config.secret });
        let t = performance.now();
        if (!reuse) await seedHistory(database, config.unit.code, { dossiers: size, now, days: 365, onBatch: (n) => n % 100_000 === 0 && log(`  … ${n} dossiers`) });
        const seedS = Math.round(ms(t) / 1000);
        t = performance.now();
        await refreshAggregate(database);
        const foldS = Math.round(ms(t) / 1000);
        // A database grown to this size over years has been vacuumed and analysed by autovacuum many
        // times; one loaded in minutes has not (no statistics, no visibility map: every index-only
        // scan visits the heap). Measured as it would be in service.
        await database.db.execute(sql.raw('vacuum (analyze) dossiers, indicator_daily, indicator_monthly, dossier_documents, procedure_versions'));
        const [{ n: aggregateRows }] = (await rows<{ n: number }>(database.db, sql`select (select count(*) from indicator_daily) + (select count(*) from indicator_monthly) as n`)) as [{ n: number }];
        const to = vnDateOf(now);
        const period = { from: addDays(to, -364), to };
        t = performance.now();
        await report(database, unitId, period, {}, now);
        const coldMs = ms(t);
        const warm: number[] = [];
        for (let i = 0; i < REPEAT; i++) {
          t = performance.now();
          await report(database, unitId, period, {}, now);
          warm.push(ms(t));
        }
        const pub: number[] = [];
        for (let i = 0; i < REPEAT; i++) {
          t = performance.now();
          await publicReport(database, unitId, config.unit.name, period, now, { offset: 0, limit: LATE_PAGE.default });
          pub.push(ms(t));
        }
        // INDICATORS_BENCH_RECOUNT=0 skips the check (minutes at a million; a re-measured kept database was checked when it was made).
        const skipRecount = process.env.INDICATORS_BENCH_RECOUNT === '0';
        t = performance.now();
        const check = skipRecount ? { differences: [] } : await recount(database, unitId, period, await loadWorkingCalendar(database.db), now);
        const dossiers = reuse ? Number((await rows<{ n: string }>(database.db, sql`select count(*) as n from dossiers`))[0]!.n) : size;
        const run = { size: dossiers, seedS, foldS, aggregateRows: Number(aggregateRows), coldMs, p50Ms: median(warm), maxMs: Math.max(...warm), publicP50Ms: median(pub), recountMs: skipRecount ? NaN : ms(t), matches: check.differences.length === 0 };
        log(`  indicators, ${size} dossiers: ${JSON.stringify(run)}`);
        out.push(run);
      } finally {
        await database.close();
      }
    } finally {
      // INDICATORS_BENCH_KEEP=1 keeps the database for EXPLAIN (its URL is printed; drop it by hand).
      if (process.env.INDICATORS_BENCH_KEEP === '1' || reuse) log(`  kept ${temp.url}`);
      else await temp.drop();
    }
  }
  return out;
}

export function indicatorsTable(runs: IndicatorsRun[]): string {
  return [
    '| dossiers (one year) | generate | fold aggregate | aggregate rows | leaders’ report, cold | warm p50 | warm max | public page p50 | full recount (check) | aggregate = recount |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
    ...runs.map((r) => `| ${r.size.toLocaleString('en')} | ${r.seedS} s | ${r.foldS} s | ${r.aggregateRows.toLocaleString('en')} | ${r.coldMs} ms | ${r.p50Ms} ms | ${r.maxMs} ms | ${r.publicP50Ms} ms | ${Number.isNaN(r.recountMs) ? 'not run' : `${r.recountMs} ms`} | ${Number.isNaN(r.recountMs) ? '—' : r.matches ? 'yes' : '**no**'} |`),
  ].join('\n');
}
