import { describe, expect, it } from 'vitest';
import { newRecoveryCode, normalizeRecoveryCode, secondFactorKind } from './two-factor.ts';

describe('recovery codes', () => {
  it('are XXXX-XXXX-XX from letters and digits that cannot be confused', () => {
    let i = 0;
    const code = newRecoveryCode((max) => i++ % max);
    expect(code).toBe('2345-6789-AB');
    expect(newRecoveryCode((max) => max - 1)).toBe('ZZZZ-ZZZZ-ZZ');
    expect(code).not.toMatch(/[01OIL]/);
  });

  it.each([
    ['2345-6789-ab', '23456789AB'],
    [' 2345 6789 AB ', '23456789AB'],
    ['2345-6789-A8', '23456789A8'],
  ])('%j is read as %j', (typed, normalized) => {
    expect(normalizeRecoveryCode(typed)).toBe(normalized);
  });
});

describe('secondFactorKind', () => {
  it.each([
    ['123456', 'totp'],
    ['123 456', 'totp'],
    ['2345-6789-AB', 'recovery'],
    ['2345 6789 ab', 'recovery'],
    ['12345', null],
    ['2345-6789-ABC', null],
    ['', null],
  ] as const)('%j → %s', (typed, kind) => {
    expect(secondFactorKind(typed)).toBe(kind);
  });
});
