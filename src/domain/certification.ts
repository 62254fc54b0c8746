/**
 * Certified copies from originals (chứng thực bản sao từ bản chính, Decree 23/2015/NĐ-CP as
 * amended): the fee as versioned data, and how a register number is written. Pure.
 */
import { inForceOn, type IsoDate } from './calendar/index.ts';

/** A fee rule for certifying a copy, with the date it takes effect. */
export interface CertificationFeeRule {
  effectiveFrom: IsoDate;
  legalBasis: string;
  /** Pages charged at the first rate. */
  firstPages: number;
  firstRateVnd: number;
  /** Each further page. */
  laterRateVnd: number;
  /** The most one copy costs. */
  maxPerCopyVnd: number;
}

/**
 * Circular 226/2016/TT-BTC: 2,000 đồng a page for the first two pages, 1,000 đồng a page from the
 * third, at most 200,000 đồng a copy. Whether an electronic copy has its own fee is unconfirmed
 * (docs/certified-copies.md): the same rule applies until a decision is entered.
 */
export const FEE_RULES: readonly CertificationFeeRule[] = [
  {
    effectiveFrom: '2017-01-01',
    legalBasis: 'Thông tư số 226/2016/TT-BTC',
    firstPages: 2,
    firstRateVnd: 2_000,
    laterRateVnd: 1_000,
    maxPerCopyVnd: 200_000,
  },
];

/** The fee for `copies` copies of a `pages`-page document under the rule in force on `date`. */
export function certificationFee(pages: number, copies: number, date: IsoDate, rules: readonly CertificationFeeRule[] = FEE_RULES): number {
  const rule = inForceOn(rules, date) ?? rules[0]!;
  const perCopy = Math.min(rule.maxPerCopyVnd, Math.min(pages, rule.firstPages) * rule.firstRateVnd + Math.max(0, pages - rule.firstPages) * rule.laterRateVnd);
  return perCopy * copies;
}

/** The register's book for a year: "01/2026-SCT/BS" (one book a year, symbol of copies from originals). */
export const registerBook = (year: number) => `01/${year}-SCT/BS`;

/** A register number as printed: "000015". */
export const registerNumber = (n: number) => String(n).padStart(6, '0');
