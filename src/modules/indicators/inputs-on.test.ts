import { describe, expect, it } from 'vitest';
import { inputsOn } from './indicators.repo.ts';

// The manual inputs in force on a day, picked from the report's one read (manualInputsIn: each
// item's last entered first), as `select distinct on (item_key) … where the period holds the day`
// picked them day by day.
const input = (itemKey: string, periodFrom: string, periodTo: string, rate: number, enteredAt: string) =>
  ({ itemKey, rate, source: `nguồn ${rate}`, enteredBy: 'Đỗ Văn Nam', enteredAt, periodFrom, periodTo }) as const;

const entered = [
  // synced: a correction entered later for March only, over the first quarter's figure.
  input('synced', '2026-03-01', '2026-03-31', 0.9, '2026-04-02 10:00:00+07'),
  input('synced', '2026-01-01', '2026-03-31', 0.5, '2026-04-01 10:00:00+07'),
  input('catalogue_published', '2026-02-01', '2026-12-31', 1, '2026-02-01 08:00:00+07'),
];

describe('inputsOn', () => {
  it.each([
    ['2025-12-31', []],
    ['2026-01-15', [['synced', 0.5]]],
    ['2026-02-01', [['synced', 0.5], ['catalogue_published', 1]]],
    ['2026-03-01', [['synced', 0.9], ['catalogue_published', 1]]],
    ['2026-03-31', [['synced', 0.9], ['catalogue_published', 1]]],
    ['2026-04-01', [['catalogue_published', 1]]],
  ] as const)('on %s', (day, expected) => {
    const got = inputsOn(entered, day as never).map((i) => [i.itemKey, i.rate]);
    expect(got.sort()).toEqual([...expected].map((e) => [...e]).sort());
  });

  it('gives the input without its period, as the score reads it', () => {
    expect(inputsOn(entered, '2026-03-15' as never)[0]).toEqual({ itemKey: 'synced', rate: 0.9, source: 'nguồn 0.9', enteredBy: 'Đỗ Văn Nam', enteredAt: '2026-04-02 10:00:00+07' });
  });
});
