import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirLockedError, openPglite, rows } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { fromSeeded } from '../support/app.ts';
import { embeddedChecksOnly } from '../support/embedded-checks.ts';
import { statementChecks } from '../support/statement-checks.ts';

// PGlite in a worker thread (EMBEDDED_DB_THREAD=worker, src/db/pglite-thread.ts): the same rows,
// types, errors and transactions as in the server's thread, whatever EMBEDDED_DB_THREAD says here.

const from = fromSeeded;

describe('PGlite in a worker thread', () => {
  embeddedChecksOnly();

  statementChecks('statements', async () => {
    const database = await openPglite(null, { ...from(), thread: 'worker' });
    return { database, drop: () => database.close() };
  });

  it('keeps its data directory locked, writes it, and reopens it in either thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-worker-'));
    try {
      const first = await openPglite(dir, { ...from(), thread: 'worker' });
      await expect(openPglite(dir, { thread: 'worker' })).rejects.toThrow(DataDirLockedError);
      await migrate(first);
      await first.execScript("insert into units (id, code, name) values ('00000000-0000-4000-8000-000000000001', 'A.B', 'Đơn vị')");
      // A script's error carries its SQLSTATE as PGlite's does in the server's thread.
      await expect(first.execScript('select * from no_such_table')).rejects.toMatchObject({ code: '42P01' });
      expect((await first.dump!()).size).toBeGreaterThan(1000);
      expect(await first.ping()).toBe(true);
      await first.close();
      const again = await openPglite(dir, { thread: 'main' });
      expect(await rows<{ name: string }>(again.db, sql`select name from units where code = 'A.B'`)).toEqual([{ name: 'Đơn vị' }]);
      expect(await migrate(again)).toEqual([]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs transactions one at a time and keeps the outside waiting until COMMIT', async () => {
    const db = await openPglite(null, { ...from(), thread: 'worker' });
    try {
      await db.execScript('create table wt_counter (n int not null); insert into wt_counter values (0);');
      let inside = 0;
      let most = 0;
      const bump = () =>
        db.transaction(async (tx) => {
          most = Math.max(most, ++inside);
          const [{ n }] = (await rows<{ n: number }>(tx, sql`select n from wt_counter`)) as [{ n: number }];
          await new Promise((r) => setTimeout(r, 1));
          await tx.execute(sql`update wt_counter set n = ${n + 1}`);
          inside--;
        });
      const reads: Promise<unknown>[] = [];
      const writes = Array.from({ length: 20 }, (_, i) => {
        if (i % 5 === 0) reads.push(rows(db.db, sql`select n from wt_counter`));
        return bump();
      });
      await Promise.all([...writes, ...reads]);
      expect(most).toBe(1);
      expect(await rows(db.db, sql`select n from wt_counter`)).toEqual([{ n: 20 }]);
    } finally {
      await db.close();
    }
  });

  it('fails every statement after close, and close leaves no thread keeping the process alive', async () => {
    const db = await openPglite(null, { ...from(), thread: 'worker' });
    await db.close();
    await expect(db.db.execute(sql`select 1`)).rejects.toThrow();
  });
});
