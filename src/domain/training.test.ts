import { describe, expect, it } from 'vitest';
import { activeOn, shareTrained, type CompletionFact, type OfficialSpan } from './training.ts';

// The first quarter of 2026 at a ward of four officials (hand-counted below).
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const o = (userId: string, joinedOn: string | null = null, leftOn: string | null = null): OfficialSpan => ({ userId, joinedOn, leftOn });
const done = (userId: string, completedOn: string, qualifies = true): CompletionFact => ({ userId, completedOn, qualifies });

describe('who counts as an active official at the period’s end', () => {
  it.each([
    ['there from the start', o('a'), true],
    ['joined mid-period', o('a', '2026-02-10'), true],
    ['joined on the last day', o('a', '2026-03-31'), true],
    ['joined after the period', o('a', '2026-04-01'), false],
    ['disabled mid-period', o('a', null, '2026-02-10'), false],
    ['disabled on the last day (gone that day)', o('a', null, '2026-03-31'), false],
    ['disabled the day after', o('a', null, '2026-04-01'), true],
  ] as const)('%s → %s', (_name, official, active) => {
    expect(activeOn(official, Q1.to)).toBe(active);
  });
});

describe('the share of officials trained', () => {
  const cases: { name: string; officials: OfficialSpan[]; completions: CompletionFact[]; expected: { trained: number; active: number; percent: number | null } }[] = [
    { name: 'nobody trained', officials: [o('a'), o('b')], completions: [], expected: { trained: 0, active: 2, percent: 0 } },
    { name: 'one of four, on the first day', officials: [o('a'), o('b'), o('c'), o('d')], completions: [done('a', '2026-01-01')], expected: { trained: 1, active: 4, percent: 25 } },
    { name: 'two courses by one official count once', officials: [o('a'), o('b')], completions: [done('a', '2026-01-05'), done('a', '2026-03-05')], expected: { trained: 1, active: 2, percent: 50 } },
    { name: 'a course outside the period does not count', officials: [o('a'), o('b')], completions: [done('a', '2025-12-31'), done('b', '2026-04-01')], expected: { trained: 0, active: 2, percent: 0 } },
    { name: 'a course that does not qualify (not digital skills) does not count', officials: [o('a'), o('b')], completions: [done('a', '2026-02-01', false)], expected: { trained: 0, active: 2, percent: 0 } },
    { name: 'an official who joined mid-period and trained counts in both', officials: [o('a'), o('b', '2026-02-15')], completions: [done('b', '2026-03-01')], expected: { trained: 1, active: 2, percent: 50 } },
    { name: 'an official disabled mid-period counts in neither, trained or not', officials: [o('a'), o('b'), o('c', null, '2026-03-01')], completions: [done('a', '2026-01-10'), done('c', '2026-01-10')], expected: { trained: 1, active: 2, percent: 50 } },
    { name: 'a completion of someone no longer of the unit is ignored', officials: [o('a')], completions: [done('x', '2026-01-10')], expected: { trained: 0, active: 1, percent: 0 } },
    { name: 'one of three: 33.33%', officials: [o('a'), o('b'), o('c')], completions: [done('c', '2026-03-31')], expected: { trained: 1, active: 3, percent: 33.33 } },
    { name: 'no active official: no share', officials: [o('a', null, '2025-12-01')], completions: [], expected: { trained: 0, active: 0, percent: null } },
  ];
  it.each(cases)('$name', ({ officials, completions, expected }) => {
    expect(shareTrained(officials, completions, Q1)).toEqual(expected);
  });
});
