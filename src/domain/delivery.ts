/**
 * When to try again after a message could not be delivered, and when to give up. Pure: the
 * caller passes `now`. The outbox worker (src/modules/messages) applies the answer.
 */

export interface RetryPolicy {
  /** Wait after the first failed attempt; each further failure doubles it. */
  baseDelayMs: number;
  /** The wait never grows beyond this. */
  maxDelayMs: number;
  /** After this many attempts the message is failed for good (never sent). */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 8 };

/** The wait after the `attempts`-th failed attempt (1-based): base × 2^(attempts−1), capped. */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  if (attempts < 1) return 0;
  // 2^30 × 30 s is far beyond any cap; stop doubling there so the number stays finite.
  const factor = 2 ** Math.min(attempts - 1, 30);
  return Math.min(policy.baseDelayMs * factor, policy.maxDelayMs);
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** What happens to a message whose `attempts`-th attempt (counting this one) just failed. */
export function afterFailedAttempt(attempts: number, now: Date, policy: RetryPolicy): AfterFailure {
  if (attempts >= policy.maxAttempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, policy)) };
}

export type ClaimDecision = 'send' | 'expired' | 'exhausted';

/**
 * Whether a message just claimed for its `attempts`-th attempt should be sent: not if it is past
 * its own expiry (a sign-in code nobody can use any more), nor if earlier attempts were cut short
 * (the instance died mid-send) so often that the limit is already passed.
 */
export function claimDecision(m: { attempts: number; expiresAt: Date | null }, now: Date, policy: RetryPolicy): ClaimDecision {
  if (m.expiresAt && m.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (m.attempts > policy.maxAttempts) return 'exhausted';
  return 'send';
}
