import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../db/client.ts';
import { afterFailedAttempt, claimDecision, type RetryPolicy } from '../../domain/delivery.ts';
import { batchLoader } from '../../db/batch-loader.ts';
import { claimDueMessages, finishAttempts, scrubExpiredSecrets, type AttemptOutcome, type ClaimedMessage } from './messages.repo.ts';
import { PermanentDeliveryError, type Logger, type MessageSenders } from './messages.senders.ts';

export interface RunResult {
  sent: number;
  retried: number;
  failed: number;
  expired: number;
}

/** Delivers the outbox. Any number of instances may run one against the same database. */
export interface MessageWorker {
  readonly id: string;
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the delivery in progress to finish. */
  stop(): Promise<void>;
  /** Delivers now (after a commit that wrote messages), without waiting for the next poll. */
  kick(): void;
  /** One pass: scrub expired secrets (at most once per poll interval), then claim and deliver every due message. */
  runOnce(): Promise<RunResult>;
}

export interface WorkerOptions {
  database: Database;
  senders: MessageSenders;
  now: () => Date;
  log: Logger;
  retry: RetryPolicy;
  pollMs: number;
  /** How long a claimed message is this worker's (longer than the slowest send: SMTP times out at 30 s). */
  leaseMs?: number;
  batch?: number;
  /** Sends under way at once (each channel's provider is called this many times at most together). */
  sendAtOnce?: number;
  id?: string;
}

const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 1000);

export function createMessageWorker(o: WorkerOptions): MessageWorker {
  const id = o.id ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = o.leaseMs ?? 120_000;
  const batch = o.batch ?? 20;
  const sendAtOnce = o.sendAtOnce ?? 4;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let started = false;
  // When this worker last scrubbed (ms; by its clock): a pass starts at every commit that wrote
  // messages, and a secret is scrubbed within a poll interval of its time all the same.
  let scrubbed = -Infinity;

  // Each outcome is written as soon as its send has ended (a worker that dies in between sends that
  // message again when its lease ends); the outcomes of sends that ended in the same turn of the
  // event loop are written by one statement (batchLoader), never held back for others.
  const outcomes = new Map<string, AttemptOutcome>();
  const record = batchLoader(
    async (ids: string[]) => {
      const done = ids.map((mid) => ({ id: mid, outcome: outcomes.get(mid)! }));
      for (const mid of ids) outcomes.delete(mid);
      const recorded = await finishAttempts(o.database.db, id, done);
      return new Map(ids.map((mid) => [mid, recorded.has(mid)]));
    },
    { maxBatch: batch, inFlight: 1 },
  );
  const finish = (mid: string, outcome: AttemptOutcome) => {
    outcomes.set(mid, outcome);
    return record(mid);
  };

  async function deliver(m: ClaimedMessage, result: RunResult): Promise<void> {
    const decision = claimDecision(m, o.now(), o.retry);
    if (decision !== 'send') {
      await finish(m.id, { status: decision === 'expired' ? 'expired' : 'failed', error: decision === 'expired' ? 'expired before it could be sent' : 'too many attempts' });
      result[decision === 'expired' ? 'expired' : 'failed']++;
      return;
    }
    let outcome: AttemptOutcome;
    try {
      const sender = o.senders[m.channel];
      if (!sender) throw new PermanentDeliveryError(`no provider configured for ${m.channel}`);
      const { providerRef } = await sender.send(m);
      outcome = { status: 'sent', at: o.now(), providerRef };
      result.sent++;
    } catch (err) {
      const next = err instanceof PermanentDeliveryError ? ({ status: 'failed' } as const) : afterFailedAttempt(m.attempts, o.now(), o.retry);
      const error = errorText(err);
      outcome = next.status === 'pending' ? { status: 'pending', nextAttemptAt: next.nextAttemptAt, error } : { status: 'failed', error };
      result[next.status === 'pending' ? 'retried' : 'failed']++;
      o.log.warn({ messageId: m.id, channel: m.channel, attempts: m.attempts, err: error, final: next.status === 'failed' }, 'message not delivered');
    }
    await finish(m.id, outcome);
  }

  /** Delivers a batch, `sendAtOnce` sends at a time; true when more may be due now (a full batch, or one that held ordered messages). */
  async function deliverBatch(result: RunResult): Promise<boolean> {
    const claimed = await claimDueMessages(o.database.db, { now: o.now(), workerId: id, leaseMs, limit: batch });
    let next = 0;
    const lanes = await Promise.allSettled(
      Array.from({ length: Math.min(sendAtOnce, claimed.length) }, async () => {
        while (next < claimed.length) await deliver(claimed[next++]!, result);
      }),
    );
    const failed = lanes.find((l) => l.status === 'rejected');
    if (failed) throw failed.reason;
    // A message delivered in order makes the next of its kind due (a batch holds one per key); a
    // full batch may leave more. Otherwise nothing more is due now: what is written later kicks
    // the worker again.
    return claimed.length === batch || claimed.some((m) => m.orderingKey !== null);
  }

  async function runOnce(): Promise<RunResult> {
    const result: RunResult = { sent: 0, retried: 0, failed: 0, expired: 0 };
    const at = o.now().getTime();
    if (at - scrubbed >= o.pollMs) {
      await scrubExpiredSecrets(o.database.db, o.now());
      scrubbed = at;
    }
    // Until nothing more is due. A bounded number of rounds keeps a pass short.
    for (let round = 0; round < 50; round++) {
      if (!(await deliverBatch(result))) break;
    }
    return result;
  }

  function schedule() {
    if (!started || timer) return;
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, o.pollMs);
    timer.unref();
  }

  function kick() {
    if (running) {
      again = true;
      return;
    }
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await runOnce();
        } catch (err) {
          // The database may be briefly unreachable: the next poll tries again.
          o.log.error({ err: errorText(err), worker: id }, 'message worker pass failed');
        }
      } while (again && started);
    })().finally(() => {
      running = null;
      // A kick that came after the last pass began its final check must not wait for the poll.
      if (again && started) kick();
      else schedule();
    });
  }

  return {
    id,
    start() {
      if (started) return;
      started = true;
      kick();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    kick() {
      if (started) kick();
    },
    runOnce,
  };
}
