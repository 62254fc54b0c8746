import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { maybeOne, rows, type Database, type Executor } from '../../src/db/client.ts';
import { loadDossier } from '../../src/modules/dossiers/dossiers.repo.ts';
import type { CpuAccounting } from './cpu.ts';

/**
 * The raw ceiling of the database under the benchmark, measured in the same run on the same
 * database once the server has stopped: what the database itself does per second, with no HTTP
 * and no application code, for the work of the two API figures that have targets.
 *
 * - submissions: the rows one online submission writes — its dossier, its documents (one
 *   multi-row insert), its first event, its first step, its audit entry, the applicant's notice,
 *   its outbox messages (one multi-row insert) and the unit's counter of the day (the same upsert
 *   on the same row, last: its row stays locked only for the commit) — in one bare transaction
 *   (BEGIN, 8 statements, COMMIT), copied with new
 *   ids from a dossier the server filed during the run, so every value, index and foreign key is
 *   a real one. Not in it: the reads that check a submission (the version in force, the uploads'
 *   owner, the connected systems), which write nothing;
 * - look-ups: the public look-up's own query (`loadDossier`), over the codes filed in the run.
 *
 * Driven like autocannon drives the server: `connections` loops, each starting its next
 * transaction or query when the previous one is done; on PostgreSQL through a pool of the
 * server's size (DATABASE_POOL_SIZE=10), on PGlite through its one connection.
 */
export interface Ceiling {
  /** Bare submission transactions per second. */
  submit: number;
  /** Look-up queries per second. */
  lookup: number;
  /**
   * CPU time per operation (ms of one core): this process (PGlite runs in it) plus PostgreSQL's
   * processes, or null where /proc cannot be read. Less disturbed by other work on a shared
   * machine than the rates: compared with the server's own CPU time per request.
   */
  submitCpuMs: number | null;
  lookupCpuMs: number | null;
}

type Row = Record<string, unknown>;

/** `insert into <table> (<columns>) values (...), (...)` for rows given as objects (jsonb columns as objects). */
function insertRows(table: string, list: Row[]): SQL {
  const columns = Object.keys(list[0]!);
  const value = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);
  return sql`insert into ${sql.identifier(table)} (${sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  )}) values ${sql.join(
    list.map((r) => sql`(${sql.join(
      columns.map((c) => sql`${value(r[c])}`),
      sql`, `,
    )})`),
    sql`, `,
  )}`;
}

/** The rows a submission wrote, as jsonb objects (column → value), read back from the dossier `code`. */
async function submissionRows(ex: Executor, code: string) {
  const dossier = await maybeOne<{ r: Row }>(ex, sql`select to_jsonb(d) as r from dossiers d where code = ${code}`);
  if (!dossier) throw new Error(`ceiling: dossier ${code} not found`);
  const id = dossier.r.id as string;
  const of = async (query: SQL) => (await rows<{ r: Row }>(ex, query)).map((x) => x.r);
  const documents = await of(sql`select to_jsonb(t) as r from dossier_documents t where dossier_id = ${id}`);
  const events = await of(sql`select to_jsonb(t) as r from dossier_events t where dossier_id = ${id}`);
  const steps = await of(sql`select to_jsonb(t) as r from dossier_steps t where dossier_id = ${id}`);
  // The audit row's id is a bigserial: left to its default, as the server leaves it.
  const audits = (await of(sql`select to_jsonb(t) - 'id' as r from audit_log t where entity_type = 'dossier' and entity_id = ${code} and action = 'dossier_submit'`)).slice(0, 1);
  // The notice of its filing (the first one written for it) and its outbox messages, as written:
  // pending, never tried; their sequence numbers left to their defaults.
  const notices = (await of(sql`select to_jsonb(t) - 'seq' as r from notifications t where dossier_id = ${id} order by created_at limit 1`)).slice(0, 1);
  const messages = notices.length
    ? (await of(sql`select to_jsonb(t) - 'seq' as r from messages t where notification_id = ${notices[0]!.id as string}`)).map((m) => ({
        ...m,
        status: 'pending',
        attempts: 0,
        leased_by: null,
        last_error: null,
        provider_ref: null,
        sent_at: null,
        next_attempt_at: m.created_at,
      }))
    : [];
  const counter = await maybeOne<{ unit_id: string; day: string }>(
    ex,
    sql`select unit_id, day from dossier_counters where unit_id = ${dossier.r.receiving_unit_id as string} order by day desc limit 1`,
  );
  if (documents.length === 0 || events.length !== 1 || steps.length !== 1 || audits.length !== 1 || notices.length !== 1 || messages.length === 0 || !counter) {
    throw new Error(
      `ceiling: dossier ${code} has ${documents.length} documents, ${events.length} events, ${steps.length} steps, ${audits.length} audit entries, ${notices.length} notices, ${messages.length} messages, ${counter ? 'a' : 'no'} counter`,
    );
  }
  return { dossier: dossier.r, documents, event: events[0]!, step: steps[0]!, audit: audits[0]!, notice: notices[0]!, messages, counter };
}

