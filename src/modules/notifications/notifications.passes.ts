import type { FastifyInstance } from 'fastify';
import { clock } from '../../server/clock.ts';
import type { AppDeps } from '../../server/deps.ts';

/**
 * Runs a module's periodic pass (a reminder, a follow-up question) with the notification
 * scheduler's cadence (NOTIFY_SCHEDULER_SECONDS; 0 turns it off), the first one interval after
 * start: a notice a few minutes late is harmless, and an app just started (a test's, a deploy's)
 * writes nothing before anyone asked. One pass at a time on this instance; each pass must itself
 * be safe with several instances (claim with SKIP LOCKED, mark in the same transaction). A pass
 * that wrote messages wakes the outbox; one that failed is logged and tried again next time.
 */
export function registerScheduledPass(app: FastifyInstance, deps: AppDeps, name: string, pass: (now: Date) => Promise<number>): void {
  const everyMs = deps.config.notifications.schedulerEveryMs;
  if (everyMs <= 0) return;
  const now = clock(deps);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = pass(now())
      .then((n) => {
        if (n > 0) deps.outbox?.kick();
      })
      .catch((err: unknown) => app.log.error({ err: String(err) }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
