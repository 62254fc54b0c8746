/**
 * One-time codes: the rules, with no I/O. A code is 6 digits, lives a few minutes, allows a few
 * tries, and is stored only as a keyed hash (src/modules/otp). How many codes a phone, an email
 * address or a client address may be sent is limited per fixed window, so nobody can flood a
 * person with texts or try codes at scale. Every function takes `now`.
 */

export interface OtpRules {
  digits: number;
  /** How long a code may be used. */
  ttlMs: number;
  /** Wrong tries before the code is spent. */
  maxAttempts: number;
  /** A new code for the same thing may be asked for after this long. */
  resendAfterMs: number;
  /** Codes one phone number or email address may receive per window. */
  perRecipient: { max: number; windowMs: number };
  /** Codes one client address (IP) may cause to be sent per window. */
  perAddress: { max: number; windowMs: number };
}

export const OTP_RULES: OtpRules = {
  digits: 6,
  ttlMs: 10 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
  perRecipient: { max: 5, windowMs: 60 * 60_000 },
  perAddress: { max: 20, windowMs: 60 * 60_000 },
};

/**
 * A code of `digits` decimal digits, leading zeros kept, drawn from `randomInt(max)` (uniform in
 * [0, max): `crypto.randomInt` in the service, a fixed function in tests).
 */
export function newCode(randomInt: (max: number) => number, digits = OTP_RULES.digits): string {
  return String(randomInt(10 ** digits)).padStart(digits, '0');
}

/** Codes are typed by people: spaces and dashes ("123 456", "123-456") are dropped. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export const isWellFormedCode = (code: string, digits = OTP_RULES.digits) => new RegExp(`^\\d{${digits}}$`).test(code);

export interface CodeState {
  attempts: number;
  maxAttempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
}

export type CodeStatus = 'usable' | 'expired' | 'used' | 'exhausted';

/** Whether a code may still be tried now, and if not, why. */
export function codeStatus(c: CodeState, now: Date): CodeStatus {
  if (c.consumedAt) return 'used';
  if (c.attempts >= c.maxAttempts) return 'exhausted';
  if (c.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'usable';
}

/** The start of the fixed window `now` falls in (windows are aligned on the epoch). */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Seconds until the window `now` falls in ends: what to tell someone who is over the limit. */
export function secondsLeftInWindow(now: Date, windowMs: number): number {
  return Math.ceil((windowStart(now, windowMs).getTime() + windowMs - now.getTime()) / 1000);
}

/** Seconds to wait before a new code may be sent for the same thing (0: now). */
export function resendWaitSeconds(lastSentAt: Date | null, now: Date, rules: Pick<OtpRules, 'resendAfterMs'> = OTP_RULES): number {
  if (!lastSentAt) return 0;
  const wait = lastSentAt.getTime() + rules.resendAfterMs - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}
