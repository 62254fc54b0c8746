/**
 * `npm run seed:bulk -- [--dossiers 800] [--days 365] [--seed 766]`
 *
 * Writes a year of realistic dossiers (procedures, channels, officials, outcomes: early, on time,
 * late with or without an apology, overdue, waiting, refused, rated) into the database the settings
 * name (DATABASE_URL, else the embedded one in DATA_DIR), after the usual migrations and seed, so
 * that the indicators' charts mean something (docs/INDICATORS.md). Then it folds the indicators'
 * daily aggregate and times the leaders' indicators for the year on that data. Stop the server first when using the embedded database.
 */
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seed } from '../src/db/seed/demo.ts';
import { seedHistory } from '../src/db/seed/history.ts';
import { report, resolvePeriod } from '../src/modules/indicators/indicators.service.ts';
import { refreshAggregate } from '../src/modules/indicators/indicators.aggregate.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
  return v;
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
try {
  await migrate(database);
  const now = new Date();
  const { unitId } = await seed(database, { unit: config.unit, demo: config.seedDemo, now, secret: config.secret });
  const wanted = arg('dossiers', 800);
  const started = performance.now();
  const written = await seedHistory(database, config.unit.code, {
    dossiers: wanted,
    now,
    days: arg('days', 365),
    seed: arg('seed', 766),
    onBatch: (n) => {
      if (n % 10_000 === 0) console.log(`… ${n} dossiers`);
    },
  });
  console.log(`${written} dossiers written in ${Math.round((performance.now() - started) / 1000)} s (unit ${config.unit.code}).`);
  const folding = performance.now();
  const folded = await refreshAggregate(database);
  console.log(`Indicators' daily aggregate: ${folded} unit-days folded in ${Math.round((performance.now() - folding) / 1000)} s.`);
  const t = performance.now();
  const r = await report(database, unitId, resolvePeriod({ from: `${now.getFullYear() - 1}-${String(now.getMonth() + 1).padStart(2, '0')}-01` }, now), {}, now);
  console.log(`Indicators for ${r.period.from}…${r.period.to}: ${r.headline.received} received, index ${r.index.total}/${r.index.max}, in ${Math.round(performance.now() - t)} ms.`);
} finally {
  await database.close();
}
