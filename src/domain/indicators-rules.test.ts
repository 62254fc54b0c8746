import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_RULE, indexRuleInForce, ruleIssues, type IndexRule, type IndexRuleVersion } from './indicators-rules.ts';

const base = DEFAULT_INDEX_RULE.rule;
const withItem = (key: string, patch: Partial<IndexRule['items'][number]>): IndexRule => ({ ...base, items: base.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) });

describe('what is wrong with a rule an admin is about to save', () => {
  it('the built-in rule is valid', () => {
    expect(ruleIssues(base)).toEqual([]);
  });

  it.each([
    ['points no longer add up to 100', withItem('on_time', { max: 25 }), [{ path: ['items'], message: expect.stringContaining('phải bằng 100 (đang là 105)') }]],
    ['points moved between items still add up', { ...base, items: base.items.map((i) => (i.key === 'on_time' ? { ...i, max: 18 } : i.key === 'end_to_end' ? { ...i, max: 14 } : i)) }, []],
    ['a threshold of 0%', withItem('reuse', { threshold: 0 }), [{ path: ['items', 15, 'threshold'], message: expect.stringContaining('Ngưỡng phải lớn hơn 0%') }]],
    ['a threshold above 100%', withItem('reuse', { threshold: 1.2 }), [{ path: ['items', 15, 'threshold'], message: expect.stringContaining('không quá 100%') }]],
    ['a threshold of exactly 100% is fine', withItem('reuse', { threshold: 1 }), []],
    [
      'negative points',
      withItem('reuse', { max: -2 }),
      [
        { path: ['items', 15, 'max'], message: expect.stringContaining('Điểm phải từ 0 đến 100') },
        { path: ['items'], message: expect.stringContaining('đang là 96') },
      ],
    ],
    ['an emptied group', { ...base, items: base.items.map((i) => (i.group6 === 'payment' ? { ...i, group6: 'online' } : i)) }, [{ path: ['groups6', 3], message: expect.stringContaining('Thanh toán trực tuyến') }]],
  ] as const)('%s', (_name, rule, expected) => {
    expect(ruleIssues(rule as IndexRule)).toEqual(expected);
  });
});

describe('which version scores a period', () => {
  const v = (version: number, effectiveFrom: string): IndexRuleVersion => ({ version, effectiveFrom, basis: `v${version}`, rule: base });
  const saved = [v(1, '2026-01-01'), v(2, '2026-07-01'), v(3, '2027-01-01')];
  it.each([
    ['a period ending before any saved version: the built-in one', '2025-12-31', 0],
    ['a past period ending in March: the version in force then', '2026-03-31', 1],
    ['the day a version takes effect', '2026-07-01', 2],
    ['today, with a version saved for next year: not that one', '2026-12-02', 2],
    ['next year', '2027-03-31', 3],
  ] as const)('%s → version %i', (_name, day, version) => {
    expect(indexRuleInForce(saved, day).version).toBe(version);
  });
});
