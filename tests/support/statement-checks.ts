import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../src/db/client.ts';

// Statements run as prepared statements once they repeat (src/db/pglite-session.ts,
// postgres-session.ts): the first run and the prepared ones must give the same rows, types and
// errors. Run on each database (db-statements.test.ts) and on PGlite in a worker thread
// (db-worker.test.ts).

const TYPES = (id: number) =>
  sql`select ${id}::int as n, 'tên'::text as name, true as ok, '{"a":[1,"b"]}'::jsonb as data, '{x,y}'::text[] as tags,
             '2026-03-02T09:00:00+07:00'::timestamptz as at, '2026-03-02'::date as day, 12.50::numeric as amount,
             '1 day'::interval as span, null::text as nothing, 9007199254740993::bigint as big`;

/** The statement checks on the database `open` gives (closed by its `drop`). */
export function statementChecks(title: string, open: () => Promise<{ database: Database; drop(): Promise<void> }>): void {
  describe(title, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, drop } = await open());
      await database.execScript(`create table st_items (id int primary key, name text not null, tags text[], data jsonb, at timestamptz, day date, ok boolean, amount numeric)`);
    });
    afterAll(() => drop());
    it('answer the same rows, with the same types, the first time and once prepared', async () => {
      const first = await rows(database.db, TYPES(1));
      expect(first).toEqual([
        {
          n: 1,
          name: 'tên',
          ok: true,
          data: { a: [1, 'b'] },
          tags: ['x', 'y'],
          at: expect.stringMatching(/^2026-03-02 0[2-9]:00:00/),
          day: '2026-03-02',
          amount: '12.50',
          span: expect.any(String),
          nothing: null,
          big: expect.anything(),
        },
      ]);
      for (let i = 0; i < 4; i++) expect(await rows(database.db, TYPES(1))).toEqual(first);
      expect(await rows(database.db, TYPES(2))).toEqual([{ ...first[0]!, n: 2 }]);
    });

    it('take null, numbers, booleans, JSON and dates as parameters', async () => {
      for (let id = 1; id <= 3; id++) {
        await database.db.execute(
          sql`insert into st_items (id, name, data, at, day, ok, amount) values (${id}, ${`n${id}`}, ${JSON.stringify({ id })}::jsonb, ${new Date(Date.UTC(2026, 2, id)).toISOString()}, ${`2026-03-0${id}`}, ${id % 2 === 0}, ${id * 1.5})`,
        );
      }
      for (let i = 0; i < 3; i++) {
        expect(await rows(database.db, sql`select id, data, ok, amount::text as amount from st_items where id = any(${sql.raw("'{1,2,3}'")}::int[]) and (${null}::text is null) order by id`)).toEqual([
          { id: 1, data: { id: 1 }, ok: false, amount: '1.5' },
          { id: 2, data: { id: 2 }, ok: true, amount: '3' },
          { id: 3, data: { id: 3 }, ok: false, amount: '4.5' },
        ]);
      }
    });

    it('are prepared once they repeat, in the connection that runs them', async () => {
      const found = await database.transaction(async (tx) => {
        for (let i = 0; i < 3; i++) await tx.execute(sql`select /* prepared-probe */ name from st_items where id = ${i}`);
        return rows<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements where statement like '%/* prepared-probe */%' and name <> ''`);
      });
      expect(found[0]!.n).toBeGreaterThanOrEqual(1);
    });

    it('carry the SQLSTATE on cause, and a failed transaction writes nothing', async () => {
      const dup = () => database.db.execute(sql`insert into st_items (id, name) values (${1}, ${'again'})`);
      for (let i = 0; i < 3; i++) await expect(dup()).rejects.toMatchObject({ cause: { code: '23505' } });
      await expect(
        database.transaction(async (tx) => {
          await tx.execute(sql`insert into st_items (id, name) values (${10}, ${'ten'})`);
          await tx.execute(sql`insert into st_items (id, name) values (${1}, ${'again'})`);
        }),
      ).rejects.toMatchObject({ cause: { code: '23505' } });
      expect(await rows(database.db, sql`select id from st_items where id = ${10}`)).toEqual([]);
    });

    it('a transaction whose statement failed underneath does not report success', async () => {
      await expect(
        database.transaction(async (tx) => {
          await tx.execute(sql`insert into st_items (id, name) values (${11}, ${'eleven'})`);
          await tx.execute(sql`insert into st_items (id, name) values (${1}, ${'again'})`).then(
            () => undefined,
            () => undefined, // swallowed: the transaction is aborted all the same
          );
        }),
      ).rejects.toThrow();
      expect(await rows(database.db, sql`select id from st_items where id = ${11}`)).toEqual([]);
      // The connection is usable afterwards.
      expect(await rows(database.db, sql`select count(*)::int as n from st_items`)).toEqual([{ n: 3 }]);
    });

    it('more distinct statements than are kept prepared still run', async () => {
      for (let i = 0; i < 320; i++) {
        const [row] = await rows<{ v: number }>(database.db, sql`select ${i}::int + ${sql.raw(String(i))} as v`);
        expect(row!.v).toBe(2 * i);
        await rows(database.db, sql`select ${i}::int + ${sql.raw(String(i))} as v`);
      }
      expect(await rows(database.db, sql`select ${5}::int as v`)).toEqual([{ v: 5 }]);
    });
  });
}
