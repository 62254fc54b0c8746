import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, claimDecision, retryDelayMs, type RetryPolicy } from './delivery.ts';

const policy: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 8 };
const now = new Date('2026-03-02T09:00:00+07:00');
const plus = (ms: number) => new Date(now.getTime() + ms);

describe('retryDelayMs', () => {
  it.each([
    [0, 0],
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [7, 1_920_000],
    [8, 3_600_000], // 3 840 s would pass the one-hour cap
    [50, 3_600_000],
  ])('after attempt %i waits %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts, policy)).toBe(ms);
  });
});

describe('afterFailedAttempt', () => {
  it.each([
    [1, { status: 'pending', nextAttemptAt: plus(30_000) }],
    [2, { status: 'pending', nextAttemptAt: plus(60_000) }],
    [7, { status: 'pending', nextAttemptAt: plus(1_920_000) }],
    [8, { status: 'failed' }],
    [9, { status: 'failed' }],
  ])('attempt %i failed → %o', (attempts, expected) => {
    expect(afterFailedAttempt(attempts, now, policy)).toEqual(expected);
  });

  it('a policy of one attempt fails at once', () => {
    expect(afterFailedAttempt(1, now, { ...policy, maxAttempts: 1 })).toEqual({ status: 'failed' });
  });
});

describe('claimDecision', () => {
  it.each([
    ['no expiry, first attempt', { attempts: 1, expiresAt: null }, 'send'],
    ['last allowed attempt', { attempts: 8, expiresAt: null }, 'send'],
    ['an attempt beyond the limit (earlier ones cut short)', { attempts: 9, expiresAt: null }, 'exhausted'],
    ['expires in a second', { attempts: 1, expiresAt: plus(1000) }, 'send'],
    ['expires now', { attempts: 1, expiresAt: now }, 'expired'],
    ['expired an hour ago, even on its last attempt', { attempts: 9, expiresAt: plus(-3_600_000) }, 'expired'],
  ] as const)('%s → %s', (_name, m, expected) => {
    expect(claimDecision(m, now, policy)).toBe(expected);
  });
});
