import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../db/client.ts';
import { afterFailedAttempt, claimDecision, type RetryPolicy } from '../../domain/delivery.ts';
import { claimDueMessages, finishAttempt, scrubExpiredSecrets } from './messages.repo.ts';
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
  /** One pass: scrub expired secrets, then claim and deliver every due message. */
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
  id?: string;
}

const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 1000);

export function createMessageWorker(o: WorkerOptions): MessageWorker {
  const id = o.id ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = o.leaseMs ?? 120_000;
  const batch = o.batch ?? 20;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let started = false;

  async function deliverBatch(result: RunResult): Promise<number> {
    const claimed = await claimDueMessages(o.database.db, { now: o.now(), workerId: id, leaseMs, limit: batch });
    for (const m of claimed) {
      const now = o.now();
      const decision = claimDecision(m, now, o.retry);
      if (decision !== 'send') {
        await finishAttempt(o.database.db, m.id, id, { status: decision === 'expired' ? 'expired' : 'failed', error: decision === 'expired' ? 'expired before it could be sent' : 'too many attempts' });
        result[decision === 'expired' ? 'expired' : 'failed']++;
        continue;
      }
      try {
        const sender = o.senders[m.channel];
        if (!sender) throw new PermanentDeliveryError(`no provider configured for ${m.channel}`);
        const { providerRef } = await sender.send(m);
        await finishAttempt(o.database.db, m.id, id, { status: 'sent', at: o.now(), providerRef });
        result.sent++;
      } catch (err) {
        const next = err instanceof PermanentDeliveryError ? ({ status: 'failed' } as const) : afterFailedAttempt(m.attempts, o.now(), o.retry);
        const error = errorText(err);
        await finishAttempt(o.database.db, m.id, id, next.status === 'pending' ? { status: 'pending', nextAttemptAt: next.nextAttemptAt, error } : { status: 'failed', error });
        result[next.status === 'pending' ? 'retried' : 'failed']++;
        o.log.warn({ messageId: m.id, channel: m.channel, attempts: m.attempts, err: error, final: next.status === 'failed' }, 'message not delivered');
      }
    }
    return claimed.length;
  }

  async function runOnce(): Promise<RunResult> {
    const result: RunResult = { sent: 0, retried: 0, failed: 0, expired: 0 };
    await scrubExpiredSecrets(o.database.db, o.now());
    // Until nothing more is due: a full batch may leave more, and a message delivered in order
    // (ordering_key) makes the next of its kind due. A bounded number of rounds keeps a pass short.
    for (let round = 0; round < 50; round++) {
      if ((await deliverBatch(result)) === 0) break;
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
