import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from './client.ts';
import { migrate } from './migrate.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

/**
 * The embedded database as `npm run build` leaves it: created (PostgreSQL's initdb, the slow part
 * of a first start) and migrated, holding none of the ward's rows. A first start on an empty
 * DATA_DIR copies it instead of creating a database (docs/PERFORMANCE.md), then migrates and
 * seeds as always. Used only when it was made by the PGlite installed now.
 */
export const INITIAL_DATA_DIR = join(PACKAGE_ROOT, 'dist', 'pglite-initial');
const MADE_WITH = join(INITIAL_DATA_DIR, 'made-with.json');

function pgliteVersion(): string {
  const pkg = join(PACKAGE_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : 'unknown';
}

/** Makes INITIAL_DATA_DIR (the build's step after compiling the server). */
export async function makeInitialDataDir(): Promise<void> {
  rmSync(INITIAL_DATA_DIR, { recursive: true, force: true });
  const database = await openPglite(INITIAL_DATA_DIR);
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  writeFileSync(MADE_WITH, `${JSON.stringify({ pglite: pgliteVersion() })}\n`);
}

/**
 * Puts the build's initial database into `<dataDir>/db` when that holds no database yet. Returns
 * whether it did: false without a build's copy, or one made by another PGlite version (then the
 * database is created at start-up, as without a build).
 */
export function copyInitialDataDir(dataDir: string): boolean {
  const target = join(dataDir, 'db');
  if (existsSync(join(target, 'PG_VERSION')) || !existsSync(MADE_WITH)) return false;
  const made = JSON.parse(readFileSync(MADE_WITH, 'utf8')) as { pglite?: string };
  if (made.pglite !== pgliteVersion()) return false;
  // Copied aside and renamed into place, so that an interrupted copy never looks like a database.
  mkdirSync(dataDir, { recursive: true });
  const staging = join(dataDir, `db.copying-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  cpSync(join(INITIAL_DATA_DIR, 'db'), staging, { recursive: true });
  if (existsSync(target) && readdirSync(target).length === 0) rmSync(target, { recursive: true });
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
  return true;
}

