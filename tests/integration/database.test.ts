import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirLockedError, openPglite, rows } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { STATUSES } from '../../src/domain/dossier-state.ts';
import { fromSeeded, openTestDatabase } from '../support/app.ts';
import { embeddedChecksOnly } from '../support/embedded-checks.ts';

// A fresh data directory starts from the run's seeded dump: an initdb takes a minute on a busy machine.
const from = fromSeeded;

describe('the embedded database', () => {
  embeddedChecksOnly();

  it('refuses a second opener of the same data directory, and reopens after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-lock-'));
    try {
      const first = await openPglite(dir, from());
      await expect(openPglite(dir)).rejects.toThrow(DataDirLockedError);
      await expect(openPglite(dir)).rejects.toThrow(/đang được tiến trình/);
      await migrate(first);
      await first.execScript("insert into units (id, code, name) values ('00000000-0000-4000-8000-000000000001', 'A.B', 'Đơn vị')");
      await first.close();
      const again = await openPglite(dir);
      expect(await rows<{ name: string }>(again.db, sql`select name from units where code = 'A.B'`)).toEqual([{ name: 'Đơn vị' }]);
      expect(await migrate(again)).toEqual([]); // already applied
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a data directory held by another process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-lock2-'));
    const dump = inject('seededDatabase')?.pgliteDump;
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/hold-db.ts'), dir, ...(dump ? [dump] : [])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await once(child.stdout!, 'data');
      await expect(openPglite(dir)).rejects.toThrow(new RegExp(`tiến trình ${child.pid}`));
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    // The holder died without cleaning up: its stale lock is taken over.
    const db = await openPglite(dir);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls back every write of a failed transaction', async () => {
    const db = await openPglite(null, from());
    await migrate(db);
    const before = await rows(db.db, sql`select * from units order by code`);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into units (id, code, name) values ('00000000-0000-4000-8000-000000000002', 'X.Y', 'x')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await rows(db.db, sql`select * from units order by code`)).toEqual(before);
    await db.close();
  });

});

describe('migrations', () => {
  it('run each file whole (a trigger with a dollar-quoted body); a failing file leaves nothing behind and is not recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-migrations-'));
    writeFileSync(
      join(dir, '0001_counter.sql'),
      `-- a comment; with a semicolon
CREATE TABLE counter (n integer NOT NULL, note text);
COMMENT ON TABLE counter IS 'semicolons; in strings';
CREATE FUNCTION counter_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.n := NEW.n + 1; -- statements inside the body
  RETURN NEW;
END;
$$;
CREATE TRIGGER counter_bump BEFORE INSERT ON counter FOR EACH ROW EXECUTE FUNCTION counter_bump();
-- the file ends in a comment, with no newline`,
    );
    writeFileSync(join(dir, '0002_broken.sql'), 'CREATE TABLE half_done (x integer);\nINSERT INTO counter (n) VALUES (1);\nSELECT 1 / 0;\n');
    const { database, drop } = await openTestDatabase();
    try {
      await expect(migrate(database, { dir })).rejects.toThrow(/Migration 0002_broken\.sql failed, nothing of it was applied: division by zero/);
      await database.execScript('INSERT INTO counter (n) VALUES (41)');
      expect(await rows(database.db, sql`select n from counter`)).toEqual([{ n: 42 }]);
      expect(await rows(database.db, sql`select to_regclass('half_done') as t`)).toEqual([{ t: null }]);
      expect(await rows(database.db, sql`select name from schema_migrations order by name`)).toEqual([{ name: '0001_counter.sql' }]);
      // Fixed, it runs on the next start; what was applied is not run again.
      writeFileSync(join(dir, '0002_broken.sql'), 'CREATE TABLE half_done (x integer);\n');
      expect(await migrate(database, { dir })).toEqual(['0002_broken.sql']);
      expect(await migrate(database, { dir })).toEqual([]);
    } finally {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('0008_legal_clock on a database that already ran 0011_integrity widens the status domain to supplement_proposed', async () => {
    const committed = join(dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations');
    const dir = mkdtempSync(join(tmpdir(), 'nts-migrations-order-'));
    const statuses = async (database: Awaited<ReturnType<typeof openTestDatabase>>['database']) => {
      const [row] = await rows<{ def: string }>(
        database.db,
        sql`select pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_type ty on ty.oid = c.contypid
            where ty.typname = 'dossier_status' and c.conname = 'dossier_status_known'`,
      );
      return [...row!.def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
    };
    // The files there were when the clock landed (later ones may build on what 0008 adds).
    for (const f of readdirSync(committed)) if (f < '0012' && f !== '0008_legal_clock.sql') copyFileSync(join(committed, f), join(dir, f));
    // 0011 as it was applied before the clock landed: without the status the clock brings.
    const integrity = join(dir, '0011_integrity.sql');
    writeFileSync(integrity, readFileSync(integrity, 'utf8').replace("'supplement_proposed', ", ''));
    const { database, drop } = await openTestDatabase();
    try {
      await migrate(database, { dir });
      expect(await statuses(database)).toEqual(STATUSES.filter((s) => s !== 'supplement_proposed').sort());
      copyFileSync(join(committed, '0008_legal_clock.sql'), join(dir, '0008_legal_clock.sql'));
      expect(await migrate(database, { dir })).toEqual(['0008_legal_clock.sql']);
      expect(await statuses(database)).toEqual([...STATUSES].sort());
    } finally {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('several instances migrating one database at once apply each file once', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      const results = await Promise.all([migrate(database), migrate(database), migrate(database)]);
      const applied = results.flat();
      expect(new Set(applied).size).toBe(applied.length);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrate(database)).toEqual([]);
    } finally {
      await drop();
    }
  });
});
