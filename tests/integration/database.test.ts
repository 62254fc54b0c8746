import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirLockedError, openPglite, rows } from '../../src/db/client.ts';
import { migrate, splitSql } from '../../src/db/migrate.ts';

describe('the embedded database', () => {
  it('refuses a second opener of the same data directory, and reopens after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-lock-'));
    try {
      const first = await openPglite(dir);
      await expect(openPglite(dir)).rejects.toThrow(DataDirLockedError);
      await expect(openPglite(dir)).rejects.toThrow(/đang được tiến trình/);
      await migrate(first);
      await first.execScript("insert into units (id, code, name) values ('00000000-0000-4000-8000-000000000001', 'A.B', 'Đơn vị')");
      await first.close();
      const again = await openPglite(dir);
      expect(await rows<{ name: string }>(again.db, sql`select name from units`)).toEqual([{ name: 'Đơn vị' }]);
      expect(await migrate(again)).toEqual([]); // already applied
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a data directory held by another process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nts-lock2-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/hold-db.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
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
    const db = await openPglite(null);
    await migrate(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into units (id, code, name) values ('00000000-0000-4000-8000-000000000002', 'X.Y', 'x')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await rows(db.db, sql`select * from units`)).toEqual([]);
    await db.close();
  });

  it('splits migration scripts on statements, not on semicolons in strings', () => {
    expect(splitSql("create table a (x text);\n-- c;\ncomment on table a is 'x; y';")).toEqual(['create table a (x text)', "comment on table a is 'x; y'"]);
  });
});
