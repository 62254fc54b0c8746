import { describe, expect, it } from 'vitest';
import { certificationFee, registerBook, registerNumber, type CertificationFeeRule } from './certification.ts';

describe('the fee for a certified copy (Circular 226/2016/TT-BTC)', () => {
  it.each([
    [1, 1, 2_000],
    [2, 1, 4_000],
    [3, 1, 5_000],
    [10, 1, 12_000],
    [10, 3, 36_000],
    [198, 1, 200_000], // 4,000 + 196,000 = 200,000: the cap exactly
    [500, 1, 200_000], // capped per copy
    [500, 2, 400_000],
  ])('%i pages × %i copies → %i đồng', (pages, copies, fee) => {
    expect(certificationFee(pages, copies, '2026-03-02')).toBe(fee);
  });

  it('a new rule applies from its date, never before', () => {
    const rules: CertificationFeeRule[] = [
      { effectiveFrom: '2017-01-01', legalBasis: 'cũ', firstPages: 2, firstRateVnd: 2_000, laterRateVnd: 1_000, maxPerCopyVnd: 200_000 },
      { effectiveFrom: '2027-01-01', legalBasis: 'mới', firstPages: 1, firstRateVnd: 3_000, laterRateVnd: 1_500, maxPerCopyVnd: 250_000 },
    ];
    expect(certificationFee(3, 1, '2026-12-31', rules)).toBe(5_000);
    expect(certificationFee(3, 1, '2027-01-01', rules)).toBe(6_000);
  });
});

describe('register numbers', () => {
  it('one book a year, six-digit numbers', () => {
    expect(registerBook(2026)).toBe('01/2026-SCT/BS');
    expect(registerNumber(15)).toBe('000015');
    expect(registerNumber(1234567)).toBe('1234567');
  });
});
