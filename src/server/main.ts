import { createServer } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { Database } from '../db/client.ts';

/**
 * Starts the platform: settings → port → database (+ migrations, seed) → HTTP; stops on SIGTERM or
 * SIGINT, also while it is still starting, closing the HTTP server and the database (which frees
 * the port and the data directory's lock). `npm start` runs the build of this file (dist/server)
 * as npm's direct child, so a service manager's signals reach it (docs/OPERATIONS.md).
 *
 * What an administrator can fix — a wrong setting, a busy port, a database that cannot be reached,
 * a data directory in use — stops it with one sentence naming the setting and a non-zero exit
 * code (sysexits: 78 setting, 69 port or database unavailable, 75 data directory in use, 70 other).
 */
// The embedded database (PGlite) is PostgreSQL compiled to WebAssembly. V8 compiles it with its
// baseline compiler and then recompiles the functions it finds hot with its optimising compiler;
// that second copy of the code costs ≈ 60 MB of memory that never comes back and buys nothing
// measurable: a query's time is mostly PGlite's JavaScript (docs/PERFORMANCE.md). Set before the
// engine is loaded; only WebAssembly is affected.
setFlagsFromString('--liftoff-only');
// Under sustained load V8 lets its heap grow to up to four times what survived the last full
// collection before the next one: thousands of look-ups a second took the server past 400 MB with
// ≈ 60 MB alive. At most 1.6 times: the same rates, ≈ 100 MB less at the peak (docs/PERFORMANCE.md,
// "Sixth round"). Read by V8 at each full collection, so it holds from here on.
setFlagsFromString('--heap-growing-percent=60');

