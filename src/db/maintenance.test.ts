import { describe, expect, it } from 'vitest';
import { nextVnHour } from './maintenance.ts';

describe('nextVnHour: the next time it is hour:00 in Vietnam (+07:00), strictly after now', () => {
  it.each([
    ['2026-12-02T01:00:00+07:00', 2, '2026-12-02T02:00:00+07:00'],
    ['2026-12-02T01:59:59.999+07:00', 2, '2026-12-02T02:00:00+07:00'],
    ['2026-12-02T02:00:00+07:00', 2, '2026-12-03T02:00:00+07:00'],
    ['2026-12-02T14:30:00+07:00', 2, '2026-12-03T02:00:00+07:00'],
    // 23:30 UTC on the 1st is 06:30 on the 2nd in Vietnam: the next 02:00 is the 3rd's.
    ['2026-12-01T23:30:00Z', 2, '2026-12-03T02:00:00+07:00'],
    // 18:30 UTC on the 1st is 01:30 on the 2nd in Vietnam.
    ['2026-12-01T18:30:00Z', 2, '2026-12-02T02:00:00+07:00'],
    ['2026-12-31T23:00:00+07:00', 0, '2027-01-01T00:00:00+07:00'],
    ['2028-02-28T23:00:00+07:00', 23, '2028-02-29T23:00:00+07:00'],
  ])('%s, hour %i → %s', (now, hour, expected) => {
    expect(nextVnHour(new Date(now), hour).toISOString()).toBe(new Date(expected).toISOString());
  });
});
