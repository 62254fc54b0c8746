import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { messages, protocol, types } from '@electric-sql/pglite';
import type { Message, PgliteEngine } from './pglite-session.ts';
import type { Ready, Reply, Request, WireError, WorkerInit } from './pglite-worker.ts';

/**
 * PGlite in a worker thread (EMBEDDED_DB_THREAD=worker): the engine the session (pglite-session.ts)
 * drives, with PostgreSQL-in-WebAssembly on a thread of its own so that HTTP and the application
 * run beside it on another core (docs/PERFORMANCE.md "PGlite in a worker thread", docs/adr/0007).
 * A statement's protocol bytes go to the worker and its raw answer comes back, both transferred;
 * the answer is parsed here, by PGlite's own parser, into the same messages and errors as PGlite's
 * execProtocolStream gives in this thread.
 */

/** The worker module: compiled next to this one (dist/), or this file's source transpiled in memory (tsx, vitest). */
async function workerScript(): Promise<URL> {
  const compiled = new URL('./pglite-worker.js', import.meta.url);
  if (import.meta.url.endsWith('.js')) return compiled;
  // From the sources (tsx, vitest): Node 20 runs no TypeScript in a worker (its loader hooks do not
  // reach workers), so the module, which imports only Node's own, is handed over as JavaScript.
  const { transformSync } = await import('esbuild');
  const source = readFileSync(fileURLToPath(new URL('./pglite-worker.ts', import.meta.url)), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'esm', target: 'node20' });
  return new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * The process's Node options for the worker (e.g. --cpu-prof), without those of `node -e`/`-p`
 * (`--input-type`, the evaluated code), which a worker refuses. V8's flags (--liftoff-only,
 * set by the server with setFlagsFromString) are the process's, and so the worker's too.
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--input-type')) continue;
    if (['-e', '--eval', '-p', '--print'].includes(a)) {
      i++;
      continue;
    }
    if (/^(--eval|--print)=/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/**
 * A package's module as a URL the worker can import: its ES module, or, where import.meta.resolve
 * is missing (vitest's global set-up runs under vite's module runner), its CommonJS build.
 */
function resolveModule(specifier: string): string {
  try {
    return import.meta.resolve(specifier);
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve(specifier)).href;
  }
}

function revive(wire: WireError): Error {
  // A DatabaseError again (its `code`, `detail`… restored), as PGlite throws in this thread.
  const err = wire.fields.name === 'error' ? new messages.DatabaseError(wire.message, 0, 'error') : new Error(wire.message);
  return Object.assign(err, wire.fields);
}

/** The array types' serializers and parsers as PGlite registers them (its _initArrayTypes). */
function typeHandlers(arrayTypes: [number, number][]) {
  const serializers: PgliteEngine['serializers'] = { ...(types.serializers as PgliteEngine['serializers']) };
  const parsers: PgliteEngine['parsers'] = { ...(types.parsers as PgliteEngine['parsers']) };
  for (const [oid, typarray] of arrayTypes) {
    serializers[typarray] = (v) => types.arraySerializer(v, serializers[oid], typarray);
    parsers[typarray] = (v) => types.arrayParser(v, parsers[oid]!, typarray);
  }
  return { serializers, parsers };
}

/** Starts PGlite in a worker thread on `dir` (`<dataDir>/db`) or in memory (null). */
export async function startPgliteWorker(opts: { dir: string | null; from?: Blob; startParams: string[] }): Promise<PgliteEngine> {
  const from = opts.from ? await opts.from.arrayBuffer() : null;
  const init: WorkerInit = {
    pglite: resolveModule('@electric-sql/pglite'),
    pgTrgm: resolveModule('@electric-sql/pglite/contrib/pg_trgm'),
    dir: opts.dir,
    from,
    startParams: opts.startParams,
  };
  const worker = new Worker(await workerScript(), { workerData: init, transferList: from ? [from] : [], execArgv: workerExecArgv() });

  const pending = new Map<number, { resolve: (bytes: Uint8Array | undefined) => void; reject: (err: Error) => void }>();
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  let starting = () => worker as unknown;
  const ready = await new Promise<Extract<Ready, { ready: true }>>((resolve, reject) => {
    const onMessage = (m: Ready) => (m.ready ? resolve(m) : reject(revive(m.error)));
    const onExit = (code: number) => reject(new Error(`the embedded database's thread exited (code ${code}) while starting`));
    worker.once('message', onMessage).once('error', reject).once('exit', onExit);
    starting = () => worker.off('message', onMessage).off('error', reject).off('exit', onExit);
  });
  starting();
  worker.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if ('error' in reply) p.reject(revive(reply.error));
    else p.resolve(reply.bytes);
  });
  worker.on('error', (err) => fail(err));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      fail(new Error(`the embedded database's thread exited (code ${code})`));
      resolve();
    }),
  );
  // Idle, the thread does not keep the process alive (nor does PGlite in the server's thread); a
  // request in flight does.
  worker.unref();

  let next = 0;
  const call = (req: Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never, transfer: ArrayBuffer[] = []): Promise<Uint8Array | undefined> => {
    if (failed) return Promise.reject(failed);
    const id = ++next;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
      worker.postMessage({ ...req, id }, transfer);
    });
  };

  let parser = new protocol.Parser();
  const execProtocol = async (parts: Uint8Array[], syncToFs: boolean): Promise<Message[]> => {
    // Copied once into a buffer of its own, which is moved, not copied, to the worker (Buffer.concat
    // may return a slice of Node's shared pool, which cannot be transferred).
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const answer = (await call({ op: 'protocol', bytes, syncToFs }, [bytes.buffer]))!;
    // As PGlite's execProtocolStream: the messages up to the first error, which is thrown.
    const results: Message[] = [];
    let error: Error | null = null;
    parser.parse(answer, (m) => {
      if (error) return;
      if (m instanceof messages.DatabaseError) error = m;
      results.push(m);
    });
    if (error) {
      parser = new protocol.Parser();
      throw error;
    }
    return results;
  };

  return {
    execProtocol,
    exec: async (text) => {
      await call({ op: 'exec', text });
    },
    ping: async () => {
      await call({ op: 'ping' });
    },
    dump: async () => new Blob([(await call({ op: 'dump' }))!]),
    close: async () => {
      await call({ op: 'close' });
      await worker.terminate();
      await exited;
    },
    ...typeHandlers(ready.arrayTypes),
  };
}
