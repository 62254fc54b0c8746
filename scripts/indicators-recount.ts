/**
 * `npm run indicators:recount -- [--from 2026-01-01] [--to 2026-12-31] [--rebuild]`
 *
 * The recount check of the indicators' daily pre-aggregate (docs/INDICATORS.md "At scale"): folds
 * what is queued, then compares the tally of the period (by default the last 12 months, and each of
 * them) from the aggregate with a full recount from the dossiers, for every unit with dossiers.
 * --rebuild first rebuilds the aggregate from scratch. Exits 1 when anything differs. Works on the
 * database the settings name (DATABASE_URL, else the embedded one in DATA_DIR: stop the server first).
 */
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { openDatabase, rows } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { addDays } from '../src/domain/calendar/dates.ts';
import { vnDateOf } from '../src/domain/calendar/vn-time.ts';
import { loadWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import { rebuildAggregate, recount, refreshAggregate } from '../src/modules/indicators/indicators.aggregate.ts';
import { loadConfig } from '../src/server/config.ts';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, rebuild: { type: 'boolean', default: false } } });
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
let failed = false;
try {
  await migrate(database);
  const now = new Date();
  const started = performance.now();
  const folded = values.rebuild ? await rebuildAggregate(database) : await refreshAggregate(database);
  console.log(`${folded} unit-days ${values.rebuild ? 'rebuilt' : 'folded'} in ${Math.round(performance.now() - started)} ms.`);
  const to = values.to ?? vnDateOf(now);
  const from = values.from ?? addDays(to, -364);
  const periods = [{ from, to }];
  if (!values.from && !values.to) for (let m = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); m.toISOString().slice(0, 10) <= to; m.setUTCMonth(m.getUTCMonth() + 1)) {
    const first = m.toISOString().slice(0, 10);
    const next = new Date(m);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const last = addDays(next.toISOString().slice(0, 10), -1);
    periods.push({ from: first < from ? from : first, to: last > to ? to : last });
  }
  const cal = await loadWorkingCalendar(database.db);
  const units = await rows<{ id: string; code: string }>(database.db, sql`select u.id, u.code from units u where exists (select 1 from dossiers d where d.handling_unit_id = u.id or d.receiving_unit_id = u.id) order by u.code`);
  for (const unit of units) {
    for (const p of periods) {
      const r = await recount(database, unit.id, p, cal, now);
      const ok = r.differences.length === 0;
      failed ||= !ok;
      console.log(`${ok ? 'ok  ' : 'DIFF'} ${unit.code} ${p.from}…${p.to}: ${r.recount.received.total} received, ${r.recount.settled.total} settled, ${r.recount.inProgress.total} in progress${ok ? '' : `\n     ${r.differences.join('\n     ')}`}`);
    }
  }
  console.log(failed ? 'The aggregate differs from the recount.' : 'The aggregate matches the recount.');
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
