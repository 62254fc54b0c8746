import { parse, type PGlite, protocol, type Results } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * The embedded database's statements, sent the cheap way. PGlite's `query` makes six calls into
 * PostgreSQL-in-WebAssembly per statement (parse, describe, bind, describe, execute, sync), and
 * PostgreSQL parses and plans the statement every time; on the server's one thread that cost more
 * than most statements' own work (docs/PERFORMANCE.md, 2026-12-02). Here a statement is prepared
 * once under a name (one call: parse and describe), and each execution is one call (bind, execute,
 * sync) that PostgreSQL answers from its plan cache. Rows are parsed by PGlite's own parser, with
 * the same type parsers as drizzle's PGlite driver (timestamps, dates and intervals stay strings),
 * and errors are drizzle's (DrizzleQueryError, the SQLSTATE on `cause`), so callers see no difference.
 *
 * Statements are serialised here, not by PGlite's locks: one at a time outside transactions, and
 * a transaction holds the connection from BEGIN to COMMIT, as PGlite's own `transaction` does.
 */

/** Named statements kept prepared; beyond that, a statement is prepared unnamed each time. */
const MAX_PREPARED = 300;
/** A statement is kept prepared from its second execution on (one-off shapes are not kept). */
const PREPARE_AFTER = 2;

const TEXT_AS_IS = (v: string) => v;
// drizzle's PGlite driver leaves these as PostgreSQL writes them (drizzle-orm/pglite/session.js).
const DRIZZLE_PARSERS: Record<number, (v: string) => unknown> = {
  1114: TEXT_AS_IS, // timestamp
  1184: TEXT_AS_IS, // timestamptz
  1186: TEXT_AS_IS, // interval
  1082: TEXT_AS_IS, // date
  1231: TEXT_AS_IS, // numeric[]
  1115: TEXT_AS_IS, // timestamp[]
  1185: TEXT_AS_IS, // timestamptz[]
  1187: TEXT_AS_IS, // interval[]
  1182: TEXT_AS_IS, // date[]
};

export type Message = { name: string };
interface Prepared {
  /** '' for the unnamed statement (prepared again at each execution). */
  name: string;
  paramTypes: number[];
  /** The statement's RowDescription, or null when it returns no rows. */
  rowDescription: Message | null;
}

/**
 * PGlite as the session uses it: in the server's thread (`mainThreadEngine`) or in a worker thread
 * of its own (pglite-thread.ts, EMBEDDED_DB_THREAD=worker).
 */
export interface PgliteEngine {
  /**
   * Sends wire-protocol messages; resolves with PostgreSQL's answer, or throws its first error
   * (a DatabaseError, the SQLSTATE on `code`) as PGlite's execProtocolStream does.
   */
  execProtocol(parts: Uint8Array[], syncToFs: boolean): Promise<Message[]>;
  /** Runs a multi-statement script (PGlite's exec). */
  exec(text: string): Promise<void>;
  ping(): Promise<void>;
  dump(): Promise<Blob>;
  close(): Promise<void>;
  /** PGlite's type serializers and parsers (its defaults and the array types it registered). */
  serializers: Record<number, (v: unknown) => string>;
  parsers: Record<number, (v: string, typeId?: number) => unknown>;
}

/** PGlite in the server's own thread. */
export function mainThreadEngine(client: PGlite): PgliteEngine {
  const internals = client as unknown as Pick<PgliteEngine, 'serializers' | 'parsers'>;
  return {
    execProtocol: (parts, syncToFs) => client.execProtocolStream(Buffer.concat(parts), { syncToFs }) as Promise<Message[]>,
    exec: async (text) => {
      await client.exec(text);
    },
    ping: async () => {
      await client.query('select 1');
    },
    dump: () => client.dumpDataDir('none'),
    close: () => client.close(),
    serializers: internals.serializers,
    parsers: internals.parsers,
  };
}

export interface PgliteSession {
  /** Runs one statement outside any transaction (waits for an open one to end). */
  execute(query: SQL): Promise<Results>;
  /** Runs `fn` in one transaction; its executor's statements run in it. */
  transaction<T>(fn: (tx: { execute(query: SQL): Promise<Results> }) => Promise<T>): Promise<T>;
  /** Runs `fn` with the connection to itself (scripts, dumps, closing). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function pgliteSession(engine: PgliteEngine): PgliteSession {
  const dialect = new PgDialect();
  const parsers = { ...engine.parsers, ...DRIZZLE_PARSERS };
  const prepared = new Map<string, Prepared>();
  const seen = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();

  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => {});
    return run;
  };

  const send = (parts: Uint8Array[], syncToFs: boolean) => engine.execProtocol(parts, syncToFs);

  async function prepare(text: string, name: string): Promise<Prepared> {
    const messages = await send([protocol.serialize.parse({ text, name }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()], false);
    const params = messages.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
    return { name, paramTypes: params?.dataTypeIDs ?? [], rowDescription: messages.find((m) => m.name === 'rowDescription') ?? null };
  }

  async function statementFor(text: string): Promise<Prepared> {
    const known = prepared.get(text);
    if (known) return known;
    const times = (seen.get(text) ?? 0) + 1;
    if (times < PREPARE_AFTER || prepared.size >= MAX_PREPARED) {
      if (seen.size < 10_000) seen.set(text, times);
      return prepare(text, '');
    }
    seen.delete(text);
    const p = await prepare(text, `nts_${prepared.size + 1}`);
    prepared.set(text, p);
    return p;
  }

  const serialize = (value: unknown, type: number | undefined): string | null => {
    if (value === null || value === undefined) return null;
    const s = type === undefined ? undefined : engine.serializers[type];
    return s ? s(value) : String(value);
  };

  async function run(query: SQL, inTransaction: boolean): Promise<Results> {
    const built = dialect.sqlToQuery(query);
    try {
      const p = await statementFor(built.sql);
      const values = built.params.map((v, i) => serialize(v, p.paramTypes[i]));
      const messages = await send(
        [
          // The unnamed statement was prepared just above, in its own call: nothing ran in between.
          protocol.serialize.bind({ statement: p.name, values }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ],
        !inTransaction,
      );
      return parse.parseResults((p.rowDescription ? [p.rowDescription, ...messages] : messages) as never, parsers as never, { rowMode: 'object' })[0]!;
    } catch (err) {
      throw new DrizzleQueryError(built.sql, built.params, err as Error);
    }
  }

  const simple = async (text: string, syncToFs: boolean) => (await send([protocol.serialize.query(text)], syncToFs)) as (Message & { text?: string })[];

  return {
    execute: (query) => exclusive(() => run(query, false)),
    exclusive,
    transaction: (fn) =>
      exclusive(async () => {
        await simple('BEGIN', false);
        let result;
        try {
          result = await fn({ execute: (query) => run(query, true) });
        } catch (err) {
          await simple('ROLLBACK', true).catch(() => {});
          throw err;
        }
        // A transaction that failed underneath (an error `fn` caught) ends in ROLLBACK, not in an error.
        const done = (await simple('COMMIT', true).catch((err: Error) => {
          throw new DrizzleQueryError('COMMIT', [], err);
        })).find((m) => m.name === 'commandComplete');
        if (done?.text === 'ROLLBACK') throw new DrizzleQueryError('COMMIT', [], new Error('the transaction was aborted: COMMIT rolled back'));
        return result;
      }),
  };
}
