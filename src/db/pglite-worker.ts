import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type * as PgliteModule from '@electric-sql/pglite';
import type * as PgTrgmModule from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The embedded database in a thread of its own (EMBEDDED_DB_THREAD=worker; pglite-thread.ts starts
 * it): PGlite — PostgreSQL in WebAssembly — runs here, and the server's thread sends it wire-protocol
 * bytes and gets the raw answer back (both transferred, not copied), parsing the rows itself
 * (docs/PERFORMANCE.md "PGlite in a worker thread"). Requests are answered one at a time in the
 * order they come; the session on the server's thread serialises them as it does for PGlite in
 * its own thread (pglite-session.ts).
 *
 * This module imports nothing but Node's: PGlite is loaded from the URLs the server's thread
 * resolved, so the same file runs compiled (dist/) and, transpiled in memory, from the sources.
 */

export interface WorkerInit {
  /** import.meta.resolve of '@electric-sql/pglite' and of its pg_trgm extension, on the server's thread. */
  pglite: string;
  pgTrgm: string;
  /** `<dataDir>/db`, or null for an in-memory database. */
  dir: string | null;
  /** A data-directory dump to start a new database from (loadDataDir). */
  from: ArrayBuffer | null;
  startParams: string[];
}

export type Request =
  | { id: number; op: 'protocol'; bytes: Uint8Array; syncToFs: boolean }
  | { id: number; op: 'exec'; text: string }
  | { id: number; op: 'ping' | 'dump' | 'close' };

/** An error as it crosses threads: its message and own fields (a DatabaseError's SQLSTATE `code`, `detail`…). */
export interface WireError {
  message: string;
  fields: Record<string, unknown>;
}

export type Reply = { id: number; bytes?: Uint8Array } | { id: number; error: WireError };

export type Ready = { ready: true; arrayTypes: [number, number][] } | { ready: false; error: WireError };

export function toWire(err: unknown): WireError {
  if (!(err instanceof Error)) return { message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) fields[k] = v;
  return { message: err.message, fields };
}

async function main(init: WorkerInit) {
  const port = parentPort!;
  let client: PGlite;
  try {
    const [{ PGlite }, { pg_trgm }] = (await Promise.all([import(init.pglite), import(init.pgTrgm)])) as [typeof PgliteModule, typeof PgTrgmModule];
    const from = init.from ? { loadDataDir: new Blob([init.from]) } : {};
    const options = { extensions: { pg_trgm }, startParams: init.startParams, ...from };
    client = init.dir ? await PGlite.create(init.dir, options) : await PGlite.create(options);
    // The array types PGlite registered its parsers and serializers for (its _initArrayTypes), so
    // the server's thread parses arrays as PGlite would.
    const arrays = await client.query<{ oid: number; typarray: number }>(
      `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
       WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`,
    );
    port.postMessage({ ready: true, arrayTypes: arrays.rows.map((r) => [r.oid, r.typarray]) } satisfies Ready);
  } catch (err) {
    port.postMessage({ ready: false, error: toWire(err) } satisfies Ready);
    port.close();
    return;
  }

  const handle = async (req: Request): Promise<Uint8Array | undefined> => {
    switch (req.op) {
      case 'protocol':
        // The raw answer, parsed on the server's thread; an error in it is reported there too.
        return client.execProtocolRaw(req.bytes, { syncToFs: req.syncToFs });
      case 'exec':
        await client.exec(req.text);
        return undefined;
      case 'ping':
        await client.query('select 1');
        return undefined;
      case 'dump':
        return new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer());
      case 'close':
        await client.close();
        return undefined;
    }
  };

  // One request at a time, in order: PGlite has one connection.
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (req: Request) => {
    queue = queue.then(async () => {
      let reply: Reply;
      try {
        const bytes = await handle(req);
        reply = bytes ? { id: req.id, bytes } : { id: req.id };
      } catch (err) {
        reply = { id: req.id, error: toWire(err) };
      }
      port.postMessage(reply, 'bytes' in reply && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
      if (req.op === 'close') port.close();
    });
  });
}

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.pglite) await main(workerData as WorkerInit);
