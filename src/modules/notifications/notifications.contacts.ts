import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * Records that a one-time code reached this phone or email and came back: from now on the
 * contact receives notices. Only the contact on the account is marked (a code sent elsewhere
 * proves nothing about it). Call it in the transaction that checked the code.
 */
export async function markContactVerified(tx: Executor, userId: string, channel: 'sms' | 'email' | 'zalo', recipient: string, now: Date): Promise<void> {
  const at = now.toISOString();
  if (channel === 'email') await tx.execute(sql`update users set email_verified_at = ${at} where id = ${userId} and email = ${recipient}`);
  else await tx.execute(sql`update users set phone_verified_at = ${at} where id = ${userId} and phone = ${recipient}`);
}
