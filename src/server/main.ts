import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { seed } from '../db/seed/demo.ts';
import { createBlobStore } from '../modules/files/index.ts';
import { deploymentSigner } from '../modules/signing/unit-signer.ts';

/** Starts the platform: config → database (+ migrations, seed) → HTTP. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(75);
    }
    console.error(`Không kết nối được cơ sở dữ liệu / cannot open the database: ${(err as Error).message}`);
    process.exit(69);
  }
  await migrate(database);
  const seeded = await seed(database, { unit: config.unit, demo: config.seedDemo, now: new Date() });
  // The unit's signing certificate: opened now so a wrong file or password stops the start; without
  // one, the demo certificate is generated (first start) and stored.
  let signer;
  try {
    signer = await deploymentSigner(database.db, config.signing, new Date());
  } catch (err) {
    console.error(`Chứng thư số không mở được / cannot open the signing certificate (SIGNING_P12_FILE, SIGNING_P12_PASSWORD): ${(err as Error).message}`);
    process.exit(78);
  }
  const app = await buildApp({ config, database, blobs: createBlobStore(config.storage) });
  if (signer.demo) {
    app.log.warn({ certificate: signer.info.subject }, 'Signing with a generated DEMO certificate: set SIGNING_P12_FILE and SIGNING_P12_PASSWORD to the unit’s own (README, "The unit’s certificate").');
  } else {
    app.log.info({ certificate: signer.info.subject, notAfter: signer.info.notAfter }, 'signing certificate');
  }
  app.log.info(
    { database: database.kind, unit: config.unit.code, seeded, storage: config.storage.kind },
    config.unit.isDemoCode ? 'UNIT_CODE is the demo value DEMO.07894.H25: set the real electronic ID code in production' : 'starting',
  );
  if (config.production && config.messages.sms === 'log') {
    app.log.warn('SMS_PROVIDER=log: text messages (one-time codes) are written to this log, not sent. Citizens who choose SMS will not receive codes.');
  }
  if (database.kind === 'pglite') {
    app.log.warn('Embedded database (PGlite): it does not fsync; production data belongs on PostgreSQL (DATABASE_URL).');
  }
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

await main();
