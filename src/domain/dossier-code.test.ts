import { describe, expect, it } from 'vitest';
import { formatDossierCode, isValidUnitCode, parseDossierCode, vietnamDateParts } from './dossier-code.ts';

describe('isValidUnitCode', () => {
  it.each(['000.17.22.H56', '000.00.00.H56', 'DEMO.07894.H25', 'A.B', '1.2.3.4.5.6', 'ABCDEFGH.12345678'])(
    'accepts %s',
    (code) => {
      expect(isValidUnitCode(code)).toBe(true);
    },
  );

  it.each([
    '',
    'H56', // one group only
    '1.2.3.4.5.6.7', // 7 groups
    '000.17.22.h56', // lower case
    '000..22.H56',
    '.000.H56',
    '000.H56.',
    'ABCDEFGHI.H56', // group of 9
    '000.17.22.H56-1',
    '000 .H56',
    'Đ00.H56',
  ])('rejects %j', (code) => {
    expect(isValidUnitCode(code)).toBe(false);
  });
});

describe('vietnamDateParts', () => {
  it('uses UTC+7, not the machine zone', () => {
    expect(vietnamDateParts(new Date('2026-01-14T16:59:59Z'))).toEqual({ year: 2026, month: 1, day: 14 });
    expect(vietnamDateParts(new Date('2026-01-14T17:00:00Z'))).toEqual({ year: 2026, month: 1, day: 15 });
    expect(vietnamDateParts(new Date('2025-12-31T17:00:00Z'))).toEqual({ year: 2026, month: 1, day: 1 });
  });
});

describe('formatDossierCode', () => {
  it('builds the code from DOMAIN.md', () => {
    expect(formatDossierCode('000.17.22.H56', new Date('2026-01-15T09:30:00+07:00'), 7)).toBe(
      '000.17.22.H56-260115-0007',
    );
  });

  it('dates the code by the Vietnam calendar day', () => {
    // 17:30 UTC on the 14th is 00:30 on the 15th in Vietnam.
    expect(formatDossierCode('000.17.22.H56', new Date('2026-01-14T17:30:00Z'), 1)).toBe(
      '000.17.22.H56-260115-0001',
    );
    // 16:59 UTC is still 23:59 on the 14th.
    expect(formatDossierCode('000.17.22.H56', new Date('2026-01-14T16:59:00Z'), 1)).toBe(
      '000.17.22.H56-260114-0001',
    );
    // New Year in Vietnam while it is still 31 December in UTC.
    expect(formatDossierCode('DEMO.07894.H25', new Date('2025-12-31T18:00:00Z'), 42)).toBe(
      'DEMO.07894.H25-260101-0042',
    );
  });

  it('pads the sequence to 4 digits and widens past 9999 instead of wrapping', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    expect(formatDossierCode('000.00.00.H56', at, 1)).toBe('000.00.00.H56-260302-0001');
    expect(formatDossierCode('000.00.00.H56', at, 9999)).toBe('000.00.00.H56-260302-9999');
    expect(formatDossierCode('000.00.00.H56', at, 10000)).toBe('000.00.00.H56-260302-10000');
    expect(formatDossierCode('000.00.00.H56', at, 123456)).toBe('000.00.00.H56-260302-123456');
  });

  it('throws RangeError on bad input', () => {
    const at = new Date('2026-01-15T02:00:00Z');
    expect(() => formatDossierCode('h56', at, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.17.22.H56', new Date('nope'), 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.17.22.H56', at, 0)).toThrow(RangeError);
    expect(() => formatDossierCode('000.17.22.H56', at, -3)).toThrow(RangeError);
    expect(() => formatDossierCode('000.17.22.H56', at, 1.5)).toThrow(RangeError);
    expect(() => formatDossierCode('000.17.22.H56', new Date('1999-12-31T12:00:00Z'), 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.17.22.H56', new Date('2099-12-31T17:00:00Z'), 1)).toThrow(RangeError);
  });
});

describe('parseDossierCode', () => {
  it('parses the code from DOMAIN.md', () => {
    expect(parseDossierCode('000.17.22.H56-260115-0007')).toEqual({
      unitCode: '000.17.22.H56',
      date: '2026-01-15',
      seq: 7,
    });
  });

  it('tolerates spaces and lower case typed on the tracking page', () => {
    expect(parseDossierCode('  demo.07894.h25-260101-0042 ')).toEqual({
      unitCode: 'DEMO.07894.H25',
      date: '2026-01-01',
      seq: 42,
    });
  });

  it('round-trips with formatDossierCode, including 5-digit sequences', () => {
    for (const seq of [1, 7, 999, 9999, 10000, 54321]) {
      const code = formatDossierCode('000.17.22.H56', new Date('2026-02-28T16:00:00Z'), seq);
      expect(parseDossierCode(code)).toEqual({ unitCode: '000.17.22.H56', date: '2026-02-28', seq });
    }
  });

  it.each([
    '',
    '000.17.22.H56',
    '000.17.22.H56-260115',
    '000.17.22.H56-260115-007', // 3-digit sequence
    '000.17.22.H56-260115-0000', // sequence starts at 1
    '000.17.22.H56-260115-00007', // 5 digits with a leading zero: not the canonical spelling
    '000.17.22.H56-20260115-0007', // 8-digit date
    '000.17.22.H56-261315-0007', // month 13
    '000.17.22.H56-260230-0007', // 30 February
    '000.17.22.H56-250229-0007', // 2025 is not a leap year
    'H56-260115-0007', // unit code with one group
    '000.17.22.H56_260115_0007',
    '000.17.22.H56-260115-0007-1',
  ])('rejects %j', (code) => {
    expect(parseDossierCode(code)).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseDossierCode('000.17.22.H56-280229-0001')?.date).toBe('2028-02-29');
  });
});
