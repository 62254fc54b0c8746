import { describe, expect, it } from 'vitest';
import { OTP_RULES, codeStatus, isWellFormedCode, newCode, normalizeCode, resendWaitSeconds, secondsLeftInWindow, windowStart } from './otp.ts';

const at = (iso: string) => new Date(iso);

describe('newCode', () => {
  it.each([
    [0, '000000'],
    [42, '000042'],
    [123456, '123456'],
    [999999, '999999'],
  ])('random %i gives %s (six digits, leading zeros kept)', (n, code) => {
    expect(newCode(() => n)).toBe(code);
  });

  it('asks for a number below 10^digits', () => {
    let asked = 0;
    newCode((max) => (asked = max) - 1);
    expect(asked).toBe(1_000_000);
    expect(newCode(() => 7, 8)).toBe('00000007');
  });
});

describe('codes as people type them', () => {
  it.each([
    ['123 456', '123456', true],
    ['123-456', '123456', true],
    [' 012345 ', '012345', true],
    ['12345', '12345', false],
    ['1234567', '1234567', false],
    ['12a456', '12a456', false],
    ['１２３４５６', '１２３４５６', false], // full-width digits are not what was sent
  ])('%j → %j, well formed: %s', (typed, normalized, ok) => {
    expect(normalizeCode(typed)).toBe(normalized);
    expect(isWellFormedCode(normalizeCode(typed))).toBe(ok);
  });
});

describe('codeStatus', () => {
  const base = { attempts: 0, maxAttempts: 5, expiresAt: at('2026-03-02T09:10:00+07:00'), consumedAt: null };
  it.each([
    ['fresh', base, '2026-03-02T09:00:00+07:00', 'usable'],
    ['one second before expiry', base, '2026-03-02T09:09:59+07:00', 'usable'],
    ['at expiry', base, '2026-03-02T09:10:00+07:00', 'expired'],
    ['four wrong tries', { ...base, attempts: 4 }, '2026-03-02T09:00:00+07:00', 'usable'],
    ['five wrong tries', { ...base, attempts: 5 }, '2026-03-02T09:00:00+07:00', 'exhausted'],
    ['used', { ...base, consumedAt: at('2026-03-02T09:01:00+07:00') }, '2026-03-02T09:02:00+07:00', 'used'],
    ['used wins over expired', { ...base, consumedAt: at('2026-03-02T09:01:00+07:00') }, '2026-03-02T10:00:00+07:00', 'used'],
  ] as const)('%s → %s', (_name, c, now, status) => {
    expect(codeStatus(c, at(now))).toBe(status);
  });
});

describe('rate windows', () => {
  const hour = 3_600_000;
  it.each([
    ['2026-03-02T09:00:00+07:00', '2026-03-02T02:00:00.000Z', 3600],
    ['2026-03-02T09:59:59+07:00', '2026-03-02T02:00:00.000Z', 1],
    ['2026-03-02T09:30:00.500+07:00', '2026-03-02T02:00:00.000Z', 1800],
  ])('%s falls in the hour from %s, %i s left', (now, start, left) => {
    expect(windowStart(at(now), hour).toISOString()).toBe(start);
    expect(secondsLeftInWindow(at(now), hour)).toBe(left);
  });

  it('a new code for the same thing waits a minute after the last one', () => {
    const sent = at('2026-03-02T09:00:00+07:00');
    expect(resendWaitSeconds(null, sent)).toBe(0);
    expect(resendWaitSeconds(sent, sent)).toBe(60);
    expect(resendWaitSeconds(sent, at('2026-03-02T09:00:59.100+07:00'))).toBe(1);
    expect(resendWaitSeconds(sent, at('2026-03-02T09:01:00+07:00'))).toBe(0);
  });

  it('the rules are the documented ones', () => {
    expect(OTP_RULES).toMatchObject({ digits: 6, ttlMs: 600_000, maxAttempts: 5, perRecipient: { max: 5, windowMs: hour }, perAddress: { max: 20, windowMs: hour } });
  });
});
