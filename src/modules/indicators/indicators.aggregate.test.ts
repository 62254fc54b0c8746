import { describe, expect, it } from 'vitest';
import { periodPieces, type PeriodPieces } from './indicators.aggregate.ts';

describe('a period as pieces of the aggregate: whole months, and a part of a month from its days or as the month less its other days', () => {
  const cases: [string, string, string, PeriodPieces][] = [
    ['a whole year of months', '2026-01-01', '2026-12-31', { months: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'], days: [] }],
    [
      'a year to today (the 2nd): December less 2 days, then 2 days',
      '2025-12-03',
      '2026-01-02',
      { months: ['2025-12-01'], days: [{ from: '2025-12-01', to: '2025-12-02', sign: -1 }, { from: '2026-01-01', to: '2026-01-02', sign: 1 }] },
    ],
    ['half a month or less: its days', '2026-02-01', '2026-02-14', { months: [], days: [{ from: '2026-02-01', to: '2026-02-14', sign: 1 }] }],
    ['more than half: the month less the rest', '2026-02-01', '2026-02-15', { months: ['2026-02-01'], days: [{ from: '2026-02-16', to: '2026-02-28', sign: -1 }] }],
    ['inside a month, both ends cut', '2026-03-05', '2026-03-28', { months: ['2026-03-01'], days: [{ from: '2026-03-01', to: '2026-03-04', sign: -1 }, { from: '2026-03-29', to: '2026-03-31', sign: -1 }] }],
    ['one day', '2026-03-05', '2026-03-05', { months: [], days: [{ from: '2026-03-05', to: '2026-03-05', sign: 1 }] }],
    ['a leap February less a day', '2028-02-02', '2028-02-29', { months: ['2028-02-01'], days: [{ from: '2028-02-01', to: '2028-02-01', sign: -1 }] }],
  ];
  for (const [name, from, to, pieces] of cases) it(name, () => expect(periodPieces(from, to)).toEqual(pieces));
});
