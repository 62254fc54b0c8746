/**
 * Officials' two-factor sign-in: the rules, no I/O. The second factor is a TOTP code (RFC 6238:
 * 6 digits, 30-second steps, HMAC-SHA-1, what every authenticator app makes) or a single-use
 * recovery code. Which officials must use it is the policy's business (`twoFactorRequired`).
 */

export const TWO_FACTOR_RULES = {
  /** Steps of 30 s; a code of the step before or after is accepted too (a phone's clock drifts). */
  periodSeconds: 30,
  toleranceSteps: 1,
  /** After the password, the second step must follow within this long … */
  challengeTtlMs: 5 * 60_000,
  /** … and within this many tries (each also counts as a failed sign-in of the account). */
  challengeAttempts: 5,
  recoveryCodeCount: 10,
} as const;

// Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A recovery code `XXXX-XXXX-XX` (10 characters from a 31-letter alphabet, ~49 bits), drawn
 * from `randomInt(max)` (uniform in [0, max)).
 */
export function newRecoveryCode(randomInt: (max: number) => number): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** A recovery code as typed: case, spaces and dashes do not count. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** What a typed second factor is: a TOTP code (6 digits), a recovery code (10 characters), or neither. */
export function secondFactorKind(typed: string): 'totp' | 'recovery' | null {
  const compact = typed.replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(compact)) return 'totp';
  if (/^[0-9A-Za-z]{10}$/.test(compact)) return 'recovery';
  return null;
}