class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Fails now, before the database is opened, when the port cannot be listened on. */
function checkPort(config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(listenError(err as NodeJS.ErrnoException, config)));
    probe.listen({ port: config.port, host: config.host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function listenError(err: NodeJS.ErrnoException, config: Config): Error {
  const where = `${config.host}:${config.port}`;
  switch (err.code) {
    case 'EADDRINUSE':
      return new StartError(`Cổng ${where} đang bận / Port ${where} is already in use by another program: stop it, or set PORT to a free port.`, 69);
    case 'EACCES':
      return new StartError(`Không được phép dùng cổng ${where} / Port ${where} needs privileges this user lacks: set PORT to 1024 or above.`, 78);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartError(`HOST=${config.host} không phải địa chỉ của máy này / HOST=${config.host} is not an address of this machine: set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.`, 78);
    default:
      return err;
  }
}

/** DATABASE_URL with its password hidden. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function databaseError(err: unknown, config: Config): Error {
  if ((err as Error).name === 'DataDirLockedError') return new StartError((err as Error).message, 75);
  const reason = (err as Error).message || String((err as NodeJS.ErrnoException).code ?? err);
  if (config.databaseUrl) {
    return new StartError(
      `Không kết nối được cơ sở dữ liệu / Cannot connect to the database DATABASE_URL=${redact(config.databaseUrl)} (${reason}): check DATABASE_URL, that PostgreSQL runs and that the database exists.`,
      69,
    );
  }
  return new StartError(`Không mở được cơ sở dữ liệu nhúng / Cannot open the embedded database in DATA_DIR=${config.dataDir} (${reason}): check DATA_DIR and its permissions.`, 69);
}

async function main(): Promise<number> {
  // Signals are handled from the first moment: one during start-up stops it at the next step (an
  // interrupted initdb would leave a broken data directory); a second one exits at once.
  let stop: ((signal: string) => void) | null = null;
  let stopping: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
    stopping = signal;
    stop?.(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stopped = () => stopping !== null;

  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new StartError(err.message, 78);
    throw err;
  }
  await checkPort(config);
  if (stopped()) return 0;
  // The application is loaded once the settings and the port are known to be right: a wrong one
  // is reported in a moment, not after loading the database engine and every module.
  const [{ buildApp }, { openDatabase }, { copyInitialDataDir }, { migrate }, { seed }, { createBlobStore }] = await Promise.all([
    import('./app.ts'),
    import('../db/client.ts'),
    import('../db/initial-data-dir.ts'),
    import('../db/migrate.ts'),
    import('../db/seed/demo.ts'),
    import('../modules/files/index.ts'),
  ]);

  const took: Record<string, number> = {};
  let mark = 0; // the process's start
  const step = (name: string) => {
    const now = performance.now();
    took[name] = Math.round(now - mark);
    mark = now;
  };
  step('load');
  let database: Database;
  let fromBuild = false;
  try {
    // A first start on an empty DATA_DIR copies the build's created and migrated database (no initdb).
    if (!config.databaseUrl) fromBuild = copyInitialDataDir(config.dataDir);
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, embeddedThread: config.embeddedDbThread });
  } catch (err) {
    throw databaseError(err, config);
  }
  step('database');
  try {
    await migrate(database);
    step('migrate');
    if (stopped()) return 0;
    const seeded = await seed(database, { unit: config.unit, demo: config.seedDemo, now: new Date(), secret: config.secret, history: config.demoHistory });
    step('seed');
    if (stopped()) return 0;
    // The unit's signing certificate, when one is configured: opened now so that a wrong file or
    // password stops the start. Without one, the DEMO certificate is made and stored at the first
    // signature (unit-signer.ts), so a start loads neither node-forge nor makes an RSA key.
    let signer = null;
    if (config.signing.p12File) {
      const { deploymentSigner } = await import('../modules/signing/unit-signer.ts');
      try {
        signer = await deploymentSigner(database.db, config.signing, new Date());
      } catch (err) {
        throw new StartError(
          `Chứng thư số không mở được / cannot open the signing certificate (SIGNING_P12_FILE, SIGNING_P12_PASSWORD): ${(err as Error).message}`,
          78,
        );
      }
    }
    step('signing');
    const app = await buildApp({ config, database, blobs: createBlobStore(config.storage) });
    step('app');
    if (!signer) {
      app.log.warn('Signing with a generated DEMO certificate (made at the first signature): set SIGNING_P12_FILE and SIGNING_P12_PASSWORD to the unit’s own (README, "The unit’s certificate").');
    } else {
      app.log.info({ certificate: signer.info.subject, notAfter: signer.info.notAfter }, 'signing certificate');
    }
    app.log.info(
      { database: database.kind, fromBuild, unit: config.unit.code, seeded, storage: config.storage.kind },
      config.unit.isDemoCode ? 'UNIT_CODE is the demo value DEMO.07894.H25: set the real electronic ID code in production' : 'starting',
    );
    if (config.production && config.messages.sms.kind === 'log') {
      app.log.warn('SMS_PROVIDER=log: text messages (one-time codes) are written to this log, not sent. Citizens who choose SMS will not receive codes.');
    }
    if (database.kind === 'pglite') {
      app.log.warn('Embedded database (PGlite): it does not fsync; production data belongs on PostgreSQL (DATABASE_URL).');
    }
    const signalled = new Promise<string>((resolve) => {
      stop = resolve;
      if (stopping) resolve(stopping);
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      await app.close();
      throw listenError(err as NodeJS.ErrnoException, config);
    }
    step('listen');
    const memory = process.memoryUsage();
    app.log.info({ startMs: Math.round(performance.now()), took, rssMb: Math.round(memory.rss / 2 ** 20), heapMb: Math.round(memory.heapUsed / 2 ** 20) }, 'started');
    const signal = await signalled;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof StartError) {
    console.error(err.message);
    process.exitCode = err.exitCode;
  } else {
    console.error(`Không khởi động được / Cannot start: ${(err as Error).message}`);
    if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(err);
    process.exitCode = 70;
  }
}
// Nothing should keep the process alive after a stop (a pool's socket, a timer of a library).
setTimeout(() => process.exit(), 2_000).unref();
