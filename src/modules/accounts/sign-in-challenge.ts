import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, type Executor } from '../../db/client.ts';
import { TWO_FACTOR_RULES } from '../../domain/two-factor.ts';
import { sha256 } from '../../server/secrets.ts';
import type { RowOf } from '../../db/rows.ts';

/**
 * The step between a right password and the second factor. The client holds a random token; only
 * its SHA-256 is stored, with the account, an expiry and a count of tries. No session exists yet.
 */
export async function openChallenge(tx: Executor, userId: string, now: Date): Promise<{ challenge: string; expiresAt: Date }> {
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TWO_FACTOR_RULES.challengeTtlMs);
  await tx.execute(sql`delete from sign_in_challenges where expires_at < ${now.toISOString()}`);
  await tx.execute(sql`insert into sign_in_challenges (id_hash, user_id, created_at, expires_at)
                       values (${sha256(challenge)}, ${userId}, ${now.toISOString()}, ${expiresAt.toISOString()})`);
  return { challenge, expiresAt };
}

/**
 * Takes one try of a challenge (locking its row): the account it is for, or null when it is
 * unknown, expired or out of tries.
 */
export async function tryChallenge(tx: Executor, challenge: string, now: Date): Promise<{ userId: string; hash: string } | null> {
  const hash = sha256(challenge);
  const row = await maybeOne<RowOf<'sign_in_challenges', { user_id: string }>>(
    tx,
    sql`update sign_in_challenges set attempts = attempts + 1
        where id_hash = ${hash} and expires_at > ${now.toISOString()} and attempts < ${TWO_FACTOR_RULES.challengeAttempts}
        returning user_id`,
  );
  return row ? { userId: row.user_id, hash } : null;
}

export async function closeChallenge(tx: Executor, hash: string): Promise<void> {
  await tx.execute(sql`delete from sign_in_challenges where id_hash = ${hash}`);
}
