import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL statements as named prepared statements: PostgreSQL parses and plans a statement once
 * per connection and then answers it from its plan cache, instead of parsing and planning it at
 * every execution (docs/PERFORMANCE.md, 2026-12-02). node-postgres prepares a named statement on a
 * connection the first time that connection runs it. Rows are typed as drizzle's node-postgres
 * driver types them (timestamps, dates and intervals stay strings) and errors are drizzle's
 * (DrizzleQueryError, the SQLSTATE on `cause`), so callers see no difference.
 */

/** Statement texts given a name; beyond that, statements run unnamed (each connection keeps every name it prepared). */
const MAX_NAMED = 300;
/** A statement is named from its second execution on (one-off shapes are not kept). */
const NAME_AFTER = 2;

const AS_IS = (v: string) => v;
// drizzle-orm/node-postgres/session.js: timestamp, timestamptz, date, interval and their arrays, and numeric[] as written.
const KEEP_TEXT = new Set([1114, 1184, 1082, 1186, 1231, 1115, 1185, 1187, 1182]);
const types = {
  getTypeParser: ((typeId: number, format?: 'text' | 'binary') =>
    KEEP_TEXT.has(typeId) ? AS_IS : pg.types.getTypeParser(typeId, format as 'text')) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface PostgresSession {
  execute(query: SQL): Promise<pg.QueryResult>;
  transaction<T>(fn: (tx: { execute(query: SQL): Promise<pg.QueryResult> }) => Promise<T>): Promise<T>;
}

export function postgresSession(pool: pg.Pool): PostgresSession {
  const dialect = new PgDialect();
  const names = new Map<string, string>();
  const seen = new Map<string, number>();

  const nameFor = (text: string): string | undefined => {
    const name = names.get(text);
    if (name || names.size >= MAX_NAMED) return name;
    const times = (seen.get(text) ?? 0) + 1;
    if (times < NAME_AFTER) {
      if (seen.size < 10_000) seen.set(text, times);
      return undefined;
    }
    seen.delete(text);
    const given = `nts_${names.size + 1}`;
    names.set(text, given);
    return given;
  };

  async function run(on: Queryable, query: SQL): Promise<pg.QueryResult> {
    const built = dialect.sqlToQuery(query);
    const name = nameFor(built.sql);
    try {
      return await on.query({ text: built.sql, values: built.params, types, ...(name ? { name } : {}) });
    } catch (err) {
      throw new DrizzleQueryError(built.sql, built.params, err as Error);
    }
  }

  const plain = async (client: pg.PoolClient, text: string) => {
    try {
      return await client.query(text);
    } catch (err) {
      throw new DrizzleQueryError(text, [], err as Error);
    }
  };

  return {
    execute: (query) => run(pool, query),
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await plain(client, 'begin');
        let result;
        try {
          result = await fn({ execute: (query) => run(client, query) });
        } catch (err) {
          await plain(client, 'rollback').catch((e: Error) => {
            broken = e;
          });
          throw err;
        }
        // A transaction that failed underneath (an error `fn` caught) ends in ROLLBACK, not in an error.
        if ((await plain(client, 'commit')).command === 'ROLLBACK') {
          throw new DrizzleQueryError('commit', [], new Error('the transaction was aborted: COMMIT rolled back'));
        }
        return result;
      } finally {
        // A connection whose rollback failed is closed rather than given to the next request.
        client.release(broken);
      }
    },
  };
}