/** Runs `once` from `connections` loops for `seconds`; returns completions per second and CPU ms per completion. */
async function closedLoop(connections: number, seconds: number, once: (i: number) => Promise<unknown>, cpu?: CpuAccounting): Promise<{ rate: number; cpuMs: number | null }> {
  const before = await cpu?.snapshot();
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        await once(done);
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const shares = cpu ? cpu.shares(before ?? null, (await cpu.snapshot()) ?? null) : null;
  // % of a core over `elapsed` seconds → ms of CPU per completion.
  const cpuMs = shares && done > 0 ? ((shares.loadGenerator + (shares.postgres ?? 0)) / 100) * elapsed * 1000 / done : null;
  return { rate: done / elapsed, cpuMs };
}

export async function measureCeiling(
  database: Database,
  opts: { codes: readonly string[]; submitConnections: number; lookupConnections: number; durationS: number; warmupS: number; cpu?: CpuAccounting },
): Promise<Ceiling> {
  // The last online submission's rows (the run's last codes may be the intake scenario's, filed by
  // a connected system with an audit entry of its own).
  const last = await maybeOne<{ code: string }>(
    database.db,
    sql`select entity_id as code from audit_log where entity_type = 'dossier' and action = 'dossier_submit' order by id desc limit 1`,
  );
  const template = await submissionRows(database.db, last?.code ?? opts.codes.at(-1)!);
  let n = 0;
  const submitOnce = () =>
    database.transaction(async (tx) => {
      const id = randomUUID();
      const code = `CEILING-${process.pid}-${++n}`;
      const noticeId = randomUUID();
      await tx.execute(insertRows('dossiers', [{ ...template.dossier, id, code, idempotency_key: randomUUID() }]));
      await tx.execute(insertRows('dossier_documents', template.documents.map((d) => ({ ...d, id: randomUUID(), dossier_id: id }))));
      await tx.execute(insertRows('dossier_steps', [{ ...template.step, dossier_id: id }]));
      await tx.execute(insertRows('dossier_events', [{ ...template.event, dossier_id: id }]));
      await tx.execute(insertRows('audit_log', [{ ...template.audit, entity_id: code }]));
      await tx.execute(insertRows('notifications', [{ ...template.notice, id: noticeId, dossier_id: id }]));
      await tx.execute(insertRows('messages', template.messages.map((m) => ({ ...m, id: randomUUID(), notification_id: noticeId, dedupe_key: (m as Row).dedupe_key == null ? null : randomUUID() }))));
      // Last, so that its row is locked only for the commit (the server needs the number first, for the code).
      await tx.execute(
        sql`insert into dossier_counters (unit_id, day, last) values (${template.counter.unit_id}, ${template.counter.day}, 1)
            on conflict (unit_id, day) do update set last = dossier_counters.last + 1 returning last`,
      );
    });
  const lookupOnce = async (i: number) => {
    const d = await loadDossier(database.db, opts.codes[i % opts.codes.length]!);
    if (!d) throw new Error('ceiling: a look-up found nothing');
  };
  if (opts.warmupS > 0) await closedLoop(opts.submitConnections, opts.warmupS, submitOnce);
  const submit = await closedLoop(opts.submitConnections, opts.durationS, submitOnce, opts.cpu);
  if (opts.warmupS > 0) await closedLoop(opts.lookupConnections, opts.warmupS, lookupOnce);
  const lookup = await closedLoop(opts.lookupConnections, opts.durationS, lookupOnce, opts.cpu);
  return { submit: submit.rate, lookup: lookup.rate, submitCpuMs: submit.cpuMs, lookupCpuMs: lookup.cpuMs };
}
