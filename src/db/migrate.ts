import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './client.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { RowOf } from './rows.ts';

// Read from the sources also when the server runs from its build (dist/server): one copy of each.
const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src', 'db', 'migrations');
const MIGRATION_FILE = /^\d{4}_[\w-]+\.sql$/;
// Any constant: app instances starting together on one PostgreSQL wait for each other here.
const MIGRATION_LOCK = 7894_2025;

/**
 * Applies the committed SQL migrations in name order and records them in schema_migrations. Each
 * file runs whole, as written (functions, triggers, dollar quotes): the file and its record are one
 * multi-statement query, which PostgreSQL runs as one transaction, so a failing migration leaves
 * nothing behind. Migrations therefore hold no BEGIN/COMMIT of their own. Safe to run from several
 * instances at once: they wait for each other on an advisory lock.
 */
export async function migrate(database: Database, opts: { dir?: string } = {}): Promise<string[]> {
  const dir = opts.dir ?? MIGRATIONS_DIR;
  const files = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort();
  return database.withLock(MIGRATION_LOCK, async () => {
    await database.execScript(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await rows<RowOf<'schema_migrations', { name: string }>>(database.db, sql`select name from schema_migrations`)).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      try {
        // The name is safe to inline: MIGRATION_FILE allows letters, digits, _ and - only.
        await database.execScript(`${text}\n;\nINSERT INTO schema_migrations (name) VALUES ('${file}');`);
      } catch (err) {
        throw new Error(`Migration ${file} failed, nothing of it was applied: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file);
    }
    return applied;
  });
}
