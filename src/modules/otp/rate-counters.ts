import { sql } from 'drizzle-orm';
import { maybeOne, type Executor } from '../../db/client.ts';
import { windowStart } from '../../domain/otp.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * Counts one event under `key` in the fixed window `now` falls in, and returns the count so far,
 * this one included. One atomic upsert: events counted at the same moment by several instances
 * are each counted. Call it in the transaction of the event, so an event that rolls back is not
 * counted. Windows more than a day old are removed now and then.
 */
export async function countEvent(tx: Executor, key: string, windowMs: number, now: Date): Promise<number> {
  const start = windowStart(now, windowMs).toISOString();
  const row = await maybeOne<RowOf<'rate_counters', { count: number }>>(
    tx,
    sql`insert into rate_counters (key, window_start, count) values (${key}, ${start}, 1)
        on conflict (key, window_start) do update set count = rate_counters.count + 1
        returning count`,
  );
  // Roughly one call in a hundred tidies up; the table holds only recent windows.
  if (Math.random() < 0.01) {
    await tx.execute(sql`delete from rate_counters where window_start < ${new Date(now.getTime() - 86_400_000).toISOString()}`);
  }
  return Number(row!.count);
}
