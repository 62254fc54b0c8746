import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './client.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant: app instances starting together on one PostgreSQL wait for each other here.
const MIGRATION_LOCK = 7894_2025;

/**
 * Applies the committed SQL migrations in name order, each in its own transaction, and records
 * them in schema_migrations. Safe to run from several instances at once (advisory lock).
 */
export async function migrate(database: Database): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  await database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const done = new Set((await rows<{ name: string }>(tx, sql`select name from schema_migrations`)).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const text = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
      // Split on statement boundaries: the drivers run one statement per call inside a transaction.
      for (const statement of splitSql(text)) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into schema_migrations (name) values (${file})`);
      applied.push(file);
    }
  });
  return applied;
}

/** Splits a migration script into statements (no dollar-quoted bodies are used in migrations). */
export function splitSql(text: string): string[] {
  const withoutComments = text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n');
  const out: string[] = [];
  let current = '';
  let inString = false;
  for (const ch of withoutComments) {
    if (ch === "'") inString = !inString;
    if (ch === ';' && !inString) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
