import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, TargetSchema, targetState, type Target } from './targets.ts';

const t = (over: Partial<Target>): Target => ({ ...DEFAULT_TARGETS[0]!, ...over });
const actual = (year: number, value: number) => ({ year, value, source: 'test', asOf: `${year}-12-31` });

describe('where a term target stands', () => {
  const cases: { name: string; target: Partial<Target>; actual: ReturnType<typeof actual> | null; expected: ReturnType<typeof targetState> }[] = [
    { name: '≥ 80% online by 2030, 64% in 2026: on the path from 0 in 2025 (16%)', target: {}, actual: actual(2026, 64), expected: { state: 'on_track', expected: 16, progressPct: 80 } },
    { name: '… 10% in 2026: behind', target: {}, actual: actual(2026, 10), expected: { state: 'behind', expected: 16, progressPct: 12.5 } },
    { name: '… 85% in 2027: met', target: {}, actual: actual(2027, 85), expected: { state: 'met', expected: 32, progressPct: 100 } },
    { name: 'from a baseline: 75% in 2025 to 85% in 2030, 77% in 2027 is behind the 79% expected', target: { baseline: 75, baselineYear: 2025, target: 85 }, actual: actual(2027, 77), expected: { state: 'behind', expected: 79, progressPct: 20 } },
    { name: 'at most: 5% late by 2030 from 15% in 2025, 10% in 2027 is on track', target: { direction: 'at_most', baseline: 15, baselineYear: 2025, target: 5 }, actual: actual(2027, 10), expected: { state: 'on_track', expected: 11, progressPct: 50 } },
    { name: 'no figure set for the term yet', target: { target: null }, actual: actual(2026, 500), expected: { state: 'no_target', expected: null, progressPct: null } },
    { name: 'no actual yet', target: {}, actual: null, expected: { state: 'no_data', expected: null, progressPct: null } },
  ];
  for (const c of cases) it(c.name, () => expect(targetState(t(c.target), c.actual)).toEqual(c.expected));

  it('the built-in targets are valid data, with the seed’s baselines', () => {
    for (const d of DEFAULT_TARGETS) expect(TargetSchema.safeParse(d).success, d.key).toBe(true);
    const by = Object.fromEntries(DEFAULT_TARGETS.map((d) => [d.key, d]));
    expect(by.budget_revenue).toMatchObject({ baseline: 438.608, baselineYear: 2025, unit: 'tỷ đồng' });
    expect(by.online_dossiers).toMatchObject({ target: 80, measure: 'online_share' });
    expect(by.satisfaction).toMatchObject({ target: 99, targetYear: 2030 });
  });
});
